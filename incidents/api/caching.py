"""Conditional GETs and a cache for aggregates and tiles, both keyed on the data version.

The data version (incidents.api.versioning) moves on with every write to the tables incidents and their filters
read, in the writer's transaction. A response computed for a query string at a version is the response
for that query string at that version, so it can be cached, and its ETag (version + query) can be
compared with If-None-Match before any aggregate is computed.
"""
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers




class VersionedQuery:
    """What one request asks of one endpoint at one data version: its ETag and its cache key."""

    def __init__(self, request, endpoint, version):
        # The query string in a canonical order; the media type, since DRF may negotiate another renderer.
        query = sorted((name, value) for name, values in request.query_params.lists() for value in values)
        digest = hashlib.sha256(repr((endpoint, request.path, query, request.accepted_media_type)).encode()).hexdigest()
        self.etag = f'W/"{version}-{digest[:24]}"'
        self.cache_key = f"marsad:{endpoint}:{version}:{digest}"

    def not_modified(self, request):
        """Return a 304 response when the client already holds this version of the response, else None."""
        return get_conditional_response(request, etag=self.etag)

    def cached(self, compute):
        """Return the cached result of `compute()`, computing and caching it on a miss."""
        result = cache.get(self.cache_key)
        if result is None:
            result = compute()
            cache.set(self.cache_key, result, settings.MARSAD_AGGREGATE_CACHE_SECONDS)
        return result

    def finish(self, response):
        """Give `response` its ETag and public Cache-Control, and return it."""
        response["ETag"] = self.etag
        patch_cache_control(response, public=True, max_age=settings.MARSAD_AGGREGATE_MAX_AGE)
        patch_vary_headers(response, ["Accept"])
        return response
