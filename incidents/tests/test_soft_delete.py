"""Soft deletion (incidents.trash): a deleted record is hidden everywhere public and in the admin's lists,
kept with its links, shown in the admin's trash, and restored by a reviewer, with who and when in its history."""
import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.gis.geos import Point
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from incidents import importing, selectors, services, trash
from incidents.models import (
    Actor,
    ActorRole,
    Incident,
    IncidentActor,
    IncidentFact,
    Location,
    Source,
    Statement,
)

from .factories import (
    ActorFactory,
    IncidentActorFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
    StatementFactory,
    UserFactory,
)
from .test_api_csv import table
from .test_api_tiles import BAGHDAD, features, tile_of, tile_url

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/incidents/"


def member(role, username=None):
    user = UserFactory(username=username or role, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def reviewer():
    return member("reviewer")


@pytest.fixture
def two(reviewer):
    """Two published incidents at Baghdad, each with an actor and a source; the first is put in the trash."""
    deleted = IncidentFactory(point=Point(*BAGHDAD, srid=4326), killed_best=3, title="Deleted strike")
    kept = IncidentFactory(point=Point(*BAGHDAD, srid=4326), killed_best=1, title="Kept strike")
    for incident in (deleted, kept):
        IncidentActorFactory(incident=incident)
        IncidentSourceFactory(incident=incident)
    trash.soft_delete(deleted, user=reviewer)
    return deleted, kept


def ids(response):
    body = response.json()
    return [feature["id"] for feature in body.get("features", body.get("results", []))]


# --- An incident in the trash is hidden everywhere, and comes back when restored ------------------


def test_a_deleted_incident_leaves_the_api_list_and_its_count(api, two, reviewer):
    deleted, kept = two
    response = api.get(LIST_URL)
    assert (ids(response), response.json()["count"]) == ([kept.pk], 1)

    trash.restore(deleted, user=reviewer)

    response = api.get(LIST_URL)
    assert (sorted(ids(response)), response.json()["count"]) == (sorted([deleted.pk, kept.pk]), 2)


def test_a_deleted_incident_is_a_404_in_the_api_and_on_its_page(api, client, two, reviewer):
    deleted, kept = two
    assert api.get(f"{LIST_URL}{deleted.pk}/").status_code == 404
    assert client.get(reverse("incidents:incident-detail", args=[deleted.pk])).status_code == 404
    assert api.get(f"{LIST_URL}{kept.pk}/").status_code == 200

    trash.restore(deleted, user=reviewer)

    assert api.get(f"{LIST_URL}{deleted.pk}/").status_code == 200
    assert client.get(reverse("incidents:incident-detail", args=[deleted.pk])).status_code == 200


def test_a_deleted_incident_leaves_the_facts_and_the_counts(api, two, reviewer):
    deleted, kept = two
    assert set(IncidentFact.objects.values_list("incident_id", flat=True)) == {kept.pk}
    assert api.get("/api/v1/incidents/summary/").json()["total"]["incidents"] == 1
    assert [bar["incidents"] for bar in api.get("/api/v1/incidents/timeline/").json()["buckets"]] == [1]

    trash.restore(deleted, user=reviewer)

    assert set(IncidentFact.objects.values_list("incident_id", flat=True)) == {deleted.pk, kept.pk}
    assert api.get("/api/v1/incidents/summary/").json()["total"] == {
        "incidents": 2, "events": 2, "killed": 4, "injured": 0
    }


def test_a_deleted_incident_leaves_the_map_grid_and_tiles(api, two, reviewer):
    deleted, kept = two
    (zoom, x, y), _position = tile_of(*BAGHDAD, 8)
    grid = api.get("/api/v1/incidents/grid/", {"zoom": 6}).json()["features"]
    assert [cell["properties"]["incidents"] for cell in grid] == [1]
    assert [feature["id"] for feature in features(api.get(tile_url(zoom, x, y)))] == [kept.pk]

    trash.restore(deleted, user=reviewer)

    grid = api.get("/api/v1/incidents/grid/", {"zoom": 6}).json()["features"]
    assert [cell["properties"]["incidents"] for cell in grid] == [2]
    assert sorted(feature["id"] for feature in features(api.get(tile_url(zoom, x, y)))) == sorted([deleted.pk, kept.pk])


def test_a_deleted_incident_leaves_the_csv(api, two, reviewer):
    deleted, kept = two
    assert [row["notes"] for row in table(api.get(LIST_URL, {"format": "csv"}))] == ["Kept strike"]

    trash.restore(deleted, user=reviewer)

    notes = sorted(row["notes"] for row in table(api.get(LIST_URL, {"format": "csv"})))
    assert notes == ["Deleted strike", "Kept strike"]


def test_a_deleted_incident_is_in_the_mirrors_removed_feed_until_restored(api, reviewer):
    incident = IncidentFactory()
    long_ago = timezone.now() - datetime.timedelta(days=30)
    Incident.objects.filter(pk=incident.pk).update(updated_at=long_ago)
    Incident.history.filter(id=incident.pk).update(history_date=long_ago)
    since = timezone.now() - datetime.timedelta(seconds=1)
    assert ids(api.get(LIST_URL, {"updated_since": since.isoformat()})) == []

    trash.soft_delete(incident, user=reviewer)
    removed = api.get(f"{LIST_URL}removed/", {"since": since.isoformat()}).json()["removed"]
    assert [row["id"] for row in removed] == [incident.pk]

    trash.restore(incident, user=reviewer)
    assert api.get(f"{LIST_URL}removed/", {"since": since.isoformat()}).json()["removed"] == []
    changed = api.get(LIST_URL, {"updated_since": since.isoformat(), "ordering": "updated"})
    assert ids(changed) == [incident.pk]


# --- Actors, sources, statements and places ------------------------------------------------------


def test_a_deleted_actor_keeps_its_links_but_is_hidden_from_incidents_lists_and_lookups(api, reviewer):
    incident = IncidentFactory()
    shown = IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Iraqi Army")).actor
    hidden = IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Kata'ib Hezbollah")).actor
    matchers_version = importing._reference_version()

    trash.soft_delete(hidden, user=reviewer)

    # Extraction's matchers are rebuilt (their version moved on) from the look-ups without the deleted actor.
    assert importing._reference_version() != matchers_version

    detail = api.get(f"{LIST_URL}{incident.pk}/", {"format": "json"}).json()
    assert [actor["name_en"] for actor in detail["actors"]] == ["Iraqi Army"]
    assert list(incident.actors.all()) == [shown]
    assert [row["actor1"] for row in table(api.get(LIST_URL, {"format": "csv"}))] == ["Iraqi Army"]
    assert [row["id"] for row in api.get("/api/v1/incidents/summary/").json()["by_actor"][ActorRole.PERPETRATOR]] == [
        shown.pk
    ]
    assert api.get(f"/api/v1/actors/{hidden.pk}/").status_code == 404
    assert [row["id"] for row in api.get("/api/v1/actors/", {"format": "json"}).json()["results"]] == [shown.pk]
    assert hidden.slug not in {entry.key for entry in selectors.actor_entries()}
    assert IncidentActor.all_objects.filter(actor=hidden).count() == 1

    trash.restore(hidden, user=reviewer)

    detail = api.get(f"{LIST_URL}{incident.pk}/", {"format": "json"}).json()
    assert sorted(actor["name_en"] for actor in detail["actors"]) == ["Iraqi Army", "Kata'ib Hezbollah"]
    assert hidden.slug in {entry.key for entry in selectors.actor_entries()}


def test_a_place_with_incidents_or_places_in_it_cannot_be_deleted(reviewer):
    place = IncidentFactory().location
    parent = LocationFactory(name_en="Umbrella district")
    LocationFactory(parent=parent)
    empty = LocationFactory(slug="empty-place")

    with pytest.raises(ValidationError, match="incidents take place there"):
        trash.soft_delete(place, user=reviewer)
    with pytest.raises(ValidationError, match="places lie in it"):
        trash.soft_delete(parent, user=reviewer)
    trash.soft_delete(empty, user=reviewer)

    assert Location.objects.filter(pk__in=[place.pk, parent.pk]).count() == 2
    assert "empty-place" not in {entry.key for entry in selectors.gazetteer_entries()}
    assert Location.all_objects.get(pk=empty.pk).deleted_by == reviewer


def test_a_deleted_statement_leaves_the_api_and_restoring_needs_its_source(api, reviewer):
    statement = StatementFactory()
    statement.incidents.add(IncidentFactory())
    url = f"/api/v1/statements/{statement.pk}/"
    assert api.get(url).status_code == 200

    trash.soft_delete(statement, user=reviewer)
    assert api.get(url).status_code == 404
    assert Statement.objects.count() == 0

    # Its source can now go to the trash too; the statement cannot come back before its source.
    trash.soft_delete(statement.source, user=reviewer)
    with pytest.raises(ValidationError, match="is in the trash: restore it first"):
        trash.restore(statement, user=reviewer)
    trash.restore(statement.source, user=reviewer)
    trash.restore(statement, user=reviewer)
    assert api.get(url).status_code == 200


def test_a_source_with_statements_cannot_be_deleted(reviewer):
    statement = StatementFactory()
    with pytest.raises(ValidationError, match="statements are taken from it"):
        trash.soft_delete(statement.source, user=reviewer)


def test_reimporting_a_text_whose_source_is_in_the_trash_says_so(reviewer):
    source = SourceFactory(title="Old report")
    trash.soft_delete(source, user=reviewer)

    result = importing.import_article(text=source.text, published=source.published, user=reviewer)
    assert result.existing == source and result.existing.is_deleted and result.draft is None

    with pytest.raises(ValidationError, match="which is in the trash"):
        services.source_get_or_create(
            title="Again", text=source.text, language="en", published=source.published, user=reviewer
        )
    assert Source.all_objects.count() == 1

    page = logged_in(reviewer).post(
        reverse("admin:incidents_importdraft_import"),
        {"text": source.text, "published": source.published.isoformat(), "language": "en"},
        follow=True,
    )
    assert "which is in the trash" in page.content.decode()


def test_a_key_taken_by_a_record_in_the_trash_is_refused_with_a_clear_message(reviewer):
    actor = ActorFactory(slug="kh")
    trash.soft_delete(actor, user=reviewer)

    with pytest.raises(ValidationError) as caught:
        Actor(slug="kh", name_en="Another", kind="unidentified").full_clean()
    assert "in the trash" in caught.value.message_dict["slug"][0]
    # A key made from a name skips the keys of the trash too.
    assert services.actor_create(fields={"name_en": "KH", "kind": "unidentified"}).slug == "kh-2"


# --- Permissions ------------------------------------------------------------------------------------


def test_only_reviewers_delete_and_restore():
    editor, reviewer = member("editor"), member("reviewer")
    incident = IncidentFactory()

    with pytest.raises(PermissionDenied):
        trash.soft_delete(incident, user=editor)
    api = APIClient()
    api.force_authenticate(editor)
    assert api.delete(f"{LIST_URL}{incident.pk}/").status_code == 403
    editor_admin = logged_in(editor)
    delete_url = reverse("admin:incidents_incident_delete", args=[incident.pk])
    assert editor_admin.post(delete_url, {"post": "yes"}).status_code == 403
    assert Incident.objects.filter(pk=incident.pk).exists()

    trash.soft_delete(incident, user=reviewer)
    with pytest.raises(PermissionDenied):
        trash.restore(incident, user=editor)
    assert editor_admin.post(reverse("admin:incidents_incident_restore", args=[incident.pk])).status_code == 403
    changelist = editor_admin.get(reverse("admin:incidents_incident_changelist"), {"trash": "deleted"})
    assert changelist.status_code == 200 and "restore_selected" not in changelist.content.decode()
    assert not Incident.objects.filter(pk=incident.pk).exists()


# --- The admin: delete, the trash, restore ---------------------------------------------------------


def test_admin_bulk_delete_and_restore_with_history(reviewer):
    admin = logged_in(reviewer)
    first, second, kept = IncidentFactory(), IncidentFactory(), IncidentFactory()
    changelist = reverse("admin:incidents_incident_changelist")

    confirm = admin.post(changelist, {"action": "delete_selected", "_selected_action": [first.pk, second.pk]})
    assert "Put the selected incidents in the trash?" in confirm.content.decode()
    admin.post(changelist, {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"})

    assert list(Incident.objects.all()) == [kept]
    assert list(admin.get(changelist).context["cl"].result_list) == [kept]
    in_trash = admin.get(changelist, {"trash": "deleted"})
    assert set(in_trash.context["cl"].result_list) == {first, second}
    assert "deleted_by" in in_trash.context["cl"].list_display

    admin.post(f"{changelist}?trash=deleted", {"action": "restore_selected", "_selected_action": [first.pk, second.pk]})

    assert Incident.objects.count() == 3
    records = list(Incident.history.filter(id=first.pk).order_by("-history_id")[:2])
    assert [(record.history_user, record.history_change_reason) for record in records] == [
        (reviewer, "restored from the trash"),
        (reviewer, "deleted"),
    ]
    assert records[1].deleted_at is not None and records[0].deleted_at is None


def test_admin_delete_view_and_the_restore_button(reviewer):
    admin = logged_in(reviewer)
    actor = IncidentActorFactory().actor
    delete_url = reverse("admin:incidents_actor_delete", args=[actor.pk])

    assert "in the trash" in admin.get(delete_url).content.decode()
    admin.post(delete_url, {"post": "yes"})
    assert not Actor.objects.filter(pk=actor.pk).exists()

    # The record in the trash opens read-only, with who deleted it and a Restore button.
    page = admin.get(reverse("admin:incidents_actor_change", args=[actor.pk]))
    html = page.content.decode()
    restore_url = reverse("admin:incidents_actor_restore", args=[actor.pk])
    assert page.status_code == 200 and f'formaction="{restore_url}"' in html and "Deleted by reviewer" in html
    assert admin.get(restore_url).status_code == 405

    response = admin.post(restore_url)
    assert response.status_code == 302
    assert Actor.objects.filter(pk=actor.pk).exists()


def test_admin_refuses_to_delete_a_place_in_use_and_says_why(reviewer):
    admin = logged_in(reviewer)
    place = IncidentFactory(title="Strike on the base").location

    page = admin.get(reverse("admin:incidents_location_delete", args=[place.pk]))
    assert "cannot be put in the trash" in page.content.decode() and "Strike on the base" in page.content.decode()
    admin.post(reverse("admin:incidents_location_delete", args=[place.pk]), {"post": "yes"})
    assert Location.objects.filter(pk=place.pk).exists()


def test_admin_autocomplete_hides_the_trash(reviewer):
    admin = logged_in(reviewer)
    kept, deleted = ActorFactory(name_en="Army one"), ActorFactory(name_en="Army two")
    trash.soft_delete(deleted, user=reviewer)

    response = admin.get(
        reverse("admin:autocomplete"),
        {"term": "Army", "app_label": "incidents", "model_name": "incidentactor", "field_name": "actor"},
    )
    assert [row["id"] for row in response.json()["results"]] == [str(kept.pk)]


def test_the_trash_speaks_arabic(reviewer):
    admin = logged_in(reviewer)
    admin.cookies["django_language"] = "ar"
    actor = ActorFactory()
    trash.soft_delete(actor, user=reviewer)

    changelist = admin.get(reverse("admin:incidents_actor_changelist"), {"trash": "deleted"}).content.decode()
    page = admin.get(reverse("admin:incidents_actor_change", args=[actor.pk])).content.decode()
    confirm = admin.get(reverse("admin:incidents_actor_delete", args=[ActorFactory().pk])).content.decode()

    assert "في سلة المحذوفات" in changelist and "استعادة السجلات المحددة من سلة المحذوفات" in changelist
    assert "حذفه reviewer" in page and ">استعادة</button>" in page
    assert "انقله إلى سلة المحذوفات" in confirm
