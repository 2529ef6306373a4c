"""Mapbox vector tiles of the published incidents, built by PostGIS (ST_AsMVT) over the filtered incidents.

One layer, `incidents`: a point per incident, its id as the feature id and as the `id` property, with
`event_type`, `date_start` (YYYY-MM-DD), `killed` (absent when unknown), `count` and `geo_precision`
(3: known only to a governorate or a country, drawn at its centre). At low zoom a map draws the grid
(aggregates.GridView) instead: a tile at zoom 4 over Iraq holds every incident of the country.
"""
from django.db import connection
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, renderers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response

from .aggregates import NOT_MODIFIED, IncidentAggregateView, error_response
from .filters import filter_incidents

MVT_MEDIA_TYPE = "application/vnd.mapbox-vector-tile"
MAX_ZOOM = 20
# Tile coordinates in ST_AsMVT's integer grid, and the margin kept around the tile, in the same units,
# so that a symbol drawn at the edge of the next tile is not cut off.
EXTENT = 4096
BUFFER = 64
LAYER = "incidents"

# The filtered incidents are the compiled queryset as a subquery, which the planner flattens into one
# scan of the spatial index: filtering by `id IN (the queryset's ids)` instead looks every incident of the
# tile up again by primary key (z10 over Baghdad, 1,000,000 incidents: 160 ms against 214 ms).
# The first `id` column is the feature id (ST_AsMVT's feature_id_name), the second becomes a property.
TILE_SQL = f"""
WITH incident AS ({{incidents}})
SELECT ST_AsMVT(feature, '{LAYER}', {EXTENT}, 'geom', 'id')
FROM (
    SELECT ST_AsMVTGeom(ST_Transform(point, 3857), ST_TileEnvelope(%s, %s, %s), {EXTENT}, {BUFFER}, true) AS geom,
           id,
           id,
           event_type,
           to_char(date_start, 'YYYY-MM-DD') AS date_start,
           killed_best AS killed,
           count,
           geo_precision
    FROM incident
    WHERE point && ST_Transform(ST_TileEnvelope(%s, %s, %s, margin => {BUFFER / EXTENT}), 4326)
) AS feature
"""


class MVTRenderer(renderers.BaseRenderer):
    """Pass a tile's bytes through."""

    media_type = MVT_MEDIA_TYPE
    format = "mvt"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class TileNegotiation(BaseContentNegotiation):
    """A tile is a tile, whatever the client's Accept header lists."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def tile_not_found_message():
    return _("No such tile: the zoom runs from 0 to %(max_zoom)s, and x and y from 0 to 2 to the power of the zoom, minus 1.") % {
        "max_zoom": MAX_ZOOM
    }


class TileResponse(Response):
    """A tile response: an empty tile (no incident in it) is still a tile, with its media type.

    DRF drops the Content-Type of an empty body; a map client then cannot tell an empty tile from an error.
    """

    @property
    def rendered_content(self):
        content = super().rendered_content
        if not content:
            self["Content-Type"] = MVT_MEDIA_TYPE
        return content


@extend_schema_view(
    get=extend_schema(
        operation_id="incidents_tile",
        summary="Vector tile of incidents",
        description=(
            "A Mapbox vector tile (MVT) of the filtered incidents in tile z/x/y (XYZ scheme, Web Mercator), "
            f"layer `{LAYER}`: one point per incident, the incident's id as the feature id, and the properties "
            "`id`, `event_type`, `date_start` (YYYY-MM-DD), `killed` (absent when unknown), `count` and "
            "`geo_precision` (3: known only to a governorate or a country, drawn at its centre). An empty tile "
            "is an empty body. Every incident filter applies. At zoom 8 and below, draw /api/v1/incidents/grid/ "
            "instead."
        ),
        responses={
            (200, MVT_MEDIA_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="The tile."),
            304: NOT_MODIFIED,
            400: error_response("A malformed filter, named."),
            404: OpenApiResponse(
                {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
                description="No such tile: z above 20, or x or y of 2^z or more.",
            ),
        },
    )
)
class IncidentTileView(IncidentAggregateView):
    """A vector tile of the incidents, cached and given an ETag on the data version."""

    endpoint = "tile"
    response_class = TileResponse
    renderer_classes = [MVTRenderer]
    content_negotiation_class = TileNegotiation

    def filtered(self, request):
        # The incidents themselves, not their facts: a tile is a small box, which the incidents' spatial
        # index finds (the facts have none: they are read whole).
        return filter_incidents(request)

    def clean_parameters(self, request, z, x, y):
        if z > MAX_ZOOM or x >= 2**z or y >= 2**z:
            raise exceptions.NotFound(tile_not_found_message())
        return {"z": z, "x": x, "y": y}

    def aggregate(self, incidents, z, x, y):
        incidents_sql, incidents_params = incidents.values(
            "id", "point", "event_type", "date_start", "killed_best", "count", "geo_precision"
        ).query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(TILE_SQL.format(incidents=incidents_sql), [*incidents_params, z, x, y, z, x, y])
            return bytes(cursor.fetchone()[0])

    def handle_exception(self, exc):
        # Errors are JSON, as everywhere in the API, whatever renders the tile.
        self.request.accepted_renderer = renderers.JSONRenderer()
        self.request.accepted_media_type = renderers.JSONRenderer.media_type
        return super().handle_exception(exc)
