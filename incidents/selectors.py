"""Read paths: what the rest of Marsad reads from the database, composed from QuerySet methods."""
from datetime import timedelta

from django.contrib.gis.db.models.functions import Distance

from .extraction.types import ActorEntry, PlaceEntry, entry_names
from .models import Actor, ImportDraft, ImportDraftStatus, Incident, Location, Source, content_hash


def gazetteer_entries() -> list[PlaceEntry]:
    """Return every Location as the PlaceEntry extraction matches text against (one query)."""
    rows = Location.objects.order_by("pk").values_list(
        "slug", "name_en", "name_ar", "aliases", "kind", "country_code", "governorate__name_en", "point", "geo_precision"
    )
    return [
        PlaceEntry(
            key=slug,
            name_en=name_en,
            name_ar=name_ar,
            names=entry_names(name_en, name_ar, aliases),
            kind=kind,
            country_code=country_code,
            admin1=governorate or "",
            lat=point.y if point else None,
            lon=point.x if point else None,
            geo_precision=geo_precision,
        )
        for slug, name_en, name_ar, aliases, kind, country_code, governorate, point, geo_precision in rows
    ]


def actor_entries() -> list[ActorEntry]:
    """Return every Actor as the ActorEntry extraction matches text against (one query)."""
    rows = Actor.objects.order_by("pk").values_list(
        "slug", "name_en", "name_ar", "aliases", "kind", "parent__slug", "country_code"
    )
    return [
        ActorEntry(
            key=slug,
            name_en=name_en,
            name_ar=name_ar,
            names=entry_names(name_en, name_ar, aliases),
            kind=kind,
            parent_key=parent,
            country_code=country_code,
        )
        for slug, name_en, name_ar, aliases, kind, parent, country_code in rows
    ]


# Likely duplicates of a proposed incident: a nearby place, a date a day or two apart, the same type.
DUPLICATE_KM = 25
DUPLICATE_DAYS = 2


def incident_likely_duplicates(
    *, point, date_start, date_end=None, event_type, location=None, km=DUPLICATE_KM, days=DUPLICATE_DAYS, limit=5
):
    """Return stored incidents that may be the proposed one: within `km` of `point` (or at `location`
    when there is no point), dated within `days` of it and of the same event type, nearest first."""
    if point is None and location is None:
        return Incident.objects.none()
    incidents = Incident.objects.filter(event_type=event_type).select_related("location")
    if date_start is not None:
        incidents = incidents.between(date_start - timedelta(days=days), (date_end or date_start) + timedelta(days=days))
    if point is None:
        return incidents.filter(location=location).order_by("-date_start", "-id")[:limit]
    return incidents.near(point, km).annotate(distance=Distance("point", point)).order_by("distance", "-date_start")[
        :limit
    ]


def locations_nearest(*, point, km=50, limit=6):
    """Return the gazetteer places within `km` of `point`, nearest first (for choosing one on a map)."""
    return Location.objects.near(point, km).annotate(distance=Distance("point", point)).order_by("distance")[:limit]


def text_already_imported(text):
    """Return (the source that stores this text, the import of it waiting for review): at most one is not None.

    The one check of "already stored / waiting for review": `importing.import_article` makes it for the
    admin's import page and the `import_article` command alike, which report its answer each in its way.
    """
    # A source in the trash still stores the text: the answer says so (source.is_deleted), never a second copy.
    source = Source.all_objects.with_hash(text).first()
    return source, (import_draft_pending_with_text(text) if source is None else None)


def import_draft_pending_with_text(text):
    """Return the import of the same text (by content hash) that still waits for review, if any."""
    return (
        ImportDraft.objects.filter(content_hash=content_hash(text), status=ImportDraftStatus.PENDING)
        .order_by("-created_at")
        .first()
    )
