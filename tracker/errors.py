"""Error views: JSON for the API's clients, the site's own pages for everyone else.

Neither says more than the status: the details of an error go to the log, never to the client.
"""
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework.exceptions import server_error as api_server_error

API_PREFIX = "/api/"


def page_not_found(request, exception):
    """Return a 404: JSON under /api/, templates/404.html elsewhere."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """Return a 500: JSON under /api/, templates/500.html elsewhere."""
    if request.path_info.startswith(API_PREFIX):
        return api_server_error(request)
    return defaults.server_error(request)
