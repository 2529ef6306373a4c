"""Read-only API views: anonymous users read published incidents."""
from rest_framework import permissions, viewsets
from rest_framework_gis.filters import InBBoxFilter
from rest_framework_gis.pagination import GeoJsonPagination
from django_filters.rest_framework import DjangoFilterBackend

from incidents.models import Incident

from .filters import IncidentFilter
from .serializers import IncidentSerializer


class IncidentPagination(GeoJsonPagination):
    """GeoJSON pages of 100 features; clients may ask for up to 1000 with `page_size`."""

    page_size = 100
    max_page_size = 1000


class IncidentViewSet(viewsets.ReadOnlyModelViewSet):
    """Published incidents as GeoJSON, filterable by bounding box, dates and event type."""

    serializer_class = IncidentSerializer
    permission_classes = [permissions.AllowAny]
    pagination_class = IncidentPagination
    filter_backends = [DjangoFilterBackend, InBBoxFilter]
    filterset_class = IncidentFilter
    bbox_filter_field = "point"

    def get_queryset(self):
        # Drafts never leave the building: the list and the detail both start from published().
        return Incident.objects.published().with_related()
