"""The API's Redoc page, served from this site alone.

Redoc's bundle (drf-spectacular-sidecar) shows Redocly's logo from cdn.redoc.ly in its side menu, with no
option to leave it out: the page would ask another site for an image, and the Content-Security-Policy would
refuse it with an error. The bundle is served here with that address replaced by an empty image, which Redoc
drops (it hides the logo when the image fails).
"""
import functools

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from drf_spectacular.views import SpectacularRedocView

REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@functools.cache
def redoc_bundle_text():
    """Return Redoc's bundle with its logo address emptied."""
    with open(finders.find(REDOC_BUNDLE), encoding="utf-8") as bundle:
        text = bundle.read()
    if REDOCLY_LOGO not in text:
        raise RuntimeError(f"{REDOC_BUNDLE} no longer loads {REDOCLY_LOGO}: check what it loads now.")
    return text.replace(REDOCLY_LOGO, "data:,")


@cache_control(public=True, max_age=24 * 3600)
def redoc_bundle(request):
    return HttpResponse(redoc_bundle_text(), content_type="text/javascript; charset=utf-8")


class RedocView(SpectacularRedocView):
    """Redoc (templates/drf_spectacular/redoc.html: no inline script, no web fonts), with the bundle above."""

    @staticmethod
    def _redoc_standalone():
        return reverse("api-redoc-bundle")
