"""Response formats of the API beyond DRF's own: GeoJSON under its registered media type."""
from rest_framework.renderers import JSONRenderer


class GeoJSONRenderer(JSONRenderer):
    """GeoJSON (RFC 7946) as `application/geo+json`, chosen with `?format=geojson` or that Accept header."""

    media_type = "application/geo+json"
    format = "geojson"
