"""Public pages. They render no data: their JavaScript fetches it from the API."""
from django.http import Http404
from django.views.generic import TemplateView

from .labels import incident_page_labels, public_labels
from .models import Incident


class PublicPageMixin:
    """Give the template the translated labels its JavaScript shows."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(labels=public_labels(), **kwargs)


class MapView(PublicPageMixin, TemplateView):
    template_name = "incidents/map.html"


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
