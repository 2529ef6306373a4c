"""Build the extraction entries from the shipped reference files, without a database (test helper)."""
from functools import lru_cache

from incidents import reference
from incidents.extraction.types import ActorEntry, PlaceEntry
from incidents.selectors import entry_names


@lru_cache(maxsize=1)
def place_entries():
    """Return a PlaceEntry for every gazetteer row, as `selectors.gazetteer_entries` returns them."""
    rows = reference.location_rows()
    by_slug = {row.slug: row for row in rows}
    return tuple(_place_entry(row, by_slug) for row in rows)


def _place_entry(row, by_slug):
    return PlaceEntry(
        key=row.slug,
        name_en=row.name_en,
        name_ar=row.name_ar,
        names=entry_names(row.name_en, row.name_ar, row.aliases),
        kind=row.kind,
        country_code=row.country_code,
        admin1=_governorate_name(row, by_slug),
        lat=row.lat,
        lon=row.lon,
        geo_precision=row.geo_precision,
    )


def _governorate_name(row, by_slug):
    """Return the English name of the governorate the row is or lies in, following parents; '' if none."""
    while row is not None:
        if row.kind == "governorate":
            return row.name_en
        row = by_slug.get(row.parent)
    return ""


@lru_cache(maxsize=1)
def actor_entries():
    """Return an ActorEntry for every starter actor, as `selectors.actor_entries` returns them."""
    return tuple(
        ActorEntry(
            key=row.slug,
            name_en=row.name_en,
            name_ar=row.name_ar,
            names=entry_names(row.name_en, row.name_ar, row.aliases),
            kind=row.kind,
            parent_key=row.parent,
            country_code=row.country_code,
        )
        for row in reference.actor_rows()
    )
