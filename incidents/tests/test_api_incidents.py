import datetime

import pytest
from django.contrib.gis.geos import Point
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient

from incidents.api.views import IncidentPagination
from incidents.models import Status

from .factories import (
    ActorFactory,
    IncidentActorFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/incidents/"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def feature_ids(response):
    return [feature["id"] for feature in response.json()["features"]]


def test_list_is_a_geojson_feature_collection_of_published_incidents(api):
    incident = IncidentFactory(title="Rockets hit Ain al-Asad", killed_best=2, injured_best=5)
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله"))
    IncidentSourceFactory(
        incident=incident,
        source=SourceFactory(title="Attacks on US forces", publisher="Example Wire", url="https://news.example.org/a"),
    )

    response = api.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["count"] == 1
    assert body["next"] is None
    [feature] = body["features"]
    assert feature["type"] == "Feature"
    assert feature["id"] == incident.pk
    assert feature["geometry"]["type"] == "Point"
    properties = feature["properties"]
    assert properties["id"] == incident.pk
    assert properties["title"] == "Rockets hit Ain al-Asad"
    assert properties["date_start"] == "2023-12-08"
    assert properties["event_type"] == "Explosions/Remote violence"
    assert properties["killed_best"] == 2
    assert properties["injured_best"] == 5
    governorate = incident.location.governorate
    assert properties["location"] == {
        "id": incident.location.pk,
        "name_en": incident.location.name_en,
        "name_ar": incident.location.name_ar,
        "country_code": "IQ",
        "admin1": {"id": governorate.pk, "name_en": "Baghdad", "name_ar": "بغداد"},
    }
    [actor] = incident.actors.all()
    assert properties["actors"] == [
        {"id": actor.pk, "name_en": "Kata'ib Hezbollah", "name_ar": "كتائب حزب الله", "role": "perpetrator"}
    ]
    [source] = incident.sources.all()
    assert properties["sources"] == [
        {
            "id": source.pk,
            "title": "Attacks on US forces",
            "publisher": "Example Wire",
            "url": "https://news.example.org/a",
            "published": "2023-12-09",
        }
    ]
    assert properties["url"] == f"http://testserver/incidents/{incident.pk}/"
    assert "status" not in properties
    assert "editor_note" not in properties


def test_each_host_gets_links_to_itself_in_every_format(api, settings):
    # The payload's SQL is compiled once per shape and host (payloads.compiled_payload_query): a page asked of
    # one host must not carry links to another.
    settings.ALLOWED_HOSTS = ["testserver", "marsad.example.org"]
    incident = IncidentFactory()

    for host in ("testserver", "marsad.example.org", "testserver"):
        features = api.get(LIST_URL, HTTP_HOST=host).json()["features"]
        rows = api.get(LIST_URL, {"format": "json"}, HTTP_HOST=host).json()["results"]
        assert features[0]["properties"]["url"] == rows[0]["url"] == f"http://{host}/incidents/{incident.pk}/"


def test_properties_are_exactly_the_documented_ones(api):
    IncidentFactory()

    properties = api.get(LIST_URL).json()["features"][0]["properties"]

    assert set(properties) == {
        "id", "title", "title_ar", "date_start", "date_end", "date_precision", "event_type", "sub_event_type",
        "weapon", "outcome", "count", "killed_best", "injured_best", "verification", "geo_precision",
        "location", "actors", "sources", "updated_at", "url",
    }  # fmt: skip


def test_coordinates_are_longitude_then_latitude(api):
    # Kirkuk: longitude 44.39, latitude 35.47.
    IncidentFactory(point=Point(44.39, 35.47, srid=4326))

    geometry = api.get(LIST_URL).json()["features"][0]["geometry"]

    assert geometry["coordinates"] == pytest.approx([44.39, 35.47])


def test_drafts_are_excluded_from_the_list(api):
    published = IncidentFactory()
    IncidentFactory(status=Status.DRAFT, title="Unchecked claim")

    response = api.get(LIST_URL)

    assert feature_ids(response) == [published.pk]
    assert "Unchecked claim" not in response.content.decode()


def test_detail_returns_one_feature(api):
    incident = IncidentFactory()

    response = api.get(f"/api/v1/incidents/{incident.pk}/")

    assert response.status_code == 200
    assert response.json()["type"] == "Feature"
    assert response.json()["id"] == incident.pk


def test_detail_of_a_draft_is_not_found(api):
    draft = IncidentFactory(status=Status.DRAFT)

    assert api.get(f"/api/v1/incidents/{draft.pk}/").status_code == 404
    assert api.get("/api/v1/incidents/999999/").status_code == 404


def test_bbox_filter_keeps_incidents_inside_the_box(api):
    baghdad = IncidentFactory(point=Point(44.40, 33.33, srid=4326))
    IncidentFactory(point=Point(40.14, 35.33, srid=4326))  # Deir ez-Zor, Syria

    response = api.get(LIST_URL, {"in_bbox": "43.5,32.5,45.5,34.5"})

    assert response.status_code == 200
    assert feature_ids(response) == [baghdad.pk]


def test_malformed_bbox_is_a_client_error(api):
    response = api.get(LIST_URL, {"in_bbox": "44,33,north"})

    assert response.status_code == 400


def test_date_filters_keep_incidents_whose_dates_overlap_the_range(api):
    early = IncidentFactory(date_start=datetime.date(2023, 11, 1))
    december_week = IncidentFactory(date_start=datetime.date(2023, 12, 3), date_end=datetime.date(2023, 12, 9))
    late = IncidentFactory(date_start=datetime.date(2024, 1, 20))

    in_december = api.get(LIST_URL, {"date_from": "2023-12-05", "date_to": "2023-12-31"})
    from_january = api.get(LIST_URL, {"date_from": "2024-01-01"})
    until_november = api.get(LIST_URL, {"date_to": "2023-11-30"})

    assert feature_ids(in_december) == [december_week.pk]
    assert feature_ids(from_january) == [late.pk]
    assert feature_ids(until_november) == [early.pk]


def test_invalid_date_is_a_client_error(api):
    response = api.get(LIST_URL, {"date_from": "last week"})

    assert response.status_code == 400
    assert "date_from" in response.json()


def test_event_type_filter(api):
    explosion = IncidentFactory()
    IncidentFactory(event_type="Battles", sub_event_type="Armed clash")

    response = api.get(LIST_URL, {"event_type": "Explosions/Remote violence"})

    assert feature_ids(response) == [explosion.pk]


def test_status_is_not_a_filter(api):
    IncidentFactory(status=Status.DRAFT)

    response = api.get(LIST_URL, {"status": "draft"})

    assert response.json()["count"] == 0


def test_pages_follow_next_links_and_page_size_is_capped(api):
    location = LocationFactory()
    IncidentFactory.create_batch(3, location=location)

    first = api.get(LIST_URL, {"page_size": 2}).json()
    second = api.get(first["next"]).json()
    capped = api.get(LIST_URL, {"page_size": 5000})

    assert first["count"] == 3
    assert len(first["features"]) == 2
    assert len(second["features"]) == 1
    assert second["next"] is None
    assert capped.status_code == 200
    assert len(capped.json()["features"]) == 3


def test_page_size_defaults_to_100_and_is_capped_at_1000():
    assert IncidentPagination.page_size == 100
    assert IncidentPagination.max_page_size == 1000


def test_anonymous_users_cannot_write(api):
    incident = IncidentFactory()

    assert api.post(LIST_URL, {}, format="json").status_code in (401, 403, 405)
    assert api.delete(f"/api/v1/incidents/{incident.pk}/").status_code in (401, 403, 405)


def test_list_query_count_does_not_grow_with_incidents(api, django_assert_num_queries):
    for number in range(6):
        incident = IncidentFactory(location=LocationFactory())
        IncidentActorFactory.create_batch(2, incident=incident)
        IncidentSourceFactory.create_batch(2, incident=incident)

    # The data version, the count, the page's ids, and one query that builds every feature with its actors
    # and sources.
    with django_assert_num_queries(4):
        response = api.get(LIST_URL)
    # The count is cached until the data changes: the next page costs the version, the ids and the payloads.
    with django_assert_num_queries(3):
        api.get(LIST_URL, {"page_size": 3, "ordering": "killed"})

    assert len(response.json()["features"]) == 6
    assert all(len(feature["properties"]["actors"]) == 2 for feature in response.json()["features"])
    assert all(len(feature["properties"]["sources"]) == 2 for feature in response.json()["features"])


def test_a_cursor_page_costs_the_same_queries(api, django_assert_num_queries):
    IncidentFactory.create_batch(3, location=LocationFactory())
    first = api.get(LIST_URL, {"page_size": 1}).json()

    with django_assert_num_queries(3):  # the data version, the page's ids and sort keys, their payloads
        second = api.get(first["next"])

    assert len(second.json()["features"]) == 1


def test_detail_query_count(api, django_assert_num_queries):
    incident = IncidentFactory()
    IncidentActorFactory.create_batch(3, incident=incident)
    IncidentSourceFactory.create_batch(2, incident=incident)

    with django_assert_num_queries(1):
        response = api.get(f"/api/v1/incidents/{incident.pk}/")

    assert len(response.json()["properties"]["actors"]) == 3


def test_url_names_resolve():
    assert reverse("api:incident-list") == LIST_URL
    assert reverse("api:incident-detail", args=[7]) == "/api/v1/incidents/7/"


def test_schema_and_docs_are_served(client):
    schema = client.get("/api/schema/")
    docs = client.get("/api/docs/")

    assert schema.status_code == 200
    assert b"/api/v1/incidents/" in schema.content
    assert docs.status_code == 200


# --- Shapes: GeoJSON by default, plain JSON on request, each as the schema documents -------------


def test_the_collection_is_geojson_with_its_media_type_even_when_the_client_asks_for_json(api):
    IncidentFactory()

    plain = api.get(LIST_URL)
    asked_json = api.get(LIST_URL, HTTP_ACCEPT="application/json")  # what the map's fetch sends

    for response in (plain, asked_json):
        assert response["Content-Type"] == "application/geo+json"
        assert list(response.json()) == ["type", "count", "next", "previous", "features"]


def test_format_json_is_a_plain_page_of_the_same_properties_with_the_point(api):
    incident = IncidentFactory(point=Point(44.39, 35.47, srid=4326))
    IncidentActorFactory(incident=incident)
    geojson = api.get(LIST_URL).json()["features"][0]

    response = api.get(LIST_URL, {"format": "json"})

    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["count", "next", "previous", "results"]
    [row] = response.json()["results"]
    assert row == {**geojson["properties"], "longitude": pytest.approx(44.39), "latitude": pytest.approx(35.47)}


def test_responses_have_exactly_the_members_the_schema_documents(api):
    from incidents.api.serializers import (
        IncidentActorRefSerializer,
        IncidentDetailFeatureSerializer,
        IncidentDetailPropertiesSerializer,
        IncidentDetailRowSerializer,
        IncidentDetailSourceRefSerializer,
        IncidentLocationSerializer,
        IncidentPropertiesSerializer,
        IncidentRowSerializer,
        IncidentSourceRefSerializer,
    )

    incident = IncidentFactory()
    IncidentActorFactory(incident=incident)
    IncidentSourceFactory(incident=incident)

    feature = api.get(f"{LIST_URL}{incident.pk}/").json()
    row = api.get(f"{LIST_URL}{incident.pk}/", {"format": "json"}).json()
    listed = api.get(LIST_URL).json()["features"][0]["properties"]
    listed_row = api.get(LIST_URL, {"format": "json"}).json()["results"][0]

    assert set(feature) == set(IncidentDetailFeatureSerializer().fields)
    assert set(feature["properties"]) == set(IncidentDetailPropertiesSerializer().fields)
    assert set(feature["properties"]["location"]) == set(IncidentLocationSerializer().fields)
    assert set(feature["properties"]["actors"][0]) == set(IncidentActorRefSerializer().fields)
    assert set(feature["properties"]["sources"][0]) == set(IncidentDetailSourceRefSerializer().fields)
    assert set(row) == set(IncidentDetailRowSerializer().fields)
    assert set(row["sources"][0]) == set(IncidentDetailSourceRefSerializer().fields)
    assert set(listed) == set(IncidentPropertiesSerializer().fields)
    assert set(listed["sources"][0]) == set(IncidentSourceRefSerializer().fields)
    assert set(listed_row) == set(IncidentRowSerializer().fields)


def test_the_detail_gives_each_source_once_with_all_its_excerpts_in_text_order(api):
    incident = IncidentFactory()
    source = SourceFactory(title="One article, quoted twice")
    IncidentSourceFactory(incident=incident, source=source, excerpt="Later sentence.", start_offset=40, end_offset=55)
    IncidentSourceFactory(incident=incident, source=source, excerpt="Earlier sentence.", start_offset=0, end_offset=17)
    IncidentSourceFactory(incident=incident, source=SourceFactory(title="Other article"), excerpt="")

    sources = api.get(f"{LIST_URL}{incident.pk}/").json()["properties"]["sources"]

    assert [(source["title"], source["excerpts"]) for source in sources] == [
        ("One article, quoted twice", ["Earlier sentence.", "Later sentence."]),
        ("Other article", []),
    ]
    assert "excerpts" not in api.get(LIST_URL).json()["features"][0]["properties"]["sources"][0]


def test_a_place_outside_any_governorate_has_a_null_admin1(api):
    country = LocationFactory(slug="sy", name_en="Syria", kind="country", parent=None, country_code="SY")
    IncidentFactory(location=country)

    assert api.get(LIST_URL).json()["features"][0]["properties"]["location"]["admin1"] is None


def test_the_source_text_is_never_read(api, django_assert_num_queries):
    IncidentSourceFactory(incident=IncidentFactory())

    with django_assert_num_queries(4) as captured:
        api.get(LIST_URL)

    assert all('"text"' not in query["sql"] for query in captured.captured_queries)


def test_an_error_is_json_whatever_the_format(api):
    for params in ({"date_from": "x"}, {"date_from": "x", "format": "json"}, {"date_from": "x", "format": "geojson"}):
        response = api.get(LIST_URL, params)
        assert response.status_code == 400
        assert response["Content-Type"] == "application/json"


def test_detail_in_json_and_the_removed_route_are_not_taken_for_ids(api):
    incident = IncidentFactory()

    assert api.get(f"{LIST_URL}{incident.pk}/", {"format": "json"})["Content-Type"] == "application/json"
    assert api.get(f"{LIST_URL}removed/", {"since": "2024-01-01"}).status_code == 200
    assert api.get(f"{LIST_URL}12abc/").status_code == 404


# --- Paging ---------------------------------------------------------------------------------------


def follow(api, params):
    """Return every feature id, following `next` from the first page."""
    seen = []
    page = api.get(LIST_URL, params).json()
    seen += [feature["id"] for feature in page["features"]]
    while page["next"]:
        page = api.get(page["next"]).json()
        seen += [feature["id"] for feature in page["features"]]
    return seen


def test_cursor_pages_over_equal_dates_send_each_incident_once_newest_id_first(api):
    location = LocationFactory()
    incidents = IncidentFactory.create_batch(7, location=location, date_start=datetime.date(2024, 1, 1))
    older = IncidentFactory(location=location, date_start=datetime.date(2023, 1, 1))

    first = api.get(LIST_URL, {"page_size": 3}).json()

    assert "cursor=" in first["next"]
    assert first["count"] == 8
    assert follow(api, {"page_size": 3}) == sorted((i.pk for i in incidents), reverse=True) + [older.pk]
    assert follow(api, {"page_size": 3, "ordering": "date"}) == [older.pk] + sorted(i.pk for i in incidents)


def test_cursor_pages_by_update_time_with_ties(api):
    from incidents.models import Incident

    location = LocationFactory()
    incidents = IncidentFactory.create_batch(5, location=location)
    moment = datetime.datetime(2024, 5, 1, 8, 30, 0, 123456, tzinfo=datetime.timezone.utc)
    Incident.objects.update(updated_at=moment)
    latest = IncidentFactory(location=location)
    expected = sorted(incident.pk for incident in incidents) + [latest.pk]

    assert follow(api, {"page_size": 2, "ordering": "updated"}) == expected
    assert follow(api, {"page_size": 2, "ordering": "-updated"}) == expected[::-1]


def test_the_cursor_keeps_the_filters(api):
    location = LocationFactory()
    wanted = IncidentFactory.create_batch(3, location=location, killed_best=5)
    IncidentFactory.create_batch(3, location=location, killed_best=0)

    assert sorted(follow(api, {"page_size": 1, "killed_min": "1"})) == sorted(i.pk for i in wanted)


def test_ordering_by_killed_puts_unknown_figures_last_both_ways_and_pages_by_number(api):
    location = LocationFactory()
    none, one, nine = (IncidentFactory(location=location, killed_best=k) for k in (None, 1, 9))

    descending = api.get(LIST_URL, {"ordering": "-killed", "page_size": 2}).json()

    assert [f["id"] for f in descending["features"]] == [nine.pk, one.pk]
    assert "page=2" in descending["next"]
    assert follow(api, {"ordering": "killed", "page_size": 2}) == [one.pk, nine.pk, none.pk]


def test_offset_pages_link_both_ways_and_a_page_past_the_end_is_a_404(api):
    IncidentFactory.create_batch(5, location=LocationFactory())

    second = api.get(LIST_URL, {"page": 2, "page_size": 2}).json()
    past = api.get(LIST_URL, {"page": 4, "page_size": 2})

    assert len(second["features"]) == 2
    assert "page=3" in second["next"]
    assert "page=" not in second["previous"]
    assert past.status_code == 404
    assert past["Content-Type"] == "application/json"


def test_drafts_are_not_counted_and_not_paged(api):
    location = LocationFactory()
    published = IncidentFactory.create_batch(2, location=location)
    IncidentFactory.create_batch(3, location=location, status=Status.DRAFT)

    assert api.get(LIST_URL).json()["count"] == 2
    assert sorted(follow(api, {"page_size": 1})) == sorted(i.pk for i in published)
    assert api.get(LIST_URL, {"format": "json", "page": 1}).json()["count"] == 2


def test_the_browsable_api_shows_the_list_and_an_incident_to_a_browser(api):
    incident = IncidentFactory(title="Shown in the browsable API")

    listing = api.get(LIST_URL, {"page_size": 1}, HTTP_ACCEPT="text/html")
    detail = api.get(f"{LIST_URL}{incident.pk}/", {"format": "api"})

    for response in (listing, detail):
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert "Shown in the browsable API" in response.content.decode()
