"""Public pages. They render no data: their JavaScript fetches it from the API."""
from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from . import taxonomy
from .labels import incident_page_labels, public_labels
from .models import Incident


class PublicPageMixin:
    """Give the template the translated labels its JavaScript shows."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(labels=public_labels(), **kwargs)


def timeline_labels():
    """Return the strings of the timeline component (static/incidents/timeline.js lists the keys it reads)."""
    return {
        "timeline": _("Timeline of incidents"),
        "keyboard_help": _(
            "Arrow keys move the selection; Shift with the arrow keys resizes it; Home and End go to the start "
            "and the end; Escape clears it."
        ),
        "play": _("Play"),
        "pause": _("Pause"),
        "clear_selection": _("Clear selection"),
        "all_dates": _("All dates"),
        "incidents": _("Incidents"),
        "killed": _("Killed"),
        "no_incidents": _("No incidents"),
    }


def map_ui_labels():
    """Return the map page's own UI strings, in the active language."""
    return {
        # Translators: %(count)s is a number of incidents matching the filters.
        "matching": _("Matching incidents: %(count)s"),
        "all": _("All"),
        "place_precision": _("Place precision"),
        # Translators: shown over the map when the incidents in view are too many to draw one by one.
        "too_many": _("%(count)s incidents in view, too many to draw one by one: zoom in to see each one."),
        "too_many_here": _(
            "%(count)s incidents in view, too many to draw one by one: narrow the dates (on the timeline) or the filters."
        ),
        "cells_hint": _("Circles count incidents; zoom in to see each one."),
        "legend": _("Event types"),
        "approximate": _("Place known only to a governorate or country"),
        # Translators: several incidents recorded at one point (a base attacked again and again).
        "stack_count": _("Incidents at this place: %(count)s"),
        "stack_more": _("And %(count)s more: narrow the dates to list them."),
        "stack_back": _("All incidents at this place (%(count)s)"),
        "newest_first": _("Newest first"),
        "list_empty": _("No incident matches these filters."),
    }


class MapView(PublicPageMixin, TemplateView):
    """The map, filters, timeline and list of incidents; `?lang=` picks the language a shared link was made in."""

    template_name = "incidents/map.html"

    def get(self, request, *args, **kwargs):
        language = request.GET.get("lang")
        if language not in dict(settings.LANGUAGES):
            return super().get(request, *args, **kwargs)
        # A shared link opens in the language it was made in, and the reader stays in it afterwards.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = super().get(request, *args, **kwargs)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
        )
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["labels"]["ui"].update(map_ui_labels())
        context["labels"]["timeline"] = timeline_labels()
        context["labels"]["sub_event_types_of"] = {
            event_type: list(sub_event_types) for event_type, sub_event_types in taxonomy.SUB_EVENT_TYPES.items()
        }
        return context


class IncidentDetailView(PublicPageMixin, TemplateView):
    """One published incident: its facts, actors, sources with their evidence, statements and place.

    Built in the browser from the API (detail and statements), like the map's popups, so that what the
    page shows is what a third party gets; its JavaScript writes article text with textContent only.
    """

    template_name = "incidents/incident_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["labels"] = incident_page_labels()
        return context

    def get(self, request, *args, **kwargs):
        # A cheap existence check, so unknown and draft ids are a real 404; the data itself comes from the API.
        if not Incident.objects.published().filter(pk=kwargs["pk"]).exists():
            raise Http404("No published incident has this id.")
        return super().get(request, *args, **kwargs)
