"""GeoJSON serializers for the public read API."""
from rest_framework import serializers
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from incidents.models import Incident, IncidentActor, IncidentSource, Location


class LocationSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Location
        fields = ["name_en", "name_ar", "country_code"]


class IncidentActorSerializer(serializers.ModelSerializer):
    """An actor with its role in one incident."""

    name_en = serializers.CharField(source="actor.name_en", read_only=True)
    name_ar = serializers.CharField(source="actor.name_ar", read_only=True)

    class Meta:
        model = IncidentActor
        fields = ["name_en", "name_ar", "role"]


class IncidentSourceSerializer(serializers.ModelSerializer):
    """A source that reports the incident: the article, not its text."""

    title = serializers.CharField(source="source.title", read_only=True)
    publisher = serializers.CharField(source="source.publisher", read_only=True)
    url = serializers.CharField(source="source.url", read_only=True)
    published = serializers.DateField(source="source.published", read_only=True)

    class Meta:
        model = IncidentSource
        fields = ["title", "publisher", "url", "published"]


class IncidentSerializer(GeoFeatureModelSerializer):
    """A published incident as a GeoJSON Feature (expects `Incident.objects.with_related()`)."""

    # The primary key is both the Feature's "id" (what GIS tools read) and properties.id (what tables read).
    feature_id = serializers.IntegerField(source="pk", read_only=True)
    location = LocationSummarySerializer(read_only=True)
    actors = IncidentActorSerializer(source="incident_actors", many=True, read_only=True)
    sources = IncidentSourceSerializer(source="incident_sources", many=True, read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="incidents:incident-detail", read_only=True)

    class Meta:
        model = Incident
        geo_field = "point"
        id_field = "feature_id"
        fields = [
            "feature_id",
            "id",
            "title",
            "title_ar",
            "date_start",
            "date_end",
            "date_precision",
            "event_type",
            "sub_event_type",
            "weapon",
            "outcome",
            "count",
            "killed_best",
            "injured_best",
            "verification",
            "geo_precision",
            "location",
            "actors",
            "sources",
            "url",
        ]
        read_only_fields = fields
