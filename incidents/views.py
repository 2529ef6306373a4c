"""Public pages. They render no data: their JavaScript fetches it from the API."""
from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.views.generic import TemplateView

from . import taxonomy
from .labels import incident_page_labels, map_page_labels, public_labels
from .models import Incident


class PublicPageMixin:
    """Give the template the translated labels its JavaScript shows: `page_labels()`, incidents/labels.py."""

    page_labels = staticmethod(public_labels)

    def get_context_data(self, **kwargs):
        return super().get_context_data(labels=self.page_labels(), **kwargs)


class MapView(PublicPageMixin, TemplateView):
    """The map, filters, timeline and list of incidents; `?lang=` picks the language a shared link was made in."""

    template_name = "incidents/map.html"
    page_labels = staticmethod(map_page_labels)

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
    page_labels = staticmethod(incident_page_labels)

    def get(self, request, *args, **kwargs):
        # A cheap existence check, so unknown and draft ids are a real 404; the data itself comes from the API.
        if not Incident.objects.published().filter(pk=kwargs["pk"]).exists():
            raise Http404("No published incident has this id.")
        return super().get(request, *args, **kwargs)
