"""Admin sign-in throttling with django-axes: which address a request comes from, and the page a locked-out client gets."""
import math

from django.conf import settings
from django.shortcuts import render

from axes.helpers import get_cool_off


def client_ip_address(request):
    """Return the address of the client, seen through the `MARSAD_PROXY_COUNT` reverse proxies in front of the app.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the client's address is
    the one that many entries from the right; what is further left was written by the client and may be forged.
    With no proxy, X-Forwarded-For is the client's own text and only the socket's address counts.
    """
    proxies = settings.MARSAD_PROXY_COUNT
    if proxies:
        forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """Return the page of a client locked out of signing in: the same for every username, existing or not."""
    cool_off = get_cool_off(request)
    context = {"cooloff_minutes": math.ceil(cool_off.total_seconds() / 60)}
    return render(request, "registration/login_locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
