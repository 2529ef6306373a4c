"""Read-only API views: anonymous users read published incidents."""
from rest_framework import permissions, viewsets
from drf_spectacular.views import SpectacularAPIView
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework_gis.pagination import GeoJsonPagination
from django_filters.rest_framework import DjangoFilterBackend

from incidents.models import Incident

from .csv import INCIDENT_CSV_COLUMNS, CSVExportMixin
from .fields import StrictIntegerField, query_param
from .filters import IncidentFilter, ValidatedInBBoxFilter
from .renderers import GeoJSONRenderer
from .serializers import IncidentSerializer


class IncidentPagination(GeoJsonPagination):
    """GeoJSON pages of 100 features; clients may ask for up to 1000 with `page_size` (more is capped).

    A `page` or `page_size` that is not a whole number from 1 is refused with a 400 naming it, rather
    than replaced by the default as DRF does.
    """

    page_size = 100
    max_page_size = 1000

    def get_page_size(self, request):
        page_size = query_param(request, self.page_size_query_param, StrictIntegerField(required=False, min_value=1))
        return min(page_size, self.max_page_size) if page_size else self.page_size

    def get_paginated_response_schema(self, schema):
        # drf-gis renames "results" to "features" but leaves "results" required and nests the whole
        # FeatureCollection (`schema`, the list serializer's) as the features: a page is that collection
        # with the counts and links beside its features.
        page = super().get_paginated_response_schema(schema)
        links = {name: page["properties"][name] for name in ("count", "next", "previous")}
        return {"allOf": [schema, {"type": "object", "required": list(links), "properties": links}]}

    def get_page_number(self, request, paginator):
        if request.query_params.get(self.page_query_param) in self.last_page_strings:
            return paginator.num_pages
        return query_param(request, self.page_query_param, StrictIntegerField(required=False, min_value=1)) or 1


class IncidentViewSet(CSVExportMixin, viewsets.ReadOnlyModelViewSet):
    """Published incidents as GeoJSON, filterable by bounding box, dates and event type."""

    serializer_class = IncidentSerializer
    # GeoJSON by default; ?format=json, ?format=csv (CSVExportMixin) and ?format=api (the browsable API).
    renderer_classes = [GeoJSONRenderer, JSONRenderer, BrowsableAPIRenderer]
    csv_columns = INCIDENT_CSV_COLUMNS
    permission_classes = [permissions.AllowAny]
    pagination_class = IncidentPagination
    filter_backends = [DjangoFilterBackend, ValidatedInBBoxFilter]
    filterset_class = IncidentFilter
    bbox_filter_field = "point"

    def get_queryset(self):
        # Drafts never leave the building: the list and the detail both start from published().
        return Incident.objects.published().with_related()


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema (YAML, or JSON with ?format=json); an unknown format is a 404 in JSON."""

    def perform_content_negotiation(self, request, force=False):
        # `force` comes only when negotiation failed: DRF would render the error in the first renderer's
        # format (OpenAPI YAML); the API's errors are JSON.
        if force:
            return JSONRenderer(), JSONRenderer.media_type
        return super().perform_content_negotiation(request, force)
