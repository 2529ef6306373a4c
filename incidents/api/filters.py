"""Query-string filters for the public read API."""
import django_filters
from django.contrib.gis.geos import Polygon
from rest_framework_gis.filters import InBBoxFilter

from incidents.models import Incident

from .fields import BBoxField, IsoDateField, query_param


class IsoDateFilter(django_filters.DateFilter):
    """A date filter that takes ISO 8601 dates (YYYY-MM-DD) only."""

    field_class = IsoDateField


class IncidentFilter(django_filters.FilterSet):
    """Filter incidents by date range and ACLED event type."""

    # An incident known only to the week or month has a date range: it matches when the range overlaps
    # [date_from, date_to], as IncidentQuerySet.between() does.
    date_from = IsoDateFilter(
        field_name="date_end",
        lookup_expr="gte",
        label="Incidents on or after this date (YYYY-MM-DD); ranges that overlap it count.",
    )
    date_to = IsoDateFilter(
        field_name="date_start",
        lookup_expr="lte",
        label="Incidents on or before this date (YYYY-MM-DD); ranges that overlap it count.",
    )

    class Meta:
        model = Incident
        fields = ["date_from", "date_to", "event_type"]


class ValidatedInBBoxFilter(InBBoxFilter):
    """drf-gis's `in_bbox` filter, refusing with a 400 what is not a box of finite WGS84 degrees."""

    def get_filter_bbox(self, request):
        bbox = query_param(request, self.bbox_param, BBoxField(required=False))
        return Polygon.from_bbox(bbox) if bbox else None


def filter_incidents(request, queryset=None):
    """Return the published incidents that the request's query parameters select.

    The one entry point for every incident endpoint (lists, exports, aggregates, tiles): drafts never
    leave the building, and a malformed parameter is a 400 naming it.
    """
    from rest_framework import exceptions

    if queryset is None:
        queryset = Incident.objects.published()
    filterset = IncidentFilter(request.query_params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise exceptions.ValidationError(filterset.errors)
    queryset = filterset.qs
    bbox = query_param(request, "in_bbox", BBoxField(required=False))
    return queryset.filter(point__within=Polygon.from_bbox(bbox)) if bbox else queryset
