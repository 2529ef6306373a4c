"""Strict form fields for the API's query parameters: ASCII digits, ISO 8601 dates, finite degrees.

Python's int(), float() and strptime() read Arabic-Indic and fullwidth digits, "nan", "inf", "1_000"
and surrounding spaces; Django's date fields add local formats such as 01/02/2023, which reads as
January or February depending on who wrote it. A parameter means one thing or is refused with a 400.
"""
import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions

from incidents import geo

ASCII_INTEGER = re.compile(r"[0-9]{1,9}", re.ASCII)
ASCII_DECIMAL = re.compile(r"-?[0-9]{1,3}(\.[0-9]{1,15})?", re.ASCII)
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
ISO_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?", re.ASCII
)
ASCII_DISTANCE = re.compile(r"[0-9]{1,4}(\.[0-9]{1,6})?", re.ASCII)
COUNTRY_CODE = re.compile(r"[A-Za-z]{2}", re.ASCII)


class StrictIntegerField(forms.IntegerField):
    """A whole number written with the digits 0-9 and nothing else."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or not ASCII_INTEGER.fullmatch(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)


class IsoDateField(forms.DateField):
    """A calendar date written YYYY-MM-DD (ISO 8601), the only form that reads the same everywhere."""

    default_error_messages = {"invalid": _("Enter a date as YYYY-MM-DD, for example 2023-12-09.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:  # year 0000, month 13, 30 February
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class IsoDateTimeField(forms.DateTimeField):
    """An instant written in ISO 8601 (YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|±HH:MM]); UTC if no offset."""

    default_error_messages = {"invalid": _("Enter a date and time in ISO 8601, for example 2024-01-31T18:00:00Z.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or not ISO_DATETIME.fullmatch(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            instant = datetime.datetime.fromisoformat(value)
        except ValueError:  # month 13, hour 25
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if instant.tzinfo is None:
            return instant.replace(tzinfo=datetime.timezone.utc)
        # Real offsets run from -12:00 to +14:00; PostgreSQL refuses those past ±15:59 with an error.
        if abs(instant.utcoffset()) > datetime.timedelta(hours=14):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return instant.astimezone(datetime.timezone.utc)
        except OverflowError:  # 0001-01-01T00:00+01:00 is in year 0 in UTC
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class CountryCodeField(forms.CharField):
    """An ISO 3166-1 alpha-2 country code, in either case: return it in capitals."""

    default_error_messages = {"invalid": _("Give a country as its two-letter ISO code, for example IQ.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or not COUNTRY_CODE.fullmatch(value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return value.upper()


class LonLatField(forms.Field):
    """A point longitude,latitude in WGS84 degrees (GeoJSON's order): return the two floats."""

    default_error_messages = {
        "invalid": _("Give a point as longitude,latitude in degrees, for example 44.39,35.47."),
        "out_of_range": _("Longitudes run from -180 to 180 and latitudes from -90 to 90."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        parts = value.split(",") if isinstance(value, str) else []
        if len(parts) != 2 or not all(ASCII_DECIMAL.fullmatch(part) for part in parts):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return geo.coordinates_from_input(float(parts[0]), float(parts[1]))
        except ValidationError:
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range") from None


class DistanceKmField(forms.Field):
    """A distance in kilometres, more than 0 and at most `max_km`, written with the digits 0-9."""

    default_error_messages = {"invalid": _("Give a distance in kilometres above 0 and up to %(max)s, for example 25 or 2.5.")}

    def __init__(self, *, max_km=1000, **kwargs):
        self.max_km = max_km
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, str) or not ASCII_DISTANCE.fullmatch(value) or not 0 < float(value) <= self.max_km:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"max": self.max_km})
        return float(value)


class BBoxField(forms.Field):
    """A bounding box min_lon,min_lat,max_lon,max_lat in WGS84 degrees: return the four floats."""

    default_error_messages = {
        "invalid": _("Give a bounding box as four numbers in degrees: min_lon,min_lat,max_lon,max_lat."),
        "out_of_range": _("Longitudes run from -180 to 180 and latitudes from -90 to 90."),
        "inverted": _("The minimum longitude and latitude must not be greater than the maximum ones."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        parts = value.split(",") if isinstance(value, str) else []
        if len(parts) != 4 or not all(ASCII_DECIMAL.fullmatch(part) for part in parts):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        # The pattern allows only finite decimals; the range is the one every point from input keeps to.
        min_lon, min_lat, max_lon, max_lat = bbox = tuple(float(part) for part in parts)
        try:
            geo.coordinates_from_input(min_lon, min_lat)
            geo.coordinates_from_input(max_lon, max_lat)
        except ValidationError:
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range") from None
        if min_lon > max_lon or min_lat > max_lat:
            raise ValidationError(self.error_messages["inverted"], code="inverted")
        return bbox


def query_param(request, name, field):
    """Return query parameter `name` cleaned by form field `field`, or raise a 400 naming it."""
    try:
        return field.clean(request.query_params.get(name))
    except ValidationError as error:
        raise exceptions.ValidationError({name: error.messages}) from None
