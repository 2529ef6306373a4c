"""Query-string filters for the public read API."""
import django_filters

from incidents.models import Incident


class IncidentFilter(django_filters.FilterSet):
    """Filter incidents by date range and ACLED event type."""

    # An incident known only to the week or month has a date range: it matches when the range overlaps
    # [date_from, date_to], as IncidentQuerySet.between() does.
    date_from = django_filters.DateFilter(
        field_name="date_end",
        lookup_expr="gte",
        label="Incidents on or after this date (YYYY-MM-DD); ranges that overlap it count.",
    )
    date_to = django_filters.DateFilter(
        field_name="date_start",
        lookup_expr="lte",
        label="Incidents on or before this date (YYYY-MM-DD); ranges that overlap it count.",
    )

    class Meta:
        model = Incident
        fields = ["date_from", "date_to", "event_type"]
