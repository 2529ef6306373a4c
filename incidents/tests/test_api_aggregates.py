import datetime

import pytest
from django.contrib.gis.geos import Point
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from incidents import models
from incidents.api.aggregates import MAX_TIMELINE_BUCKETS, countable
from incidents.api.versioning import data_version
from incidents.models import ActorRole, Incident, Status

from .factories import ActorFactory, CountryFactory, IncidentActorFactory, IncidentFactory, LocationFactory

pytestmark = pytest.mark.django_db

TIMELINE_URL = "/api/v1/incidents/timeline/"
SUMMARY_URL = "/api/v1/incidents/summary/"
GRID_URL = "/api/v1/incidents/grid/"
BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash"}


@pytest.fixture
def api():
    return APIClient()


def day(text):
    return datetime.date.fromisoformat(text)


def bars(response):
    return {bar["date"]: bar["incidents"] for bar in response.json()["buckets"]}


# --- Timeline -------------------------------------------------------------------------------


def test_month_bars_count_incidents_events_and_killed_and_zero_fill_the_empty_months(api):
    IncidentFactory(date_start=day("2023-11-30"), killed_best=2)
    IncidentFactory(date_start=day("2023-12-01"), count=3, killed_best=1, injured_best=4)
    IncidentFactory(date_start=day("2023-12-31"), **BATTLE)
    IncidentFactory(date_start=day("2024-02-10"))

    response = api.get(TIMELINE_URL, {"bucket": "month"})

    assert response.status_code == 200
    body = response.json()
    assert body["bucket"] == "month"
    assert body["event_types"] == ["Battles", "Explosions/Remote violence"]
    november, december, january, february = body["buckets"]
    assert [bar["date"] for bar in body["buckets"]] == ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"]
    assert (november["incidents"], november["events"], november["killed"]) == (1, 1, 2)
    assert (december["incidents"], december["events"], december["killed"], december["injured"]) == (2, 4, 1, 4)
    assert december["by_event_type"] == {
        "Battles": {"incidents": 1, "events": 1, "killed": 0, "injured": 0},
        "Explosions/Remote violence": {"incidents": 1, "events": 3, "killed": 1, "injured": 4},
    }
    assert january == {"date": "2024-01-01", "incidents": 0, "events": 0, "killed": 0, "injured": 0, "by_event_type": {}}
    assert february["incidents"] == 1


def test_week_bars_start_on_monday(api):
    IncidentFactory(date_start=day("2023-12-03"))  # a Sunday
    IncidentFactory(date_start=day("2023-12-04"))  # the Monday after
    IncidentFactory(date_start=day("2023-12-10"))  # the Sunday after

    response = api.get(TIMELINE_URL, {"bucket": "week"})

    assert bars(response) == {"2023-11-27": 1, "2023-12-04": 2}


def test_day_bars_are_zero_filled(api):
    IncidentFactory(date_start=day("2023-12-08"))
    IncidentFactory(date_start=day("2023-12-11"))

    response = api.get(TIMELINE_URL, {"bucket": "day"})

    assert bars(response) == {"2023-12-08": 1, "2023-12-09": 0, "2023-12-10": 0, "2023-12-11": 1}


def test_an_incident_known_to_a_range_counts_in_the_bar_of_its_start(api):
    IncidentFactory(date_start=day("2023-11-27"), date_end=day("2023-12-03"), date_precision="week")

    response = api.get(TIMELINE_URL, {"bucket": "month"})

    assert bars(response) == {"2023-11-01": 1}


def test_the_default_bucket_is_the_month(api):
    IncidentFactory(date_start=day("2023-12-08"))

    assert api.get(TIMELINE_URL).json()["bucket"] == "month"


def test_timeline_applies_the_incident_filters(api):
    baghdad = LocationFactory(point=Point(44.40, 33.33, srid=4326))
    deir_ez_zor = LocationFactory(point=Point(40.14, 35.33, srid=4326))
    IncidentFactory(date_start=day("2023-11-05"), location=baghdad)
    IncidentFactory(date_start=day("2023-12-05"), location=baghdad)
    IncidentFactory(date_start=day("2023-12-06"), location=deir_ez_zor)
    IncidentFactory(date_start=day("2023-12-07"), location=baghdad, **BATTLE)

    from_december = api.get(TIMELINE_URL, {"bucket": "day", "date_from": "2023-12-01"})
    battles = api.get(TIMELINE_URL, {"bucket": "day", "event_type": "Battles"})
    in_iraq = api.get(TIMELINE_URL, {"bucket": "month", "in_bbox": "43.5,32.5,45.5,34.5"})

    assert bars(from_december) == {"2023-12-05": 1, "2023-12-06": 1, "2023-12-07": 1}
    assert bars(battles) == {"2023-12-07": 1}
    assert bars(in_iraq) == {"2023-11-01": 1, "2023-12-01": 2}


def test_timeline_leaves_drafts_out(api):
    IncidentFactory(date_start=day("2023-12-08"))
    IncidentFactory(date_start=day("2023-12-08"), status=Status.DRAFT, count=7, killed_best=30)
    IncidentFactory(date_start=day("2024-03-01"), status=Status.DRAFT)

    body = api.get(TIMELINE_URL, {"bucket": "month"}).json()

    assert [(bar["date"], bar["incidents"], bar["events"], bar["killed"]) for bar in body["buckets"]] == [
        ("2023-12-01", 1, 1, 0)
    ]


def test_timeline_of_no_incidents_has_no_bars(api):
    assert api.get(TIMELINE_URL).json() == {"bucket": "month", "event_types": [], "buckets": []}


def test_an_unknown_bucket_is_a_400_naming_it(api):
    response = api.get(TIMELINE_URL, {"bucket": "year"})

    assert response.status_code == 400
    assert list(response.json()) == ["bucket"]


def test_a_malformed_filter_is_a_400_naming_it(api):
    response = api.get(TIMELINE_URL, {"date_to": "31/12/2023"})

    assert response.status_code == 400
    assert list(response.json()) == ["date_to"]


def test_too_many_bars_is_a_400_asking_for_a_longer_bucket(api):
    IncidentFactory(date_start=day("1990-01-01"))
    IncidentFactory(date_start=day("2023-12-08"))

    by_day = api.get(TIMELINE_URL, {"bucket": "day"})
    by_month = api.get(TIMELINE_URL, {"bucket": "month"})
    in_arabic = api.get(TIMELINE_URL, {"bucket": "day"}, HTTP_ACCEPT_LANGUAGE="ar")

    assert MAX_TIMELINE_BUCKETS < (day("2023-12-08") - day("1990-01-01")).days
    assert by_day.status_code == 400
    assert by_day.json() == {
        "bucket": [
            "These incidents would make 12395 bars: choose a longer bucket (week or month), or narrow the "
            "dates with date_from and date_to."
        ]
    }
    assert by_month.status_code == 200
    assert in_arabic.json()["bucket"] == [
        "ستكون هذه الحوادث 12395 عمودًا: اختر مدة أطول (week أو month)، أو ضيّق التواريخ بـ date_from وdate_to."
    ]


def test_timeline_is_one_query_after_the_data_version_and_none_when_cached(api, django_assert_num_queries):
    for number in range(5):
        IncidentFactory(date_start=day("2023-12-01") + datetime.timedelta(days=number * 9), location=LocationFactory())

    with django_assert_num_queries(2):
        first = api.get(TIMELINE_URL, {"bucket": "week"})
    with django_assert_num_queries(1):
        second = api.get(TIMELINE_URL, {"bucket": "week"})

    assert first.json() == second.json()
    assert sum(bars(first).values()) == 5


def test_cached_timeline_follows_every_kind_of_write(api):
    incident = IncidentFactory(date_start=day("2023-12-08"))
    before = api.get(TIMELINE_URL, {"bucket": "month"})

    IncidentFactory(date_start=day("2023-12-09"))
    after_create = api.get(TIMELINE_URL, {"bucket": "month"})
    Incident.objects.filter(pk=incident.pk).update(status=Status.DRAFT)  # no signal, no save()
    after_update = api.get(TIMELINE_URL, {"bucket": "month"})
    with connection.cursor() as cursor:
        cursor.execute("UPDATE incidents_incident SET date_start = '2024-01-02', date_end = '2024-01-02'")
    after_sql = api.get(TIMELINE_URL, {"bucket": "month"})

    assert bars(before) == {"2023-12-01": 1}
    assert bars(after_create) == {"2023-12-01": 2}
    assert bars(after_update) == {"2023-12-01": 1}
    assert bars(after_sql) == {"2024-01-01": 1}
    assert len({before["ETag"], after_create["ETag"], after_update["ETag"], after_sql["ETag"]}) == 4


@pytest.mark.parametrize(
    "model",
    [models.Incident, models.IncidentActor, models.IncidentSource, models.Source, models.Location, models.Actor,
     models.Statement, models.StatementIncident],
)  # fmt: skip
def test_any_statement_on_a_table_incidents_are_read_from_moves_the_data_version(model):
    before = data_version()

    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {model._meta.db_table} SET id = id WHERE false")  # a statement, no row

    assert data_version() > before


def test_etag_answers_a_revalidation_with_304_until_the_data_changes(api):
    IncidentFactory()
    first = api.get(TIMELINE_URL)

    revalidated = api.get(TIMELINE_URL, HTTP_IF_NONE_MATCH=first["ETag"])
    IncidentFactory()
    after_a_write = api.get(TIMELINE_URL, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["ETag"].startswith('W/"')
    assert first["Cache-Control"] == "public, max-age=60"
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert revalidated["ETag"] == first["ETag"]
    assert after_a_write.status_code == 200
    assert after_a_write["ETag"] != first["ETag"]


def test_another_query_has_another_etag(api):
    IncidentFactory()

    month = api.get(TIMELINE_URL, {"bucket": "month"})
    day_ = api.get(TIMELINE_URL, {"bucket": "day"})
    day_revalidated_with_month = api.get(TIMELINE_URL, {"bucket": "day"}, HTTP_IF_NONE_MATCH=month["ETag"])

    assert month["ETag"] != day_["ETag"]
    assert day_revalidated_with_month.status_code == 200


def test_max_age_comes_from_the_settings(api, settings):
    settings.MARSAD_AGGREGATE_MAX_AGE = 5

    assert api.get(TIMELINE_URL)["Cache-Control"] == "public, max-age=5"


def test_a_distinct_queryset_through_a_join_counts_each_incident_once():
    incident = IncidentFactory(count=2)
    IncidentActorFactory(incident=incident, role=ActorRole.PERPETRATOR)
    IncidentActorFactory(incident=incident, role=ActorRole.CLAIMANT)
    through_actors = Incident.objects.published().filter(incident_actors__isnull=False).distinct()

    from django.db.models import Count, Sum

    totals = countable(through_actors).aggregate(incidents=Count("pk"), events=Sum("count"))

    assert totals == {"incidents": 1, "events": 2}


# --- Summary --------------------------------------------------------------------------------


def test_summary_totals_and_breakdowns(api):
    iraq = CountryFactory()
    baghdad_site = LocationFactory()
    basra = LocationFactory(
        parent=LocationFactory(slug="iq-basra", name_en="Basra", name_ar="البصرة", kind="governorate", parent=iraq)
    )
    syria_site = LocationFactory(
        country_code="SY",
        parent=LocationFactory(
            slug="sy-aleppo", name_en="Aleppo", name_ar="حلب", kind="governorate", country_code="SY", parent=None
        ),
    )
    group = ActorFactory(name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله")
    army = ActorFactory(name_en="Iraqi Army", name_ar="الجيش العراقي")
    first = IncidentFactory(location=baghdad_site, killed_best=3, injured_best=1, count=2)
    second = IncidentFactory(location=baghdad_site, killed_best=1, **BATTLE)
    IncidentFactory(location=basra)
    IncidentFactory(location=syria_site, injured_best=5)
    IncidentFactory(location=iraq, geo_precision=3)  # known only to the country
    IncidentActorFactory(incident=first, actor=group)
    IncidentActorFactory(incident=second, actor=group)
    IncidentActorFactory(incident=second, actor=army, role=ActorRole.TARGET)

    response = api.get(SUMMARY_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["total"] == {"incidents": 5, "events": 6, "killed": 4, "injured": 6}
    assert body["by_country"] == [
        {"country_code": "IQ", "incidents": 4, "events": 5, "killed": 4, "injured": 1},
        {"country_code": "SY", "incidents": 1, "events": 1, "killed": 0, "injured": 5},
    ]
    governorates = {(row["name_en"], row["country_code"]): row["incidents"] for row in body["by_governorate"]}
    assert governorates == {("Baghdad", "IQ"): 2, ("Basra", "IQ"): 1, ("Aleppo", "SY"): 1, (None, "IQ"): 1}
    assert body["by_governorate"][0] == {
        "id": baghdad_site.governorate_id,
        "name_en": "Baghdad",
        "name_ar": "بغداد",
        "country_code": "IQ",
        "incidents": 2,
        "events": 3,
        "killed": 4,
        "injured": 1,
    }
    assert body["by_event_type"] == [
        {"event_type": "Explosions/Remote violence", "incidents": 4, "events": 5, "killed": 3, "injured": 6},
        {"event_type": "Battles", "incidents": 1, "events": 1, "killed": 1, "injured": 0},
    ]
    assert body["by_actor"]["perpetrator"] == [
        {"id": group.pk, "name_en": "Kata'ib Hezbollah", "name_ar": "كتائب حزب الله", "incidents": 2, "events": 3, "killed": 4, "injured": 1}
    ]
    assert body["by_actor"]["target"] == [
        {"id": army.pk, "name_en": "Iraqi Army", "name_ar": "الجيش العراقي", "incidents": 1, "events": 1, "killed": 1, "injured": 0}
    ]
    assert set(body["by_actor"]) == set(ActorRole.values)


def test_summary_lists_the_top_actors_per_role_up_to_the_limit(api):
    actors = ActorFactory.create_batch(3)
    for rank, actor in enumerate(actors):
        for _ in range(3 - rank):
            IncidentActorFactory(actor=actor)

    top_two = api.get(SUMMARY_URL, {"limit": 2}).json()["by_actor"]["perpetrator"]
    default = api.get(SUMMARY_URL).json()["by_actor"]["perpetrator"]

    assert [(row["id"], row["incidents"]) for row in top_two] == [(actors[0].pk, 3), (actors[1].pk, 2)]
    assert len(default) == 3


@pytest.mark.parametrize("limit", ["0", "101", "ten", "٣"])
def test_a_malformed_limit_is_a_400_naming_it(api, limit):
    response = api.get(SUMMARY_URL, {"limit": limit})

    assert response.status_code == 400
    assert list(response.json()) == ["limit"]


def test_summary_applies_the_incident_filters(api):
    IncidentFactory(date_start=day("2023-11-05"), killed_best=1)
    IncidentFactory(date_start=day("2023-12-05"), killed_best=2)
    IncidentFactory(date_start=day("2023-12-06"), killed_best=4, **BATTLE)
    IncidentFactory(location=LocationFactory(point=Point(40.14, 35.33, srid=4326)), killed_best=8)

    def killed(**filters):
        return api.get(SUMMARY_URL, filters).json()["total"]["killed"]

    assert killed(date_from="2023-12-01", date_to="2023-12-31") == 2 + 4 + 8
    assert killed(event_type="Battles") == 4
    assert killed(in_bbox="39,34,41,36") == 8


def test_summary_leaves_drafts_out(api):
    actor = ActorFactory()
    IncidentActorFactory(actor=actor, incident=IncidentFactory(status=Status.DRAFT, killed_best=9))

    body = api.get(SUMMARY_URL).json()

    assert body["total"] == {"incidents": 0, "events": 0, "killed": 0, "injured": 0}
    assert body["by_country"] == body["by_governorate"] == body["by_event_type"] == []
    assert body["by_actor"]["perpetrator"] == []


def test_summary_query_count_does_not_grow_with_incidents(api, django_assert_num_queries):
    for number in range(4):
        IncidentActorFactory(incident=IncidentFactory(location=LocationFactory()))

    # data version; by event type; by governorate + their names; actors + their names.
    with django_assert_num_queries(6):
        response = api.get(SUMMARY_URL)

    assert response.json()["total"]["incidents"] == 4


# --- Grid -----------------------------------------------------------------------------------


def test_grid_counts_incidents_in_cells_with_their_mean_position_and_extent(api):
    near_baghdad = [Point(44.40, 33.33, srid=4326), Point(44.42, 33.35, srid=4326)]
    for point in near_baghdad:
        IncidentFactory(point=point, killed_best=1)
    IncidentFactory(point=Point(44.41, 33.34, srid=4326), geo_precision=3, **BATTLE)
    IncidentFactory(point=Point(40.14, 35.33, srid=4326), count=4)  # Deir ez-Zor

    response = api.get(GRID_URL, {"zoom": 6})

    assert response.status_code == 200
    body = response.json()
    assert (body["type"], body["zoom"], body["cell_pixels"]) == ("FeatureCollection", 6, 32)
    cells = sorted(body["features"], key=lambda feature: feature["properties"]["incidents"])
    deir_ez_zor, baghdad = cells
    assert baghdad["properties"] == {
        "incidents": 3,
        "events": 3,
        "killed": 2,
        "injured": 0,
        "approximate": 1,
        "event_types": {"Explosions/Remote violence": 2, "Battles": 1},
    }
    assert baghdad["geometry"]["coordinates"] == pytest.approx([44.41, 33.34])
    west, south, east, north = baghdad["bbox"]
    assert west < 44.40 < 44.42 < east and south < 33.33 < 33.35 < north
    # 32 pixels at zoom 6 is 360 / 2**6 / 8 degrees of longitude.
    assert east - west == pytest.approx(360 / 2**6 / 8)
    assert deir_ez_zor["properties"]["events"] == 4
    assert deir_ez_zor["geometry"]["type"] == "Point"


def test_grid_cells_shrink_as_the_zoom_grows(api):
    IncidentFactory(point=Point(44.40, 33.33, srid=4326))
    IncidentFactory(point=Point(44.60, 33.33, srid=4326))

    assert len(api.get(GRID_URL, {"zoom": 4}).json()["features"]) == 1
    assert len(api.get(GRID_URL, {"zoom": 10}).json()["features"]) == 2


def test_grid_applies_the_incident_filters_and_leaves_drafts_out(api):
    IncidentFactory(point=Point(44.40, 33.33, srid=4326))
    IncidentFactory(point=Point(40.14, 35.33, srid=4326))
    IncidentFactory(point=Point(44.40, 33.33, srid=4326), **BATTLE)
    IncidentFactory(point=Point(36.20, 37.16, srid=4326), status=Status.DRAFT)  # Aleppo

    def incidents(**filters):
        features = api.get(GRID_URL, {"zoom": 6, **filters}).json()["features"]
        return sorted(feature["properties"]["incidents"] for feature in features)

    assert incidents() == [1, 2]
    assert incidents(in_bbox="43.5,32.5,45.5,34.5") == [2]
    assert incidents(event_type="Battles") == [1]
    assert incidents(date_from="2024-01-01") == []


@pytest.mark.parametrize("in_bbox", ["43.5,32.5,45.5,34.5", "44.4,32.5,45.5,34.5", "40,30,50,40"])
def test_the_grids_box_takes_the_points_the_lists_box_takes(api, in_bbox):
    """The grid applies in_bbox to grouped points (aggregates.py), the list to incidents: the same ones."""
    for lon, lat in [(44.40, 33.33), (44.40, 33.33), (43.60, 34.40), (40.14, 35.33), (44.00, 32.40)]:
        IncidentFactory(point=Point(lon, lat, srid=4326))

    features = api.get(GRID_URL, {"zoom": 6, "in_bbox": in_bbox}).json()["features"]
    listed = api.get("/api/v1/incidents/", {"in_bbox": in_bbox}).json()["count"]

    assert sum(feature["properties"]["incidents"] for feature in features) == listed


@pytest.mark.parametrize("zoom", [None, "", "21", "-1", "6.5", "six"])
def test_a_missing_or_malformed_zoom_is_a_400_naming_it(api, zoom):
    response = api.get(GRID_URL, {} if zoom is None else {"zoom": zoom})

    assert response.status_code == 400
    assert list(response.json()) == ["zoom"]


def test_grid_query_count(api, django_assert_num_queries):
    IncidentFactory.create_batch(3)

    with django_assert_num_queries(2):
        api.get(GRID_URL, {"zoom": 6})


# --- Routes and schema ----------------------------------------------------------------------


def test_url_names_resolve_before_the_detail_route():
    assert reverse("api:incident-timeline") == TIMELINE_URL
    assert reverse("api:incident-summary") == SUMMARY_URL
    assert reverse("api:incident-grid") == GRID_URL


def test_schema_lists_the_incident_filters_and_own_parameters_of_each_aggregate(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    def parameters(path):
        return {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}

    filters = {"date_from", "date_to", "event_type", "in_bbox"}
    assert filters | {"bucket"} <= parameters(TIMELINE_URL)
    assert filters | {"limit"} <= parameters(SUMMARY_URL)
    assert filters | {"zoom"} <= parameters(GRID_URL)
    assert filters <= parameters("/api/v1/tiles/incidents/{z}/{x}/{y}.mvt")
    for path in (TIMELINE_URL, SUMMARY_URL, GRID_URL):
        assert {"200", "304", "400"} <= set(schema["paths"][path]["get"]["responses"])


HOSTILE_PARAMETERS = [
    (TIMELINE_URL, "bucket", "\x00"),
    (TIMELINE_URL, "bucket", "Day"),
    (TIMELINE_URL, "bucket", " month"),
    (SUMMARY_URL, "limit", "99999999999999999999999999"),
    (SUMMARY_URL, "limit", "１０"),
    (SUMMARY_URL, "limit", "2.5"),
    (GRID_URL, "zoom", "99999999999999999999999999"),
    (GRID_URL, "zoom", "٦"),
    (GRID_URL, "zoom", "6\x00"),
    (GRID_URL, "in_bbox", "nan,nan,nan,nan"),
    (SUMMARY_URL, "date_from", "٢٠٢٣-٠١-٠١"),
    (TIMELINE_URL, "date_to", "2023-02-30"),
    (TIMELINE_URL, "event_type", "Riots and looting"),
]


@pytest.mark.parametrize(("url", "name", "value"), HOSTILE_PARAMETERS)
def test_a_hostile_parameter_is_a_400_in_json_naming_it(url, name, value):
    IncidentFactory()
    client = APIClient(raise_request_exception=False)

    response = client.get(url, {"zoom": "6", name: value} if url == GRID_URL else {name: value})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [name]


def test_a_huge_tile_address_is_a_404():
    response = APIClient(raise_request_exception=False).get(f"/api/v1/tiles/incidents/{10**30}/{10**30}/0.mvt")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_the_browsable_api_shows_an_aggregate(api):
    IncidentFactory()

    response = api.get(SUMMARY_URL, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"Summary" in response.content

