"""The API's error responses: JSON whatever format was asked for, and a throttled client told when to come back."""
from django.utils.translation import gettext as _
from rest_framework import exceptions, views
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer


def exception_handler(exc, context):
    """Return DRF's error response, rendered as JSON unless a person asked for the browsable API."""
    response = views.exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.Throttled):
        # DRF's message has no Arabic plural forms; Retry-After (set by DRF) carries the same number.
        response.data = {"detail": _("Too many requests: try again in %(seconds)d s.") % {"seconds": exc.wait or 1}}
    if getattr(exc, "etag", None):
        # A refused precondition (412) says which version is current.
        response["ETag"] = exc.etag
    request = context["request"]
    renderer = getattr(request, "accepted_renderer", None)
    # An error is not a GeoJSON FeatureCollection nor a CSV file; with no renderer (an unknown ?format=), DRF
    # would take the view's first.
    if not isinstance(renderer, BrowsableAPIRenderer) and getattr(renderer, "media_type", None) != JSONRenderer.media_type:
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    return response
