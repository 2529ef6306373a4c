"""Public pages. They render no data: their JavaScript fetches it from the API."""
from django.views.generic import TemplateView


class MapView(TemplateView):
    template_name = "incidents/map.html"


class IncidentDetailView(TemplateView):
    template_name = "incidents/incident_detail.html"
