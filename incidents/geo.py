"""Points taken from input: checked once, before any geometry is built from them.

Debian 12's GEOS 3.11 overflows a stack buffer, and the process aborts, when it writes a coordinate
such as 1e308 as WKT (libgeos/geos#970, fixed in GEOS 3.12). Django writes a geometry as WKT whenever it
hashes one (`GEOSGeometry.__hash__`: a query ordered by the distance to a point), prints one (`str()`,
a form widget's value) or logs one. So every coordinate that comes from a request, a form, a file or a
stored proposal goes through `point_from_input` (or a stored point through `validate_point`): finite
WGS84 degrees only, whose WKT is short.
"""
import math

from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

COORDINATES_MESSAGE = _("Give the point as a latitude between -90 and 90 and a longitude between -180 and 180, in degrees.")


def _degrees(value, limit):
    """Return `value` as a float of at most `limit` degrees either way; raise ValidationError otherwise."""
    if isinstance(value, bool):
        raise ValidationError(COORDINATES_MESSAGE, code="coordinates")
    if isinstance(value, str):
        value = value.strip()
        # float() also reads "nan", "inf", "1_0" and Arabic-Indic digits: degrees are ASCII decimals.
        if not value.isascii() or "_" in value:
            raise ValidationError(COORDINATES_MESSAGE, code="coordinates")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(COORDINATES_MESSAGE, code="coordinates") from None
    if not math.isfinite(number) or not -limit <= number <= limit:
        raise ValidationError(COORDINATES_MESSAGE, code="coordinates")
    return number


def coordinates_from_input(lon, lat) -> tuple[float, float]:
    """Return (lon, lat) as floats when both are finite WGS84 degrees; raise ValidationError otherwise."""
    return _degrees(lon, 180), _degrees(lat, 90)


def point_from_input(lon, lat) -> Point:
    """Return the WGS84 Point at (`lon`, `lat`), numbers or strings; raise ValidationError unless both are
    finite degrees in range."""
    lon, lat = coordinates_from_input(lon, lat)
    return Point(lon, lat, srid=4326)


def validate_point(point) -> None:
    """Raise ValidationError unless `point` is a WGS84 point in range (the validator of stored points)."""
    if point is None:
        return
    if point.srid not in (None, 4326) or point.geom_type != "Point" or point.empty:
        raise ValidationError(COORDINATES_MESSAGE, code="coordinates")
    # x and y are read from the coordinate sequence, never through WKT.
    coordinates_from_input(point.x, point.y)
