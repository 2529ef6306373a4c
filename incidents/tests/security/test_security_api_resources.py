"""The resources' lists and details answer any query parameter and any id with a success or a JSON 4xx.

Attackers control every query parameter: Hypothesis draws any Unicode text (NUL bytes, digits of every
script, huge numbers) for each filter of actors/, locations/, statements/ and sources/.
"""
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..factories import IncidentActorFactory, IncidentSourceFactory

pytestmark = pytest.mark.django_db

PARAMETERS = {
    "actors": ["name", "kind", "country", "parent", "page", "page_size"],
    "locations": ["name", "kind", "country", "governorate", "parent", "in_bbox", "page", "page_size"],
    "statements": ["speaker", "kind", "date_from", "date_to", "incident", "source", "language", "q", "page", "page_size"],
    "sources": ["publisher", "language", "published_from", "published_to", "incident", "page", "page_size"],
}
ANY_TEXT = st.text(max_size=40)
PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def api():
    """Return a client that gets the server's answer to an error rather than the exception."""
    IncidentActorFactory()
    IncidentSourceFactory()
    return Client(raise_request_exception=False)


def assert_client_answer(response):
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("path", list(PARAMETERS))
@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_mix_of_parameters_is_never_a_server_error(api, path, data):
    values = data.draw(st.fixed_dictionaries({}, optional={name: ANY_TEXT for name in PARAMETERS[path]}))

    assert_client_answer(api.get(f"/api/v1/{path}/", values))


@pytest.mark.parametrize("path", list(PARAMETERS))
@PROPERTY_SETTINGS
@given(value=ANY_TEXT)
def test_any_text_as_an_id_is_never_a_server_error(api, path, value):
    assert_client_answer(api.get(f"/api/v1/{path}/{quote(value, safe='')}/"))
