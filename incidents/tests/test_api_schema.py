"""The OpenAPI schema is valid, has no generator warnings, and describes each format truthfully."""
import pytest
import yaml
from django.core.management import call_command


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "schema.yml"
    # --fail-on-warn: drf-spectacular warns where it had to guess a type, a response or a parameter.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return path


@pytest.fixture(scope="module")
def schema(schema_file):
    return yaml.safe_load(schema_file.read_text())


def test_the_schema_is_generated_and_valid_without_warnings(schema):
    assert schema["info"]["title"] == "Marsad API"
    assert "/api/v1/incidents/" in schema["paths"]


def test_incident_lists_come_in_geojson_json_and_csv(schema):
    content = schema["paths"]["/api/v1/incidents/"]["get"]["responses"]["200"]["content"]

    assert set(content) == {"application/geo+json", "application/json", "text/csv"}
    assert content["text/csv"]["schema"]["type"] == "string"
    assert "event_id_cnty" in content["text/csv"]["schema"]["description"]


def test_the_format_parameter_lists_the_formats(schema):
    [format_] = [p for p in schema["paths"]["/api/v1/incidents/"]["get"]["parameters"] if p["name"] == "format"]

    assert set(format_["schema"]["enum"]) == {"geojson", "json", "csv"}


def test_errors_and_rate_limits_are_documented_as_json(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "429" in responses, f"{method} {path}"
            assert "Retry-After" in responses["429"]["headers"]
            for code, response in responses.items():
                if not code.startswith("2") and "content" in response:
                    assert set(response["content"]) == {"application/json"}, f"{method} {path} {code}"


@pytest.mark.django_db
def test_redoc_and_swagger_ui_are_served_from_this_site(client):
    redoc = client.get("/api/redoc/")
    bundle = client.get("/api/redoc/redoc.standalone.js")

    assert '<redoc spec-url="/api/schema/" disable-search>' in redoc.content.decode()
    assert "cdn.redoc.ly" not in bundle.content.decode()
    assert "fonts.googleapis.com" not in redoc.content.decode()
    assert client.get("/api/docs/").status_code == 200
