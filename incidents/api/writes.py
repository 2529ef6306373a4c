"""Writes through the API: editors with a token write incidents, actors, locations and statements.

Who may write: a user authenticated by a token (issued and revoked in the admin, DRF's authtoken) or a
session, within their Django model permissions: POST needs `add_<model>`, PUT and PATCH `change_<model>`,
DELETE `delete_<model>`. Anonymous clients get a 401, users without the permission a 403, both in JSON.

What a writer may set on an incident: every field the editors set in the admin, its actors with their
roles and its evidence (spans of stored sources). Publishing is a change of status that needs the
permission to change incidents: a POST that asks for status "published" needs `change_incident` as well
as `add_incident` (a writer who may only add makes drafts); a PUT or PATCH (which already needs it) may
publish or unpublish. A published incident passes every check of the model, as the admin's publish does.

Every write goes through incidents/services.py, in one transaction, with the token's user recorded in
the history; a model check or a database constraint that fails is a 400 naming the field, and nothing
is written. Deleting a row that others still refer to is a 409.
"""
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings

from incidents import geo, locking, roles, services
from incidents.models import (
    Actor,
    Incident,
    IncidentActor,
    IncidentSource,
    Location,
    Source,
    Statement,
)

# --- Permissions and errors ---------------------------------------------------------------------


class ModelPermissions(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads; a write needs the user's Django permission to add, change or delete the model."""


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Other records still refer to this one: change or delete them first.")
    default_code = "conflict"


def _field_errors(error):
    """Return a Django ValidationError as a dict of field names to messages, DRF-style."""
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if name == NON_FIELD_ERRORS else name): messages
            for name, messages in error.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}


def _constraint_field(model, error):
    """Return the field a violated constraint is about, or None when it is about several or unknown."""
    constraint = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)
    for field in model._meta.concrete_fields:
        if constraint and field.unique and constraint.endswith(f"_{field.column}_key"):
            return field.name
    for item in model._meta.constraints:
        if item.name == constraint and len(getattr(item, "fields", ())) == 1:
            return item.fields[0]
    return None


class ServiceCall:
    """Run a service: its validation errors and constraint violations become 400s naming the field."""

    def __init__(self, model):
        self.model = model

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if isinstance(error, DjangoValidationError) and getattr(error, "code", None) == "protected":
            # A deletion that would leave public records pointing into the trash (incidents.trash).
            raise Conflict(" ".join(error.messages)) from error
        if isinstance(error, DjangoValidationError):
            raise exceptions.ValidationError(_field_errors(error)) from error
        if isinstance(error, ProtectedError):  # an IntegrityError, so first
            raise Conflict() from error
        if isinstance(error, IntegrityError):
            field = _constraint_field(self.model, error) or api_settings.NON_FIELD_ERRORS_KEY
            raise exceptions.ValidationError(
                {field: [_("This conflicts with a stored record: it must be unique or consistent with it.")]}
            ) from error
        return False


# --- Fields -------------------------------------------------------------------------------------


@extend_schema_field(
    {
        "type": "object",
        "description": "GeoJSON Point: longitude then latitude, WGS84 degrees.",
        "properties": {
            "type": {"type": "string", "enum": ["Point"]},
            "coordinates": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
        },
        "required": ["type", "coordinates"],
    }
)
class PointField(serializers.Field):
    """A GeoJSON Point, checked by incidents/geo.py before any geometry is built from it."""

    def to_internal_value(self, data):
        coordinates = data.get("coordinates") if isinstance(data, dict) and data.get("type") == "Point" else None
        if not isinstance(coordinates, list) or len(coordinates) != 2:
            raise serializers.ValidationError(_("Give the point as GeoJSON: {\"type\": \"Point\", \"coordinates\": [longitude, latitude]}."))
        try:
            return geo.point_from_input(*coordinates)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None

    def to_representation(self, value):
        return {"type": "Point", "coordinates": [value.x, value.y]}


# --- Serializers --------------------------------------------------------------------------------


class IncidentActorWriteSerializer(serializers.ModelSerializer):
    actor = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all(), help_text="Id of the actor.")

    class Meta:
        model = IncidentActor
        fields = ["actor", "role"]
        validators = []


class IncidentSourceWriteSerializer(serializers.ModelSerializer):
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), help_text="Id of the source.")
    start_offset = serializers.IntegerField(min_value=0, help_text="Where the evidence starts in the source's text.")
    end_offset = serializers.IntegerField(min_value=1, help_text="Where the evidence ends in the source's text.")

    class Meta:
        model = IncidentSource
        fields = ["source", "start_offset", "end_offset"]
        validators = []


class IncidentWriteSerializer(serializers.ModelSerializer):
    """An incident as editors write it: its fields, its actors with their roles, its evidence."""

    location = serializers.PrimaryKeyRelatedField(queryset=Location.objects.all(), help_text="Id of the location.")
    point = PointField(required=False, help_text="Where to draw it; the location's point when left out.")
    geo_precision = serializers.ChoiceField(
        choices=Incident._meta.get_field("geo_precision").choices, required=False,
        help_text="ACLED geo precision; the location's when left out.",
    )
    actors = IncidentActorWriteSerializer(source="incident_actors", many=True, required=False,
                                          help_text="The actors and their roles; a PUT or PATCH with it replaces them.")
    sources = IncidentSourceWriteSerializer(source="incident_sources", many=True, required=False,
                                            help_text="The evidence; a PUT or PATCH with it replaces it.")

    class Meta:
        model = Incident
        fields = [
            "id", "title", "title_ar", "description", "date_start", "date_end", "date_precision", "event_type",
            "sub_event_type", "weapon", "outcome", "count", "location", "point", "geo_precision",
            "killed_best", "killed_low", "killed_high", "injured_best", "injured_low", "injured_high",
            "verification", "status", "editor_note", "actors", "sources",
        ]  # fmt: skip
        read_only_fields = ["id"]
        # The database's check (incident_count_positive) names no field; the body's field is checked here.
        extra_kwargs = {"count": {"min_value": 1}}


class ActorWriteSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(max_length=120, required=False, allow_blank=True,
                                 help_text="Stable key; made from the English name when left out.")
    parent = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all(), required=False, allow_null=True,
                                                help_text="Id of the umbrella group or parent body.")

    class Meta:
        model = Actor
        fields = ["id", "slug", "name_en", "name_ar", "aliases", "kind", "parent", "country_code", "description"]
        read_only_fields = ["id"]


class LocationWriteSerializer(serializers.ModelSerializer):
    slug = serializers.SlugField(max_length=120, required=False, allow_blank=True,
                                 help_text="Stable key; made from the English name when left out.")
    parent = serializers.PrimaryKeyRelatedField(queryset=Location.objects.all(), required=False, allow_null=True,
                                                help_text="Id of the place this one is part of.")
    point = PointField(required=False, allow_null=True)

    class Meta:
        model = Location
        fields = ["id", "slug", "name_en", "name_ar", "aliases", "kind", "parent", "country_code", "point",
                  "geo_precision", "geonames_id", "pcode", "notes"]
        read_only_fields = ["id"]


class StatementWriteSerializer(serializers.ModelSerializer):
    speaker_actor = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all(), required=False, allow_null=True,
                                                       help_text="Id of the actor who spoke, if known.")
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), help_text="Id of the source.")
    incidents = serializers.PrimaryKeyRelatedField(queryset=Incident.objects.all(), many=True, required=False,
                                                   help_text="Ids of the incidents the statement is about.")

    class Meta:
        model = Statement
        fields = ["id", "speaker_actor", "speaker_description", "source", "date", "kind", "text", "language",
                  "translation", "editor_note", "flagged", "start_offset", "end_offset", "incidents"]
        read_only_fields = ["id"]


# --- Views --------------------------------------------------------------------------------------

WRITE_ERRORS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="The body is invalid: each field named with its messages."),
    401: OpenApiResponse(OpenApiTypes.OBJECT, description="No credentials, or an unknown token."),
    403: OpenApiResponse(OpenApiTypes.OBJECT, description="The user lacks the model permission this write needs."),
}
NOT_FOUND = {404: OpenApiResponse(OpenApiTypes.OBJECT, description="No such record.")}
CONFLICT = {409: OpenApiResponse(OpenApiTypes.OBJECT, description="Other records still refer to this one.")}
PRECONDITION_FAILED = {
    412: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description="If-Match names an older version than the stored one (or no ETag of ours): `detail` says who "
        "changed what since; the response's ETag is the current one.",
    )
}
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag of the version the change is based on (from a read or the last write): the write is "
    "refused with 412 if the incident changed since. Without it the write is not checked.",
)


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


class WriteMixin:
    """POST, PUT, PATCH and DELETE for a viewset, each one service call; the viewset's reads stay as they are.

    Subclasses set `write_serializer_class` and implement `write_create`, `write_update` and `write_delete`.
    """

    write_serializer_class = None

    def get_permissions(self):
        # Reads are everyone's (the same as the model permissions allow, and the schema then says so).
        if self.request is not None and self.request.method in permissions.SAFE_METHODS:
            return [permissions.AllowAny()]
        return [ModelPermissions()]

    def get_write_object(self):
        """Return the row to change, drafts included (reads stay published-only), or 404."""
        model = self.write_serializer_class.Meta.model
        instance = get_object_or_404(model.objects.all(), pk=self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        self.check_object_permissions(self.request, instance)
        return instance

    def write_response(self, instance, status_code):
        data = self.write_serializer_class(instance, context=self.get_serializer_context()).data
        return Response(data, status=status_code, headers=self.write_headers(instance))

    def write_headers(self, instance):
        """Return the headers of a write's response (an ETag, where the model has versions)."""
        return {}

    def check_precondition(self, instance):
        """Refuse a change of `instance` that a request's precondition rules out (inside the write's transaction)."""

    def _validated(self, instance=None, partial=False):
        serializer = self.write_serializer_class(
            instance, data=self.request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def create(self, request, *args, **kwargs):
        data = self._validated()
        with ServiceCall(self.write_serializer_class.Meta.model):
            instance = self.write_create(data, user=request.user)
        return self.write_response(instance, status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        instance = self.get_write_object()
        data = self._validated(instance, partial=partial)
        with transaction.atomic(), ServiceCall(self.write_serializer_class.Meta.model):
            self.check_precondition(instance)
            instance = self.write_update(instance, data, user=request.user)
        return self.write_response(instance, status.HTTP_200_OK)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        instance = self.get_write_object()
        with transaction.atomic(), ServiceCall(self.write_serializer_class.Meta.model):
            self.check_precondition(instance)
            self.write_delete(instance, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _write_schema(serializer, name, versioned=False):
    """Return the extend_schema decorators of a write mixin's four methods (`versioned`: If-Match and 412)."""
    parameters = [IF_MATCH] if versioned else []
    precondition = PRECONDITION_FAILED if versioned else {}
    return {
        "create": extend_schema(summary=f"Create {name}", request=serializer,
                                responses={201: serializer, **WRITE_ERRORS}),
        "update": extend_schema(summary=f"Replace {name}", request=serializer, parameters=parameters,
                                responses={200: serializer, **WRITE_ERRORS, **NOT_FOUND, **precondition}),
        "partial_update": extend_schema(summary=f"Change {name}", request=serializer, parameters=parameters,
                                        responses={200: serializer, **WRITE_ERRORS, **NOT_FOUND, **precondition}),
        "destroy": extend_schema(summary=f"Delete {name}", request=None, parameters=parameters,
                                 responses={204: None, 401: WRITE_ERRORS[401], 403: WRITE_ERRORS[403], **NOT_FOUND,
                                            **CONFLICT, **precondition}),
    }


def _documented(cls, serializer, name, versioned=False):
    """Give mixin `cls` its own copies of the four write methods, documented with its serializer.

    drf-spectacular's extend_schema_view does this for views, but needs a view's attributes; a mixin has
    none, and decorating WriteMixin's methods themselves would give every mixin the last one's body.
    """
    for method, decorator in _write_schema(serializer, name, versioned).items():
        def call(self, request, *args, _method=getattr(WriteMixin, method), **kwargs):
            return _method(self, request, *args, **kwargs)

        call.__name__ = method
        setattr(cls, method, decorator(call))
    return cls


class IncidentWriteMixin(WriteMixin):
    """Writes of incidents, with their actors and evidence, through incidents.services."""

    write_serializer_class = IncidentWriteSerializer

    def write_headers(self, instance):
        return {"ETag": locking.etag(instance.pk)}

    def check_precondition(self, instance):
        # If-Match: the change is based on that version (incidents.locking); without it, nothing to check.
        header = self.request.headers.get("If-Match")
        if header is None or header.strip() == "*":
            return
        opened = locking.parse_etag(header)
        if opened is None:
            message = _("If-Match names no version of this incident: send the ETag that reading it returned.")
            self.refuse_precondition(instance, message)
        try:
            locking.check(instance.pk, *opened)
        except locking.EditConflict as conflict:
            self.refuse_precondition(instance, conflict.message())

    @staticmethod
    def refuse_precondition(instance, message):
        """Answer 412 with `message` and the incident's current ETag."""
        error = PreconditionFailed(message)
        error.etag = locking.etag(instance.pk)
        raise error

    @staticmethod
    def publishing(data, user, *, current=None):
        """Apply the one publishing rule (incidents.roles) to `data`: a status asked for is refused (403, naming
        `status`) to a user who may not publish; without one, a published incident (`current`) they change
        goes back to review."""
        try:
            if "status" in data:
                data["status"] = roles.publishing_status(user, data["status"], requested=True)
            elif current is not None:
                status = roles.publishing_status(user, current)
                if status != current:
                    data["status"] = status
        except roles.PublishingRefused as refused:
            raise exceptions.PermissionDenied({"status": [refused.message]}) from None

    @staticmethod
    def _relations(data):
        actors = data.pop("incident_actors", None)
        sources = data.pop("incident_sources", None)
        return (
            None if actors is None else [services.ActorRole(actor=item["actor"], role=item["role"]) for item in actors],
            None if sources is None else [services.Evidence(**item) for item in sources],
        )

    def write_create(self, data, *, user):
        self.publishing(data, user)
        actors, evidence = self._relations(data)
        return services.incident_create(
            data=services.IncidentData(**data, actors=actors or [], evidence=evidence or []), user=user
        )

    def write_update(self, instance, data, *, user):
        self.publishing(data, user, current=instance.status)
        actors, evidence = self._relations(data)
        return services.incident_update(incident=instance, fields=data, actors=actors, evidence=evidence, user=user)

    def write_delete(self, instance, *, user):
        services.incident_delete(incident=instance, user=user)


class ActorWriteMixin(WriteMixin):
    write_serializer_class = ActorWriteSerializer

    def write_create(self, data, *, user):
        return services.actor_create(fields=data, user=user)

    def write_update(self, instance, data, *, user):
        return services.actor_update(actor=instance, fields=data, user=user)

    def write_delete(self, instance, *, user):
        services.actor_delete(actor=instance, user=user)


class LocationWriteMixin(WriteMixin):
    write_serializer_class = LocationWriteSerializer

    def write_create(self, data, *, user):
        return services.location_create(fields=data, user=user)

    def write_update(self, instance, data, *, user):
        return services.location_update(location=instance, fields=data, user=user)

    def write_delete(self, instance, *, user):
        services.location_delete(location=instance, user=user)


class StatementWriteMixin(WriteMixin):
    write_serializer_class = StatementWriteSerializer

    def write_create(self, data, *, user):
        incidents = data.pop("incidents", [])
        start, end = data.pop("start_offset", None), data.pop("end_offset", None)
        evidence = None
        if start is not None or end is not None:
            evidence = services.Evidence(source=data["source"], start_offset=start, end_offset=end)
        return services.statement_create(
            data=services.StatementData(**data, evidence=evidence, incidents=incidents), user=user
        )

    def write_update(self, instance, data, *, user):
        incidents = data.pop("incidents", None)
        return services.statement_update(statement=instance, fields=data, incidents=incidents, user=user)

    def write_delete(self, instance, *, user):
        services.statement_delete(statement=instance, user=user)


_documented(IncidentWriteMixin, IncidentWriteSerializer, "an incident", versioned=True)
_documented(ActorWriteMixin, ActorWriteSerializer, "an actor")
_documented(LocationWriteMixin, LocationWriteSerializer, "a location")
_documented(StatementWriteMixin, StatementWriteSerializer, "a statement")
