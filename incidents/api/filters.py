"""Query-string filters for the public read API: every incident filter, in one FilterSet."""
import django_filters
from django import forms
from django.contrib.gis.geos import Point, Polygon
from django.db.models import Exists, Func, OuterRef, Value
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from incidents.models import (
    Actor,
    ActorRole,
    Incident,
    IncidentActor,
    IncidentFact,
    IncidentSource,
    Location,
    near_condition,
)

from .fields import (
    ASCII_INTEGER,
    BBoxField,
    CountryCodeField,
    DistanceKmField,
    IsoDateField,
    IsoDateTimeField,
    LonLatField,
    StrictIntegerField,
)

# A search word shorter than this matches too much to be worth a scan of every incident's text, and is
# too short for the trigram index to find; a query needs at least one word this long.
SEARCH_MIN_WORD = 3
SEARCH_MAX_LENGTH = 200

# The places inside a location, at any depth (the gazetteer is a few thousand rows: one recursive scan).
LOCATION_AND_DESCENDANTS = """
WITH RECURSIVE tree(id) AS (
  SELECT id FROM incidents_location WHERE id = %s
  UNION ALL
  SELECT child.id FROM incidents_location child JOIN tree ON child.parent_id = tree.id
) SELECT id FROM tree
"""


class IsoDateFilter(django_filters.DateFilter):
    """A date filter that takes ISO 8601 dates (YYYY-MM-DD) only."""

    field_class = IsoDateField


class IsoDateTimeFilter(django_filters.DateTimeFilter):
    field_class = IsoDateTimeField


class StrictIntegerFilter(django_filters.NumberFilter):
    field_class = StrictIntegerField


@extend_schema_field({"type": "string", "example": "43.5,32.5,45.5,34.5"})
class BBoxFilter(django_filters.Filter):
    field_class = BBoxField


@extend_schema_field({"type": "string", "example": "44.39,35.47"})
class LonLatFilter(django_filters.Filter):
    field_class = LonLatField


@extend_schema_field(OpenApiTypes.NUMBER)
class DistanceKmFilter(django_filters.Filter):
    field_class = DistanceKmField


class CountryCodeFilter(django_filters.CharFilter):
    field_class = CountryCodeField


class SearchField(forms.CharField):
    default_error_messages = {
        "too_short": _("Search for at least one word of three letters or more."),
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=SEARCH_MAX_LENGTH, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not any(len(word) >= SEARCH_MIN_WORD for word in value.split()):
            raise forms.ValidationError(self.error_messages["too_short"], code="too_short")
        return value


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


def normalized(value):
    """Return `value` folded in SQL by marsad_search_normalize(), the function that folds search_text."""
    return Func(Value(value), function="marsad_search_normalize")


def name_or_id(queryset, value):
    """Return the rows of `queryset` whose id is `value` (digits) or that bear the name `value`."""
    if ASCII_INTEGER.fullmatch(value):
        return queryset.filter(pk=int(value))
    return queryset.matching_name(value)


def text_matches(facts, value):
    """Return the `facts` whose search text holds every word of `value`.

    Each word is a substring of the folded text (so "قاعدة" finds "والقاعدة"), which the trigram index
    serves; the pattern is folded in SQL by the function that folded the text.
    """
    for word in value.split():
        facts = facts.filter(search_text__contains=normalized(word))
    return facts


class IncidentFilterForm(forms.Form):
    """The filters' form: `near` and `radius_km` come together."""

    error_messages = {
        "radius_needed": _("Give radius_km (kilometres) with near."),
        "near_needed": _("Give near (longitude,latitude) with radius_km."),
    }

    def clean(self):
        data = super().clean()
        has_near = bool(data.get("near"))
        has_radius = bool(data.get("radius_km"))
        if has_near and not has_radius and "radius_km" not in self.errors:
            self.add_error("radius_km", forms.ValidationError(self.error_messages["radius_needed"], code="required"))
        if has_radius and not has_near and "near" not in self.errors:
            self.add_error("near", forms.ValidationError(self.error_messages["near_needed"], code="required"))
        return data


class IncidentFilter(django_filters.FilterSet):
    """Filter published incidents by date, type, actor, place, area, verification, casualties and text."""

    # An incident known only to the week or month has a date range: it matches when the range overlaps
    # [date_from, date_to], as IncidentQuerySet.between() decides.
    date_from = IsoDateFilter(
        method="filter_date_from",
        label="Incidents on or after this date (YYYY-MM-DD); date ranges that overlap it count.",
    )
    date_to = IsoDateFilter(
        method="filter_date_to",
        label="Incidents on or before this date (YYYY-MM-DD); date ranges that overlap it count.",
    )
    actor = django_filters.CharFilter(
        method="filter_actor",
        max_length=200,
        label="An actor in any role: its id, or its English or Arabic name or an alias (exact, case-insensitive in English).",
    )
    perpetrator = django_filters.CharFilter(
        field_name=ActorRole.PERPETRATOR, method="filter_actor", max_length=200, label="The perpetrator: id or name."
    )
    target = django_filters.CharFilter(
        field_name=ActorRole.TARGET, method="filter_actor", max_length=200, label="The target: id or name."
    )
    claimant = django_filters.CharFilter(
        field_name=ActorRole.CLAIMANT, method="filter_actor", max_length=200, label="Who claimed it: id or name."
    )
    interceptor = django_filters.CharFilter(
        field_name=ActorRole.INTERCEPTOR, method="filter_actor", max_length=200, label="Who intercepted it: id or name."
    )
    country = CountryCodeFilter(
        field_name="location__country_code", label="Country of the incident's location: ISO 3166-1 alpha-2 code, e.g. IQ, SY."
    )
    admin1 = django_filters.CharFilter(
        method="filter_admin1",
        max_length=200,
        label="Governorate (first-level division) the location lies in: its location id, or its English or Arabic name.",
    )
    location = StrictIntegerFilter(
        method="filter_location", label="A location id: incidents there or at any place inside it."
    )
    in_bbox = BBoxFilter(
        method="filter_bbox",
        label="Bounding box min_lon,min_lat,max_lon,max_lat in WGS84 degrees: incidents whose point lies inside.",
    )
    near = LonLatFilter(
        method="filter_near", label="A point longitude,latitude (WGS84 degrees); give radius_km with it."
    )
    radius_km = DistanceKmFilter(
        method="filter_nothing", label="With near: incidents within this many kilometres (great circle), up to 1000."
    )
    killed_min = StrictIntegerFilter(field_name="killed_best", lookup_expr="gte", label="At least this many killed (best estimate).")
    injured_min = StrictIntegerFilter(
        field_name="injured_best", lookup_expr="gte", label="At least this many injured (best estimate)."
    )
    q = SearchFilter(
        method="filter_text",
        label=(
            "Words that must all appear in the titles, description or evidence excerpts, in English or Arabic. "
            "Arabic matches whatever the hamza, teh marbuta, alef maksura, tatweel or diacritics; one word of "
            "three letters or more is needed."
        ),
    )
    source = StrictIntegerFilter(method="filter_source", label="A source id: incidents that source reports.")
    updated_since = IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=(
            "Incidents changed at or after this instant (ISO 8601; UTC without an offset). For mirrors: "
            "/api/v1/incidents/removed/?since= lists those unpublished or deleted since."
        ),
    )

    class Meta:
        model = Incident
        fields = ["event_type", "sub_event_type", "verification"]
        form = IncidentFilterForm

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_date_from(self, queryset, name, value):
        return queryset.between(start=value)

    def filter_date_to(self, queryset, name, value):
        return queryset.between(end=value)

    def filter_actor(self, queryset, name, value):
        links = IncidentActor.objects.filter(incident=OuterRef("pk"), actor__in=name_or_id(Actor.objects, value))
        if name != "actor":
            links = links.filter(role=name)
        return queryset.filter(Exists(links))

    def filter_admin1(self, queryset, name, value):
        return queryset.filter(location__governorate__in=name_or_id(Location.objects.governorates(), value))

    def filter_location(self, queryset, name, value):
        return queryset.filter(location__in=RawSQL(LOCATION_AND_DESCENDANTS, [value]))

    def filter_bbox(self, queryset, name, value):
        return queryset.filter(point__within=Polygon.from_bbox(value))

    def filter_near(self, queryset, name, value):
        radius_km = self.form.cleaned_data["radius_km"]
        return queryset.filter(near_condition(Point(*value, srid=4326), radius_km))

    def filter_text(self, queryset, name, value):
        # The search text and its trigram index are in the facts (IncidentFact): the incidents whose facts match.
        return queryset.filter(pk__in=text_matches(IncidentFact.objects.all(), value).values("pk"))

    def filter_source(self, queryset, name, value):
        return queryset.filter(Exists(IncidentSource.objects.filter(incident=OuterRef("pk"), source_id=value)))


class IncidentFactFilter(IncidentFilter):
    """The incident filters over the facts of the published incidents (IncidentFact), for counts and aggregates.

    The facts bear the incident's field names, so every filter applies as it does to incidents, but three:
    q reads the facts' own search text, in_bbox their coordinates (no geometry to read), and updated_since,
    a column the facts leave out, selects the incidents and keeps their facts. Every filter test checks that
    the two select the same incidents (test_api_incident_filters.ids).
    """

    updated_since = IsoDateTimeFilter(method="filter_updated_since", label=IncidentFilter.base_filters["updated_since"].label)

    class Meta(IncidentFilter.Meta):
        model = IncidentFact

    def filter_text(self, queryset, name, value):
        return text_matches(queryset, value)

    def filter_bbox(self, queryset, name, value):
        # Strictly inside, as ST_Within has it for a point, on the facts' coordinates: no geometry to read.
        west, south, east, north = value
        return queryset.filter(longitude__gt=west, longitude__lt=east, latitude__gt=south, latitude__lt=north)

    def filter_updated_since(self, queryset, name, value):
        return queryset.filter(pk__in=Incident.objects.published().filter(updated_at__gte=value).values("pk"))


# The filters that a small area makes selective, which the incidents' spatial index serves and the facts
# (read whole) do not: a count under one of these is counted over the incidents.
SPATIAL_FILTERS = ("in_bbox", "near")


def filter_incidents(request, queryset=None, without=(), facts=False):
    """Return the published incidents that the request's query parameters select.

    The one entry point for every incident endpoint (lists, exports, aggregates, tiles): drafts never
    leave the building, and a malformed parameter is a 400 naming it. An endpoint that applies a filter
    its own way names it in `without` (and validates it itself). With `facts`, return the facts of those
    incidents instead (IncidentFact: the narrow table that counts and aggregates read).
    """
    if facts:
        queryset, filterset_class = IncidentFact.objects.all(), IncidentFactFilter
    else:
        queryset, filterset_class = (Incident.objects if queryset is None else queryset).published(), IncidentFilter
    parameters = request.query_params
    if without:
        parameters = parameters.copy()
        for name in without:
            parameters.pop(name, None)
    filterset = filterset_class(parameters, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise exceptions.ValidationError(filterset.errors)
    return filterset.qs
