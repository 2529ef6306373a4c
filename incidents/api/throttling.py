"""Request rates for the API: anonymous clients by address, signed-in clients and tokens by user.

The rates come from the environment (MARSAD_API_ANON_RATE, MARSAD_API_USER_RATE, see tracker/settings.py);
"off" turns a limit off. They are read at each request rather than when DRF is imported, so that settings
changed at run time (tests, `override_settings`) take effect.
"""
from django.conf import settings
from rest_framework import throttling

from incidents.login_throttle import client_ip_address


class SettingsRateMixin:
    def get_rate(self):
        return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get(self.scope)

    def get_ident(self, request):
        # DRF's own reading trusts X-Forwarded-For as the client writes it: a forged header would be a new client.
        return client_ip_address(request)


class AnonRateThrottle(SettingsRateMixin, throttling.AnonRateThrottle):
    """Limit anonymous clients, each address apart (behind proxies, see MARSAD_PROXY_COUNT)."""


class UserRateThrottle(SettingsRateMixin, throttling.UserRateThrottle):
    """Limit each signed-in user or token holder, wherever the requests come from."""
