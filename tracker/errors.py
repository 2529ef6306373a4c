"""Error views: JSON for the API's clients, the site's own pages for everyone else.

Neither says more than the status: the details of an error go to the log, never to the client.
"""
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework.exceptions import server_error as api_server_error

API_PREFIX = "/api/"


def page_not_found(request, exception):
    """Return a 404: JSON under /api/, templates/404.html elsewhere."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


# Seconds a client is asked to wait (Retry-After) when the database does not answer.
RETRY_AFTER_SECONDS = 30


def database_unavailable(error):
    """Is `error` the database not answering (down, restarting, unreachable, out of connections)?

    Django raises OperationalError or InterfaceError for those, including the pool's timeout (psycopg_pool's
    PoolTimeout is an OperationalError); a statement cancelled for running too long is one too, and a busy
    database is worth a retry as well.
    """
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request):
    """Return a 500: JSON under /api/, templates/500.html elsewhere; a 503 when the database is unavailable.

    Django calls this while it handles the exception, so sys.exc_info() names it. Neither 503 touches the
    database (no session, no user: templates/503.html renders without a request): the app keeps answering
    while it is down, and its connection pool reconnects by itself when it is back.
    """
    if database_unavailable(sys.exc_info()[1]):
        if request.path_info.startswith(API_PREFIX):
            response = JsonResponse(
                {"detail": _("The database is not available. Try again in a minute.")}, status=503
            )
        else:
            response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if request.path_info.startswith(API_PREFIX):
        return api_server_error(request)
    return defaults.server_error(request)
