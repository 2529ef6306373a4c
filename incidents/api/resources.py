"""The API's reference resources: actors, locations, statements and sources (list, detail, filters).

What an anonymous client sees, and why (drafts never leave the building, nor any trace of one):
- a statement only when it is about at least one published incident; its incident ids are the published ones;
- a source only when it backs a published incident or such a statement; never its text (third parties'
  article text), only what identifies it;
- an actor only when it takes part in a published incident or speaks a public statement; its parent only
  when that is public too (an actor that an editor adds while reviewing a draft stays hidden until then);
- a location when it is gazetteer reference data (a country, an administrative unit, or a place with a
  GeoNames id or an OCHA P-code) or the place of a published incident. A place added for a draft, which has
  none of these, stays hidden; what is listed never depends on drafts, so neither does what is missing.
Every count counts published incidents (and public statements) only.
"""
import re

import django_filters
from django.contrib.gis.geos import Polygon
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, Lower
from django.db.models.lookups import IsNull
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.pagination import PageNumberPagination

from incidents.extraction.normalize import _DIACRITICS, _LETTER_MAP, _TATWEEL, fold
from incidents.models import (
    ADMIN_KINDS,
    Actor,
    ActorKind,
    Incident,
    IncidentActor,
    IncidentSource,
    Language,
    Location,
    LocationKind,
    Source,
    Statement,
    StatementIncident,
    StatementKind,
    Status,
)

from .csv import CSVExportMixin
from .fields import BBoxField, CountryCodeField, StrictIntegerField, query_param
from .filters import IsoDateFilter
from .writes import ActorWriteMixin, LocationWriteMixin, PointField, StatementWriteMixin

# --- Visibility: what an anonymous client may see ------------------------------------------------


def published_incidents():
    return Incident.objects.filter(status=Status.PUBLISHED)


def has_row(queryset, column):
    """Return a condition that holds when `queryset` (correlated through OuterRef) has a row.

    A scalar subquery with LIMIT 1, not EXISTS: PostgreSQL may plan an EXISTS as a join over the whole
    tables, seconds at a million incidents, where probing the indexes row by row takes milliseconds for
    the few hundred actors or places listed. `column` should be in the index the probe uses, so that the
    probe reads the index alone.
    """
    # Unordered: the models' default orderings would sort every matching row to return the first.
    return IsNull(Subquery(queryset.order_by().values(column)[:1]), False)


def public_statements():
    """Return the statements about at least one published incident."""
    return Statement.objects.filter(
        Exists(StatementIncident.objects.filter(statement=OuterRef("pk"), incident__status=Status.PUBLISHED))
    )


def public_sources():
    """Return the sources that back a published incident or a public statement."""
    return Source.objects.filter(
        has_row(IncidentSource.objects.filter(source=OuterRef("pk"), incident__status=Status.PUBLISHED), "incident_id")
        | has_row(public_statements().filter(source=OuterRef("pk")), "source_id")
    )


def public_actors():
    """Return the actors that take part in a published incident or speak a public statement."""
    return Actor.objects.filter(
        has_row(IncidentActor.objects.filter(actor=OuterRef("pk"), incident__status=Status.PUBLISHED), "incident_id")
        | has_row(public_statements().filter(speaker_actor=OuterRef("pk")), "speaker_actor_id")
    )


def public_locations():
    """Return the gazetteer's reference places and the places of published incidents."""
    return Location.objects.filter(
        Q(kind__in=ADMIN_KINDS)
        | Q(geonames_id__isnull=False)
        | Q(pcode__isnull=False)
        | has_row(published_incidents().filter(location=OuterRef("pk")), "location_id")
    )


def count_of(queryset, counted="*"):
    """Return a subquery counting the rows of `queryset` (correlated through OuterRef), or its distinct `counted`."""
    count = Count("*") if counted == "*" else Count(counted, distinct=True)
    rows = queryset.order_by().annotate(_group=Value(1)).values("_group").annotate(n=count).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


# --- Matching names as the readers write them ----------------------------------------------------

# Arabic text is folded in SQL as extraction's normalize_arabic folds it in Python (NFKC, no diacritics or
# tatweel, one letter for each variant, ASCII digits), and lower-cased; the query is folded by fold().
_FOLD_FROM = "".join(chr(code) for code in _LETTER_MAP)
_FOLD_TO = "".join(_LETTER_MAP.values())
_STRIP = "[" + _TATWEEL + _DIACRITICS.pattern[1:-1] + "]"


def folded(expression):
    """Return `expression` (text) folded for matching: no Arabic letter variants or diacritics, lower case."""
    normalized = Func(expression, template="normalize(%(expressions)s, NFKC)", output_field=TextField())
    stripped = Func(normalized, Value(_STRIP), Value(""), Value("g"), function="regexp_replace", output_field=TextField())
    return Lower(Func(stripped, Value(_FOLD_FROM), Value(_FOLD_TO), function="translate", output_field=TextField()))


def all_names(prefix=""):
    """Return an expression joining a row's English and Arabic names and aliases."""
    return Func(
        Value(" | "),
        F(f"{prefix}name_en"),
        F(f"{prefix}name_ar"),
        Func(F(f"{prefix}aliases"), Value(" | "), function="array_to_string"),
        function="concat_ws",
        output_field=TextField(),
    )


def names_match(queryset, text, prefix=""):
    """Return the rows of `queryset` one of whose names contains `text`, both folded."""
    return queryset.alias(_names=folded(all_names(prefix))).filter(_names__contains=fold(text.strip()))


# --- Query parameters ------------------------------------------------------------------------------


class IdFilter(django_filters.NumberFilter):
    """A filter on a primary key written with the digits 0-9."""

    field_class = StrictIntegerField


class CountryFilter(django_filters.CharFilter):
    field_class = CountryCodeField

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Two-letter ISO 3166-1 country code, e.g. IQ or SY.")
        super().__init__(field_name="country_code", **kwargs)


class NameFilter(django_filters.CharFilter):
    """A name in English or Arabic, or an alias: rows whose names contain it, spelled either way."""

    def filter(self, queryset, value):
        return names_match(queryset, value) if value and value.strip() else queryset


class ActorFilter(django_filters.FilterSet):
    name = NameFilter(
        label="Part of the English or Arabic name or an alias; Arabic letter variants and diacritics are ignored."
    )
    kind = django_filters.ChoiceFilter(choices=ActorKind.choices, label="Kind of actor.")
    country = CountryFilter()
    parent = IdFilter(field_name="public_parent", label="Id of the umbrella group or parent body.")

    class Meta:
        model = Actor
        fields = ["name", "kind", "country", "parent"]


class LocationFilter(django_filters.FilterSet):
    name = NameFilter(
        label="Part of the English or Arabic name or an alias; Arabic letter variants and diacritics are ignored."
    )
    kind = django_filters.ChoiceFilter(choices=LocationKind.choices, label="Kind of place.")
    country = CountryFilter()
    governorate = IdFilter(field_name="governorate_id", label="Id of the governorate (admin1) the place is or lies in.")
    parent = IdFilter(field_name="public_parent", label="Id of the place this one is part of.")
    in_bbox = django_filters.CharFilter(
        method="filter_in_bbox", label="Places inside min_lon,min_lat,max_lon,max_lat (WGS84 degrees)."
    )

    class Meta:
        model = Location
        fields = ["name", "kind", "country", "governorate", "parent", "in_bbox"]

    def filter_in_bbox(self, queryset, name, value):
        bbox = query_param(self.request, name, BBoxField(required=False))
        return queryset.filter(point__within=Polygon.from_bbox(bbox)) if bbox else queryset


class StatementFilter(django_filters.FilterSet):
    speaker = django_filters.CharFilter(
        method="filter_speaker",
        label="The speaker: an actor's id (digits), or part of the actor's name or of the described speaker.",
    )
    kind = django_filters.ChoiceFilter(choices=StatementKind.choices, label="Kind of statement.")
    date_from = IsoDateFilter(field_name="date", lookup_expr="gte", label="Statements on or after this date (YYYY-MM-DD).")
    date_to = IsoDateFilter(field_name="date", lookup_expr="lte", label="Statements on or before this date (YYYY-MM-DD).")
    incident = IdFilter(method="filter_incident", label="Id of a published incident the statement is about.")
    source = IdFilter(field_name="source_id", label="Id of the source the statement appeared in.")
    language = django_filters.ChoiceFilter(choices=Language.choices, label="Language of the original text.")
    q = django_filters.CharFilter(
        method="filter_text",
        label="Words in the original text or the translation; Arabic letter variants and diacritics are ignored.",
    )

    class Meta:
        model = Statement
        fields = ["speaker", "kind", "date_from", "date_to", "incident", "source", "language", "q"]

    def filter_speaker(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if re.fullmatch(r"[0-9]{1,9}", value, re.ASCII):
            return queryset.filter(speaker_actor_id=int(value))
        # Concatenating with a null actor's names gives only the description: concat_ws skips nulls.
        speaker = Func(
            Value(" | "), all_names("speaker_actor__"), F("speaker_description"), function="concat_ws",
            output_field=TextField(),
        )
        return queryset.alias(_speaker=folded(speaker)).filter(_speaker__contains=fold(value))

    def filter_incident(self, queryset, name, value):
        # Only a published incident selects anything: a draft's id must not tell which statements are about it.
        return queryset.filter(
            Exists(
                StatementIncident.objects.filter(
                    statement=OuterRef("pk"), incident_id=value, incident__status=Status.PUBLISHED
                )
            )
        )

    def filter_text(self, queryset, name, value):
        if not value.strip():
            return queryset
        text = Func(Value(" | "), F("text"), F("translation"), function="concat_ws", output_field=TextField())
        return queryset.alias(_text=folded(text)).filter(_text__contains=fold(value.strip()))


class SourceFilter(django_filters.FilterSet):
    publisher = django_filters.CharFilter(
        field_name="publisher", lookup_expr="iexact", label="The publisher, e.g. Reuters (case is ignored)."
    )
    language = django_filters.ChoiceFilter(choices=Language.choices, label="Language of the article.")
    published_from = IsoDateFilter(
        field_name="published", lookup_expr="gte", label="Sources published on or after this date (YYYY-MM-DD)."
    )
    published_to = IsoDateFilter(
        field_name="published", lookup_expr="lte", label="Sources published on or before this date (YYYY-MM-DD)."
    )
    incident = IdFilter(method="filter_incident", label="Id of a published incident the source reports.")

    class Meta:
        model = Source
        fields = ["publisher", "language", "published_from", "published_to", "incident"]

    def filter_incident(self, queryset, name, value):
        return queryset.filter(
            Exists(
                IncidentSource.objects.filter(source=OuterRef("pk"), incident_id=value, incident__status=Status.PUBLISHED)
            )
        )


# --- Paging ---------------------------------------------------------------------------------------


class ResourcePagination(PageNumberPagination):
    """Plain JSON pages of 100 rows with the total `count`; `page_size` up to 1000 (more is capped).

    A `page` or `page_size` that is not a whole number from 1 is a 400 naming it, as for incidents.
    """

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000

    def get_page_size(self, request):
        page_size = query_param(request, self.page_size_query_param, StrictIntegerField(required=False, min_value=1))
        return min(page_size, self.max_page_size) if page_size else self.page_size

    def get_page_number(self, request, paginator):
        if request.query_params.get(self.page_query_param) in self.last_page_strings:
            return paginator.num_pages
        return query_param(request, self.page_query_param, StrictIntegerField(required=False, min_value=1)) or 1


# --- Serializers ----------------------------------------------------------------------------------


class ActorSerializer(serializers.ModelSerializer):
    parent = serializers.IntegerField(source="public_parent", allow_null=True, read_only=True,
                                      help_text="Id of the umbrella group or parent body, when it is public.")

    class Meta:
        model = Actor
        fields = ["id", "slug", "name_en", "name_ar", "aliases", "kind", "country_code", "parent", "description"]
        read_only_fields = fields


class ActorDetailSerializer(ActorSerializer):
    """An actor with its counts (on the detail only: a major actor's incidents are hundreds of thousands)."""

    incident_count = serializers.IntegerField(read_only=True, help_text="Published incidents the actor takes part in.")
    statement_count = serializers.IntegerField(read_only=True, help_text="Public statements the actor made.")

    class Meta(ActorSerializer.Meta):
        fields = [*ActorSerializer.Meta.fields, "incident_count", "statement_count"]
        read_only_fields = fields


class LocationSerializer(serializers.ModelSerializer):
    parent = serializers.IntegerField(source="public_parent", allow_null=True, read_only=True,
                                      help_text="Id of the place this one is part of, when it is public.")
    governorate = serializers.IntegerField(source="governorate_id", allow_null=True, read_only=True,
                                           help_text="Id of the governorate (admin1) the place is or lies in.")
    governorate_name_en = serializers.CharField(source="governorate.name_en", default=None, allow_null=True, read_only=True)
    governorate_name_ar = serializers.CharField(source="governorate.name_ar", default=None, allow_null=True, read_only=True)
    point = PointField(read_only=True, allow_null=True)
    incident_count = serializers.IntegerField(read_only=True, help_text="Published incidents at this place.")

    class Meta:
        model = Location
        fields = ["id", "slug", "name_en", "name_ar", "aliases", "kind", "country_code", "parent", "governorate",
                  "governorate_name_en", "governorate_name_ar", "point", "geo_precision", "geonames_id", "pcode",
                  "incident_count"]
        read_only_fields = fields


class SpeakerActorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "name_en", "name_ar"]
        read_only_fields = fields


class SpeakerSerializer(serializers.Serializer):
    actor = SpeakerActorSerializer(source="speaker_actor", allow_null=True, read_only=True)
    description = serializers.CharField(source="speaker_description", read_only=True,
                                        help_text="The speaker as the source describes them; may be empty.")


class StatementSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "title", "url"]
        read_only_fields = fields


class StatementSerializer(serializers.ModelSerializer):
    speaker = SpeakerSerializer(source="*", read_only=True)
    source = StatementSourceSerializer(read_only=True)
    incidents = serializers.ListField(source="incident_ids", child=serializers.IntegerField(), read_only=True,
                                      help_text="Ids of the published incidents the statement is about.")

    class Meta:
        model = Statement
        fields = ["id", "speaker", "kind", "date", "text", "language", "translation", "source", "incidents"]
        read_only_fields = fields


class SourceSerializer(serializers.ModelSerializer):
    """An article or report: what identifies it, never its text."""

    incidents = serializers.ListField(source="incident_ids", child=serializers.IntegerField(), read_only=True,
                                      help_text="Ids of the published incidents the source reports.")

    class Meta:
        model = Source
        fields = ["id", "title", "publisher", "url", "language", "published", "incidents"]
        read_only_fields = fields


# --- Views ----------------------------------------------------------------------------------------


def _public_parent(model_public):
    """Return the row's parent id when the parent is public, else null."""
    return Subquery(model_public.filter(pk=OuterRef("parent_id")).values("pk")[:1], output_field=IntegerField())


def _joined(field):
    """Return a CSV expression: the array annotation `field` as ids separated by spaces."""
    return Func(F(field), Value(" "), function="array_to_string", output_field=CharField())


BAD_PARAMETER = OpenApiResponse(OpenApiTypes.OBJECT, description="A query parameter is malformed: the body names it.")
NOT_FOUND = OpenApiResponse(OpenApiTypes.OBJECT, description="No such public record.")


def read_schema(serializer, name, description, detail_serializer=None):
    """Return the schema of a resource's list and detail: their bodies and errors."""
    return extend_schema_view(
        list=extend_schema(summary=f"List {name}", description=description,
                           responses={200: serializer(many=True), 400: BAD_PARAMETER}),
        retrieve=extend_schema(summary=f"One of the {name}",
                               responses={200: detail_serializer or serializer, 404: NOT_FOUND}),
    )


class ResourceViewSet(CSVExportMixin, viewsets.ReadOnlyModelViewSet):
    """A read-only list and detail of public rows, plain JSON in pages."""

    pagination_class = ResourcePagination
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend]
    lookup_value_regex = "[0-9]+"


@read_schema(
    ActorSerializer,
    "public actors",
    "Actors that take part in published incidents or speak public statements, by English name. The detail "
    "adds how many published incidents and public statements each has.",
    ActorDetailSerializer,
)
class ActorViewSet(ActorWriteMixin, ResourceViewSet):
    serializer_class = ActorSerializer
    filterset_class = ActorFilter
    csv_columns = [
        ("id", "id"), ("slug", "slug"), ("name_en", "name_en"), ("name_ar", "name_ar"),
        ("aliases", Func(F("aliases"), Value(" | "), function="array_to_string", output_field=CharField())),
        ("kind", "kind"), ("country_code", "country_code"), ("parent", "public_parent"),
        ("description", "description"),
    ]  # fmt: skip

    def get_serializer_class(self):
        return ActorDetailSerializer if self.action == "retrieve" else super().get_serializer_class()

    def get_queryset(self):
        actors = public_actors().annotate(public_parent=_public_parent(public_actors())).order_by("name_en", "id")
        if self.action != "retrieve":
            return actors
        return actors.annotate(
            incident_count=count_of(
                IncidentActor.objects.filter(actor=OuterRef("pk"), incident__status=Status.PUBLISHED), "incident"
            ),
            statement_count=count_of(public_statements().filter(speaker_actor=OuterRef("pk"))),
        )


@read_schema(
    LocationSerializer,
    "locations",
    "The gazetteer's countries, administrative units and places with external ids, and the places of published incidents; by country and name.",
)
class LocationViewSet(LocationWriteMixin, ResourceViewSet):
    serializer_class = LocationSerializer
    filterset_class = LocationFilter
    csv_columns = [
        ("id", "id"), ("slug", "slug"), ("name_en", "name_en"), ("name_ar", "name_ar"),
        ("aliases", Func(F("aliases"), Value(" | "), function="array_to_string", output_field=CharField())),
        ("kind", "kind"), ("country_code", "country_code"), ("parent", "public_parent"),
        ("governorate", "governorate_id"), ("governorate_name_en", "governorate__name_en"),
        ("longitude", Func(F("point"), function="ST_X", output_field=FloatField())),
        ("latitude", Func(F("point"), function="ST_Y", output_field=FloatField())),
        ("geo_precision", "geo_precision"), ("geonames_id", "geonames_id"), ("pcode", "pcode"),
        ("incident_count", "incident_count"),
    ]  # fmt: skip

    def get_queryset(self):
        return (
            public_locations()
            .select_related("governorate")
            .only(*LocationSerializer.Meta.fields[:7], "governorate_id", "point", "geo_precision", "geonames_id",
                  "pcode", "governorate__name_en", "governorate__name_ar")
            .annotate(
                public_parent=_public_parent(public_locations()),
                incident_count=count_of(published_incidents().filter(location=OuterRef("pk"))),
            )
            .order_by("country_code", "name_en", "id")
        )


@read_schema(
    StatementSerializer,
    "public statements",
    "Statements about published incidents, latest first.",
)
class StatementViewSet(StatementWriteMixin, ResourceViewSet):
    serializer_class = StatementSerializer
    filterset_class = StatementFilter
    csv_columns = [
        ("id", "id"), ("speaker_actor", "speaker_actor_id"), ("speaker_name_en", "speaker_actor__name_en"),
        ("speaker_name_ar", "speaker_actor__name_ar"), ("speaker_description", "speaker_description"),
        ("kind", "kind"), ("date", "date"), ("text", "text"), ("language", "language"),
        ("translation", "translation"), ("source", "source_id"), ("source_title", "source__title"),
        ("source_url", "source__url"), ("incidents", _joined("incident_ids")),
    ]  # fmt: skip

    def get_queryset(self):
        published_links = StatementIncident.objects.filter(
            statement=OuterRef("pk"), incident__status=Status.PUBLISHED
        ).order_by("incident_id")
        return (
            public_statements()
            .select_related("speaker_actor", "source")
            .only(
                "id", "speaker_actor__id", "speaker_actor__name_en", "speaker_actor__name_ar", "speaker_description",
                "kind", "date", "text", "language", "translation", "source__id", "source__title", "source__url",
            )
            .annotate(incident_ids=ArraySubquery(published_links.values("incident_id")))
            .order_by(F("date").desc(nulls_last=True), "-id")
        )


@read_schema(
    SourceSerializer,
    "public sources",
    "Articles and reports that back published incidents or public statements, latest first; never their text.",
)
class SourceViewSet(ResourceViewSet):
    serializer_class = SourceSerializer
    filterset_class = SourceFilter
    csv_columns = [
        ("id", "id"), ("title", "title"), ("publisher", "publisher"), ("url", "url"), ("language", "language"),
        ("published", "published"), ("incidents", _joined("incident_ids")),
    ]  # fmt: skip

    def get_queryset(self):
        published_links = (
            IncidentSource.objects.filter(source=OuterRef("pk"), incident__status=Status.PUBLISHED)
            .order_by("incident_id")
            .distinct()
        )
        return (
            public_sources()
            # Never the text: third parties' articles are not ours to republish.
            .only("id", "title", "publisher", "url", "language", "published")
            .annotate(incident_ids=ArraySubquery(published_links.values("incident_id")))
            .order_by("-published", "-id")
        )
