"""The public API answers a bad query parameter with a 400 in JSON naming it, and never with a 500.

Attackers and careless clients control every query parameter and every path under /api/. A parameter
means one thing (ISO dates, ASCII digits, finite WGS84 degrees) or is refused; an unexpected error is a
bare JSON 500 that says nothing of the server.
"""
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents.api.views import IncidentViewSet

from ..factories import IncidentFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/incidents/"

BAD_PARAMETERS = [
    ("in_bbox", "nan,nan,nan,nan"),
    ("in_bbox", "-inf,0,inf,1"),
    ("in_bbox", "1e308,1,2,3"),
    ("in_bbox", "200,0,300,10"),
    ("in_bbox", "40,-100,45,35"),
    ("in_bbox", "40,30,45"),
    ("in_bbox", "40,30,45,35,1"),
    ("in_bbox", "45,35,40,30"),
    ("in_bbox", "٤٠,٣٠,٤٥,٣٥"),  # Arabic-Indic digits: float() reads them
    ("in_bbox", "４０,３０,４５,３５"),  # fullwidth digits
    ("in_bbox", "40,30,45,35\x00"),
    ("in_bbox", " 40, 30, 45, 35"),
    ("date_from", "01/02/2023"),
    ("date_from", "2023-1-1"),
    ("date_from", "20230101"),
    ("date_from", "٢٠٢٣-٠١-٠١"),
    ("date_from", "２０２３-０１-０１"),
    ("date_from", "0000-01-01"),
    ("date_from", "99999-01-01"),
    ("date_from", "2023-02-30"),
    ("date_to", "2023-12-09\x00"),
    ("date_to", "12/09/2023"),
    ("event_type", "Riots and looting"),
    ("event_type", "\x00"),
    ("page_size", "abc"),
    ("page_size", "0"),
    ("page_size", "-1"),
    ("page_size", "99999999999999999999999999"),
    ("page_size", "٣"),
    ("page_size", "１０"),
    ("page_size", "2.5"),
    ("page", "abc"),
    ("page", "0"),
    ("page", "٢"),
    ("page", "99999999999999999999999999"),
]


@pytest.fixture
def api():
    """Return a client that gets the server's answer to an error rather than the exception."""
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(("name", "value"), BAD_PARAMETERS, ids=[f"{n}={v!r}" for n, v in BAD_PARAMETERS])
def test_a_bad_parameter_is_a_400_in_json_naming_it(api, name, value):
    IncidentFactory()

    response = api.get(LIST_URL, {name: value})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert name in response.json()


def test_good_parameters_still_filter_and_page(api):
    IncidentFactory.create_batch(2)

    response = api.get(LIST_URL, {"in_bbox": "-180,-90,180,90", "date_from": "2000-01-01", "page_size": "1", "page": "2"})

    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert len(response.json()["features"]) == 1


@pytest.mark.parametrize(
    ("name", "value", "language", "message"),
    [
        ("date_from", "01/02/2023", "en", "Enter a date as YYYY-MM-DD, for example 2023-12-09."),
        ("date_from", "01/02/2023", "ar", "أدخل التاريخ بالصيغة YYYY-MM-DD، مثل 2023-12-09."),
        ("in_bbox", "nan,nan,nan,nan", "en", "Give a bounding box as four numbers in degrees: min_lon,min_lat,max_lon,max_lat."),
        ("in_bbox", "200,0,300,10", "en", "Longitudes run from -180 to 180 and latitudes from -90 to 90."),
        ("in_bbox", "45,35,40,30", "ar", "يجب ألا يكون الحد الأدنى لخط الطول ودائرة العرض أكبر من الحد الأعلى."),
    ],
)
def test_the_400_says_what_to_send_in_the_clients_language(api, name, value, language, message):
    response = api.get(LIST_URL, {name: value}, HTTP_ACCEPT_LANGUAGE=language)

    assert response.json() == {name: [message]}


def test_an_unexpected_error_in_the_api_is_a_json_500_without_details(api, monkeypatch):
    def fail(self):
        raise RuntimeError("password=hunter2 in postgis://marsad:secret@db/marsad")

    monkeypatch.setattr(IncidentViewSet, "get_queryset", fail)

    response = api.get(LIST_URL)

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "hunter2" not in response.content.decode() and "secret" not in response.content.decode()


def test_an_unknown_schema_format_is_a_json_404(api):
    response = api.get("/api/schema/", {"format": "xml"})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_an_unknown_api_address_is_a_json_404(api):
    response = api.get("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


# --- Property-based: any text in any parameter -------------------------------------------------------
# Hypothesis draws any Unicode text (NUL bytes, digits of every script, signs, huge numbers, "nan").

ANY_TEXT = st.text(max_size=40)
PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_client_answer(response, error_types=("application/json",)):
    """Assert the answer is a success, or a client error the client can read as JSON."""
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert response["Content-Type"].startswith(error_types), response["Content-Type"]


@pytest.mark.parametrize("name", ["in_bbox", "date_from", "date_to", "event_type", "page", "page_size", "format"])
@PROPERTY_SETTINGS
@given(value=ANY_TEXT)
def test_any_text_in_a_list_parameter_is_never_a_server_error(api, name, value):
    assert_client_answer(api.get(LIST_URL, {name: value}))


@PROPERTY_SETTINGS
@given(values=st.fixed_dictionaries({}, optional={
    name: ANY_TEXT for name in ["in_bbox", "date_from", "date_to", "event_type", "page", "page_size", "format"]
}))
def test_any_mix_of_list_parameters_is_never_a_server_error(api, values):
    assert_client_answer(api.get(LIST_URL, values))


@PROPERTY_SETTINGS
@given(path=ANY_TEXT, format_=st.one_of(st.none(), ANY_TEXT))
def test_any_path_or_format_under_the_api_root_is_never_a_server_error(api, path, format_):
    params = {} if format_ is None else {"format": format_}
    assert_client_answer(api.get(f"/api/v1/{quote(path)}", params))


@PROPERTY_SETTINGS
@given(value=ANY_TEXT, format_=st.one_of(st.none(), ANY_TEXT))
def test_any_text_as_an_incident_id_is_never_a_server_error(api, value, format_):
    params = {} if format_ is None else {"format": format_}
    assert_client_answer(api.get(f"{LIST_URL}{quote(value, safe='')}/", params))


@pytest.mark.parametrize(
    ("path", "error_types"),
    [
        # The docs page is a page: its errors are HTML.
        ("/api/schema/", ("application/json",)),
        ("/api/docs/", ("application/json", "text/html")),
    ],
)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["format", "lang", "version"]), value=ANY_TEXT)
def test_any_text_in_a_schema_parameter_is_never_a_server_error(api, path, error_types, name, value):
    assert_client_answer(api.get(path, {name: value}), error_types)


@pytest.mark.parametrize("version", ["a\nb", 'a"b', "v2"])
def test_a_schema_version_the_api_does_not_have_stays_out_of_the_headers(api, version):
    response = api.get("/api/schema/", {"version": version, "format": "json"})
    assert response.status_code == 200
    assert version not in response["Content-Disposition"]
