"""Read paths: what the rest of Marsad reads from the database, composed from QuerySet methods."""
from .extraction.types import ActorEntry, PlaceEntry
from .models import Actor, Location


def _names(name_en, name_ar, aliases):
    """Return every name of a row once, English name first (the order the matchers index them in)."""
    return tuple(dict.fromkeys(name for name in (name_en, name_ar, *(aliases or ())) if name))


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
            names=_names(name_en, name_ar, aliases),
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
            names=_names(name_en, name_ar, aliases),
            kind=kind,
            parent_key=parent,
            country_code=country_code,
        )
        for slug, name_en, name_ar, aliases, kind, parent, country_code in rows
    ]
