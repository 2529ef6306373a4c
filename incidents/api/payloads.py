"""Incident payloads built by PostgreSQL: one JSON text per incident, joined into a page in Python.

A page of a thousand incidents through DRF serializers costs a Python object per row, field and actor;
here the database builds each Feature (or JSON row) with json_build_object in the query that selects
the rows, actors and sources included as correlated subqueries, so a page costs one query. The shape is
documented by the serializers in serializers.py, and a test holds the two together.
"""
import functools
import json

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import CharField, F, Func, JSONField, OuterRef, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Concat
from django.urls import reverse

from incidents.models import Incident, IncidentActor, IncidentSource, Source


class JsonBuildObject(Func):
    """json_build_object(key, value, …): a JSON object whose members keep the order given."""

    function = "json_build_object"
    output_field = JSONField()

    def __init__(self, **members):
        arguments = []
        for key, value in members.items():
            arguments += [Value(key), value if hasattr(value, "resolve_expression") else F(value)]
        super().__init__(*arguments)


class JsonUnlessNull(Func):
    """`value` (JSON), or JSON null when `key` is NULL (a missing related row is null, not an empty object)."""

    template = "CASE WHEN %(expressions)s END"
    arg_joiner = " IS NULL THEN NULL ELSE "
    output_field = JSONField()


class GeoJsonGeometry(Func):
    """The point as a GeoJSON geometry (lon, lat: RFC 7946's order)."""

    function = "ST_AsGeoJSON"
    template = "%(function)s(%(expressions)s)::json"
    output_field = JSONField()


# The links are read through their plain manager: their default one also checks that the incident is out of
# the trash, a join to the incidents per link (a payload is built only for incidents out of the trash).


def actors_array():
    links = IncidentActor.all_objects.filter(incident=OuterRef("pk"), actor__deleted_at__isnull=True)
    links = links.order_by("role", "actor__name_en", "id")
    return ArraySubquery(
        links.values(json=JsonBuildObject(id="actor_id", name_en="actor__name_en", name_ar="actor__name_ar", role="role"))
    )


def excerpts_array():
    """Return the evidence excerpts one source gives for the incident, in the order of the source's text."""
    links = IncidentSource.all_objects.filter(source=OuterRef("pk"), incident=OuterRef(OuterRef("pk"))).exclude(excerpt="")
    return ArraySubquery(links.order_by(F("start_offset").asc(nulls_last=True), "id").values("excerpt"))


def sources_array(*, with_excerpts=False):
    # A source quoted twice as evidence is one source; its text is never read. Its excerpts are asked for
    # by one incident's detail only: lists stay lean.
    sources = Source.objects.filter(
        pk__in=IncidentSource.all_objects.filter(incident=OuterRef(OuterRef("pk"))).values("source_id")
    ).order_by("published", "id")
    members = {"id": "id", "title": "title", "publisher": "publisher", "url": "url", "published": "published"}
    if with_excerpts:
        members["excerpts"] = excerpts_array()
    return ArraySubquery(sources.values(json=JsonBuildObject(**members)))


def incident_url_prefix(request):
    """Return the absolute URL of incident pages up to the id ("https://host/incidents/")."""
    placeholder = reverse("incidents:incident-detail", args=[0])
    return request.build_absolute_uri(placeholder[: -len("0/")])


def properties_members(url_prefix, *, detail=False):
    """Return the members of an incident's properties, in order, as expressions (`detail`: one incident's;
    `url_prefix`: incident_url_prefix's)."""
    return {
        "id": "id",
        "title": "title",
        "title_ar": "title_ar",
        "date_start": "date_start",
        "date_end": "date_end",
        "date_precision": "date_precision",
        "event_type": "event_type",
        "sub_event_type": "sub_event_type",
        "weapon": "weapon",
        "outcome": "outcome",
        "count": "count",
        "killed_best": "killed_best",
        "injured_best": "injured_best",
        "verification": "verification",
        "geo_precision": "geo_precision",
        "location": JsonBuildObject(
            id="location_id",
            name_en="location__name_en",
            name_ar="location__name_ar",
            country_code="location__country_code",
            admin1=JsonUnlessNull(
                F("location__governorate_id"),
                JsonBuildObject(
                    id="location__governorate_id",
                    name_en="location__governorate__name_en",
                    name_ar="location__governorate__name_ar",
                ),
            ),
        ),
        "actors": actors_array(),
        "sources": sources_array(with_excerpts=detail),
        "updated_at": "updated_at",
        "url": Concat(Value(url_prefix), Cast("id", CharField()), Value("/")),
    }


def feature_expression(url_prefix, *, detail=False):
    """Return an expression for an incident as the text of a GeoJSON Feature."""
    feature = JsonBuildObject(
        type=Value("Feature"),
        id="id",
        geometry=GeoJsonGeometry("point"),
        properties=JsonBuildObject(**properties_members(url_prefix, detail=detail)),
    )
    return Cast(feature, TextField())


def row_expression(url_prefix, *, detail=False):
    """Return an expression for an incident as the text of a plain JSON object (properties, lon, lat)."""
    row = JsonBuildObject(
        **properties_members(url_prefix, detail=detail),
        longitude=Func("point", function="ST_X"),
        latitude=Func("point", function="ST_Y"),
    )
    return Cast(row, TextField())


class _Ids:
    """Where the page's ids go in the parameters of a compiled payload query."""


@functools.lru_cache(maxsize=64)
def compiled_payload_query(geojson, url_prefix):
    """Return (sql, params, index of the ids parameter) of the query of list items (features or rows) by id.

    Compiling the payload's expression (a JSON object of some thirty members and three subqueries) costs the
    ORM more than PostgreSQL takes to run it for a page; its SQL differs only by the page's ids, a parameter.
    Cached per shape and URL prefix (one per host the site answers to: ALLOWED_HOSTS bounds them).
    """
    ids = _Ids()
    expression = (feature_expression if geojson else row_expression)(url_prefix)
    # Published again: an incident unpublished between the choice of the page's ids and this query stays out.
    page = Incident.objects.published().filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", (ids,)))
    query = page.values_list("pk", expression)
    sql, params = query.query.sql_with_params()
    return sql, params, params.index(ids)


def payload_texts(request, ids, *, geojson):
    """Return the JSON texts of the incidents `ids` (features, or plain rows), in the order of `ids`."""
    if not ids:
        return []
    sql, params, at = compiled_payload_query(geojson, incident_url_prefix(request))
    params = (*params[:at], list(ids), *params[at + 1 :])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        texts = dict(cursor.fetchall())
    return [texts[pk] for pk in ids if pk in texts]


class PrebuiltJson(str):
    """JSON text built already: renderers write it out as it is."""


class PrebuiltPage(PrebuiltJson):
    """A page of a list, built already."""


def page_json(*, items_key, items, head=None):
    """Return the JSON text of a page: the `head` members, then `items_key` holding the prebuilt items."""
    members = [f"{json.dumps(key)}:{json.dumps(value)}" for key, value in (head or {}).items()]
    members.append(f'{json.dumps(items_key)}:[{",".join(items)}]')
    return PrebuiltPage("{" + ",".join(members) + "}")
