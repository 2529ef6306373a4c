"""Schemathesis walks the OpenAPI schema the app serves and calls every GET operation with generated parameters.

Each response must not be a server error, must have a status code, content type, headers and body that the
schema documents. New endpoints are covered as soon as they are in the schema. Rate limits are off here (they
have their own tests in test_api_http.py); the examples per operation are few, so the run takes about a minute.
"""
import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .factories import IncidentActorFactory, IncidentFactory, IncidentSourceFactory

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
NO_RATE_LIMITS = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None, "user": None}}


@pytest.fixture
def test_transaction_kept_open():
    """Keep the WSGI handler from closing the test's connection, and its transaction, around each request.

    Django's own test client does the same; schemathesis calls the WSGI application directly.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def published_data(db, test_transaction_kept_open):
    """A few published incidents with actors and sources, so that lists and details have something to show."""
    for number in range(3):
        incident = IncidentFactory()
        IncidentActorFactory(incident=incident)
        IncidentSourceFactory(incident=incident)


@pytest.mark.django_db
@schema.include(method="GET").parametrize()
@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_get_operations_conform_to_the_schema(case, published_data):
    with override_settings(REST_FRAMEWORK=NO_RATE_LIMITS):
        # gzip has its own tests; schemathesis's WSGI client would not decompress.
        response = case.call(headers={"Accept-Encoding": "identity"})
    case.validate_response(response, checks=CHECKS)
