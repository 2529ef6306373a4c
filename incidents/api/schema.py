"""The OpenAPI schema's view of what every API response really is: formats, CSV files, JSON errors, 429s."""
from drf_spectacular import openapi
from rest_framework.renderers import JSONRenderer

from .csv import CSVRenderer

ERROR_SCHEMA = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
# A 400 names each parameter it refuses, with the messages: {"date_from": ["Enter a date as YYYY-MM-DD..."]}.
BAD_PARAMETERS_SCHEMA = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, with CSV bodies as text, errors as JSON and the 429 of rate limits."""

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        for code, response in operation.get("responses", {}).items():
            content = response.get("content")
            if not content:
                continue
            if code.startswith("2"):
                if CSVRenderer.media_type in content:
                    content[CSVRenderer.media_type] = {"schema": self._csv_schema()}
            else:
                # Errors are JSON whatever format was asked for (incidents/api/exceptions.py).
                schema = content.get(JSONRenderer.media_type, next(iter(content.values())))
                response["content"] = {JSONRenderer.media_type: schema}
        query = {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"}
        in_path = any(parameter["in"] == "path" for parameter in operation.get("parameters", []))
        if query - {"format"}:
            operation["responses"].setdefault("400", self._error_response(
                "A query parameter is malformed: the body names it.", BAD_PARAMETERS_SCHEMA
            ))
        if "format" in query or in_path:
            operation["responses"].setdefault("404", self._error_response(
                "Nothing here: no such object, or a ?format= the address does not have.", ERROR_SCHEMA
            ))
        if self.view.get_throttles():
            operation["responses"].setdefault("429", self._throttled_response())
        return operation

    def _error_response(self, description, schema):
        return {"description": description, "content": {JSONRenderer.media_type: {"schema": schema}}}

    def _csv_schema(self):
        description = "CSV (RFC 4180) in UTF-8 with a byte-order mark, every row the filters select, unpaged."
        headers = [header for header, expression in self.view.csv_columns]
        if headers:
            description += " Columns: " + ", ".join(headers) + "."
        return {"type": "string", "description": description}

    def _throttled_response(self):
        return {
            "description": "Too many requests from this client: try again after Retry-After seconds.",
            "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
            "content": {JSONRenderer.media_type: {"schema": ERROR_SCHEMA}},
        }
