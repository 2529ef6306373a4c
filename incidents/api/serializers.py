"""The shapes of the incident API's answers, for the OpenAPI schema.

The answers themselves are built by PostgreSQL (payloads.py); these serializers describe them, and a
test holds each response's members to the fields declared here.
"""
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from incidents.models import ActorRole, DatePrecision, GeoPrecision, Outcome, Verification, Weapon
from incidents.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES


class PlaceNameSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name_en = serializers.CharField()
    name_ar = serializers.CharField(help_text="Empty when not known.")


class IncidentLocationSerializer(PlaceNameSerializer):
    """The place an incident is recorded at."""

    country_code = serializers.CharField(help_text="ISO 3166-1 alpha-2, e.g. IQ.")
    admin1 = PlaceNameSerializer(allow_null=True, help_text="The governorate the place lies in, if known.")


class IncidentActorRefSerializer(serializers.Serializer):
    """An actor with its role in one incident."""

    id = serializers.IntegerField()
    name_en = serializers.CharField()
    name_ar = serializers.CharField()
    role = serializers.ChoiceField(choices=ActorRole.choices)


class IncidentSourceRefSerializer(serializers.Serializer):
    """A source that reports the incident: the article, not its text."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    publisher = serializers.CharField()
    url = serializers.CharField(help_text="Empty when the source has no address.")
    published = serializers.DateField()


class IncidentPropertiesSerializer(serializers.Serializer):
    """A published incident's properties."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    title_ar = serializers.CharField()
    date_start = serializers.DateField()
    date_end = serializers.DateField(help_text="Same as date_start when the date is known to the day.")
    date_precision = serializers.ChoiceField(choices=DatePrecision.choices)
    event_type = serializers.ChoiceField(choices=EVENT_TYPES, help_text="ACLED event type.")
    sub_event_type = serializers.ChoiceField(
        choices=sorted({sub for subs in SUB_EVENT_TYPES.values() for sub in subs}), help_text="ACLED sub-event type."
    )
    weapon = serializers.ChoiceField(choices=Weapon.choices)
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    count = serializers.IntegerField(help_text="Number of like events this record stands for.")
    killed_best = serializers.IntegerField(allow_null=True, help_text="Best estimate of the killed; null if unknown.")
    injured_best = serializers.IntegerField(allow_null=True, help_text="Best estimate of the injured; null if unknown.")
    verification = serializers.ChoiceField(choices=Verification.choices)
    geo_precision = serializers.ChoiceField(choices=GeoPrecision.choices, help_text="ACLED's 1 exact, 2 near, 3 region.")
    location = IncidentLocationSerializer()
    actors = IncidentActorRefSerializer(many=True)
    sources = IncidentSourceRefSerializer(many=True)
    updated_at = serializers.DateTimeField(help_text="When the incident, its actors or its evidence last changed.")
    url = serializers.URLField(help_text="The incident's public page.")


class PointGeometrySerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["Point"])
    coordinates = serializers.ListField(
        child=serializers.FloatField(), min_length=2, max_length=2, help_text="[longitude, latitude] (RFC 7946)."
    )


class IncidentFeatureSerializer(serializers.Serializer):
    """A published incident as a GeoJSON Feature; its id is also properties.id."""

    type = serializers.ChoiceField(choices=["Feature"])
    id = serializers.IntegerField()
    geometry = PointGeometrySerializer()
    properties = IncidentPropertiesSerializer()


class PageLinksSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Incidents the filters select, on every page.")
    next = serializers.URLField(allow_null=True, help_text="The next page (a cursor or page link), null on the last.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page of offset paging; null with cursors.")


# The pages are whole answers, not lists of items for the schema generator to wrap in a paginator's page.
@extend_schema_serializer(many=False)
class IncidentFeatureCollectionSerializer(PageLinksSerializer):
    """A page of incidents as a GeoJSON FeatureCollection (the default, application/geo+json)."""

    type = serializers.ChoiceField(choices=["FeatureCollection"])
    features = IncidentFeatureSerializer(many=True)


class IncidentRowSerializer(IncidentPropertiesSerializer):
    """A published incident as a plain JSON object (`?format=json`): the properties and the point."""

    longitude = serializers.FloatField()
    latitude = serializers.FloatField()


@extend_schema_serializer(many=False)
class IncidentJsonPageSerializer(PageLinksSerializer):
    """A page of incidents as plain JSON (`?format=json`)."""

    results = IncidentRowSerializer(many=True)


# One incident (the detail) also gives each source's evidence excerpts; the lists leave them out to stay lean.
class IncidentDetailSourceRefSerializer(IncidentSourceRefSerializer):
    """A source that reports the incident, with the excerpts of its text that are the evidence."""

    excerpts = serializers.ListField(
        child=serializers.CharField(), help_text="The source's evidence excerpts for this incident, in text order."
    )


class IncidentDetailPropertiesSerializer(IncidentPropertiesSerializer):
    sources = IncidentDetailSourceRefSerializer(many=True)


class IncidentDetailFeatureSerializer(IncidentFeatureSerializer):
    """One published incident as a GeoJSON Feature, its sources with their evidence excerpts."""

    properties = IncidentDetailPropertiesSerializer()


class IncidentDetailRowSerializer(IncidentDetailPropertiesSerializer, IncidentRowSerializer):
    """One published incident as a plain JSON object (`?format=json`), its sources with their excerpts."""


class RemovedIncidentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    removed_at = serializers.DateTimeField(help_text="When it was last unpublished or deleted.")


class RemovedIncidentsSerializer(serializers.Serializer):
    """Incidents that mirrors must drop: published once, unpublished or deleted since `since`."""

    since = serializers.DateTimeField()
    removed = RemovedIncidentSerializer(many=True)


# A 400: each malformed query parameter with what is wrong with it, e.g. {"date_from": ["Enter a date …"]}.
PARAMETER_ERRORS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
    "example": {"date_from": ["Enter a date as YYYY-MM-DD, for example 2023-12-09."]},
}


class NotFoundSerializer(serializers.Serializer):
    detail = serializers.CharField()
