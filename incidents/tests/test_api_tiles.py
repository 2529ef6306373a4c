"""Vector tiles, decoded by a small reader of the Mapbox Vector Tile protobuf (spec 2.1) below."""
import math

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse
from rest_framework.test import APIClient

from incidents.models import Status

from .factories import IncidentFactory

pytestmark = pytest.mark.django_db

BAGHDAD = (44.40, 33.33)
MVT = "application/vnd.mapbox-vector-tile"


@pytest.fixture
def api():
    return APIClient()


# --- A reader of the protobuf wire format, enough for MVT -------------------------------------


def varint(data, position):
    result = shift = 0
    while True:
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, position


def fields(data):
    """Yield (field number, value) of a protobuf message; length-delimited values as bytes."""
    position = 0
    while position < len(data):
        key, position = varint(data, position)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, position = varint(data, position)
        elif wire_type == 2:
            length, position = varint(data, position)
            value, position = data[position : position + length], position + length
        elif wire_type == 1:
            value, position = data[position : position + 8], position + 8
        elif wire_type == 5:
            value, position = data[position : position + 4], position + 4
        else:
            raise AssertionError(f"unexpected wire type {wire_type}")
        yield number, value


def packed(data):
    values, position = [], 0
    while position < len(data):
        value, position = varint(data, position)
        values.append(value)
    return values


def zigzag(value):
    return (value >> 1) ^ -(value & 1)


def tile_value(data):
    import struct

    for number, value in fields(data):
        if number == 1:
            return value.decode()
        if number == 2:
            return struct.unpack("<f", value)[0]
        if number == 3:
            return struct.unpack("<d", value)[0]
        if number in (4, 5):
            return value
        if number == 6:
            return zigzag(value)
        if number == 7:
            return bool(value)
    raise AssertionError("empty value")


def decode(tile):
    """Return {layer name: (extent, [{"id", "type", "point", "properties"}])} of an MVT."""
    layers = {}
    for number, layer in fields(tile):
        assert number == 3
        name, extent, keys, values, raw_features = None, 4096, [], [], []
        for field, value in fields(layer):
            if field == 1:
                name = value.decode()
            elif field == 2:
                raw_features.append(value)
            elif field == 3:
                keys.append(value.decode())
            elif field == 4:
                values.append(tile_value(value))
            elif field == 5:
                extent = value
        features = []
        for raw in raw_features:
            feature = {"id": None, "properties": {}}
            for field, value in fields(raw):
                if field == 1:
                    feature["id"] = value
                elif field == 2:
                    tags = packed(value)
                    feature["properties"] = {keys[k]: values[v] for k, v in zip(tags[::2], tags[1::2])}
                elif field == 3:
                    feature["type"] = value
                elif field == 4:
                    command, x, y = packed(value)
                    assert command == (1 << 3) | 1  # MoveTo, once: a point
                    feature["point"] = (zigzag(x), zigzag(y))
            features.append(feature)
        layers[name] = (extent, features)
    return layers


def tile_of(lon, lat, zoom):
    """Return the XYZ tile that holds (lon, lat), and the point's position in it (0-4096)."""
    size = 2**zoom
    x = (lon + 180) / 360 * size
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * size
    return (zoom, int(x), int(y)), ((x - int(x)) * 4096, (y - int(y)) * 4096)


def tile_url(zoom, x, y):
    return f"/api/v1/tiles/incidents/{zoom}/{x}/{y}.mvt"


def features(response):
    return decode(response.content)["incidents"][1]


# --- Tests ----------------------------------------------------------------------------------


def test_a_tile_holds_the_incidents_in_it_with_the_properties_the_map_needs(api):
    (zoom, x, y), position = tile_of(*BAGHDAD, 10)
    incident = IncidentFactory(point=Point(*BAGHDAD, srid=4326), killed_best=3, count=2)
    unknown_toll = IncidentFactory(point=Point(*BAGHDAD, srid=4326), event_type="Battles", sub_event_type="Armed clash")
    IncidentFactory(point=Point(40.14, 35.33, srid=4326))  # Deir ez-Zor, another tile

    response = api.get(tile_url(zoom, x, y))

    assert response.status_code == 200
    assert response["Content-Type"] == MVT
    extent, decoded = decode(response.content)["incidents"]
    assert extent == 4096
    by_id = {feature["id"]: feature for feature in decoded}
    assert set(by_id) == {incident.pk, unknown_toll.pk}
    assert by_id[incident.pk]["type"] == 1  # POINT
    assert by_id[incident.pk]["properties"] == {
        "id": incident.pk,
        "event_type": "Explosions/Remote violence",
        "date_start": "2023-12-08",
        "killed": 3,
        "count": 2,
        "geo_precision": 1,
    }
    assert "killed" not in by_id[unknown_toll.pk]["properties"]
    assert by_id[incident.pk]["point"] == pytest.approx(position, abs=1)


def test_an_incident_known_only_to_a_region_is_marked_by_its_precision(api):
    (zoom, x, y), _position = tile_of(*BAGHDAD, 8)
    governorate_only = IncidentFactory(point=Point(*BAGHDAD, srid=4326), geo_precision=3)

    [feature] = features(api.get(tile_url(zoom, x, y)))

    assert feature["id"] == governorate_only.pk
    assert feature["properties"]["geo_precision"] == 3


def test_tiles_leave_drafts_out(api):
    (zoom, x, y), _position = tile_of(*BAGHDAD, 6)
    published = IncidentFactory(point=Point(*BAGHDAD, srid=4326))
    IncidentFactory(point=Point(*BAGHDAD, srid=4326), status=Status.DRAFT)

    assert [feature["id"] for feature in features(api.get(tile_url(zoom, x, y)))] == [published.pk]


def test_tiles_apply_the_incident_filters(api):
    (zoom, x, y), _position = tile_of(*BAGHDAD, 6)
    december = IncidentFactory(point=Point(*BAGHDAD, srid=4326))
    battle = IncidentFactory(
        point=Point(44.50, 33.40, srid=4326), event_type="Battles", sub_event_type="Armed clash", date_start="2024-01-05"
    )

    def ids(**filters):
        return sorted(feature["id"] for feature in features(api.get(tile_url(zoom, x, y), filters)))

    assert ids() == sorted([december.pk, battle.pk])
    assert ids(event_type="Battles") == [battle.pk]
    assert ids(date_to="2023-12-31") == [december.pk]
    assert ids(in_bbox="44.45,33.35,44.55,33.45") == [battle.pk]


def test_an_empty_tile_is_an_empty_body(api):
    IncidentFactory(point=Point(*BAGHDAD, srid=4326))

    response = api.get(tile_url(6, 0, 0))

    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"] == "application/vnd.mapbox-vector-tile"


def test_a_tile_has_an_etag_that_answers_304_until_the_data_changes(api, settings):
    settings.MARSAD_AGGREGATE_MAX_AGE = 30
    (zoom, x, y), _position = tile_of(*BAGHDAD, 6)
    IncidentFactory(point=Point(*BAGHDAD, srid=4326))
    first = api.get(tile_url(zoom, x, y))

    revalidated = api.get(tile_url(zoom, x, y), HTTP_IF_NONE_MATCH=first["ETag"])
    IncidentFactory(point=Point(*BAGHDAD, srid=4326))
    after_a_write = api.get(tile_url(zoom, x, y), HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Cache-Control"] == "public, max-age=30"
    assert revalidated.status_code == 304
    assert revalidated.content == b""
    assert after_a_write.status_code == 200
    assert len(features(after_a_write)) == 2


def test_a_tile_is_one_query_after_the_data_version_and_none_when_cached(api, django_assert_num_queries):
    (zoom, x, y), _position = tile_of(*BAGHDAD, 6)
    IncidentFactory.create_batch(3, point=Point(*BAGHDAD, srid=4326))

    with django_assert_num_queries(2):
        first = api.get(tile_url(zoom, x, y))
    with django_assert_num_queries(1):
        second = api.get(tile_url(zoom, x, y))

    assert first.content == second.content
    assert len(features(first)) == 3


@pytest.mark.parametrize("zoom, x, y", [(21, 0, 0), (0, 1, 0), (0, 0, 1), (6, 64, 10), (6, 10, 64)])
def test_a_tile_outside_the_pyramid_is_a_404_in_json(api, zoom, x, y):
    response = api.get(tile_url(zoom, x, y), HTTP_ACCEPT=MVT)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("No such tile")


def test_the_404_of_a_tile_is_translated(api):
    response = api.get(tile_url(21, 0, 0), HTTP_ACCEPT_LANGUAGE="ar")

    assert response.json() == {
        "detail": "لا توجد بلاطة كهذه: يمتد التكبير من 0 إلى 20، ويمتد x وy من 0 إلى 2 مرفوعًا إلى قوة التكبير ناقص 1."
    }


def test_a_malformed_filter_is_a_400_in_json_naming_it(api):
    response = api.get(tile_url(6, 39, 25), {"in_bbox": "44,33,north"}, HTTP_ACCEPT=MVT)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["in_bbox"]


def test_a_client_asking_for_json_still_gets_the_tile(api):
    (zoom, x, y), _position = tile_of(*BAGHDAD, 6)
    IncidentFactory(point=Point(*BAGHDAD, srid=4326))

    response = api.get(tile_url(zoom, x, y), HTTP_ACCEPT="application/json")

    assert response["Content-Type"] == MVT
    assert len(features(response)) == 1


def test_tile_url_name_resolves():
    assert reverse("api:incident-tiles", kwargs={"z": 6, "x": 39, "y": 25}) == tile_url(6, 39, 25)


def test_schema_gives_the_tile_its_binary_media_type_and_errors(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()

    responses = schema["paths"]["/api/v1/tiles/incidents/{z}/{x}/{y}.mvt"]["get"]["responses"]

    assert responses["200"]["content"] == {MVT: {"schema": {"type": "string", "format": "binary"}}}
    assert {"304", "400", "404"} <= set(responses)
