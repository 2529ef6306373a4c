"""A token holder's write body, whatever it holds, is a success or a JSON 4xx, never a server error.

Hypothesis draws JSON values of every kind (huge and negative numbers, floats, NUL bytes, nested lists
and objects) for every field the write bodies of incidents, actors, locations and statements name.
"""
import pytest
from django.contrib.auth.models import Permission
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from incidents.api.writes import (
    ActorWriteSerializer,
    IncidentWriteSerializer,
    LocationWriteSerializer,
    StatementWriteSerializer,
)

from ..factories import ActorFactory, IncidentFactory, LocationFactory, StatementFactory, UserFactory

pytestmark = pytest.mark.django_db

SERIALIZERS = {
    "incidents": (IncidentWriteSerializer, IncidentFactory),
    "actors": (ActorWriteSerializer, ActorFactory),
    "locations": (LocationWriteSerializer, LocationFactory),
    "statements": (StatementWriteSerializer, StatementFactory),
}
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from([1, 0, -1, 2**31, 2**63, "1", "2023-12-08", "published", "target", "Point"]),
)
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["type", "coordinates", "actor", "role", "source", "start_offset", "end_offset"]), inner, max_size=4
), max_leaves=8)  # fmt: skip


@pytest.fixture
def editor():
    user = UserFactory()
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="incidents"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.mark.parametrize("path", list(SERIALIZERS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_write_body_is_never_a_server_error(editor, path, data):
    serializer, factory = SERIALIZERS[path]
    row = factory()
    names = [name for name in serializer.Meta.fields if name != "id"]
    body = data.draw(st.dictionaries(st.sampled_from(names), JSON, max_size=6))

    for response in (
        editor.post(f"/api/v1/{path}/", body, format="json"),
        editor.patch(f"/api/v1/{path}/{row.pk}/", body, format="json"),
    ):
        assert response.status_code < 500, (body, response.content[:300])
        assert response["Content-Type"] == "application/json"
