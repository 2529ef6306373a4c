"""The read side of /api/v1/actors/, locations/, statements/ and sources/: payloads, filters, paging,
visibility (drafts never leak, not even as a count) and query counts."""
import csv
import datetime
import io

import pytest
import yaml
from django.contrib.gis.geos import Point
from django.db.models import F
from rest_framework.test import APIClient

from incidents.api import resources
from incidents.models import ActorKind, LocationKind, Status, StatementIncident, StatementKind

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


@pytest.fixture
def api():
    return APIClient()


def ids(response):
    assert response.status_code == 200, response.content[:300]
    return [row["id"] for row in response.json()["results"]]


def statement_about(*incidents, **kwargs):
    statement = StatementFactory(**kwargs)
    for incident in incidents:
        StatementIncident.objects.create(statement=statement, incident=incident)
    return statement


# --- Actors ---------------------------------------------------------------------------------------


def test_actor_list_shows_an_actor_of_a_published_incident_with_its_counts(api):
    umbrella = ActorFactory(name_en="Islamic Resistance in Iraq", name_ar="المقاومة الإسلامية في العراق")
    actor = ActorFactory(
        name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله", aliases=["KH"], parent=umbrella, description="A group."
    )
    IncidentActorFactory(actor=umbrella)
    first, second = IncidentFactory(), IncidentFactory()
    IncidentActorFactory(actor=actor, incident=first)
    IncidentActorFactory(actor=actor, incident=first, role="claimant")
    IncidentActorFactory(actor=actor, incident=second)
    statement_about(first, speaker_actor=actor)

    response = api.get(f"/api/v1/actors/{actor.pk}/")

    assert response.status_code == 200
    assert response.json() == {
        "id": actor.pk,
        "slug": actor.slug,
        "name_en": "Kata'ib Hezbollah",
        "name_ar": "كتائب حزب الله",
        "aliases": ["KH"],
        "kind": "militia or armed group",
        "country_code": "IQ",
        "parent": umbrella.pk,
        "description": "A group.",
        "incident_count": 2,
        "statement_count": 1,
    }


def test_actors_of_drafts_only_are_hidden_and_counts_leave_drafts_out(api):
    public = ActorFactory(name_en="Seen group")
    hidden = ActorFactory(name_en="Draft-only group")
    IncidentActorFactory(actor=public)
    IncidentActorFactory(actor=public, incident=IncidentFactory(status=Status.DRAFT))
    IncidentActorFactory(actor=hidden, incident=IncidentFactory(status=Status.DRAFT))
    statement_about(IncidentFactory(status=Status.DRAFT), speaker_actor=public)
    member = ActorFactory(parent=hidden)
    IncidentActorFactory(actor=member)

    listed = api.get("/api/v1/actors/")

    assert ids(listed) == [member.pk, public.pk]
    assert "Draft-only group" not in listed.content.decode()
    detail = api.get(f"/api/v1/actors/{public.pk}/").json()
    assert (detail["incident_count"], detail["statement_count"]) == (1, 0)
    assert "incident_count" not in listed.json()["results"][0]
    # The hidden parent does not show through its member, nor through the parent filter.
    assert api.get(f"/api/v1/actors/{member.pk}/").json()["parent"] is None
    assert ids(api.get("/api/v1/actors/", {"parent": hidden.pk})) == []
    assert api.get(f"/api/v1/actors/{hidden.pk}/").status_code == 404


def test_actor_filters(api):
    iraqi = ActorFactory(name_en="Popular Mobilization Forces", name_ar="الحشد الشعبي", aliases=["PMF"], kind=ActorKind.STATE_FORCE)
    american = ActorFactory(name_en="United States Army", name_ar="الجيش الأميركي", country_code="US", kind=ActorKind.STATE_FORCE)
    member = ActorFactory(name_en="Brigade 45", parent=iraqi)
    for actor in (iraqi, american, member):
        IncidentActorFactory(actor=actor)

    assert ids(api.get("/api/v1/actors/", {"name": "pmf"})) == [iraqi.pk]
    assert ids(api.get("/api/v1/actors/", {"name": "mobilization"})) == [iraqi.pk]
    # Arabic spelled without hamza, with a diacritic: the same name.
    assert ids(api.get("/api/v1/actors/", {"name": "الامیركي"})) == [american.pk]
    assert ids(api.get("/api/v1/actors/", {"name": "الحَشد"})) == [iraqi.pk]
    # Stored with diacritics, tatweel and a hamza: found as typed without them.
    marked = ActorFactory(name_en="Saraya", name_ar="سَرايـا أولياء الدم")
    IncidentActorFactory(actor=marked)
    assert ids(api.get("/api/v1/actors/", {"name": "سرايا اولياء"})) == [marked.pk]
    assert ids(api.get("/api/v1/actors/", {"kind": "state force"})) == [iraqi.pk, american.pk]
    assert ids(api.get("/api/v1/actors/", {"country": "us"})) == [american.pk]
    assert ids(api.get("/api/v1/actors/", {"parent": iraqi.pk})) == [member.pk]


@pytest.mark.parametrize(
    ("name", "value"),
    [("kind", "rebels"), ("country", "IRQ"), ("country", "١٢"), ("parent", "abc"), ("parent", "٣"), ("page", "0"),
     ("page_size", "x"), ("name", "a\x00b")],
)
def test_actor_bad_parameters_are_400s_naming_them(api, name, value):
    IncidentActorFactory()

    response = api.get("/api/v1/actors/", {name: value})

    assert response.status_code == 400
    assert name in response.json()


def test_country_message_is_for_users_and_translated(api):
    english = api.get("/api/v1/actors/", {"country": "Iraq"})
    arabic = api.get("/api/v1/actors/", {"country": "Iraq"}, HTTP_ACCEPT_LANGUAGE="ar")

    assert english.json() == {"country": ["Give a country as its two-letter ISO code, for example IQ."]}
    assert arabic.json() == {"country": ["أدخل البلد برمزه المكوّن من حرفين وفق ISO، مثل IQ."]}


def test_actor_list_query_count_is_fixed(api, django_assert_num_queries):
    for _ in range(5):
        actor = ActorFactory(parent=ActorFactory())
        IncidentActorFactory.create_batch(2, actor=actor)
        statement_about(IncidentFactory(), speaker_actor=actor)

    with django_assert_num_queries(2):  # count, page
        response = api.get("/api/v1/actors/")

    assert response.json()["count"] == 5


# --- Locations ------------------------------------------------------------------------------------


def test_location_payload(api):
    site = LocationFactory(name_en="Ain al-Asad Air Base", name_ar="قاعدة عين الأسد الجوية", aliases=["Al Asad"],
                           point=Point(42.4412, 33.7856, srid=4326), geonames_id=7)
    IncidentFactory(location=site)
    IncidentFactory(location=site, status=Status.DRAFT, title="Secret draft")

    response = api.get(f"/api/v1/locations/{site.pk}/")

    governorate = site.parent
    assert response.json() == {
        "id": site.pk,
        "slug": site.slug,
        "name_en": "Ain al-Asad Air Base",
        "name_ar": "قاعدة عين الأسد الجوية",
        "aliases": ["Al Asad"],
        "kind": "military base",
        "country_code": "IQ",
        "parent": governorate.pk,
        "governorate": governorate.pk,
        "governorate_name_en": "Baghdad",
        "governorate_name_ar": "بغداد",
        "point": {"type": "Point", "coordinates": [42.4412, 33.7856]},
        "geo_precision": 1,
        "geonames_id": 7,
        "pcode": None,
        "incident_count": 1,
    }
    assert "Secret draft" not in response.content.decode()


def test_gazetteer_places_are_public_and_places_of_drafts_only_are_not(api):
    governorate = GovernorateFactory()
    with_id = LocationFactory(geonames_id=99, pcode=None)
    with_incident = LocationFactory()
    IncidentFactory(location=with_incident)
    draft_place = LocationFactory(name_en="Place of a draft")
    IncidentFactory(location=draft_place, status=Status.DRAFT)
    LocationFactory(name_en="Unused site")

    listed = api.get("/api/v1/locations/", {"page_size": 1000})

    assert set(ids(listed)) == {governorate.parent.pk, governorate.pk, with_id.pk, with_incident.pk}
    assert "Place of a draft" not in listed.content.decode()
    assert api.get(f"/api/v1/locations/{draft_place.pk}/").status_code == 404
    counts = {row["id"]: row["incident_count"] for row in listed.json()["results"]}
    assert counts[with_incident.pk] == 1 and counts[governorate.pk] == 0


def test_location_filters(api):
    iraq = CountryFactory()
    baghdad = GovernorateFactory()
    syria = CountryFactory(slug="sy", name_en="Syria", name_ar="سوريا", country_code="SY", point=Point(38, 35, srid=4326))
    deir = GovernorateFactory(slug="sy-deir", name_en="Deir ez-Zor", name_ar="دير الزور", parent=syria,
                              country_code="SY", point=Point(40.14, 35.33, srid=4326))
    airport = LocationFactory(name_en="Baghdad International Airport", name_ar="مطار بغداد الدولي", kind=LocationKind.AIRPORT,
                              geonames_id=1, point=Point(44.23, 33.26, srid=4326))
    base = LocationFactory(name_en="Conoco field", name_ar="حقل كونيكو", parent=deir, country_code="SY",
                           geonames_id=2, point=Point(40.3, 35.3, srid=4326))

    def listed(**params):
        return ids(api.get("/api/v1/locations/", params))

    assert listed(name="مطار بغداد") == [airport.pk]
    assert listed(name="كونیكو") == [base.pk]  # Persian yeh, as Kurdish and Persian keyboards type it
    assert listed(kind="airport") == [airport.pk]
    assert listed(country="SY") == [base.pk, deir.pk, syria.pk]
    assert listed(governorate=deir.pk) == [base.pk, deir.pk]
    assert listed(parent=baghdad.pk) == [airport.pk]
    assert listed(in_bbox="39,34,41,36") == [base.pk, deir.pk]
    assert iraq.pk in listed(kind="country")


def test_location_order_is_stable_country_then_name_then_id(api):
    first = LocationFactory(name_en="Same", geonames_id=10)
    second = LocationFactory(name_en="Same", geonames_id=11)

    assert ids(api.get("/api/v1/locations/", {"name": "same"})) == [first.pk, second.pk]


@pytest.mark.parametrize(
    ("name", "value"),
    [("kind", "castle"), ("country", "I"), ("governorate", "-1"), ("parent", "1.5"), ("in_bbox", "1,2,3"),
     ("in_bbox", "nan,0,1,1"), ("page_size", "0")],
)
def test_location_bad_parameters_are_400s_naming_them(api, name, value):
    response = api.get("/api/v1/locations/", {name: value})

    assert response.status_code == 400
    assert name in response.json()


def test_location_list_query_count_is_fixed(api, django_assert_num_queries):
    for number in range(5):
        IncidentFactory.create_batch(2, location=LocationFactory(geonames_id=number + 1))

    with django_assert_num_queries(2):  # count, page (with governorates joined)
        response = api.get("/api/v1/locations/")

    assert response.json()["count"] == 7  # five places, Baghdad, Iraq


# --- Statements -----------------------------------------------------------------------------------


def test_statement_payload_has_speaker_source_and_published_incident_ids_only(api):
    speaker = ActorFactory(name_en="Matthew Miller", name_ar="ماثيو ميلر")
    source = SourceFactory(title="Embassy attacked", url="https://news.example.org/embassy")
    published, draft = IncidentFactory(), IncidentFactory(status=Status.DRAFT)
    statement = statement_about(
        published, draft, speaker_actor=speaker, speaker_description="the State Department's spokesman",
        source=source, kind=StatementKind.DEMAND, translation="Arrest the perpetrators.",
    )

    response = api.get(f"/api/v1/statements/{statement.pk}/")

    assert response.json() == {
        "id": statement.pk,
        "speaker": {
            "actor": {"id": speaker.pk, "name_en": "Matthew Miller", "name_ar": "ماثيو ميلر"},
            "description": "the State Department's spokesman",
        },
        "kind": "demand",
        "date": "2023-12-09",
        "text": statement.text,
        "language": "en",
        "translation": "Arrest the perpetrators.",
        "source": {"id": source.pk, "title": "Embassy attacked", "url": "https://news.example.org/embassy"},
        "incidents": [published.pk],
    }


def test_statements_about_drafts_only_or_nothing_are_hidden(api):
    public = statement_about(IncidentFactory())
    about_draft = statement_about(IncidentFactory(status=Status.DRAFT), text="Draft-only words")
    unlinked = StatementFactory(text="Unlinked words")

    listed = api.get("/api/v1/statements/")

    assert ids(listed) == [public.pk]
    assert "Draft-only words" not in listed.content.decode() and "Unlinked words" not in listed.content.decode()
    assert api.get(f"/api/v1/statements/{about_draft.pk}/").status_code == 404
    assert api.get(f"/api/v1/statements/{unlinked.pk}/").status_code == 404


def test_statement_filters(api):
    incident, other_incident = IncidentFactory(), IncidentFactory()
    draft = IncidentFactory(status=Status.DRAFT)
    miller = ActorFactory(name_en="Matthew Miller", name_ar="ماثيو ميلر")
    claim = statement_about(incident, draft, speaker_actor=miller, kind=StatementKind.CLAIM, date=datetime.date(2023, 12, 8),
                            text="نفذنا الهجوم على القاعدة", language="ar")
    denial = statement_about(other_incident, speaker_description="a security source in Kurdistan", kind=StatementKind.DENIAL,
                             date=datetime.date(2023, 12, 10), translation="No one was hurt")

    def listed(**params):
        return ids(api.get("/api/v1/statements/", params))

    assert listed(speaker=miller.pk) == [claim.pk]
    assert listed(speaker="ميلر") == [claim.pk]
    assert listed(speaker="miller") == [claim.pk]
    assert listed(speaker="kurdistan") == [denial.pk]
    assert listed(kind="denial") == [denial.pk]
    assert listed(date_from="2023-12-09") == [denial.pk]
    assert listed(date_to="2023-12-09") == [claim.pk]
    assert listed(incident=incident.pk) == [claim.pk]
    assert listed(incident=draft.pk) == []  # a draft's id tells nothing
    assert listed(source=denial.source_id) == [denial.pk]
    assert listed(language="ar") == [claim.pk]
    assert listed(q="الهجوم علي القاعده") == [claim.pk]  # ta marbuta and alef maqsura folded
    assert listed(q="no one") == [denial.pk]


@pytest.mark.parametrize(
    ("name", "value"),
    [("kind", "rumour"), ("date_from", "09/12/2023"), ("date_to", "2023-02-30"), ("incident", "x"), ("source", "١"),
     ("language", "fr"), ("page", "-1")],
)
def test_statement_bad_parameters_are_400s_naming_them(api, name, value):
    response = api.get("/api/v1/statements/", {name: value})

    assert response.status_code == 400
    assert name in response.json()


def test_statement_list_query_count_is_fixed(api, django_assert_num_queries):
    for _ in range(5):
        statement_about(IncidentFactory(), IncidentFactory(), speaker_actor=ActorFactory())

    with django_assert_num_queries(2):  # count, page with speakers, sources and incident ids
        response = api.get("/api/v1/statements/")

    assert all(len(row["incidents"]) == 2 for row in response.json()["results"])


# --- Sources --------------------------------------------------------------------------------------


def test_source_payload_never_has_the_text(api):
    source = SourceFactory(title="Attacks on US forces", publisher="Example Wire", url="https://news.example.org/a",
                           text="Full article text that is not ours to republish.")
    published = IncidentFactory()
    IncidentSourceFactory(source=source, incident=published)
    IncidentSourceFactory(source=source, incident=published, start_offset=5, end_offset=12)
    IncidentSourceFactory(source=source, incident=IncidentFactory(status=Status.DRAFT))

    detail = api.get(f"/api/v1/sources/{source.pk}/")
    listed = api.get("/api/v1/sources/")

    assert detail.json() == {
        "id": source.pk,
        "title": "Attacks on US forces",
        "publisher": "Example Wire",
        "url": "https://news.example.org/a",
        "language": "en",
        "published": "2023-12-09",
        "incidents": [published.pk],
    }
    assert "not ours to republish" not in detail.content.decode() + listed.content.decode()


def test_sources_of_drafts_only_are_hidden_and_a_public_statement_shows_its_source(api):
    of_incident = IncidentSourceFactory().source
    of_statement = statement_about(IncidentFactory()).source
    of_draft = IncidentSourceFactory(incident=IncidentFactory(status=Status.DRAFT), source=SourceFactory(title="Draft's source")).source
    of_draft_statement = statement_about(IncidentFactory(status=Status.DRAFT)).source

    listed = api.get("/api/v1/sources/")

    assert set(ids(listed)) == {of_incident.pk, of_statement.pk}
    assert "Draft's source" not in listed.content.decode()
    assert api.get(f"/api/v1/sources/{of_draft.pk}/").status_code == 404
    assert api.get(f"/api/v1/sources/{of_draft_statement.pk}/").status_code == 404


def test_source_filters(api):
    reuters = SourceFactory(publisher="Reuters", language="en", published=datetime.date(2023, 12, 1))
    shafaq = SourceFactory(publisher="Shafaq News", language="ar", published=datetime.date(2023, 12, 20))
    incident, draft = IncidentFactory(), IncidentFactory(status=Status.DRAFT)
    IncidentSourceFactory(source=reuters, incident=incident)
    IncidentSourceFactory(source=shafaq)
    IncidentSourceFactory(source=shafaq, incident=draft)

    def listed(**params):
        return ids(api.get("/api/v1/sources/", params))

    assert listed(publisher="reuters") == [reuters.pk]
    assert listed(language="ar") == [shafaq.pk]
    assert listed(published_from="2023-12-10") == [shafaq.pk]
    assert listed(published_to="2023-12-10") == [reuters.pk]
    assert listed(incident=incident.pk) == [reuters.pk]
    assert listed(incident=draft.pk) == []
    assert listed() == [shafaq.pk, reuters.pk]  # latest first


@pytest.mark.parametrize(
    ("name", "value"),
    [("language", "de"), ("published_from", "2023"), ("published_to", "2023-13-01"), ("incident", "1e3")],
)
def test_source_bad_parameters_are_400s_naming_them(api, name, value):
    response = api.get("/api/v1/sources/", {name: value})

    assert response.status_code == 400
    assert name in response.json()


def test_source_list_query_count_is_fixed(api, django_assert_num_queries):
    for _ in range(5):
        IncidentSourceFactory.create_batch(2, source=SourceFactory())

    with django_assert_num_queries(2):  # count, page with incident ids
        response = api.get("/api/v1/sources/")

    assert response.json()["count"] == 5


# --- All four -------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["actors", "locations", "statements", "sources"])
def test_pages_have_a_count_and_follow_next(api, path):
    for _ in range(3):
        incident = IncidentFactory(location=LocationFactory(geonames_id=None))
        IncidentActorFactory(incident=incident)
        IncidentSourceFactory(incident=incident)
        statement_about(incident)

    first = api.get(f"/api/v1/{path}/", {"page_size": 2}).json()
    second = api.get(first["next"]).json()

    assert first["count"] == second["count"] >= 3
    assert len(first["results"]) == 2
    assert not {row["id"] for row in first["results"]} & {row["id"] for row in second["results"]}


@pytest.mark.parametrize("path", ["actors", "locations", "statements", "sources"])
def test_an_id_that_is_not_a_number_or_too_big_is_a_json_404(api, path):
    for value in ["abc", "99999999999999999999", "٣"]:
        response = api.get(f"/api/v1/{path}/{value}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "viewset", [resources.ActorViewSet, resources.LocationViewSet, resources.StatementViewSet, resources.SourceViewSet]
)
def test_csv_columns_can_be_selected_from_the_list_queryset(viewset):
    incident = IncidentFactory(location=LocationFactory(geonames_id=5))
    IncidentActorFactory(incident=incident)
    IncidentSourceFactory(incident=incident)
    statement_about(incident)

    queryset = viewset(action="list").get_queryset()
    # Headers may be model field names (id, kind, parent): the export aliases each column by position.
    columns = {
        f"column_{number}": F(expression) if isinstance(expression, str) else expression
        for number, (_, expression) in enumerate(viewset.csv_columns)
    }
    rows = list(queryset.annotate(**columns).values_list(*columns))

    assert rows
    assert "text" not in {header for header, _ in resources.SourceViewSet.csv_columns}
    assert len(rows[0]) == len(viewset.csv_columns)


@pytest.mark.parametrize(
    ("path", "hostile_column"),
    [("actors", "name_en"), ("locations", "name_en"), ("statements", "text"), ("sources", "title")],
)
def test_csv_export_of_a_resource_keeps_the_lists_order_and_defuses_formulas(api, path, hostile_column):
    hostile = '=HYPERLINK("http://evil.example/","click")'
    for number, day in enumerate([3, 1, 2]):
        name = hostile if number == 0 else f"Name {number}"
        incident = IncidentFactory(location=LocationFactory(name_en=name), date_start=datetime.date(2024, 1, day))
        IncidentActorFactory(incident=incident, actor=ActorFactory(name_en=name))
        source = SourceFactory(title=name, published=datetime.date(2024, 1, day))
        IncidentSourceFactory(incident=incident, source=source)
        # One statement without a date: the list puts it last (NULLS LAST), and so must the export.
        statement_about(incident, source=source, text=name, date=None if number == 1 else datetime.date(2024, 1, day))

    listed = ids(api.get(f"/api/v1/{path}/", {"page_size": 100}))
    response = api.get(f"/api/v1/{path}/", {"format": "csv"})
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))

    assert response.status_code == 200
    assert [int(row["id"]) for row in rows] == listed
    cells = {row[hostile_column] for row in rows}
    assert "'" + hostile in cells and hostile not in cells


def test_schema_describes_the_resources_their_errors_and_the_token(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)

    for path in ["actors", "locations", "statements", "sources"]:
        assert set(schema["paths"][f"/api/v1/{path}/"]["get"]["responses"]) == {"200", "400", "404", "429"}
        assert set(schema["paths"][f"/api/v1/{path}/{{id}}/"]["get"]["responses"]) == {"200", "404", "429"}
    assert "text" not in schema["components"]["schemas"]["Source"]["properties"]
    assert schema["components"]["securitySchemes"]["tokenAuth"] == {
        "type": "apiKey", "in": "header", "name": "Authorization",
        "description": 'Token-based authentication with required prefix "Token"',
    }  # fmt: skip
    statement_filters = {item["name"] for item in schema["paths"]["/api/v1/statements/"]["get"]["parameters"]}
    assert statement_filters == {"speaker", "kind", "date_from", "date_to", "incident", "source", "language", "q", "page",
                                 "page_size", "format"}  # fmt: skip
