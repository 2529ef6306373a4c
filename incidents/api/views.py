"""Read-only API views: anonymous users read published incidents."""
from django.db.models import Exists, Max, OuterRef, Q
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import exceptions, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response

from incidents import locking
from incidents.models import Incident, Status

from .csv import INCIDENT_CSV_COLUMNS, CSVExportMixin
from .fields import IsoDateTimeField, query_param
from .filters import IncidentFilter, filter_incidents
from .pagination import IncidentPagination
from .payloads import PrebuiltJson, feature_expression, incident_url_prefix, page_json, payload_texts, row_expression
from .serializers import (
    PARAMETER_ERRORS,
    IncidentDetailFeatureSerializer,
    IncidentDetailRowSerializer,
    IncidentFeatureCollectionSerializer,
    IncidentJsonPageSerializer,
    NotFoundSerializer,
    RemovedIncidentsSerializer,
)
from .writes import IncidentWriteMixin


class PrebuiltJsonRenderer(JSONRenderer):
    """JSON, passing JSON text built by the database through as it is."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, PrebuiltJson):
            return data.encode()
        return super().render(data, accepted_media_type, renderer_context)


class GeoJsonRenderer(PrebuiltJsonRenderer):
    """GeoJSON (RFC 7946), the incident API's default format."""

    media_type = "application/geo+json"
    format = "geojson"


class FormatParameterNegotiation(DefaultContentNegotiation):
    """Choose the format by `?format=` (GeoJSON without it): the map asks for JSON and reads GeoJSON.

    Only a browser asking for HTML gets the browsable API without `?format=api`, and only a client
    asking for text/csv gets CSV without `?format=csv`.
    """

    def select_renderer(self, request, renderers, format_suffix=None):
        asked_format = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        accept = request.META.get("HTTP_ACCEPT", "")
        if not asked_format and "text/html" not in accept and "text/csv" not in accept:
            return renderers[0], renderers[0].media_type
        return super().select_renderer(request, renderers, format_suffix)


FORMAT_PARAMETER = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    enum=["geojson", "json", "csv"],
    description=(
        "geojson (default): a GeoJSON FeatureCollection or Feature; json: plain JSON objects, with longitude and "
        "latitude; csv: every selected row as a CSV file, unpaged, with ACLED's column names."
    ),
)
# Errors are JSON whatever the format asked for (see finalize_response).
ERROR_RESPONSES = {
    (400, "application/json"): OpenApiResponse(PARAMETER_ERRORS, description="A malformed query parameter: the body names it and says why."),
}


class IncidentViewSet(CSVExportMixin, IncidentWriteMixin, viewsets.GenericViewSet):
    """Published incidents as GeoJSON (or plain JSON or CSV), built by the database, filterable and paged."""

    csv_columns = INCIDENT_CSV_COLUMNS

    permission_classes = [permissions.AllowAny]
    pagination_class = IncidentPagination
    renderer_classes = [GeoJsonRenderer, PrebuiltJsonRenderer, BrowsableAPIRenderer]
    content_negotiation_class = FormatParameterNegotiation
    # For the schema's parameters; the filtering itself is filter_incidents(), shared by every endpoint.
    filter_backends = [DjangoFilterBackend]
    filterset_class = IncidentFilter
    lookup_value_regex = "[0-9]+"

    def get_queryset(self):
        # Drafts never leave the building: the list and the detail both start from published().
        return Incident.objects.published()

    def filter_queryset(self, queryset):
        return filter_incidents(self.request, queryset)

    def wants_geojson(self):
        return self.request.accepted_renderer.format != "json"

    def item_expression(self, *, detail=False):
        """Return the expression of one item; `detail` adds what one incident's page shows (evidence excerpts)."""
        expression = feature_expression if self.wants_geojson() else row_expression
        return expression(incident_url_prefix(self.request), detail=detail)

    def item_texts(self, ids):
        """Return the items of the incidents `ids`, in that order (one query, compiled once per shape)."""
        return payload_texts(self.request, ids, geojson=self.wants_geojson())

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Errors, and what a write returns (the incident as written, incidents/api/writes.py), are JSON
        # whatever the format asked for: they are not features.
        is_write = request.method not in permissions.SAFE_METHODS
        if (response.status_code >= 400 or is_write) and isinstance(response.accepted_renderer, PrebuiltJsonRenderer):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response

    @extend_schema(
        parameters=[FORMAT_PARAMETER],
        responses={
            (200, "application/geo+json"): IncidentFeatureCollectionSerializer,
            (200, "application/json"): IncidentJsonPageSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            **ERROR_RESPONSES,
            (404, "application/json"): OpenApiResponse(NotFoundSerializer, description="A page number past the last page."),
        },
    )
    def list(self, request, *args, **kwargs):
        """List published incidents, newest first: a GeoJSON FeatureCollection, or with ?format=json a JSON page."""
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginator.paginate(request, queryset, self.item_texts)
        head = {"count": page.count, "next": page.next, "previous": page.previous}
        if self.wants_geojson():
            return Response(page_json(head={"type": "FeatureCollection", **head}, items_key="features", items=page.items))
        return Response(page_json(head=head, items_key="results", items=page.items))

    @extend_schema(
        parameters=[FORMAT_PARAMETER],
        responses={
            (200, "application/geo+json"): IncidentDetailFeatureSerializer,
            (200, "application/json"): IncidentDetailRowSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            (404, "application/json"): OpenApiResponse(
                NotFoundSerializer, description="No published incident has this id, or an unknown format."
            ),
        },
    )
    def retrieve(self, request, *args, **kwargs):
        """Return one published incident: a GeoJSON Feature, or with ?format=json a JSON object."""
        row = (
            self.get_queryset()
            .filter(pk=kwargs["pk"])
            .values_list(self.item_expression(detail=True), "version", locking.latest_history_id())
            .first()
        )
        if row is None:
            raise exceptions.NotFound()
        text, version, history_id = row
        # The version an editor's write can name in If-Match (incidents.locking).
        return Response(PrebuiltJson(text), headers={"ETag": locking.etag_of(version, history_id)})

    @extend_schema(
        filters=False,
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.DATETIME,
                required=True,
                description="ISO 8601 instant (UTC without an offset): incidents removed at or after it.",
            )
        ],
        responses={200: RemovedIncidentsSerializer, **ERROR_RESPONSES},
    )
    @action(detail=False, url_path="removed", pagination_class=None, renderer_classes=[JSONRenderer])
    def removed(self, request):
        """List incidents unpublished or deleted (put in the trash) since `since`, for mirrors.

        A mirror asks the list for `updated_since=T` (incidents published or changed since T) and this for
        `since=T` (incidents to drop); an incident published again after its removal is in the list, not
        here. Only incidents that were published at some time are listed.
        """
        since = query_param(request, "since", IsoDateTimeField())
        history = Incident.history.model.objects
        removals = (
            history.filter(history_date__gte=since)
            .filter(Q(history_type="-") | ~Q(status=Status.PUBLISHED) | Q(deleted_at__isnull=False))
            .filter(
                Exists(history.filter(id=OuterRef("id"), status=Status.PUBLISHED, history_date__lt=OuterRef("history_date")))
            )
            .exclude(Exists(Incident.objects.published().filter(pk=OuterRef("id"))))
            .values("id")
            .annotate(removed_at=Max("history_date"))
            .order_by("id")
        )
        body = {"since": since, "removed": [{"id": row["id"], "removed_at": row["removed_at"]} for row in removals]}
        return Response(RemovedIncidentsSerializer(body).data)


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema (YAML, or JSON with ?format=json); an unknown format is a 404 in JSON."""

    def perform_content_negotiation(self, request, force=False):
        # `force` comes only when negotiation failed: DRF would render the error in the first renderer's
        # format (OpenAPI YAML); the API's errors are JSON.
        if force:
            return JSONRenderer(), JSONRenderer.media_type
        return super().perform_content_negotiation(request, force)
