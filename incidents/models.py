"""Marsad's data model: sources, locations, actors, incidents and statements."""
import hashlib
import math
import unicodedata

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.gis.geos import Polygon
from django.contrib.gis.measure import D
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import geo, taxonomy


class Language(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")


class GeoPrecision(models.IntegerChoices):
    """ACLED's geo-precision codes."""

    EXACT = 1, _("1 exact place")
    NEAR = 2, _("2 near a place / part of a region")
    REGION = 3, _("3 region or country only")


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    RANGE = "range", _("between start and end")


def aliases_field():
    """Return an array field of alternative names."""
    return ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text=_("Other spellings and names, in any language."),
        verbose_name=_("aliases"),
    )


def synthetic_field():
    """Return the flag of rows made by `manage.py generate_incidents`, which `--remove` deletes."""
    # A database default too, so rows inserted by SQL that does not name the column are real ones.
    return models.BooleanField(
        _("synthetic"),
        default=False,
        db_default=False,
        editable=False,
        help_text=_("Generated for measuring by manage.py generate_incidents; not real data."),
    )


def content_hash(text):
    """Return the SHA-256 of `text` after Unicode NFC normalization and whitespace folding."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


# One degree of a great circle on ST_DistanceSphere's sphere (radius 6,370,986 m), in kilometres.
KM_PER_DEGREE = 6370.986 * math.pi / 180


def near_condition(point, km):
    """Return a Q for rows whose `point` is within `km` kilometres of `point` (great-circle distance).

    A distance on a geometry in degrees cannot be a D() in ST_DWithin, so a box in degrees wide enough
    for `km` at this latitude lets the spatial index narrow the rows, and ST_DistanceSphere decides.
    """
    if point.srid not in (None, 4326):
        point = point.transform(4326, clone=True)
    # Queries near a point hash it through its WKT (ordered by the distance to it): refuse a point out
    # of range here rather than let GEOS abort the process (see the geo module).
    geo.validate_point(point)
    farthest_latitude = min(abs(point.y) + km / KM_PER_DEGREE, 89.0)
    degrees = km / (KM_PER_DEGREE * math.cos(math.radians(farthest_latitude))) * 1.01
    return Q(point__dwithin=(point, degrees)) & Q(point__distance_lte=(point, D(km=km)))


# --- Soft deletion --------------------------------------------------------------------------


class AliveManager(models.Manager):
    """The default manager of a soft-deletable model: the rows not in the trash.

    Everything public and every look-up (the API, the map, the selectors, extraction's gazetteer, the
    admin's selectors) reads through it, and so do related managers (``incident.actors``). The trash is
    ``Model.all_objects``; Django's base manager (foreign keys followed forward, saves) sees every row.
    """

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


def alive_manager(queryset_class):
    return AliveManager.from_queryset(queryset_class)()


class SoftDeletable(models.Model):
    """A row that deletion puts in the trash (``deleted_at``, ``deleted_by``) instead of removing it.

    incidents.trash deletes and restores (who and when go in the history too); uniqueness still counts
    the rows in the trash, and says so.
    """

    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    def validate_unique(self, exclude=None):
        # Django's unique checks read the default manager, which hides the trash: the database does not.
        errors = {}
        try:
            super().validate_unique(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if not field.unique or field.primary_key or (exclude and field.name in exclude) or field.name in errors:
                continue
            value = getattr(self, field.attname)
            if value is None or value == "":
                continue
            trashed = type(self).all_objects.filter(deleted_at__isnull=False, **{field.attname: value})
            if trashed.exclude(pk=self.pk).exists():
                errors[field.name] = [in_trash_message(self._meta.verbose_name, field.verbose_name)]
        if errors:
            raise ValidationError(errors)


def _in_trash_message(model_name, field_name):
    return _("A %(model)s in the trash has this %(field)s: a reviewer can restore it (list filter “in the trash”).") % {
        "model": model_name,
        "field": field_name,
    }


in_trash_message = lazy(_in_trash_message, str)


class NamedQuerySet(models.QuerySet):
    def current(self):
        """Return the rows not merged into another (a merged actor or place is hidden: incidents.merging)."""
        return self.filter(merged_into__isnull=True)

    def matching_name(self, name):
        """Return rows whose English, Arabic name or an alias equals `name` (case-insensitive)."""
        return self.filter(
            Q(name_en__iexact=name) | Q(name_ar=name) | Q(aliases__contains=[name])
        )


# --- Source ---------------------------------------------------------------------------------


class SourceQuerySet(models.QuerySet):
    def with_hash(self, text):
        """Return the sources whose text has the same content hash as `text`."""
        return self.filter(content_hash=content_hash(text))


class Source(SoftDeletable):
    """One article or report that incidents and statements are taken from."""

    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    published = models.DateField(_("published"), db_index=True)
    text = models.TextField(_("full text"))
    content_hash = models.CharField(_("content hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    synthetic = synthetic_field()

    history = HistoricalRecords()
    objects = alive_manager(SourceQuerySet)
    all_objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="source_text_not_empty"),
        ]

    def __str__(self):
        return f"{self.publisher or '?'} {self.published:%Y-%m-%d}: {self.title}"

    def clean(self):
        # content_hash is not a form field, so a form's unique check would miss a re-imported text.
        if self.text:
            stored = Source.all_objects.with_hash(self.text).exclude(pk=self.pk).first()
            if stored is not None:
                if stored.is_deleted:
                    message = _("This text is stored as the source “%(title)s”, which is in the trash: a reviewer "
                                "can restore it.")
                else:
                    message = _("This text is already stored as the source “%(title)s”.")
                raise ValidationError({"text": message % {"title": stored.title}})

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.text)
        if kwargs.get("update_fields") is not None and "text" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "content_hash"}
        super().save(*args, **kwargs)


# --- Location -------------------------------------------------------------------------------


class LocationKind(models.TextChoices):
    COUNTRY = "country", _("country")
    GOVERNORATE = "governorate", _("governorate")
    DISTRICT = "district", _("district")
    SUBDISTRICT = "subdistrict", _("sub-district")
    CITY = "city", _("city")
    TOWN = "town", _("town")
    VILLAGE = "village", _("village")
    NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")
    MILITARY_BASE = "military base", _("military base")
    AIRPORT = "airport", _("airport")
    EMBASSY = "embassy", _("embassy")
    FACILITY = "facility", _("facility")
    AREA = "area", _("area")


ADMIN_KINDS = (LocationKind.COUNTRY, LocationKind.GOVERNORATE, LocationKind.DISTRICT, LocationKind.SUBDISTRICT)


class CurrentManager(AliveManager):
    """The default manager of actors and places: the rows neither in the trash nor merged into another (lists,
    API, look-ups).

    `all_objects` has them all (the merge records and their undo read merged rows through it); a foreign key
    read from a row (incident.location) goes through the base manager, so it still finds a merged row.
    """

    def get_queryset(self):
        return super().get_queryset().filter(merged_into__isnull=True)


class MergeableMixin:
    """Unique checks that see merged rows too: the default manager (the form's check) hides them."""

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude=exclude)
        errors = {}
        for field in self._meta.fields:
            value = getattr(self, field.attname)
            if not field.unique or field.primary_key or value in (None, "") or field.name in (exclude or ()):
                continue
            taken = type(self).all_objects.filter(merged_into__isnull=False, **{field.attname: value})
            taken = taken.exclude(pk=self.pk).first()
            if taken is not None:
                message = _("This value belongs to “%(row)s”, merged into another; undo that merge to use it.")
                errors[field.name] = message % {"row": taken}
        if errors:
            raise ValidationError(errors)


def merged_into_field():
    """Return the link of a merged actor or place to the one it was merged into (set by incidents.merging)."""
    return models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="merged_from",
    )


class LocationQuerySet(NamedQuerySet):
    def countries(self):
        return self.filter(kind=LocationKind.COUNTRY)

    def governorates(self):
        return self.filter(kind=LocationKind.GOVERNORATE)

    def in_bbox(self, west, south, east, north):
        """Return locations whose point lies in the box (degrees, WGS84)."""
        return self.filter(point__within=Polygon.from_bbox((west, south, east, north)))

    def near(self, point, km):
        """Return locations within `km` kilometres of `point`."""
        return self.filter(near_condition(point, km))


class Location(MergeableMixin, SoftDeletable):
    """A named place: a country, an administrative unit, a settlement or a site such as a base."""

    slug = models.SlugField(
        _("key"), max_length=120, unique=True, help_text=_("Stable key used by the reference-data loader.")
    )
    name_en = models.CharField(_("English name"), max_length=200, db_index=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200, blank=True, db_index=True)
    aliases = aliases_field()
    kind = models.CharField(_("kind"), max_length=20, choices=LocationKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    country_code = models.CharField(
        _("country"), max_length=2, blank=True, db_index=True, help_text=_("ISO 3166-1 alpha-2, e.g. IQ, SY.")
    )
    governorate = models.ForeignKey(
        "self",
        verbose_name=_("governorate"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": LocationKind.GOVERNORATE},
        help_text=_("Filled from the parent chain when saved."),
    )
    point = models.PointField(
        _("point"), srid=4326, null=True, blank=True, spatial_index=True, validators=[geo.validate_point]
    )
    geo_precision = models.PositiveSmallIntegerField(
        _("geo precision"), choices=GeoPrecision.choices, default=GeoPrecision.EXACT
    )
    geonames_id = models.PositiveIntegerField(_("GeoNames id"), null=True, blank=True, unique=True)
    pcode = models.CharField(_("OCHA P-code"), max_length=20, null=True, blank=True, unique=True)
    notes = models.TextField(_("notes"), blank=True, help_text=_("Where the coordinates come from, and doubts."))
    merged_into = merged_into_field()

    history = HistoricalRecords()
    objects = CurrentManager.from_queryset(LocationQuerySet)()
    all_objects = LocationQuerySet.as_manager()

    class Meta:
        ordering = ["country_code", "name_en"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        default_manager_name = "objects"
        permissions = [("merge_location", _("Can merge places"))]
        indexes = [GinIndex(fields=["aliases"], name="location_aliases_gin")]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("id")), name="location_not_own_parent"),
            models.CheckConstraint(condition=~Q(name_en=""), name="location_name_en_not_empty"),
        ]

    def __str__(self):
        return f"{self.name_en} / {self.name_ar}" if self.name_ar else self.name_en

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A location cannot be inside itself.")})
            ancestor = ancestor.parent

    def save(self, *args, **kwargs):
        if self.parent_id and not self.country_code:
            self.country_code = self.parent.country_code
        is_new = self.pk is None
        is_new_governorate = is_new and self.kind == LocationKind.GOVERNORATE
        self.governorate = None if is_new_governorate else self.governorate_from_parents()
        super().save(*args, **kwargs)
        if is_new_governorate:
            # A governorate is its own governorate; it needs its primary key first. Derived, so no history row.
            self.governorate = self
            type(self).objects.filter(pk=self.pk).update(governorate=self)
        update_fields = kwargs.get("update_fields")
        if not is_new and (update_fields is None or {"parent", "kind"} & set(update_fields)):
            self.update_descendant_governorates()

    def update_descendant_governorates(self):
        """Give the places below this one, down to the next governorate, this one's governorate."""
        # Derived data, like the governorate of a new governorate: an update, so no history rows.
        target = self.governorate_id
        seen = {self.pk}
        parents = [self.pk]
        while parents:
            children = (
                type(self)
                .objects.filter(parent__in=parents)
                .exclude(kind=LocationKind.GOVERNORATE)
                .exclude(pk__in=seen)
            )
            parents = list(children.values_list("pk", flat=True))
            seen.update(parents)
            type(self).objects.filter(pk__in=parents).exclude(governorate_id=target).update(governorate_id=target)

    def governorate_from_parents(self):
        """Return the governorate this location is or lies in, following the parent chain."""
        node = self
        while node is not None:
            if node.kind == LocationKind.GOVERNORATE:
                return node
            node = node.parent
        return None


# --- Actor ----------------------------------------------------------------------------------


class ActorKind(models.TextChoices):
    STATE = "state", _("state")
    STATE_FORCE = "state force", _("state force")
    GOVERNMENT_BODY = "government body", _("government body")
    OFFICIAL_PERSON = "official person", _("official person")
    ARMED_GROUP = "militia or armed group", _("militia or armed group")
    COALITION = "coalition", _("coalition")
    MEDIA = "media outlet", _("media outlet")
    INTERNATIONAL = "international organization", _("international organization")
    UNIDENTIFIED = "unidentified", _("unidentified source or group")


class ActorQuerySet(NamedQuerySet):
    pass


class Actor(MergeableMixin, SoftDeletable):
    """A party that acts or speaks: a force, a government body, an armed group, a person, an outlet."""

    slug = models.SlugField(_("key"), max_length=120, unique=True)
    name_en = models.CharField(_("English name"), max_length=200, db_index=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200, blank=True, db_index=True)
    aliases = aliases_field()
    kind = models.CharField(_("kind"), max_length=30, choices=ActorKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        help_text=_("Umbrella group or parent body, e.g. Kata'ib Hezbollah → Islamic Resistance in Iraq."),
    )
    country_code = models.CharField(_("country"), max_length=2, blank=True)
    description = models.TextField(_("description"), blank=True)
    merged_into = merged_into_field()

    history = HistoricalRecords()
    objects = CurrentManager.from_queryset(ActorQuerySet)()
    all_objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        default_manager_name = "objects"
        permissions = [("merge_actor", _("Can merge actors"))]
        indexes = [GinIndex(fields=["aliases"], name="actor_aliases_gin")]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("id")), name="actor_not_own_parent"),
            models.CheckConstraint(condition=~Q(name_en=""), name="actor_name_en_not_empty"),
        ]

    def __str__(self):
        return f"{self.name_en} / {self.name_ar}" if self.name_ar else self.name_en

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An actor cannot be part of itself.")})
            ancestor = ancestor.parent


# --- Incident -------------------------------------------------------------------------------


class Weapon(models.TextChoices):
    ROCKET = "rocket", _("rocket")
    MISSILE = "missile", _("missile")
    DRONE = "drone", _("drone")
    AIRSTRIKE = "airstrike", _("air strike")
    ARTILLERY = "artillery", _("artillery / mortar")
    IED = "ied", _("IED / explosive device")
    SMALL_ARMS = "small arms", _("small arms")
    OTHER = "other", _("other")
    UNKNOWN = "unknown", _("unknown")


class Outcome(models.TextChoices):
    HIT = "hit", _("hit")
    INTERCEPTED = "intercepted", _("intercepted")
    FAILED = "failed", _("failed")
    UNKNOWN = "unknown", _("unknown")


class Verification(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    REPORTED = "reported", _("reported")
    CLAIMED = "claimed", _("claimed")
    CONTESTED = "contested", _("contested")
    DISCOUNTED = "discounted", _("discounted")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class ActorRole(models.TextChoices):
    PERPETRATOR = "perpetrator", _("perpetrator")
    TARGET = "target", _("target")
    CLAIMANT = "claimant", _("claimant")
    INTERCEPTOR = "interceptor", _("intercepted by")
    ASSOCIATED = "associated", _("associated")


EVENT_TYPE_CHOICES = [(value, _(value)) for value in taxonomy.EVENT_TYPES]
SUB_EVENT_TYPE_CHOICES = [
    (event, [(sub, _(sub)) for sub in subs]) for event, subs in taxonomy.SUB_EVENT_TYPES.items()
]


def valid_event_pair_condition():
    """Return a Q that holds only for ACLED's valid (event type, sub-event type) pairs."""
    condition = Q()
    for event, subs in taxonomy.SUB_EVENT_TYPES.items():
        condition |= Q(event_type=event, sub_event_type__in=subs)
    return condition


def _casualty_order_message(label):
    return _("%(label)s figures must go low ≤ best ≤ high.") % {"label": label}


# Lazy, so a constraint's message is translated when it is shown, not when the models are imported.
casualty_order_message = lazy(_casualty_order_message, str)


def casualty_constraints(prefix, label):
    """Return the constraints that keep `<prefix>_low <= _best <= _high`."""
    low, best, high = (f"{prefix}_low", f"{prefix}_best", f"{prefix}_high")
    message = casualty_order_message(label)
    return [
        models.CheckConstraint(
            condition=Q(**{f"{low}__isnull": True}) | Q(**{f"{best}__isnull": True}) | Q(**{f"{low}__lte": F(best)}),
            name=f"incident_{prefix}_low_le_best",
            violation_error_message=message,
        ),
        models.CheckConstraint(
            condition=Q(**{f"{high}__isnull": True}) | Q(**{f"{best}__isnull": True}) | Q(**{f"{best}__lte": F(high)}),
            name=f"incident_{prefix}_best_le_high",
            violation_error_message=message,
        ),
        models.CheckConstraint(
            # With a best figure the two constraints above already order low and high.
            condition=Q(**{f"{best}__isnull": False})
            | Q(**{f"{high}__isnull": True})
            | Q(**{f"{low}__isnull": True})
            | Q(**{f"{low}__lte": F(high)}),
            name=f"incident_{prefix}_low_le_high",
            violation_error_message=message,
        ),
    ]


class IncidentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def between(self, start=None, end=None):
        """Return incidents whose date range overlaps [start, end] (either bound may be None)."""
        qs = self
        if start is not None:
            qs = qs.filter(date_end__gte=start)
        if end is not None:
            qs = qs.filter(date_start__lte=end)
        return qs

    def in_bbox(self, west, south, east, north):
        return self.filter(point__within=Polygon.from_bbox((west, south, east, north)))

    def near(self, point, km):
        """Return incidents within `km` kilometres of `point`."""
        return self.filter(near_condition(point, km))

    def with_related(self):
        """Return the queryset with the rows that list views show fetched in bulk."""
        return self.select_related("location", "location__governorate").prefetch_related(
            models.Prefetch("incident_actors", queryset=IncidentActor.objects.select_related("actor")),
            models.Prefetch("incident_sources", queryset=IncidentSource.objects.select_related("source")),
        )


def _casualty_field(label):
    return models.PositiveIntegerField(label, null=True, blank=True)


class Incident(SoftDeletable):
    """What the editors record as having happened: one event, or a counted group of like events."""

    title = models.CharField(_("title"), max_length=300)
    title_ar = models.CharField(_("Arabic title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    date_start = models.DateField(_("date (start)"), db_index=True)
    date_end = models.DateField(
        _("date (end)"), db_index=True, blank=True, help_text=_("Same as the start when known to the day.")
    )
    date_precision = models.CharField(
        _("date precision"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    event_type = models.CharField(_("event type"), max_length=40, choices=EVENT_TYPE_CHOICES, db_index=True)
    sub_event_type = models.CharField(_("sub-event type"), max_length=50, choices=SUB_EVENT_TYPE_CHOICES)
    weapon = models.CharField(_("weapon"), max_length=20, choices=Weapon.choices, default=Weapon.UNKNOWN)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.UNKNOWN)
    count = models.PositiveIntegerField(
        _("count"), default=1, help_text=_("Number of like events this record stands for, e.g. 3 for 'three bases'.")
    )
    location = models.ForeignKey(
        Location, verbose_name=_("location"), on_delete=models.PROTECT, related_name="incidents"
    )
    point = models.PointField(
        _("point"),
        srid=4326,
        spatial_index=True,
        blank=True,
        validators=[geo.validate_point],
        help_text=_("Where to draw it; the location's point by default."),
    )
    geo_precision = models.PositiveSmallIntegerField(
        _("geo precision"), choices=GeoPrecision.choices, blank=True, help_text=_("The location's by default.")
    )
    killed_best = _casualty_field(_("killed (best)"))
    killed_low = _casualty_field(_("killed (low)"))
    killed_high = _casualty_field(_("killed (high)"))
    injured_best = _casualty_field(_("injured (best)"))
    injured_low = _casualty_field(_("injured (low)"))
    injured_high = _casualty_field(_("injured (high)"))
    verification = models.CharField(
        _("verification"), max_length=20, choices=Verification.choices, default=Verification.REPORTED
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    editor_note = models.TextField(_("editor's note"), blank=True)
    actors = models.ManyToManyField(Actor, through="IncidentActor", related_name="incidents")
    sources = models.ManyToManyField(Source, through="IncidentSource", related_name="incidents")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # The public text (titles, description, evidence excerpts) folded by marsad_search_normalize() for
    # the API's `q`. Written by database triggers (migration 0005), so every path that adds evidence
    # keeps it right; whatever Python puts here is replaced on save.
    search_text = models.TextField(_("search text"), blank=True, default="", db_default="", editable=False)
    synthetic = synthetic_field()
    # Moves on with every write of the row, by a database trigger (migration 0011), whoever writes it: the
    # admin, the API, the review page, a new source or actor (their triggers touch the incident). An editor's
    # save that names an older version is refused (optimistic locking: incidents.locking).
    version = models.PositiveIntegerField(_("version"), default=1, db_default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["search_text", "version"])
    objects = alive_manager(IncidentQuerySet)
    all_objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-date_start", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        # Reviewers have it (the groups of migration 0012): editors draft, reviewers publish (incidents.roles).
        permissions = [("publish_incident", _("Can publish and unpublish incidents"))]
        indexes = [
            models.Index(fields=["status", "date_start"], name="incident_status_date"),
            # The API reads published incidents only: its orderings (newest first by default, and by
            # update for mirrors) walk these indexes, so a page costs the same at any depth.
            models.Index(fields=["date_start", "id"], name="incident_published_date_id", condition=Q(status="published")),
            models.Index(fields=["updated_at", "id"], name="incident_published_updated", condition=Q(status="published")),
            # A box and a date range together (btree_gist), the map's everyday question.
            GistIndex(fields=["point", "date_end", "date_start"], name="incident_published_point_dates", condition=Q(status="published")),
            # "Is this incident published?" and "published incidents at this place" from the index alone: the
            # API asks them of every actor, source and place it lists (see incidents/api/resources.py).
            models.Index(fields=["id"], condition=Q(status="published"), name="incident_published_id"),
            models.Index(fields=["location"], condition=Q(status="published"), name="incident_published_location"),
            # The timeline, grid and summary and the count of a list read every published incident that the
            # filters let through: from this narrow index alone (an index-only scan), not from the wide rows
            # (titles, text). At 1,000,000 incidents the timeline by day went from 0.98 s to 0.37 s.
            models.Index(
                fields=["date_start", "event_type"],
                include=[
                    "id", "date_end", "sub_event_type", "count", "killed_best", "injured_best", "geo_precision",
                    "verification", "point",
                ],
                condition=Q(status="published"),
                name="incident_published_aggregates",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(date_end__gte=F("date_start")), name="incident_end_after_start"),
            models.CheckConstraint(condition=valid_event_pair_condition(), name="incident_valid_acled_type"),
            models.CheckConstraint(
                condition=Q(count__gte=1),
                name="incident_count_positive",
                violation_error_message=_("The count must be at least 1."),
            ),
            *casualty_constraints("killed", _("Killed")),
            *casualty_constraints("injured", _("Injured")),
        ]

    def __str__(self):
        return f"{self.date_start:%Y-%m-%d} {self.title}"

    def save(self, *args, **kwargs):
        if self.date_end is None:
            self.date_end = self.date_start
        if self.point is None and self.location_id:
            self.point = self.location.point
        # A form's choice field gives "" for a non-null integer left blank.
        if self.geo_precision in (None, "") and self.location_id:
            self.geo_precision = self.location.geo_precision
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("incidents:incident-detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.date_start and self.date_end and self.date_end < self.date_start:
            errors["date_end"] = _("The end date cannot be before the start date.")
        if self.event_type and self.sub_event_type and not taxonomy.is_valid_pair(self.event_type, self.sub_event_type):
            errors["sub_event_type"] = _("“%(sub)s” is not a sub-event type of “%(event)s”.") % {
                "sub": gettext(self.sub_event_type),
                "event": gettext(self.event_type),
            }
        for prefix, label in (("killed", _("Killed")), ("injured", _("Injured"))):
            low, best, high = (getattr(self, f"{prefix}_{part}") for part in ("low", "best", "high"))
            known = [value for value in (low, best, high) if value is not None]
            if known != sorted(known):
                # Every casualty constraint names `_best`, so keying the error on it keeps them from repeating it.
                errors[f"{prefix}_best"] = casualty_order_message(label)
        if self.point is None and self.location_id and self.location.point is None:
            errors["point"] = _("The location has no point: draw one on the map.")
        if errors:
            raise ValidationError(errors)


class IncidentFactQuerySet(models.QuerySet):
    """The facts answer the incident filters as incidents do: they are the published incidents already."""

    def published(self):
        return self

    between = IncidentQuerySet.between


class IncidentFact(models.Model):
    """One narrow row per published incident: the columns that counts, the grid and the timeline read.

    Database triggers (migration 0010) write it with the incident, in the same statement: it holds exactly the
    published incidents, never a draft. Aggregates read it whole, whatever the filters: over the incidents
    they went through a covering index at about 0.8 µs an entry, all 950,146 entries at 1,000,000 even for
    one event type (not its leading column), and a text query read each matching incident row three times
    (grid, timeline, count). The field names are the incident's, so the incident filters
    (incidents.api.filters) run on it (IncidentFactFilter); docs/PERFORMANCE.md has the figures.
    """

    incident = models.OneToOneField(
        Incident, primary_key=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    date_start = models.DateField()
    date_end = models.DateField()
    event_type = models.CharField(max_length=40, choices=EVENT_TYPE_CHOICES)
    sub_event_type = models.CharField(max_length=50, choices=SUB_EVENT_TYPE_CHOICES)
    count = models.PositiveIntegerField()
    location = models.ForeignKey(
        Location, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    point = models.PointField(srid=4326, null=True, spatial_index=False)
    longitude = models.FloatField(null=True)
    latitude = models.FloatField(null=True)
    geo_precision = models.PositiveSmallIntegerField(null=True)
    killed_best = models.PositiveIntegerField(null=True)
    injured_best = models.PositiveIntegerField(null=True)
    verification = models.CharField(max_length=20, choices=Verification.choices)
    # The incident's search text (titles, description, evidence, folded): the q filter's trigram index is
    # here, so that a search word is matched once, in the table the aggregates read.
    search_text = models.TextField()

    objects = IncidentFactQuerySet.as_manager()

    class Meta:
        # Written by triggers only. No index but the search's: the rest is read whole (a sequential scan is
        # what makes it fast).
        default_permissions = ()
        indexes = [GinIndex(fields=["search_text"], name="incident_fact_search", opclasses=["gin_trgm_ops"])]


class LinkManager(models.Manager):
    """The default manager of a link table: the links whose both ends are out of the trash.

    A deleted actor, source, statement or incident keeps its links (restoring it brings them back), but
    what reads them (the incident's actors, the API's payloads, the admin's inlines) does not see them.
    The base manager (cascades, purges) sees every link.
    """

    # A class attribute, not a constructor argument: related managers (incident.incident_actors) are
    # subclasses of this class built without arguments.
    ends = ()

    def get_queryset(self):
        return super().get_queryset().filter(**{f"{end}__deleted_at__isnull": True for end in self.ends})


class IncidentActorManager(LinkManager):
    ends = ("incident", "actor")


class IncidentSourceManager(LinkManager):
    ends = ("incident", "source")


class StatementIncidentManager(LinkManager):
    ends = ("statement", "incident")


class IncidentActor(models.Model):
    """An actor's part in an incident."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="incident_actors")
    actor = models.ForeignKey(Actor, verbose_name=_("actor"), on_delete=models.PROTECT, related_name="incident_roles")
    role = models.CharField(_("role"), max_length=20, choices=ActorRole.choices)

    history = HistoricalRecords()
    objects = IncidentActorManager()
    all_objects = models.Manager()

    class Meta:
        verbose_name = _("incident actor")
        verbose_name_plural = _("actors")
        # An actor's incidents from the index alone (the unique constraint's index leads with the incident).
        indexes = [models.Index(fields=["actor", "incident"], name="incident_actor_by_actor")]
        constraints = [
            models.UniqueConstraint(fields=["incident", "actor", "role"], name="incident_actor_role_unique"),
        ]

    def __str__(self):
        return f"{self.actor} ({self.get_role_display()})"


class EvidenceSpan(models.Model):
    """Character offsets of the evidence in a source's text."""

    start_offset = models.PositiveIntegerField(_("start offset"), null=True, blank=True)
    end_offset = models.PositiveIntegerField(_("end offset"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        if (self.start_offset is None) != (self.end_offset is None):
            missing = "start_offset" if self.start_offset is None else "end_offset"
            raise ValidationError({missing: _("Give both offsets or neither.")})
        if self.start_offset is not None and self.end_offset <= self.start_offset:
            raise ValidationError({"end_offset": _("The end offset must be after the start offset.")})
        source = getattr(self, "source", None)
        if source is not None and self.end_offset is not None and self.end_offset > len(source.text):
            raise ValidationError({"end_offset": _("The offsets run past the end of the source text.")})


def offsets_constraint(name):
    return models.CheckConstraint(
        condition=(Q(start_offset__isnull=True) & Q(end_offset__isnull=True))
        | Q(start_offset__isnull=False, end_offset__isnull=False, end_offset__gt=F("start_offset")),
        name=name,
    )


class IncidentSource(EvidenceSpan):
    """A source that reports an incident, with the excerpt that is the evidence."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="incident_sources")
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="incident_links")
    excerpt = models.TextField(_("evidence excerpt"), blank=True)

    history = HistoricalRecords()
    objects = IncidentSourceManager()
    all_objects = models.Manager()

    class Meta:
        verbose_name = _("incident source")
        verbose_name_plural = _("sources")
        indexes = [models.Index(fields=["source", "incident"], name="incident_source_by_source")]
        constraints = [
            offsets_constraint("incident_source_offsets_ordered"),
            models.UniqueConstraint(
                fields=["incident", "source", "start_offset"], name="incident_source_span_unique"
            ),
        ]

    def __str__(self):
        return str(self.source)


# --- Statement ------------------------------------------------------------------------------


class StatementKind(models.TextChoices):
    REPORT = "report", _("report")
    CLAIM = "claim", _("claim of responsibility")
    CONDEMNATION = "condemnation", _("condemnation")
    DENIAL = "denial", _("denial")
    DEMAND = "demand", _("demand")
    POSITION = "position", _("position")
    CASUALTY_FIGURES = "casualty figures", _("casualty figures")


class StatementQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("speaker_actor", "source").prefetch_related("incidents")


class Statement(SoftDeletable, EvidenceSpan):
    """What someone said, as a source reports it: kept as said, attributed, never rewritten."""

    speaker_actor = models.ForeignKey(
        Actor, verbose_name=_("speaker"), on_delete=models.PROTECT, null=True, blank=True, related_name="statements"
    )
    speaker_description = models.CharField(
        _("described speaker"),
        max_length=300,
        blank=True,
        help_text=_("As the source describes the speaker, e.g. “a security source in Kurdistan”."),
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="statements")
    date = models.DateField(_("date"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=StatementKind.choices)
    text = models.TextField(_("original text"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    translation = models.TextField(_("translation"), blank=True)
    editor_note = models.TextField(
        _("editor's note"), blank=True, help_text=_("Flag a doubtful or wrong claim here; the text stays as said.")
    )
    flagged = models.BooleanField(_("flagged"), default=False)
    incidents = models.ManyToManyField(Incident, through="StatementIncident", related_name="statements", blank=True)

    history = HistoricalRecords()
    objects = alive_manager(StatementQuerySet)
    all_objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            models.CheckConstraint(
                condition=Q(speaker_actor__isnull=False) | Q(speaker_description__regex=r"\S"),
                name="statement_has_speaker",
                violation_error_message=_("Name the speaker: choose an actor or describe the speaker."),
            ),
            models.CheckConstraint(condition=~Q(text=""), name="statement_text_not_empty"),
            offsets_constraint("statement_offsets_ordered"),
        ]

    def __str__(self):
        return f"{self.speaker}: {self.text[:80]}"

    @property
    def speaker(self):
        """Return the speaker as the source names or describes them."""
        if self.speaker_actor and self.speaker_description:
            return f"{self.speaker_description} ({self.speaker_actor.name_en})"
        return self.speaker_description or str(self.speaker_actor)


class StatementIncident(models.Model):
    """A statement is about an incident."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="statement_incidents")
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="incident_statements")

    history = HistoricalRecords()
    objects = StatementIncidentManager()
    all_objects = models.Manager()

    class Meta:
        verbose_name = _("incident the statement is about")
        verbose_name_plural = _("incidents the statement is about")
        constraints = [
            models.UniqueConstraint(fields=["statement", "incident"], name="statement_incident_unique"),
        ]

    def __str__(self):
        return str(self.incident)


# --- Import drafts --------------------------------------------------------------------------


class ImportDraftStatus(models.TextChoices):
    PENDING = "pending", _("waiting for review")
    CONFIRMED = "confirmed", _("confirmed")
    DISCARDED = "discarded", _("discarded")


class ImportDraft(models.Model):
    """An imported article and what extraction proposed from it, waiting for an editor's review.

    Nothing in it is a Source, Incident or Statement yet: confirming the review writes those, in one
    transaction, through the services.
    """

    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    published = models.DateField(_("published"))
    text = models.TextField(_("article text"))
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True, editable=False)
    proposal = models.JSONField(_("extracted draft"), help_text=_("What extraction proposed, as the dry-run JSON."))
    status = models.CharField(
        _("status"), max_length=20, choices=ImportDraftStatus.choices, default=ImportDraftStatus.PENDING
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("article import")
        verbose_name_plural = _("article imports")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(source__isnull=False), name="import_confirmed_has_source"
            ),
            # Two editors importing the same text at the same moment get one draft to review, not two.
            models.UniqueConstraint(
                fields=["content_hash"], condition=Q(status="pending"), name="import_one_pending_per_text"
            ),
        ]

    def __str__(self):
        return f"{self.published:%Y-%m-%d} {self.title}"

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)


# --- Merges of actors and places -----------------------------------------------------------


class MergeRecord(models.Model):
    """One merge of an actor or place into another (incidents.merging): what moved, so it can be undone."""

    # Each link moved or removed: {"model": label, "pk": …, "field": name, "action": "move" | "delete" | "kept",
    # "row": the removed row serialized, "old": the kept row's previous value}.
    moves = models.JSONField(_("what moved"), default=list, editable=False)
    aliases_added = models.JSONField(_("aliases added"), default=list, editable=False)
    summary = models.JSONField(_("summary"), default=dict, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("merged by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("merged"), auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("undone by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    undone_at = models.DateTimeField(_("undone"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]
        default_permissions = ()

    def __str__(self):
        return f"{self.merged} → {self.kept}"


class ActorMerge(MergeRecord):
    kept = models.ForeignKey(Actor, verbose_name=_("kept"), on_delete=models.PROTECT, related_name="+")
    merged = models.ForeignKey(Actor, verbose_name=_("merged"), on_delete=models.PROTECT, related_name="+")

    class Meta(MergeRecord.Meta):
        verbose_name = _("actor merge")
        verbose_name_plural = _("actor merges")


class LocationMerge(MergeRecord):
    kept = models.ForeignKey(Location, verbose_name=_("kept"), on_delete=models.PROTECT, related_name="+")
    merged = models.ForeignKey(Location, verbose_name=_("merged"), on_delete=models.PROTECT, related_name="+")

    class Meta(MergeRecord.Meta):
        verbose_name = _("place merge")
        verbose_name_plural = _("place merges")
