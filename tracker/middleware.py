"""Project middleware."""
import re

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class ApiGZipMiddleware(GZipMiddleware):
    """Compress the API's responses (JSON, GeoJSON, CSV, streamed or not) for clients that accept gzip.

    HTML is left alone, under /api/ too (the browsable API, the docs): a compressed page that holds a CSRF
    token and echoes the request is what BREACH reads secrets from, and pages are small. Static files come
    compressed ahead of time from WhiteNoise.
    """

    def process_response(self, request, response):
        if not re.match(settings.API_URLS_REGEX, request.path_info):
            return response
        if response.get("Content-Type", "").startswith("text/html"):
            return response
        return super().process_response(request, response)
