"""The editors' admin: every page opens, search and filters find the right rows, edits leave history."""
import datetime

import pytest
from django.contrib import admin
from django.contrib.gis.geos import GEOSGeometry, Point
from django.db import connection
from django.templatetags.static import static
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from incidents import taxonomy
from incidents.models import (
    Actor,
    ActorMerge,
    ActorRole,
    ImportDraft,
    Incident,
    IncidentActor,
    IncidentSource,
    Location,
    LocationKind,
    LocationMerge,
    Source,
    Statement,
    StatementIncident,
    Status,
    Verification,
)

from .factories import (
    ActorFactory,
    CountryFactory,
    GovernorateFactory,
    IncidentActorFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [Location, Actor, Incident, Statement, Source]


def url(model, view, *args):
    return reverse(f"admin:incidents_{model._meta.model_name}_{view}", args=args)


def listed(response):
    """Return the primary keys of the rows a changelist response shows."""
    assert response.status_code == 200
    return {row.pk for row in response.context["cl"].result_list}


@pytest.fixture
def linked_incident():
    """Return an incident with an actor, a source excerpt and a statement about it."""
    link = IncidentActorFactory(actor=ActorFactory(name_en="Islamic Resistance in Iraq", aliases=["IRI"]))
    IncidentSourceFactory(incident=link.incident)
    StatementFactory().incidents.add(link.incident)
    return link.incident


def some_row(model, incident):
    return {
        Location: incident.location,
        Actor: incident.actors.get(),
        Incident: incident,
        Statement: incident.statements.get(),
        Source: incident.sources.get(),
    }[model]


# --- every page opens -----------------------------------------------------------------------------


def test_every_model_of_the_app_is_registered():
    registered = {model for model in admin.site._registry if model._meta.app_label == "incidents"}
    # Article imports: see test_admin_import.py; the merges of actors and places: test_merge.py.
    assert registered == {*MODELS, ImportDraft, ActorMerge, LocationMerge}


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_lists_the_rows(admin_user_logged_in, linked_incident, model):
    row = some_row(model, linked_incident)
    response = admin_user_logged_in.get(url(model, "changelist"))
    assert row.pk in listed(response)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_add_form_opens(admin_user_logged_in, linked_incident, model):
    response = admin_user_logged_in.get(url(model, "add"))
    assert response.status_code == 200
    assert response.context["adminform"].form.instance.pk is None


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_change_form_and_history_open(admin_user_logged_in, linked_incident, model):
    row = some_row(model, linked_incident)
    response = admin_user_logged_in.get(url(model, "change", row.pk))
    assert response.status_code == 200
    assert response.context["adminform"].form.instance == row
    assert admin_user_logged_in.get(url(model, "history", row.pk)).status_code == 200


def test_admin_pages_need_a_staff_login(client, linked_incident):
    response = client.get(url(Incident, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("model", [Location, Incident], ids=lambda model: model.__name__)
@pytest.mark.parametrize("view", ["add", "change"])
def test_location_and_incident_forms_draw_the_point_on_a_leaflet_map(admin_user_logged_in, linked_incident, model, view):
    args = [some_row(model, linked_incident).pk] if view == "change" else []
    html = admin_user_logged_in.get(url(model, view, *args)).content.decode()
    assert '<div id="id_point-map" class="leaflet-container-default"></div>' in html
    assert 'class="marsad-leaflet-map" data-map-id="id_point-map"' in html  # started by leaflet-maps.js
    assert 'data-callback="id_point_map_callback"' in html
    assert f'<script src="{static("leaflet/leaflet.js")}"></script>' in html
    assert f'<script src="{static("leaflet/draw/leaflet.draw.js")}"></script>' in html
    assert 'class="required django-leaflet-raw-textarea' in html


def test_change_form_map_holds_the_stored_point(admin_user_logged_in):
    incident = IncidentFactory(point=Point(42.4412, 33.7856, srid=4326))
    html = admin_user_logged_in.get(url(Incident, "change", incident.pk)).content.decode()
    assert "[ 42.4412, 33.7856 ]" in html


# --- search ---------------------------------------------------------------------------------------


@pytest.fixture
def ain_al_asad():
    return LocationFactory(
        name_en="Ain al-Asad Air Base", name_ar="قاعدة عين الأسد الجوية", aliases=["Al Asad Airbase", "عين الاسد"]
    )


@pytest.mark.parametrize(
    "term", ["Asad Airbase", "عين", "ain al-asad", "الجوية", "عين الاسد", "asad AIR BASE"], ids=repr
)
def test_location_search_finds_english_arabic_and_aliases(admin_user_logged_in, ain_al_asad, term):
    LocationFactory(name_en="Harir Air Base", name_ar="قاعدة حرير", aliases=["Harir airfield"])
    response = admin_user_logged_in.get(url(Location, "changelist"), {"q": term})
    assert ain_al_asad.pk in listed(response)
    assert not Location.objects.filter(name_en="Harir Air Base", pk__in=listed(response)).exists()


def test_location_search_with_no_match_lists_nothing(admin_user_logged_in, ain_al_asad):
    assert listed(admin_user_logged_in.get(url(Location, "changelist"), {"q": "Tanf"})) == set()


@pytest.mark.parametrize("term", ["Kata'ib", "كتائب", "KH", "Hezbollah Brigades"], ids=repr)
def test_actor_search_finds_english_arabic_and_aliases(admin_user_logged_in, term):
    kataib = ActorFactory(name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله", aliases=["KH", "Hezbollah Brigades"])
    other = ActorFactory(name_en="Harakat al-Nujaba", name_ar="حركة النجباء", aliases=["Nujaba"])
    found = listed(admin_user_logged_in.get(url(Actor, "changelist"), {"q": term}))
    assert kataib.pk in found
    assert other.pk not in found


def test_location_autocomplete_finds_an_alias(admin_user_logged_in, ain_al_asad):
    response = admin_user_logged_in.get(
        reverse("admin:autocomplete"),
        {"app_label": "incidents", "model_name": "incident", "field_name": "location", "term": "Asad Airbase"},
    )
    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [str(ain_al_asad.pk)]


@pytest.mark.parametrize(
    "term",
    ["هجوم بطائرة", "drone attack", "Ain al-Asad", "عين الأسد", "Islamic Resistance", "المقاومة الإسلامية"],
    ids=repr,
)
def test_incident_search_covers_titles_places_and_actors(admin_user_logged_in, ain_al_asad, term):
    incident = IncidentFactory(title="Drone attack on the base", title_ar="هجوم بطائرة مسيرة", location=ain_al_asad)
    IncidentActorFactory(
        incident=incident, actor=ActorFactory(name_en="Islamic Resistance in Iraq", name_ar="المقاومة الإسلامية في العراق")
    )
    other = IncidentFactory(title="Rocket attack", title_ar="هجوم صاروخي")
    found = listed(admin_user_logged_in.get(url(Incident, "changelist"), {"q": term}))
    assert found == {incident.pk}
    assert other.pk not in found


def test_statement_and_source_search_in_both_languages(admin_user_logged_in):
    source = SourceFactory(title="Attack on Ain al-Asad", text="قال مصدر أمني إن صاروخين سقطا قرب القاعدة")
    statement = StatementFactory(source=source, speaker_description="مصدر أمني", text="صاروخين سقطا قرب القاعدة")
    SourceFactory(title="Unrelated")
    assert listed(admin_user_logged_in.get(url(Source, "changelist"), {"q": "صاروخين"})) == {source.pk}
    assert listed(admin_user_logged_in.get(url(Source, "changelist"), {"q": "ain al-asad"})) == {source.pk}
    assert listed(admin_user_logged_in.get(url(Statement, "changelist"), {"q": "مصدر أمني"})) == {statement.pk}


# --- list filters ---------------------------------------------------------------------------------


@pytest.fixture
def places():
    iraq = CountryFactory()
    syria = CountryFactory(slug="sy", name_en="Syria", name_ar="سوريا", country_code="SY", point=Point(38.5, 35.0))
    baghdad = GovernorateFactory(parent=iraq)
    anbar = GovernorateFactory(slug="iq-anbar", name_en="Anbar", name_ar="الأنبار", point=Point(42.0, 33.4))
    deir = GovernorateFactory(
        slug="sy-deir-ez-zor", name_en="Deir ez-Zor", name_ar="دير الزور", parent=syria, country_code="SY"
    )
    return {
        "iraq": iraq,
        "syria": syria,
        "baghdad": baghdad,
        "anbar": anbar,
        "deir": deir,
        "victory": LocationFactory(name_en="Victory Base", parent=baghdad),
        "ain al-asad": LocationFactory(name_en="Ain al-Asad", parent=anbar),
        "conoco": LocationFactory(name_en="Conoco field", parent=deir, country_code="SY"),
    }


@pytest.fixture
def incidents(places):
    d = datetime.date
    return {
        "victory": IncidentFactory(location=places["victory"], date_start=d(2023, 10, 18), status=Status.DRAFT),
        "ain al-asad": IncidentFactory(
            location=places["ain al-asad"],
            date_start=d(2024, 1, 20),
            event_type=taxonomy.EXPLOSIONS,
            sub_event_type="Air/drone strike",
            verification=Verification.CLAIMED,
        ),
        "baghdad": IncidentFactory(
            location=places["baghdad"],
            date_start=d(2023, 12, 8),
            event_type=taxonomy.BATTLES,
            sub_event_type="Armed clash",
            verification=Verification.CONFIRMED,
        ),
        "conoco": IncidentFactory(location=places["conoco"], date_start=d(2024, 1, 5), status=Status.DRAFT),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "IQ"}, {"victory", "ain al-asad", "baghdad"}),
        ({"country": "SY"}, {"conoco"}),
        ({"governorate": "baghdad"}, {"victory", "baghdad"}),
        ({"governorate": "anbar"}, {"ain al-asad"}),
        ({"governorate": "deir"}, {"conoco"}),
        ({"status__exact": "draft"}, {"victory", "conoco"}),
        ({"status__exact": "published"}, {"ain al-asad", "baghdad"}),
        ({"verification__exact": "claimed"}, {"ain al-asad"}),
        ({"verification__exact": "confirmed"}, {"baghdad"}),
        ({"event_type__exact": taxonomy.BATTLES}, {"baghdad"}),
        ({"event_type__exact": taxonomy.EXPLOSIONS}, {"victory", "ain al-asad", "conoco"}),
        ({"sub_event_type__exact": "Air/drone strike"}, {"ain al-asad"}),
        ({"date_start__year": "2024"}, {"ain al-asad", "conoco"}),
        ({"date_start__year": "2023", "date_start__month": "12"}, {"baghdad"}),
        ({"date_start__year": "2024", "date_start__month": "1", "date_start__day": "5"}, {"conoco"}),
        ({"country": "IQ", "status__exact": "draft"}, {"victory"}),
        ({}, {"victory", "ain al-asad", "baghdad", "conoco"}),
    ],
    ids=lambda value: "&".join(f"{k}={v}" for k, v in value.items()) if isinstance(value, dict) else None,
)
def test_incident_list_filters_narrow_the_list(admin_user_logged_in, places, incidents, params, expected):
    if "governorate" in params:
        params = params | {"governorate": str(places[params["governorate"]].pk)}
    response = admin_user_logged_in.get(url(Incident, "changelist"), params)
    assert listed(response) == {incidents[name].pk for name in expected}


def test_incident_list_offers_the_country_and_governorate_choices(admin_user_logged_in, places, incidents):
    html = admin_user_logged_in.get(url(Incident, "changelist")).content.decode()
    for label in ("Iraq / العراق", "Syria / سوريا", "Anbar / الأنبار", "Deir ez-Zor / دير الزور"):
        assert label in html
    assert "?country=SY" in html
    assert f"?governorate={places['anbar'].pk}" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "SY"}, {"syria", "deir", "conoco"}),
        ({"governorate": "anbar"}, {"anbar", "ain al-asad"}),
        ({"kind__exact": LocationKind.GOVERNORATE}, {"baghdad", "anbar", "deir"}),
    ],
    ids=["country", "governorate", "kind"],
)
def test_location_list_filters_narrow_the_list(admin_user_logged_in, places, params, expected):
    if "governorate" in params:
        params = {"governorate": str(places[params["governorate"]].pk)}
    response = admin_user_logged_in.get(url(Location, "changelist"), params)
    assert listed(response) == {places[name].pk for name in expected}


# --- the incident change form: inlines, edits and history --------------------------------------------


def form_data(form):
    """Return the POST data a browser would send for `form` as it is rendered."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if isinstance(value, GEOSGeometry):
            value = value.geojson
        data[bound.html_name] = "on" if value is True else value
    return data


def change_form_post_data(response):
    """Return the POST data of an admin change form response, inline management forms included."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        data.update(form_data(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(form_data(form))
    return data


def test_incident_change_form_has_actor_source_and_statement_inlines(admin_user_logged_in, linked_incident):
    response = admin_user_logged_in.get(url(Incident, "change", linked_incident.pk))
    inlines = {inline.formset.model: inline.formset for inline in response.context["inline_admin_formsets"]}
    assert set(inlines) == {IncidentActor, IncidentSource, StatementIncident}
    assert [form.instance for form in inlines[IncidentActor].initial_forms] == list(linked_incident.incident_actors.all())
    assert [form.instance for form in inlines[IncidentSource].initial_forms] == list(linked_incident.incident_sources.all())
    assert [form.instance.statement for form in inlines[StatementIncident].initial_forms] == list(
        linked_incident.statements.all()
    )
    html = response.content.decode()
    for prefix in ("incident_actors", "incident_sources", "incident_statements"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html
    assert "Islamic Resistance in Iraq" in html
    assert "statements about this incident" in html.lower()


def test_editing_an_incident_in_the_admin_records_the_editor(admin_user_logged_in, linked_incident):
    editor = admin_user_logged_in.user
    change_url = url(Incident, "change", linked_incident.pk)
    data = change_form_post_data(admin_user_logged_in.get(change_url))
    target = ActorFactory(name_en="US forces")
    data.update(
        {
            "title": "Drone attack on Victory Base",
            "killed_best": "0",
            "incident_actors-1-actor": str(target.pk),
            "incident_actors-1-role": ActorRole.TARGET,
        }
    )

    response = admin_user_logged_in.post(change_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    linked_incident.refresh_from_db()
    assert linked_incident.title == "Drone attack on Victory Base"
    assert linked_incident.killed_best == 0
    assert set(linked_incident.incident_actors.values_list("actor__name_en", "role")) == {
        ("Islamic Resistance in Iraq", ActorRole.PERPETRATOR),
        ("US forces", ActorRole.TARGET),
    }
    latest = linked_incident.history.first()
    assert latest.history_type == "~"
    assert latest.history_user == editor
    assert latest.title == "Drone attack on Victory Base"
    assert linked_incident.incident_actors.get(actor=target).history.first().history_user == editor

    history_page = admin_user_logged_in.get(url(Incident, "history", linked_incident.pk))
    assert history_page.status_code == 200
    assert editor.username in history_page.content.decode()


def test_an_invalid_edit_is_refused_with_the_users_message(admin_user_logged_in, linked_incident):
    change_url = url(Incident, "change", linked_incident.pk)
    data = change_form_post_data(admin_user_logged_in.get(change_url))
    data.update({"event_type": taxonomy.BATTLES, "sub_event_type": "Air/drone strike"})
    response = admin_user_logged_in.post(change_url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "sub_event_type": ["“Air/drone strike” is not a sub-event type of “Battles”."]
    }
    assert linked_incident.history.count() == 1


def test_adding_an_incident_takes_the_point_and_end_date_from_the_location(admin_user_logged_in):
    place = LocationFactory(point=Point(42.44, 33.79, srid=4326), geo_precision=2)
    data = {
        "title": "Rockets on Ain al-Asad",
        "date_start": "2024-01-20",
        "date_precision": "day",
        "event_type": taxonomy.EXPLOSIONS,
        "sub_event_type": "Shelling/artillery/missile attack",
        "weapon": "rocket",
        "outcome": "unknown",
        "count": "1",
        "location": str(place.pk),
        "verification": Verification.REPORTED,
        "status": Status.DRAFT,
    }
    for prefix in ("incident_actors", "incident_sources", "incident_statements"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_user_logged_in.post(url(Incident, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    incident = Incident.objects.get(title="Rockets on Ain al-Asad")
    assert incident.point.coords == (42.44, 33.79)
    assert incident.geo_precision == 2
    assert incident.date_end == datetime.date(2024, 1, 20)
    assert incident.history.get().history_user == admin_user_logged_in.user


def test_adding_a_source_with_a_stored_text_is_refused_with_a_message(admin_user_logged_in):
    SourceFactory(title="Rockets hit Ain al-Asad", text="Two rockets struck the base.")
    data = {
        "title": "Same article, another outlet",
        "language": "en",
        "published": "2023-12-09",
        "text": "Two rockets\nstruck the base.",
        "incident_links-TOTAL_FORMS": "0",
        "incident_links-INITIAL_FORMS": "0",
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
    }
    response = admin_user_logged_in.post(url(Source, "add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "text": ["This text is already stored as the source “Rockets hit Ain al-Asad”."]
    }
    assert Source.objects.count() == 1


# --- actions --------------------------------------------------------------------------------------


def test_publish_action_publishes_the_selected_drafts(admin_user_logged_in):
    drafts = IncidentFactory.create_batch(2, status=Status.DRAFT)
    left_alone = IncidentFactory(status=Status.DRAFT)
    already = IncidentFactory(status=Status.PUBLISHED)
    selected = [*drafts, already]

    response = admin_user_logged_in.post(
        url(Incident, "changelist"),
        {"action": "publish", "_selected_action": [str(incident.pk) for incident in selected]},
        follow=True,
    )

    assert response.status_code == 200
    assert "2 incidents published." in [str(message) for message in response.context["messages"]]
    assert set(Incident.objects.published()) == {*drafts, already}
    assert list(Incident.objects.drafts()) == [left_alone]
    for incident in drafts:
        latest = incident.history.first()
        assert (latest.status, latest.history_user) == (Status.PUBLISHED, admin_user_logged_in.user)
    assert already.history.count() == 1


# --- query counts ---------------------------------------------------------------------------------


def make_rows(model, count):
    """Create `count` rows of `model` with the relations its changelist shows."""
    governorate = GovernorateFactory()
    for _ in range(count):
        if model is Location:
            LocationFactory(parent=governorate)
        elif model is Actor:
            ActorFactory(parent=ActorFactory(), aliases=["alias"])
        elif model is Incident:
            incident = IncidentFactory(location=LocationFactory(parent=governorate))
            IncidentActorFactory(incident=incident)
            IncidentSourceFactory(incident=incident)
        elif model is Statement:
            StatementFactory(speaker_actor=ActorFactory(), speaker_description="")
        elif model is Source:
            IncidentSourceFactory()


def changelist_queries(client, model):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(model, "changelist"))
    assert response.status_code == 200
    return len(queries), len(response.context["cl"].result_list)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_changelist_queries_do_not_grow_with_the_rows(admin_user_logged_in, model):
    make_rows(model, 3)
    few, shown_few = changelist_queries(admin_user_logged_in, model)
    make_rows(model, 27)
    many, shown_many = changelist_queries(admin_user_logged_in, model)
    assert shown_many >= shown_few + 27
    assert many == few


def test_a_source_address_typed_without_its_scheme_is_stored_as_https(admin_user_logged_in):
    data = {
        "title": "Rockets hit Ain al-Asad",
        "language": "en",
        "published": "2023-12-09",
        "url": "www.example.com/news/rockets",
        "text": "Two rockets struck the base.",
        "incident_links-TOTAL_FORMS": "0",
        "incident_links-INITIAL_FORMS": "0",
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
    }
    response = admin_user_logged_in.post(url(Source, "add"), data)
    assert response.status_code == 302
    assert Source.objects.get().url == "https://www.example.com/news/rockets"
