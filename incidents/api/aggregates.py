"""Aggregates of the published incidents for the timeline and the map: timeline, summary and grid.

Every aggregate counts two things: `incidents`, the records, and `events`, the sum of their `count`
(one record may stand for several like events, e.g. "three bases were hit"); `killed` and `injured` are
sums of the best figures, an unknown figure counting as 0. The incidents are the ones
`filter_incidents(request)` selects, so every incident filter applies here as on the list. Each
aggregate is one or a few GROUP BY queries, cached and given an ETag on the data version (caching.py).
"""
import datetime
import json
import math

from django import forms
from django.db import connection
from django.db.models import Count, DateField, F, Func, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import exceptions, permissions, renderers, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from incidents.models import Actor, ActorRole, GeoPrecision, Incident, Location

from .caching import VersionedQuery
from .fields import BBoxField, StrictIntegerField, query_param
from .filters import filter_incidents
from .versioning import data_version
from .views import IncidentViewSet

# A timeline longer than this many bars is refused: a client that wants one asks for coarser buckets.
MAX_TIMELINE_BUCKETS = 10_000
# Grid cells are squares of this many screen pixels at the requested zoom (in Web Mercator, as drawn).
GRID_CELL_PIXELS = 32
# Web Mercator stops short of the poles; a point beyond is counted in the last row of cells.
MERCATOR_MAX_LATITUDE = 85.0511287798


def countable(queryset):
    """Return `queryset` unordered, each incident once, ready to GROUP BY.

    An ordering would join the GROUP BY, and a filter through a to-many relation made distinct would
    count an incident once per joined row: such a queryset is taken through its primary keys instead.
    """
    queryset = queryset.order_by()
    if queryset.query.distinct:
        return queryset.model.objects.filter(pk__in=queryset.values("pk")).order_by()
    return queryset


def counts(prefix=""):
    """Return the aggregates every breakdown gives, over incidents reached through `prefix`."""
    return {
        "incidents": Count(f"{prefix}pk"),
        "events": Coalesce(Sum(f"{prefix}count"), 0),
        "killed": Coalesce(Sum(f"{prefix}killed_best"), 0),
        "injured": Coalesce(Sum(f"{prefix}injured_best"), 0),
    }


COUNT_NAMES = ("incidents", "events", "killed", "injured")


def counts_of(row):
    return {name: row[name] for name in COUNT_NAMES}


# --- Schema ---------------------------------------------------------------------------------


class IncidentFilterSchema(AutoSchema):
    """List the incident filters among the parameters of an aggregate, which is not a list of them."""

    def get_filter_backends(self):
        return getattr(self.view, "filter_backends", [])


class CountsSerializer(serializers.Serializer):
    """Schema only: the counts of a set of incidents."""

    incidents = serializers.IntegerField(help_text="Incident records.")
    events = serializers.IntegerField(help_text="Events: the sum of the records' `count`.")
    killed = serializers.IntegerField(help_text="Sum of the best figures of people killed (unknown counts as 0).")
    injured = serializers.IntegerField(help_text="Sum of the best figures of people injured (unknown counts as 0).")


def error_response(description):
    """Return the schema of a 400: each malformed parameter's name, with its messages."""
    return OpenApiResponse(
        {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        description=description,
    )


NOT_MODIFIED = OpenApiResponse(description="Not modified: the client's copy (its If-None-Match ETag) is current.")


class IncidentAggregateView(APIView):
    """An aggregate of the incidents that the request's filters select, cached on the data version."""

    endpoint = None
    permission_classes = [permissions.AllowAny]
    # JSON, and the browsable API: formats added to the API's defaults (CSV) are for lists, not aggregates.
    renderer_classes = [renderers.JSONRenderer, renderers.BrowsableAPIRenderer]
    # The filters apply through filter_incidents(request), not through these: they are declared so that
    # the schema lists the incident list's filters here as well, whatever filters the list gains.
    queryset = Incident.objects.none()
    filter_backends = IncidentViewSet.filter_backends
    filterset_class = IncidentViewSet.filterset_class
    schema = IncidentFilterSchema()

    response_class = Response

    def get(self, request, *args, **kwargs):
        parameters = self.clean_parameters(request, **kwargs)
        incidents = self.filtered(request)
        query = VersionedQuery(request, self.endpoint, data_version())
        response = query.not_modified(request)
        if response is None:
            response = self.response_class(query.cached(lambda: self.aggregate(countable(incidents), **parameters)))
        return query.finish(response)

    def clean_parameters(self, request, **kwargs):
        """Return the endpoint's own parameters, cleaned (a 400 naming a malformed one)."""
        return {}

    def filtered(self, request):
        """Return the incidents the request's filters select (as facts: IncidentFact has what aggregates read)."""
        return filter_incidents(request, facts=True)

    def aggregate(self, incidents, **parameters):
        """Return the response's data for `incidents`."""
        raise NotImplementedError


# --- Timeline -------------------------------------------------------------------------------


class Bucket:
    """A width of timeline bar: how a date is truncated to its bar's first day, and the next bar's."""

    DAY, WEEK, MONTH = "day", "week", "month"
    CHOICES = [(DAY, "day"), (WEEK, "week (from Monday, ISO 8601)"), (MONTH, "month")]

    @staticmethod
    def next_start(start, bucket):
        if bucket == Bucket.DAY:
            return start + datetime.timedelta(days=1)
        if bucket == Bucket.WEEK:
            return start + datetime.timedelta(days=7)
        return datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)

    @staticmethod
    def number_between(first, last, bucket):
        """Return how many bars run from the bar starting `first` to the one starting `last`."""
        if bucket == Bucket.MONTH:
            return (last.year - first.year) * 12 + last.month - first.month + 1
        return (last - first).days // (7 if bucket == Bucket.WEEK else 1) + 1


class BucketStart(Func):
    """The first day of the day, ISO week or month of a date, as a date.

    Django's Trunc reads a date as a timestamp with time zone, and hands back aware datetimes: through a
    timestamp without one, PostgreSQL truncates a calendar date and psycopg reads back plain dates.
    """

    function = "date_trunc"
    template = "%(function)s('%(bucket)s', %(expressions)s::timestamp)::date"
    output_field = DateField()

    def __init__(self, expression, bucket):
        if bucket not in dict(Bucket.CHOICES):
            raise ValueError(f"Unknown bucket {bucket!r}")
        super().__init__(expression, bucket=bucket)


def too_many_buckets_message(number):
    return _(
        "These incidents would make %(number)s bars: choose a longer bucket (week or month), or narrow the "
        "dates with date_from and date_to."
    ) % {"number": number}


BUCKET_DESCRIPTION = (
    "Width of the bars: `day`, `week` (ISO weeks, from Monday) or `month` (default). An incident known "
    "only to a range (a week, a month) is counted in the bar of its start date."
)


@extend_schema_view(
    get=extend_schema(
        operation_id="incidents_timeline",
        summary="Incidents per day, week or month",
        description=(
            "Counts of the filtered incidents per bar of time and per event type, for a histogram. Bars are "
            "consecutive from the first with an incident to the last (empty ones zero-filled), each named by "
            "its first day (ISO 8601). `incidents` counts records, `events` sums their `count`. Every incident "
            "filter applies. More than 10,000 bars is a 400 naming `bucket`."
        ),
        parameters=[OpenApiParameter("bucket", str, enum=[value for value, _label in Bucket.CHOICES], description=BUCKET_DESCRIPTION)],
        responses={
            200: inline_serializer(
                "Timeline",
                {
                    "bucket": serializers.ChoiceField(choices=Bucket.CHOICES),
                    "event_types": serializers.ListField(
                        child=serializers.CharField(), help_text="The event types that occur, in alphabetical order."
                    ),
                    "buckets": inline_serializer(
                        "TimelineBucket",
                        {
                            "date": serializers.DateField(help_text="First day of the bar."),
                            "incidents": serializers.IntegerField(),
                            "events": serializers.IntegerField(),
                            "killed": serializers.IntegerField(),
                            "injured": serializers.IntegerField(),
                            "by_event_type": serializers.DictField(
                                child=CountsSerializer(), help_text="Counts per event type; types absent from the bar are left out."
                            ),
                        },
                        many=True,
                    ),
                },
            ),
            304: NOT_MODIFIED,
            400: error_response("A malformed parameter, named; or too many bars (`bucket`)."),
        },
    )
)
class TimelineView(IncidentAggregateView):
    """Counts of incidents per bar of time and per event type."""

    endpoint = "timeline"

    def clean_parameters(self, request, **kwargs):
        field = forms.ChoiceField(choices=Bucket.CHOICES, required=False)
        return {"bucket": query_param(request, "bucket", field) or Bucket.MONTH}

    def aggregate(self, incidents, bucket):
        rows = (
            incidents.annotate(bucket=BucketStart(F("date_start"), bucket=bucket))
            .values_list("bucket", "event_type")
            .annotate(**counts())
            .order_by("bucket", "event_type")
        )
        by_start = {}
        for start, event_type, *numbers in rows:
            bar = by_start.setdefault(start, {"date": start, **dict.fromkeys(COUNT_NAMES, 0), "by_event_type": {}})
            bar["by_event_type"][event_type] = dict(zip(COUNT_NAMES, numbers))
            for name, number in zip(COUNT_NAMES, numbers):
                bar[name] += number
        return {
            "bucket": bucket,
            "event_types": sorted({event_type for bar in by_start.values() for event_type in bar["by_event_type"]}),
            "buckets": self.zero_filled(by_start, bucket),
        }

    def zero_filled(self, by_start, bucket):
        """Return the bars from the first to the last, with the empty ones between them at zero."""
        if not by_start:
            return []
        start, last = min(by_start), max(by_start)
        number = Bucket.number_between(start, last, bucket)
        if number > MAX_TIMELINE_BUCKETS:
            raise exceptions.ValidationError({"bucket": [too_many_buckets_message(number)]})
        bars = []
        while start <= last:
            bars.append(by_start.get(start) or {"date": start, **dict.fromkeys(COUNT_NAMES, 0), "by_event_type": {}})
            start = Bucket.next_start(start, bucket)
        return bars


# --- Summary --------------------------------------------------------------------------------


def ranked_entries(name, fields):
    return inline_serializer(name, {**fields, **CountsSerializer().get_fields()}, many=True)


@extend_schema_view(
    get=extend_schema(
        operation_id="incidents_summary",
        summary="Incidents by country, governorate, event type and actor",
        description=(
            "Totals of the filtered incidents, and the same counts by country, by governorate (incidents known "
            "only to a country have a governorate of null), by event type, and for each actor role the `limit` "
            "actors with the most incidents. Breakdowns are ordered by incidents, most first. Every incident "
            "filter applies."
        ),
        parameters=[
            OpenApiParameter("limit", int, description="Actors listed per role, 1 to 100 (default 10).")
        ],
        responses={
            200: inline_serializer(
                "Summary",
                {
                    "total": CountsSerializer(),
                    "by_country": ranked_entries("SummaryCountry", {"country_code": serializers.CharField()}),
                    "by_governorate": ranked_entries(
                        "SummaryGovernorate",
                        {
                            "id": serializers.IntegerField(allow_null=True, help_text="The governorate's location id."),
                            "name_en": serializers.CharField(allow_null=True),
                            "name_ar": serializers.CharField(allow_null=True),
                            "country_code": serializers.CharField(),
                        },
                    ),
                    "by_event_type": ranked_entries("SummaryEventType", {"event_type": serializers.CharField()}),
                    "by_actor": serializers.DictField(
                        child=ranked_entries(
                            "SummaryActor",
                            {
                                "id": serializers.IntegerField(),
                                "name_en": serializers.CharField(),
                                "name_ar": serializers.CharField(),
                            },
                        ),
                        help_text="Keyed by role: " + ", ".join(ActorRole.values) + ".",
                    ),
                },
            ),
            304: NOT_MODIFIED,
            400: error_response("A malformed parameter, named."),
        },
    )
)
class SummaryView(IncidentAggregateView):
    """Totals and breakdowns of incidents by place, event type and actor."""

    endpoint = "summary"

    def clean_parameters(self, request, **kwargs):
        field = StrictIntegerField(required=False, min_value=1, max_value=100)
        return {"limit": query_param(request, "limit", field) or 10}

    def aggregate(self, incidents, limit):
        # Every incident has one event type and one governorate (or none) in one country: the total and
        # the countries are sums of those rows, which saves two scans of the incidents.
        by_event_type = self.breakdown(incidents, "event_type")
        by_governorate = self.governorates(incidents)
        return {
            "total": summed(by_event_type),
            "by_country": ranked(grouped(by_governorate, "country_code")),
            "by_governorate": by_governorate,
            "by_event_type": by_event_type,
            "by_actor": self.actors(incidents, limit),
        }

    def breakdown(self, incidents, *fields, **expressions):
        """Return the counts of `incidents` grouped by `fields` and `expressions`, most incidents first."""
        rows = incidents.values(*fields, **expressions).annotate(**counts())
        return [renamed(row, governorate_id="id") for row in rows.order_by("-incidents", *fields, *expressions)]

    def governorates(self, incidents):
        """Return the counts by governorate, named after grouping (grouping by the ids alone is faster)."""
        rows = self.breakdown(incidents, governorate_id=F("location__governorate_id"), country_code=F("location__country_code"))
        names = Location.objects.in_bulk({row["id"] for row in rows} - {None})
        return [
            {
                "id": row["id"],
                "name_en": names[row["id"]].name_en if row["id"] else None,
                "name_ar": names[row["id"]].name_ar if row["id"] else None,
                "country_code": row["country_code"],
                **counts_of(row),
            }
            for row in rows
        ]

    def actors(self, incidents, limit):
        """Return, per role, the `limit` actors with the most incidents (ties by id)."""
        incidents_sql, incidents_params = incidents.values(
            "incident_id", "count", "killed_best", "injured_best"
        ).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(ACTORS_SQL.format(incidents=incidents_sql), [*incidents_params, limit])
            rows = cursor.fetchall()
        names = Actor.objects.in_bulk({row[1] for row in rows})
        by_role = {role: [] for role in ActorRole.values}
        for role, actor_id, *numbers in rows:
            actor = names[actor_id]
            by_role[role].append(
                {"id": actor.pk, "name_en": actor.name_en, "name_ar": actor.name_ar, **dict(zip(COUNT_NAMES, numbers))}
            )
        return by_role


# A join with the filtered incidents (a subquery the planner flattens), rather than `incident_id IN (…)`,
# which reads the incidents twice: 1.2 s instead of 2.2 s for 340,000 roles over 1,000,000 incidents.
ACTORS_SQL = """
WITH incident AS ({incidents}),
counted AS (
    SELECT incident_actor.role,
           incident_actor.actor_id,
           count(*) AS incidents,
           coalesce(sum(incident.count), 0) AS events,
           coalesce(sum(incident.killed_best), 0) AS killed,
           coalesce(sum(incident.injured_best), 0) AS injured,
           row_number() OVER (PARTITION BY incident_actor.role ORDER BY count(*) DESC, incident_actor.actor_id) AS rank
    FROM incidents_incidentactor AS incident_actor
    JOIN incident ON incident.incident_id = incident_actor.incident_id
    -- An actor in the trash keeps its roles (for a restore) but is not counted (incidents.trash).
    WHERE incident_actor.actor_id NOT IN (SELECT id FROM incidents_actor WHERE deleted_at IS NOT NULL)
    GROUP BY incident_actor.role, incident_actor.actor_id
)
SELECT role, actor_id, incidents, events, killed, injured FROM counted WHERE rank <= %s ORDER BY role, rank
"""


def summed(rows):
    """Return the counts of `rows` added up."""
    return {name: sum(row[name] for row in rows) for name in COUNT_NAMES}


def grouped(rows, key):
    """Return the counts of `rows` added up per value of `key`."""
    groups = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return [{key: value, **summed(members)} for value, members in groups.items()]


def ranked(rows):
    """Return `rows` ordered as every breakdown is: most incidents first, then by their names."""
    return sorted(rows, key=lambda row: (-row["incidents"], *(str(value) for value in row.values())))


def renamed(row, **names):
    """Return `row` with its keys renamed by `names` (annotations cannot take the names of model fields)."""
    return {names.get(key, key): value for key, value in row.items()}


# --- Grid -----------------------------------------------------------------------------------

# Incidents are grouped by point first: a million incidents sit on a few thousand places (a base, a town),
# so the Mercator arithmetic runs once per place and event type, not once per incident.
GRID_SQL = """
WITH incident AS ({incidents}),
point_type AS (
    SELECT longitude,
           latitude,
           event_type,
           count(*) AS incidents,
           sum(count) AS events,
           coalesce(sum(killed_best), 0) AS killed,
           coalesce(sum(injured_best), 0) AS injured,
           count(*) FILTER (WHERE geo_precision = %s) AS approximate
    FROM incident
    GROUP BY 1, 2, 3
),
cell_type AS (
    SELECT floor((longitude + 180) / 360 * %s) AS column_index,
           floor((1 - ln(tan(radians(clamped)) + 1 / cos(radians(clamped))) / pi()) / 2 * %s) AS row_index,
           event_type,
           sum(incidents) AS incidents,
           sum(events) AS events,
           sum(killed) AS killed,
           sum(injured) AS injured,
           sum(approximate) AS approximate,
           sum(longitude * incidents) AS longitudes,
           sum(latitude * incidents) AS latitudes
    FROM (SELECT *, least(greatest(latitude, -%s), %s) AS clamped FROM point_type {in_bbox}) AS point_type
    GROUP BY 1, 2, 3
)
SELECT column_index::integer, row_index::integer, sum(incidents)::bigint, sum(events)::bigint, sum(killed)::bigint,
       sum(injured)::bigint, sum(approximate)::bigint, sum(longitudes) / sum(incidents), sum(latitudes) / sum(incidents),
       jsonb_object_agg(event_type, incidents)::text
FROM cell_type
GROUP BY column_index, row_index
ORDER BY column_index, row_index
"""


def mercator_latitude(row_index, cells_around):
    """Return the latitude of the top edge of grid row `row_index` of `cells_around` rows."""
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row_index / cells_around))))


@extend_schema_view(
    get=extend_schema(
        operation_id="incidents_grid",
        summary="Incidents counted in grid cells, for a map at low zoom",
        description=(
            f"The filtered incidents counted in square cells of {GRID_CELL_PIXELS} screen pixels at the given "
            "zoom (Web Mercator, as a Leaflet map draws them): a GeoJSON FeatureCollection with one Point "
            "feature per non-empty cell, at the mean position of its incidents, with the cell's extent as the "
            "feature's `bbox` [west, south, east, north]. Meant for zoom 4 to 8, where a view over Iraq and "
            "Syria holds at most a few thousand cells; pass the view as `in_bbox` to get only its cells. "
            "`approximate` counts the incidents known only to a governorate or a country (geo_precision 3), "
            "which sit at its centre. Every incident filter applies."
        ),
        parameters=[OpenApiParameter("zoom", int, required=True, description="Map zoom level, 0 to 20.")],
        responses={
            200: inline_serializer(
                "IncidentGrid",
                {
                    "type": serializers.ChoiceField(choices=["FeatureCollection"]),
                    "zoom": serializers.IntegerField(),
                    "cell_pixels": serializers.IntegerField(),
                    "features": inline_serializer(
                        "IncidentGridCell",
                        {
                            "type": serializers.ChoiceField(choices=["Feature"]),
                            "bbox": serializers.ListField(child=serializers.FloatField(), min_length=4, max_length=4),
                            "geometry": inline_serializer(
                                "IncidentGridPoint",
                                {
                                    "type": serializers.ChoiceField(choices=["Point"]),
                                    "coordinates": serializers.ListField(child=serializers.FloatField(), min_length=2, max_length=2),
                                },
                            ),
                            "properties": inline_serializer(
                                "IncidentGridCounts",
                                {
                                    **CountsSerializer().get_fields(),
                                    "approximate": serializers.IntegerField(
                                        help_text="Incidents known only to a governorate or country (geo_precision 3)."
                                    ),
                                    "event_types": serializers.DictField(
                                        child=serializers.IntegerField(), help_text="Incidents per event type."
                                    ),
                                },
                            ),
                        },
                        many=True,
                    ),
                },
            ),
            304: NOT_MODIFIED,
            400: error_response("A malformed or missing parameter, named."),
        },
    )
)
class GridView(IncidentAggregateView):
    """Incidents counted in the cells of a grid sized for a zoom level."""

    endpoint = "grid"

    def clean_parameters(self, request, **kwargs):
        return {
            "zoom": query_param(request, "zoom", StrictIntegerField(min_value=0, max_value=20)),
            "bbox": query_param(request, "in_bbox", BBoxField(required=False)),
        }

    def filtered(self, request):
        # The view's box is applied to the points once grouped (GRID_SQL), not to the incidents: a map
        # at low zoom shows most of them, and PostgreSQL would fetch every one through the spatial index
        # (3.3 s at 1,000,000 against 0.7 s for the grid of all of them).
        return filter_incidents(request, without=("in_bbox",), facts=True)

    def aggregate(self, incidents, zoom, bbox):
        cells_around = 2**zoom * 256 // GRID_CELL_PIXELS
        incidents_sql, incidents_params = incidents.values(
            "longitude", "latitude", "event_type", "count", "killed_best", "injured_best", "geo_precision"
        ).query.sql_with_params()
        in_bbox, bbox_params = "", []
        if bbox:
            # Strictly inside, as the in_bbox filter of the lists (ST_Within) has it.
            west, south, east, north = bbox
            in_bbox = "WHERE longitude > %s AND longitude < %s AND latitude > %s AND latitude < %s"
            bbox_params = [west, east, south, north]
        params = [
            *incidents_params,
            GeoPrecision.REGION,
            cells_around,
            cells_around,
            MERCATOR_MAX_LATITUDE,
            MERCATOR_MAX_LATITUDE,
            *bbox_params,
        ]
        with connection.cursor() as cursor:
            cursor.execute(GRID_SQL.format(incidents=incidents_sql, in_bbox=in_bbox), params)
            rows = cursor.fetchall()
        features = []
        for column, row, incidents_, events, killed, injured, approximate, longitude, latitude, event_types in rows:
            features.append(
                {
                    "type": "Feature",
                    "bbox": [
                        column / cells_around * 360 - 180,
                        mercator_latitude(row + 1, cells_around),
                        (column + 1) / cells_around * 360 - 180,
                        mercator_latitude(row, cells_around),
                    ],
                    "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
                    "properties": {
                        "incidents": incidents_,
                        "events": events,
                        "killed": killed,
                        "injured": injured,
                        "approximate": approximate,
                        "event_types": json.loads(event_types),
                    },
                }
            )
        return {"type": "FeatureCollection", "zoom": zoom, "cell_pixels": GRID_CELL_PIXELS, "features": features}
