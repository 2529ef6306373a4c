"""The API over HTTP: formats and their media types, gzip, CORS for reading, rate limits with 429."""
import gzip

import pytest
from django.test import Client, override_settings
from django.conf import settings

from .factories import IncidentFactory, LocationFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/incidents/"


@pytest.fixture
def api():
    return Client(raise_request_exception=False)


def rates(anon, user):
    framework = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": anon, "user": user}}
    return override_settings(REST_FRAMEWORK=framework)


# --- Formats -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "headers", "media_type"),
    [
        ({}, {}, "application/geo+json"),
        ({"format": "geojson"}, {}, "application/geo+json"),
        ({}, {"HTTP_ACCEPT": "application/geo+json"}, "application/geo+json"),
        ({"format": "json"}, {}, "application/json"),
        # GeoJSON is JSON: a client that asks for JSON without ?format=json gets the default, GeoJSON.
        ({}, {"HTTP_ACCEPT": "application/json"}, "application/geo+json"),
        ({"format": "csv"}, {}, "text/csv; charset=utf-8"),
        ({"format": "api"}, {}, "text/html; charset=utf-8"),
    ],
)
def test_each_format_has_its_media_type(api, params, headers, media_type):
    IncidentFactory()

    response = api.get(LIST_URL, params, **headers)

    assert response.status_code == 200
    assert response["Content-Type"] == media_type


def test_geojson_and_json_carry_the_same_incidents(api):
    incident = IncidentFactory()

    geojson = api.get(LIST_URL, {"format": "geojson"}).json()
    json = api.get(LIST_URL, {"format": "json"}).json()

    assert [feature["id"] for feature in geojson["features"]] == [incident.pk]
    assert json["count"] == geojson["count"] == 1


def test_the_browsable_api_shows_the_list_to_a_person(api):
    IncidentFactory(title="Rockets hit Ain al-Asad")

    response = api.get(LIST_URL, {"format": "api"})

    assert "Rockets hit Ain al-Asad" in response.content.decode()


def test_a_detail_is_geojson_too(api):
    incident = IncidentFactory()

    response = api.get(f"{LIST_URL}{incident.pk}/")

    assert response["Content-Type"] == "application/geo+json"
    assert response.json()["type"] == "Feature"


@pytest.mark.parametrize("format_", ["geojson", "csv", "json"])
def test_errors_are_json_whatever_the_format(api, format_):
    response = api.get(LIST_URL, {"format": format_, "in_bbox": "north"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "in_bbox" in response.json()


# --- gzip ----------------------------------------------------------------------------------------------


def test_a_list_is_gzip_encoded_and_smaller_when_the_client_accepts_it(api):
    location = LocationFactory()
    IncidentFactory.create_batch(20, location=location)

    plain = api.get(LIST_URL)
    compressed = api.get(LIST_URL, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 3
    assert gzip.decompress(compressed.content) == plain.content


def test_the_streamed_csv_is_gzip_encoded_too(api):
    location = LocationFactory()
    IncidentFactory.create_batch(20, location=location)

    plain = b"".join(api.get(LIST_URL, {"format": "csv"}).streaming_content)
    response = api.get(LIST_URL, {"format": "csv"}, HTTP_ACCEPT_ENCODING="gzip")
    compressed = b"".join(response.streaming_content)

    assert response.streaming
    assert response["Content-Encoding"] == "gzip"
    assert len(compressed) < len(plain) / 3
    assert gzip.decompress(compressed) == plain


@pytest.mark.parametrize("path", ["/", "/api/v1/incidents/?format=api", "/api/docs/"])
def test_html_pages_are_not_compressed(api, path):
    # BREACH: a compressed page holding a CSRF token and echoing the request leaks the token.
    response = api.get(path, HTTP_ACCEPT_ENCODING="gzip")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Encoding" not in response


# --- CORS ----------------------------------------------------------------------------------------------

ORIGIN = "https://dashboard.example.org"


def test_any_origin_may_read_the_api_without_credentials(api):
    IncidentFactory()

    response = api.get(LIST_URL, HTTP_ORIGIN=ORIGIN)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_for_reading_is_allowed(api):
    response = api.options(LIST_URL, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_preflight_for_writing_does_not_allow_the_write(api, method):
    response = api.options(LIST_URL, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD=method)

    assert method not in response.get("Access-Control-Allow-Methods", "")


def test_pages_outside_the_api_get_no_cors_headers(api):
    response = api.get("/", HTTP_ORIGIN=ORIGIN)

    assert "Access-Control-Allow-Origin" not in response


# --- Rate limits ---------------------------------------------------------------------------------------


def test_an_anonymous_client_over_its_rate_gets_a_429_with_retry_after(api):
    with rates("3/minute", "1000/minute"):
        statuses = [api.get(LIST_URL).status_code for _ in range(4)]
        response = api.get(LIST_URL)

    assert statuses == [200, 200, 200, 429]
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json() == {"detail": f"Too many requests: try again in {response['Retry-After']} s."}


def test_the_429_speaks_arabic_to_an_arabic_client(api):
    with rates("1/minute", "1000/minute"):
        api.get(LIST_URL)
        response = api.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="ar")

    assert response.json() == {"detail": f"طلبات كثيرة جدًا: أعد المحاولة بعد {response['Retry-After']} ثانية."}


def test_the_csv_export_counts_against_the_rate_and_its_429_is_json(api):
    with rates("1/minute", "1000/minute"):
        api.get(LIST_URL, {"format": "csv"})
        response = api.get(LIST_URL, {"format": "csv"})

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"


def test_each_address_has_its_own_count(api):
    with rates("1/minute", "1000/minute"):
        first = api.get(LIST_URL, REMOTE_ADDR="192.0.2.1")
        other = api.get(LIST_URL, REMOTE_ADDR="192.0.2.2")
        again = api.get(LIST_URL, REMOTE_ADDR="192.0.2.1")
        forged = api.get(LIST_URL, REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert (first.status_code, other.status_code, again.status_code) == (200, 200, 429)
    assert forged.status_code == 429  # no proxy in front: X-Forwarded-For is the client's own text


def test_a_signed_in_user_has_the_user_rate(api):
    api.force_login(UserFactory())

    with rates("1/minute", "3/minute"):
        statuses = [api.get(LIST_URL).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_off_turns_a_limit_off(api):
    with rates(None, None):
        statuses = {api.get(LIST_URL).status_code for _ in range(5)}

    assert statuses == {200}


def test_rates_come_from_the_environment(monkeypatch):
    from tracker.settings import api_rate

    monkeypatch.setenv("MARSAD_API_ANON_RATE", "10/second")
    monkeypatch.setenv("MARSAD_API_USER_RATE", "off")

    assert api_rate("MARSAD_API_ANON_RATE", "300/minute") == "10/second"
    assert api_rate("MARSAD_API_USER_RATE", "1200/minute") is None
    assert api_rate("MARSAD_NO_SUCH_RATE", "300/minute") == "300/minute"
