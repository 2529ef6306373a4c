"""Writes through /api/v1/: token authentication, model permissions, the services' checks as 400s naming
the field, all-or-nothing writes, the token's user in the history, and the publishing rule."""
import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.gis.geos import Point
from django.db import IntegrityError, transaction
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.test import APIClient

from incidents.api.writes import ServiceCall
from incidents.models import (
    Actor,
    Incident,
    IncidentActor,
    IncidentSource,
    Location,
    Statement,
    StatementIncident,
    Status,
)

from .factories import (
    ActorFactory,
    IncidentActorFactory,
    IncidentFactory,
    LocationFactory,
    SourceFactory,
    StatementFactory,
    SuperUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def user_with(*codenames):
    user = UserFactory(is_staff=False)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="incidents", codename__in=codenames))
    assert user.user_permissions.count() == len(codenames)
    return user


def client_of(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


@pytest.fixture
def editor():
    """Return a client whose token's user may add, change and delete every model the API writes, and publish
    (a reviewer's permissions: test_roles has the editor's, who may not publish)."""
    return client_of(
        user_with("publish_incident", *(f"{action}_{model}" for action in ("add", "change", "delete")
                                        for model in ("incident", "actor", "location", "statement")))
    )  # fmt: skip


def incident_body(place, **fields):
    return {
        "title": "Rockets hit Ain al-Asad",
        "date_start": "2023-12-08",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "location": place.pk,
        **fields,
    }


WRITES = [
    ("post", "/api/v1/{}/"),
    ("put", "/api/v1/{}/{}/"),
    ("patch", "/api/v1/{}/{}/"),
    ("delete", "/api/v1/{}/{}/"),
]


def existing(path):
    return {
        "incidents": IncidentFactory,
        "actors": ActorFactory,
        "locations": LocationFactory,
        "statements": StatementFactory,
    }[path]()


# --- Who may write ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["incidents", "actors", "locations", "statements"])
@pytest.mark.parametrize(("method", "url"), WRITES)
def test_anonymous_writes_are_401s_naming_the_token_scheme(path, method, url):
    row = existing(path)

    response = getattr(APIClient(), method)(url.format(path, row.pk), {}, format="json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response["Content-Type"] == "application/json"


def test_an_unknown_or_revoked_token_is_a_401():
    user = user_with("add_actor")
    client = client_of(user)
    Token.objects.filter(user=user).delete()  # revoked in the admin

    response = client.post("/api/v1/actors/", {"name_en": "Group", "kind": "unidentified"}, format="json")

    assert response.status_code == 401
    assert Actor.objects.count() == 0


@pytest.mark.parametrize("path", ["incidents", "actors", "locations", "statements"])
@pytest.mark.parametrize(("method", "url"), WRITES)
def test_a_user_without_the_model_permission_gets_a_403(path, method, url):
    row = existing(path)
    others = {"incidents": "actor", "actors": "location", "locations": "statement", "statements": "incident"}[path]
    client = client_of(user_with(f"add_{others}", f"change_{others}", f"delete_{others}"))

    response = getattr(client, method)(url.format(path, row.pk), {}, format="json")

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert type(row).objects.filter(pk=row.pk).exists()


def test_each_method_needs_its_own_permission():
    actor = ActorFactory(name_en="Old name")
    may_change = client_of(user_with("change_actor"))

    assert may_change.patch(f"/api/v1/actors/{actor.pk}/", {"name_en": "New name"}, format="json").status_code == 200
    assert may_change.post("/api/v1/actors/", {"name_en": "Other", "kind": "unidentified"}, format="json").status_code == 403
    assert may_change.delete(f"/api/v1/actors/{actor.pk}/").status_code == 403


def test_reads_stay_open_to_everyone_and_published_only_for_writers(editor):
    draft = IncidentFactory(status=Status.DRAFT)

    assert APIClient().get("/api/v1/actors/").status_code == 200
    assert editor.get(f"/api/v1/incidents/{draft.pk}/").status_code == 404


def test_the_token_admin_is_in_arabic_too(client):
    client.force_login(SuperUserFactory(username="chief"))

    page = client.get("/admin/authtoken/tokenproxy/", HTTP_ACCEPT_LANGUAGE="ar")
    added = client.post("/admin/authtoken/tokenproxy/add/", {"user": UserFactory(username="reporter").pk})

    assert page.status_code == 200
    assert "الرموز" in page.content.decode()
    assert added.status_code == 302
    assert Token.objects.filter(user__username="reporter").exists()


# --- Incidents -------------------------------------------------------------------------------------


def test_an_editor_creates_a_draft_incident_with_actors_and_evidence(editor):
    location = LocationFactory()
    actor = ActorFactory()
    source = SourceFactory(text="Two rockets struck Ain al-Asad air base on Friday.")

    response = editor.post(
        "/api/v1/incidents/",
        incident_body(location, killed_best=1, actors=[{"actor": actor.pk, "role": "perpetrator"}],
                      sources=[{"source": source.pk, "start_offset": 0, "end_offset": 11}]),
        format="json",
    )  # fmt: skip

    assert response.status_code == 201, response.json()
    body = response.json()
    incident = Incident.objects.get(pk=body["id"])
    assert incident.status == Status.DRAFT and body["status"] == "draft"
    assert incident.point == location.point and body["point"]["coordinates"] == [location.point.x, location.point.y]
    assert incident.date_end == datetime.date(2023, 12, 8)
    assert body["actors"] == [{"actor": actor.pk, "role": "perpetrator"}]
    assert incident.incident_sources.get().excerpt == "Two rockets"
    assert incident.history.get().history_user == editor.user
    assert IncidentActor.history.get().history_user == editor.user
    # A draft: the public still does not see it.
    assert APIClient().get(f"/api/v1/incidents/{incident.pk}/").status_code == 404


def test_publishing_on_creation_needs_the_publish_permission():
    location = LocationFactory()
    adder = client_of(user_with("add_incident", "change_incident"))
    publisher = client_of(user_with("add_incident", "publish_incident"))

    refused = adder.post("/api/v1/incidents/", incident_body(location, status="published"), format="json")
    allowed = publisher.post("/api/v1/incidents/", incident_body(location, status="published"), format="json")

    assert refused.status_code == 403
    assert refused.json() == {"status": ["Only reviewers publish incidents (incidents.publish_incident)."]}
    assert allowed.status_code == 201
    assert Incident.objects.get().status == Status.PUBLISHED
    assert APIClient().get(f"/api/v1/incidents/{allowed.json()['id']}/").status_code == 200


def test_an_editor_publishes_and_unpublishes_a_draft_with_patch(editor):
    draft = IncidentFactory(status=Status.DRAFT)

    published = editor.patch(f"/api/v1/incidents/{draft.pk}/", {"status": "published"}, format="json")
    visible = APIClient().get(f"/api/v1/incidents/{draft.pk}/").status_code
    editor.patch(f"/api/v1/incidents/{draft.pk}/", {"status": "draft"}, format="json")

    assert published.status_code == 200
    assert visible == 200
    assert APIClient().get(f"/api/v1/incidents/{draft.pk}/").status_code == 404
    assert [record.history_user for record in draft.history.all()[:2]] == [editor.user, editor.user]


def test_patch_changes_only_what_it_names_and_records_the_user(editor):
    incident = IncidentFactory(title="Old", killed_best=3)
    IncidentActorFactory(incident=incident)

    response = editor.patch(f"/api/v1/incidents/{incident.pk}/", {"title": "New"}, format="json")

    incident.refresh_from_db()
    assert response.status_code == 200
    assert (incident.title, incident.killed_best, incident.incident_actors.count()) == ("New", 3, 1)
    assert incident.history.first().history_user == editor.user


def test_put_replaces_the_actors(editor):
    incident = IncidentFactory()
    kept, dropped, added = ActorFactory(), ActorFactory(), ActorFactory()
    IncidentActorFactory(incident=incident, actor=kept)
    IncidentActorFactory(incident=incident, actor=dropped)

    response = editor.put(
        f"/api/v1/incidents/{incident.pk}/",
        incident_body(incident.location, actors=[{"actor": kept.pk, "role": "perpetrator"},
                                                 {"actor": added.pk, "role": "target"}]),
        format="json",
    )  # fmt: skip

    assert response.status_code == 200, response.json()
    assert set(incident.incident_actors.values_list("actor", "role")) == {(kept.pk, "perpetrator"), (added.pk, "target")}
    assert IncidentActor.history.filter(history_type="-").get().history_user == editor.user


def test_a_new_location_brings_its_point_unless_one_is_given(editor):
    incident = IncidentFactory()
    elsewhere = LocationFactory(point=Point(40.14, 35.33, srid=4326))

    editor.patch(f"/api/v1/incidents/{incident.pk}/", {"location": elsewhere.pk}, format="json")
    incident.refresh_from_db()
    moved = incident.point.coords
    editor.patch(f"/api/v1/incidents/{incident.pk}/", {"point": {"type": "Point", "coordinates": [44.4, 33.3]}},
                 format="json")  # fmt: skip
    incident.refresh_from_db()

    assert moved == (40.14, 35.33)
    assert incident.point.coords == (44.4, 33.3)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"killed_low": 5, "killed_best": 2}, "killed_best"),
        ({"sub_event_type": "Armed clash"}, "sub_event_type"),
        ({"date_end": "2023-12-01"}, "date_end"),
        ({"event_type": "Picnic"}, "event_type"),
        ({"date_start": "08/12/2023"}, "date_start"),
        ({"count": 0}, "count"),
        ({"location": 999999}, "location"),
        ({"point": {"type": "Point", "coordinates": [1e308, 0]}}, "point"),
        ({"point": {"type": "Point", "coordinates": [44, 91]}}, "point"),
        ({"point": {"type": "Point", "coordinates": ["44", "x"]}}, "point"),
        ({"point": "POINT(44 33)"}, "point"),
        ({"actors": [{"actor": 1, "role": "bystander"}]}, "actors"),
        ({"actors": [{"actor": 999999, "role": "target"}]}, "actors"),
        ({"sources": [{"source": 999999, "start_offset": 0, "end_offset": 1}]}, "sources"),
        ({"title": "a\x00b"}, "title"),
    ],
)
def test_an_invalid_incident_is_a_400_naming_the_field_and_nothing_is_written(editor, fields, field):
    location = LocationFactory()
    ActorFactory()

    response = editor.post("/api/v1/incidents/", incident_body(location, **fields), format="json")

    assert response.status_code == 400
    assert field in response.json(), response.json()
    assert Incident.objects.count() == 0 and IncidentActor.objects.count() == 0


def test_evidence_past_the_end_of_the_text_leaves_nothing_half_saved(editor):
    source = SourceFactory(text="Short text.")
    incident = IncidentFactory(title="Before")
    location, actor = LocationFactory(), ActorFactory()
    evidence = [{"source": source.pk, "start_offset": 0, "end_offset": 500}]

    created = editor.post(
        "/api/v1/incidents/",
        incident_body(location, actors=[{"actor": actor.pk, "role": "target"}], sources=evidence),
        format="json",
    )
    changed = editor.patch(f"/api/v1/incidents/{incident.pk}/", {"title": "After", "sources": evidence}, format="json")

    assert created.status_code == changed.status_code == 400
    assert created.json() == {"sources": ["The offsets run past the end of the source text."]}
    assert "sources" in changed.json()
    assert Incident.objects.get() == incident
    incident.refresh_from_db()
    assert incident.title == "Before"
    assert IncidentActor.objects.count() == IncidentSource.objects.count() == 0
    assert incident.history.count() == 1


def test_json_with_nan_is_a_400(editor):
    response = editor.post(
        "/api/v1/incidents/", '{"title": "x", "killed_best": NaN}', content_type="application/json"
    )

    assert response.status_code == 400
    assert Incident.objects.count() == 0


def test_delete_puts_the_incident_in_the_trash_and_records_the_user(editor):
    incident = IncidentFactory(status=Status.DRAFT)
    IncidentActorFactory(incident=incident)

    response = editor.delete(f"/api/v1/incidents/{incident.pk}/")

    assert response.status_code == 204
    assert not Incident.objects.exists() and not IncidentActor.objects.exists()
    # In the trash, with its links, restorable (incidents.trash); the history says who deleted it.
    stored = Incident.all_objects.get(pk=incident.pk)
    assert (stored.deleted_by, IncidentActor.all_objects.filter(incident=incident).count()) == (editor.user, 1)
    assert Incident.history.filter(id=incident.pk).first().history_user == editor.user
    assert editor.delete(f"/api/v1/incidents/{incident.pk}/").status_code == 404


def test_writing_an_unknown_incident_is_a_json_404(editor):
    response = editor.patch("/api/v1/incidents/999999/", {"title": "x"}, format="json")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


# --- Actors and locations --------------------------------------------------------------------------


def test_an_editor_creates_an_actor_with_a_key_made_from_its_name(editor):
    umbrella = ActorFactory()

    response = editor.post(
        "/api/v1/actors/",
        {"name_en": "Harakat al-Nujaba", "name_ar": "حركة النجباء", "kind": "militia or armed group",
         "parent": umbrella.pk, "aliases": ["Nujaba"]},
        format="json",
    )  # fmt: skip

    assert response.status_code == 201, response.json()
    actor = Actor.objects.get(pk=response.json()["id"])
    assert (actor.slug, actor.parent, actor.aliases) == ("harakat-al-nujaba", umbrella, ["Nujaba"])
    assert actor.history.get().history_user == editor.user


def test_actor_errors_name_the_field(editor):
    actor = ActorFactory(slug="kh")
    member = ActorFactory(parent=actor)

    taken = editor.post("/api/v1/actors/", {"slug": "kh", "name_en": "X", "kind": "unidentified"}, format="json")
    cycle = editor.patch(f"/api/v1/actors/{actor.pk}/", {"parent": member.pk}, format="json")
    blank = editor.post("/api/v1/actors/", {"name_en": "", "kind": "unidentified"}, format="json")

    assert (taken.status_code, list(taken.json())) == (400, ["slug"])
    assert cycle.status_code == 400
    assert cycle.json() == {"parent": ["An actor cannot be part of itself."]}
    assert (blank.status_code, list(blank.json())) == (400, ["name_en"])
    actor.refresh_from_db()
    assert actor.parent is None


def test_deleting_an_actor_with_members_is_a_409_and_keeps_it(editor):
    actor = ActorFactory(name_en="Umbrella", name_ar="")
    ActorFactory(parent=actor, name_en="Member", name_ar="")
    in_incident = IncidentActorFactory().actor

    in_use = editor.delete(f"/api/v1/actors/{actor.pk}/")
    removed = editor.delete(f"/api/v1/actors/{in_incident.pk}/")

    assert in_use.status_code == 409
    assert in_use.json() == {"detail": "“Umbrella” cannot be deleted: actors are part of it: “Member”."}
    assert Actor.objects.filter(pk=actor.pk).exists()
    # An actor of an incident goes to the trash; its role in the incident is kept, hidden (incidents.trash).
    assert removed.status_code == 204
    assert not Actor.objects.filter(pk=in_incident.pk).exists()
    assert IncidentActor.all_objects.filter(actor=in_incident).exists()
    assert Actor.history.filter(id=in_incident.pk).first().history_user == editor.user


def test_an_editor_creates_and_moves_a_location(editor):
    from .factories import GovernorateFactory

    baghdad = GovernorateFactory()
    anbar = GovernorateFactory(slug="iq-anbar", name_en="Anbar", name_ar="الأنبار", point=Point(41.4, 33.18, srid=4326))

    created = editor.post(
        "/api/v1/locations/",
        {"name_en": "Camp Taji", "kind": "military base", "parent": baghdad.pk,
         "point": {"type": "Point", "coordinates": [44.25, 33.52]}, "pcode": "IQX-1"},
        format="json",
    )  # fmt: skip
    location = Location.objects.get(pk=created.json()["id"])
    moved = editor.patch(f"/api/v1/locations/{location.pk}/", {"parent": anbar.pk}, format="json")
    location.refresh_from_db()

    assert created.status_code == 201, created.json()
    assert (location.slug, location.country_code, location.point.coords) == ("camp-taji", "IQ", (44.25, 33.52))
    assert moved.status_code == 200
    assert location.governorate == anbar
    assert location.history.first().history_user == editor.user


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"point": {"type": "Point", "coordinates": [200, 0]}}, "point"),
        ({"kind": "castle"}, "kind"),
        ({"pcode": "IQG07"}, "pcode"),
        ({"geo_precision": 4}, "geo_precision"),
        ({"parent": "abc"}, "parent"),
    ],
)
def test_location_errors_name_the_field(editor, fields, field):
    LocationFactory(pcode="IQG07")
    before = Location.objects.count()

    response = editor.post("/api/v1/locations/", {"name_en": "Somewhere", "kind": "town", **fields}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert Location.objects.count() == before


# --- Statements ------------------------------------------------------------------------------------


def test_an_editor_creates_a_statement_about_incidents_and_replaces_them(editor):
    source = SourceFactory(text="The ministry condemned the attack on the embassy.")
    first, second = IncidentFactory(), IncidentFactory()
    speaker = ActorFactory()

    created = editor.post(
        "/api/v1/statements/",
        {"speaker_actor": speaker.pk, "source": source.pk, "kind": "condemnation", "text": "condemned the attack",
         "language": "en", "start_offset": 13, "end_offset": 33, "incidents": [first.pk]},
        format="json",
    )  # fmt: skip
    statement = Statement.objects.get(pk=created.json()["id"])
    changed = editor.patch(f"/api/v1/statements/{statement.pk}/", {"incidents": [second.pk]}, format="json")

    assert created.status_code == 201, created.json()
    assert changed.status_code == 200
    assert list(statement.incidents.all()) == [second]
    assert {record.history_user for record in statement.history.all()} == {editor.user}
    assert StatementIncident.history.filter(history_type="-").get().history_user == editor.user
    assert APIClient().get(f"/api/v1/statements/{statement.pk}/").json()["incidents"] == [second.pk]


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"speaker_actor": None, "speaker_description": " "},
         {"non_field_errors": ["Name the speaker: choose an actor or describe the speaker."]}),
        ({"start_offset": 0, "end_offset": 999}, {"end_offset": ["The offsets run past the end of the source text."]}),
        ({"start_offset": 3}, {"end_offset": ["Give both offsets or neither."]}),
        ({"kind": "rumour"}, None),
        ({"incidents": [999999]}, None),
    ],
)  # fmt: skip
def test_statement_errors_name_the_field_and_write_nothing(editor, fields, errors):
    source = SourceFactory(text="Short.")
    body = {"speaker_description": "a source", "source": source.pk, "kind": "report", "text": "Short.",
            "language": "en", **fields}  # fmt: skip

    response = editor.post("/api/v1/statements/", body, format="json")

    assert response.status_code == 400
    if errors is not None:
        assert response.json() == errors
    else:
        assert list(response.json()) == [next(iter(fields))]
    assert Statement.objects.count() == 0


# --- Constraint violations -------------------------------------------------------------------------


def test_a_constraint_violated_at_the_database_is_a_400_naming_the_field():
    ActorFactory(slug="kh")

    with pytest.raises(APIValidationError) as caught:
        with ServiceCall(Actor), transaction.atomic():
            # As a concurrent writer would: the same key saved past the model's checks.
            Actor.objects.create(slug="kh", name_en="Copy", kind="unidentified")

    assert list(caught.value.detail) == ["slug"]
    assert isinstance(caught.value.__cause__, IntegrityError)


def test_a_check_constraint_violated_at_the_database_is_a_400_without_a_single_field():
    with pytest.raises(APIValidationError) as caught:
        with ServiceCall(Actor), transaction.atomic():
            Actor.objects.create(slug="nameless", name_en="", kind="unidentified")

    assert list(caught.value.detail) == ["non_field_errors"]
