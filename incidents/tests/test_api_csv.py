"""The CSV format of the API's lists: every filtered row, streamed, ACLED's column names, formulas defused."""
import csv
import datetime
import io
import re

import pytest
from django.contrib.gis.geos import Point
from django.db import connection
from django.db.models import CharField
from django.db.models.expressions import RawSQL
from rest_framework.test import APIClient

from incidents.api import csv as csv_export
from incidents.api.views import IncidentViewSet
from incidents.models import ActorRole, DatePrecision, Incident, Status

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

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "timestamp",
]  # fmt: skip


@pytest.fixture
def api():
    return APIClient()


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


def table(response):
    """Return the CSV response's rows as dicts, checking the byte-order mark that Excel needs."""
    text = body(response)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_list_as_csv_has_acled_columns_then_marsads(api):
    location = LocationFactory(name_en="Ain al-Asad", name_ar="عين الأسد", point=Point(42.44, 33.79, srid=4326))
    incident = IncidentFactory(
        title="Rockets hit Ain al-Asad",
        description="Two rockets struck the air base.",
        location=location,
        killed_best=2,
        injured_best=5,
    )
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Kata'ib Hezbollah"), role=ActorRole.PERPETRATOR)
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Islamic Resistance in Iraq"), role=ActorRole.PERPETRATOR)
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="US forces"), role=ActorRole.TARGET)
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Saberin News"), role=ActorRole.CLAIMANT)
    IncidentSourceFactory(incident=incident, source=SourceFactory(publisher="Shafaq News"))
    IncidentSourceFactory(incident=incident, source=SourceFactory(publisher="Al Sumaria"))
    IncidentSourceFactory(incident=incident, source=SourceFactory(publisher="Al Sumaria"))

    response = api.get(LIST_URL, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="marsad-incidents-\d{4}-\d{2}-\d{2}\.csv"', response["Content-Disposition"])
    [row] = table(response)
    assert list(row)[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert row["event_id_cnty"] == f"IRQ{incident.pk}"
    assert row["event_date"] == "2023-12-08"
    assert row["year"] == "2023"
    assert row["time_precision"] == "1"
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["sub_event_type"] == "Shelling/artillery/missile attack"
    assert row["actor1"] == "Islamic Resistance in Iraq; Kata'ib Hezbollah"
    assert row["actor2"] == "US forces"
    assert row["claimants"] == "Saberin News"
    assert row["country"] == "Iraq"
    assert row["admin1"] == "Baghdad"
    assert row["location"] == "Ain al-Asad"
    assert row["location_ar"] == "عين الأسد"
    assert (float(row["latitude"]), float(row["longitude"])) == (33.79, 42.44)
    assert row["geo_precision"] == "1"
    assert row["source"] == "Al Sumaria; Shafaq News"
    assert row["notes"] == "Two rockets struck the air base."
    assert row["fatalities"] == "2"
    assert row["injured"] == "5"
    incident.refresh_from_db()  # links bump updated_at in the database (their triggers), after the factory's save
    assert int(row["timestamp"]) == int(incident.updated_at.timestamp())
    assert row["id"] == str(incident.pk)
    assert row["title"] == "Rockets hit Ain al-Asad"
    assert row["url"] == f"http://testserver/incidents/{incident.pk}/"


def test_unknown_figures_are_empty_not_zero_and_notes_fall_back_to_the_title(api):
    IncidentFactory(title="Drone downed near Erbil", description="")

    [row] = table(api.get(LIST_URL, {"format": "csv"}))

    assert row["fatalities"] == "" and row["injured"] == ""
    assert row["actor1"] == "" and row["source"] == ""
    assert row["notes"] == "Drone downed near Erbil"


@pytest.mark.parametrize(
    ("precision", "days", "expected"),
    [
        (DatePrecision.DAY, 0, "1"),
        (DatePrecision.WEEK, 6, "2"),
        (DatePrecision.RANGE, 3, "2"),
        (DatePrecision.RANGE, 20, "3"),
        (DatePrecision.MONTH, 30, "3"),
        (DatePrecision.YEAR, 364, "3"),
    ],
)
def test_time_precision_follows_acled(api, precision, days, expected):
    start = datetime.date(2023, 12, 1)
    IncidentFactory(date_start=start, date_end=start + datetime.timedelta(days=days), date_precision=precision)

    [row] = table(api.get(LIST_URL, {"format": "csv"}))

    assert row["time_precision"] == expected
    assert row["date_end"] == str(start + datetime.timedelta(days=days))


def test_event_id_uses_the_countrys_alpha3_code(api):
    syria = LocationFactory(country_code="SY", parent=None)
    incident = IncidentFactory(location=syria)

    [row] = table(api.get(LIST_URL, {"format": "csv"}))

    assert row["event_id_cnty"] == f"SYR{incident.pk}"
    assert row["country"] == "Syria"


def test_drafts_are_not_exported(api):
    published = IncidentFactory(title="Published attack")
    IncidentFactory(status=Status.DRAFT, title="Unchecked claim")

    response = api.get(LIST_URL, {"format": "csv"})
    text = body(response)

    assert "Unchecked claim" not in text
    assert [row["id"] for row in csv.DictReader(io.StringIO(text[1:]))] == [str(published.pk)]


def test_filters_apply_and_paging_does_not_cap_the_export(api):
    inside = [IncidentFactory(point=Point(44.40, 33.33, srid=4326)) for _ in range(3)]
    IncidentFactory(point=Point(40.14, 35.33, srid=4326))  # Deir ez-Zor, outside the box
    IncidentFactory(point=Point(44.40, 33.33, srid=4326), date_start=datetime.date(2020, 1, 1))

    response = api.get(
        LIST_URL, {"format": "csv", "in_bbox": "43.5,32.5,45.5,34.5", "date_from": "2023-01-01", "page_size": "1"}
    )

    assert sorted(int(row["id"]) for row in table(response)) == sorted(incident.pk for incident in inside)


def test_rows_stream_in_chunks(api, monkeypatch):
    monkeypatch.setattr(IncidentViewSet, "csv_chunk_rows", 2)
    location = LocationFactory()
    IncidentFactory.create_batch(5, location=location)

    response = api.get(LIST_URL, {"format": "csv"})
    chunks = list(response.streaming_content)

    assert response.streaming
    assert len(chunks) == 3  # the headers with two rows, two rows, one row
    assert b"".join(chunks).decode().count("\r\n") == 6


def test_an_empty_export_still_has_its_headers(api):
    response = api.get(LIST_URL, {"format": "csv", "date_from": "2099-01-01"})

    assert response.status_code == 200
    assert body(response) == "\ufeff" + ",".join(csv_export_headers()) + "\r\n"


def csv_export_headers():
    return [header for header, expression in csv_export.INCIDENT_CSV_COLUMNS]


def test_the_accept_header_chooses_csv_too(api):
    IncidentFactory()

    response = api.get(LIST_URL, HTTP_ACCEPT="text/csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(table(response)) == 1


def test_head_sends_the_headers_without_running_the_export(api, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = api.head(LIST_URL, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body(response) == ""


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example/","click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\tpadding",
        "\rreturn",
        "   =after spaces",
        "\u00a0=after a no-break space",
    ],
)
def test_cells_that_would_be_formulas_are_neutralized(api, text):
    IncidentFactory(title=text, description=text, location=LocationFactory(name_en=text))
    IncidentActorFactory(actor=ActorFactory(name_en=text), incident__title="other", incident__date_start=datetime.date(2000, 1, 1))

    rows = table(api.get(LIST_URL, {"format": "csv"}))

    assert rows[0]["title"] == rows[0]["notes"] == rows[0]["location"] == "'" + text
    assert rows[1]["actor1"] == "'" + text


def test_a_formula_after_any_character_that_can_lead_one_is_neutralized(api):
    # The export runs the regular expression only on cells whose first character is one of FORMULA_TRIGGERS.
    incidents = {}
    for number, lead in enumerate(csv_export.FORMULA_TRIGGERS):
        text = f"{lead}=HYPERLINK(\"http://evil.example/{number}\")"
        incident = IncidentFactory(title=text, description=text)
        IncidentActorFactory(incident=incident, actor=ActorFactory(name_en=text))
        incidents[str(incident.pk)] = text

    rows = table(api.get(LIST_URL, {"format": "csv"}))

    assert len(rows) == len(incidents) == len(csv_export.FORMULA_TRIGGERS)
    for row in rows:
        expected = "'" + incidents[row["id"]]
        assert (row["title"], row["notes"], row["actor1"]) == (expected, expected, expected), repr(expected)


def test_every_first_character_the_pattern_matches_is_a_trigger():
    # Over the whole Basic Multilingual Plane (surrogates aside), in this database's own regular expressions: a
    # cell that FORMULA_START would change never escapes the check of its first character.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(chr(code)) FROM generate_series(1, 65535) AS code"
            " WHERE code NOT BETWEEN 55296 AND 57343 AND regexp_replace(chr(code) || '=', %s, %s) <> chr(code) || '='",
            [csv_export.FORMULA_START, csv_export.NEUTRALIZED],
        )
        [matched] = cursor.fetchone()

    assert set(matched) <= set(csv_export.FORMULA_TRIGGERS)
    assert set("-=+@\t\r \u00a0\u3000\ufeff") <= set(matched)


def test_ordinary_text_and_negative_numbers_are_left_alone(api):
    IncidentFactory(title="Kata'ib Hezbollah claims a strike = retaliation", point=Point(-3.5, -12.25, srid=4326))

    [row] = table(api.get(LIST_URL, {"format": "csv"}))

    assert row["title"] == "Kata'ib Hezbollah claims a strike = retaliation"
    assert (row["longitude"], row["latitude"]) == ("-3.5", "-12.25")


def test_arabic_text_survives_the_round_trip(api):
    IncidentFactory(title_ar="قصف صاروخي على قاعدة عين الأسد، و\"اقتباس\"، وفاصلة")

    [row] = table(api.get(LIST_URL, {"format": "csv"}))

    assert row["title_ar"] == "قصف صاروخي على قاعدة عين الأسد، و\"اقتباس\"، وفاصلة"


def test_a_bad_parameter_is_a_json_400_naming_it(api):
    response = api.get(LIST_URL, {"format": "csv", "date_from": "yesterday"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "date_from" in response.json()


def test_detail_as_csv_is_one_row(api):
    incident = IncidentFactory()
    IncidentFactory()

    response = api.get(f"{LIST_URL}{incident.pk}/", {"format": "csv"})

    assert response["Content-Disposition"] == f'attachment; filename="marsad-incident-{incident.pk}.csv"'
    assert [row["id"] for row in table(response)] == [str(incident.pk)]


def test_detail_of_a_draft_as_csv_is_a_json_404(api):
    draft = IncidentFactory(status=Status.DRAFT)

    response = api.get(f"{LIST_URL}{draft.pk}/", {"format": "csv"})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("ordering", [None, "date", "-killed", "killed", "updated"])
def test_rows_come_in_the_lists_order_whatever_the_joins(api, ordering):
    location = LocationFactory()
    for day, killed in [(3, None), (1, 4), (2, 4), (5, 0), (4, 9)]:
        incident = IncidentFactory(location=location, date_start=datetime.date(2024, 1, day), killed_best=killed)
        IncidentActorFactory(incident=incident, role=ActorRole.PERPETRATOR)
        IncidentSourceFactory(incident=incident)
    params = {"ordering": ordering} if ordering else {}

    listed = [feature["id"] for feature in api.get(LIST_URL, params).json()["features"]]
    exported = [int(row["id"]) for row in table(api.get(LIST_URL, {**params, "format": "csv"}))]

    assert exported == listed


@pytest.mark.parametrize("ordering", [None, "date", "-killed", "killed", "updated", "-updated"])
def test_each_row_gets_its_own_actors_and_sources_in_every_order(api, ordering):
    # Several incidents a day: the date orderings join the actors and sources on the date and the id.
    location = LocationFactory()
    expected = {}
    for number, (day, killed) in enumerate([(2, None), (1, 4), (2, 4), (2, 0), (1, None), (3, 9)]):
        incident = IncidentFactory(location=location, date_start=datetime.date(2024, 1, day), killed_best=killed)
        if number % 3:  # every third incident has neither actors nor sources
            IncidentActorFactory(incident=incident, actor=ActorFactory(name_en=f"Group {number}"))
            IncidentSourceFactory(incident=incident, source=SourceFactory(publisher=f"Wire {number}"))
            expected[str(incident.pk)] = (f"Group {number}", f"Wire {number}")
        else:
            expected[str(incident.pk)] = ("", "")
    params = {"ordering": ordering} if ordering else {}

    listed = [str(feature["id"]) for feature in api.get(LIST_URL, params).json()["features"]]
    rows = table(api.get(LIST_URL, {**params, "format": "csv"}))

    assert [row["id"] for row in rows] == listed
    assert {row["id"]: (row["actor1"], row["source"]) for row in rows} == expected


def test_an_export_ordered_by_the_id_alone_groups_the_joined_columns_by_the_id():
    incidents = [IncidentFactory() for number in range(3)]
    for incident in incidents[1:]:
        IncidentActorFactory(incident=incident, actor=ActorFactory(name_en=f"Group {incident.pk}"))
    columns = [("id", "pk"), ("actor1", csv_export.ACTOR_NAMES["actor1"])]
    queryset = Incident.objects.filter(pk__in=[incident.pk for incident in incidents]).order_by("-pk")

    lines = b"".join(csv_export.copy_rows(csv_export.csv_query(queryset, columns))).decode().splitlines()

    newest_first = sorted(incidents, key=lambda incident: -incident.pk)
    assert lines == [f"{incident.pk},{'' if incident == incidents[0] else f'Group {incident.pk}'}" for incident in newest_first]


def session_setting(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s)", [name])
        return cursor.fetchone()[0]


def test_the_exports_own_timeout_and_memory_end_with_it(api, settings, monkeypatch):
    settings.MARSAD_EXPORT_TIMEOUT = 1234
    setting = lambda name: RawSQL("current_setting(%s)", [name], output_field=CharField())
    # The export's own cells say what its statement ran under.
    monkeypatch.setattr(IncidentViewSet, "csv_columns", [
        ("id", "pk"), ("timeout", setting("statement_timeout")), ("work_mem", setting("work_mem")),
        ("workers", setting("max_parallel_workers_per_gather")),
    ])
    IncidentFactory.create_batch(2)
    before = {name: session_setting(name) for name in ("statement_timeout", "work_mem")}

    rows = table(api.get(LIST_URL, {"format": "csv"}))

    assert {(row["timeout"], row["work_mem"], row["workers"]) for row in rows} == {("1234s", "256MB", "0")}
    assert before["work_mem"] != "256MB"
    assert {name: session_setting(name) for name in ("statement_timeout", "work_mem")} == before


@pytest.mark.django_db(transaction=True)  # closing the response ends the request, as in production
def test_a_download_abandoned_midway_leaves_the_connection_usable(api, monkeypatch):
    monkeypatch.setattr(IncidentViewSet, "csv_chunk_rows", 1)
    IncidentFactory.create_batch(5)
    before = session_setting("statement_timeout")

    response = api.get(LIST_URL, {"format": "csv"})
    chunks = iter(response.streaming_content)
    next(chunks)
    response.close()  # what the server does when the client hangs up: the COPY is cancelled

    assert session_setting("statement_timeout") == before
    assert len(table(api.get(LIST_URL, {"format": "csv"}))) == 5
