"""Measure extraction against hand codings, without a database: the extraction tests and
bench/score_extraction.py both use it.

- `gazetteer_countries()` / `actor_name_keys()`: the names a coding may use (the corpus checks).
- `place_entries()` / `actor_entries()` / `reference_matchers()`: the matchers built from the shipped reference
  files (incidents/data), as `selectors.gazetteer_entries` and `selectors.actor_entries` build them from the
  database after `load_reference`.
- `same_place`, `finds`, `differences`: how a proposed incident (proposal JSON, `serialize.draft_to_json`) is
  compared with a coded one (the `.expected.json` shape of incidents/tests/articles).
"""
import math
from datetime import date, timedelta
from functools import lru_cache

from incidents import reference

from .actors import ActorMatcher
from .normalize import match_key
from .places import PlaceMatcher
from .types import ActorEntry, PlaceEntry, entry_names

# --- Reference entries from the shipped files ----------------------------------------------------


@lru_cache(maxsize=1)
def gazetteer_countries():
    """Return every folded gazetteer name and alias → {country code: best geo precision}: what a coding may name."""
    index = {}
    for row in reference.location_rows():
        for name in {row.name_en, row.name_ar, *row.aliases}:
            countries = index.setdefault(match_key(name), {})
            countries[row.country_code] = min(countries.get(row.country_code, 3), row.geo_precision)
    return index


@lru_cache(maxsize=1)
def actor_name_keys():
    """Return the folded names and aliases of every actor in the shipped actors file."""
    return frozenset(match_key(name) for row in reference.actor_rows() for name in (row.name_en, row.name_ar, *row.aliases))


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


@lru_cache(maxsize=1)
def reference_matchers():
    """Return (PlaceMatcher, ActorMatcher) built once from the shipped reference files."""
    return PlaceMatcher(place_entries()), ActorMatcher(actor_entries())


# --- Comparing a proposal with a coding ------------------------------------------------------------


def same_place(proposed, expected):
    """Return True if the proposed location is the coded place (by name), or the same country at region level."""
    location = proposed["location"]
    if location is None:
        return False
    if location["name_en"] == expected["name_en"]:
        return True
    return location["country"] == expected["country"] and location["geo_precision"] == expected["geo_precision"] == 3


def finds(proposed, expected):
    """Return True if the proposed incident is the coded one: same place, date and ACLED type."""
    return (
        same_place(proposed, expected["location"])
        and proposed["date"] == expected["date"]
        and (proposed["event_type"], proposed["sub_event_type"]) == (expected["event_type"], expected["sub_event_type"])
    )


# --- Issue 10's scoring rule: what counts as found on real articles ----------------------------

FOUND_WITHIN_KM = 35
EARTH_RADIUS_KM = 6371.0


@lru_cache(maxsize=1)
def _places_by_name():
    """Return {(folded name or alias, country code): PlaceEntry} of the gazetteer (the first entry wins)."""
    index = {}
    for entry in place_entries():
        for name in (entry.name_en, entry.name_ar, *entry.names):
            index.setdefault((match_key(name), entry.country_code), entry)
    return index


def coded_point(location):
    """Return (lat, lon) of a coded location (a gazetteer name or alias and its country), or None."""
    entry = _places_by_name().get((match_key(location["name_en"]), location["country"]))
    return None if entry is None or entry.lat is None else (entry.lat, entry.lon)


def distance_km(a, b):
    """Return the great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def near_place(proposed, expected):
    """Return True if the proposed place is the coded one, or within FOUND_WITHIN_KM of it (places, not regions)."""
    if same_place(proposed, expected):
        return True
    location = proposed["location"]
    if location is None or location.get("lat") is None or expected.get("geo_precision") == 3 or location["geo_precision"] == 3:
        return False
    point = coded_point(expected)
    return point is not None and distance_km((location["lat"], location["lon"]), point) <= FOUND_WITHIN_KM


def in_date_window(proposed, expected):
    """Return True if the proposed date is within a day of the coded one, or inside the coded range."""
    day = date.fromisoformat(proposed["date"])
    start = date.fromisoformat(expected["date"])
    end = date.fromisoformat(expected["date_end"]) if expected.get("date_end") else start
    return start - timedelta(days=1) <= day <= end + timedelta(days=1)


def found_by_issue_rule(proposed, expected):
    """Issue 10's rule on real articles: place within 35 km, date within a day or the coded range, same ACLED pair."""
    return (
        proposed["date"] is not None
        and near_place(proposed, expected["location"])
        and in_date_window(proposed, expected)
        and (proposed["event_type"], proposed["sub_event_type"]) == (expected["event_type"], expected["sub_event_type"])
    )


def exact_date(proposed, expected):
    """Return True if the proposal's dates are the coded ones exactly (start, and end for a coded range)."""
    if proposed["date"] != expected["date"]:
        return False
    return not expected.get("date_end") or proposed.get("date_end") == expected["date_end"]


def figure(value):
    """Return what a casualty figure says: the best number, else its lower bound."""
    return ("best", value["best"]) if value["best"] is not None else ("low", value["low"])


def roles(incident):
    return sorted((actor["name_en"], actor["role"]) for actor in incident["actors"])


def differences(proposed, expected):
    """Return the fields where a found incident differs from its coding: {field: (proposed, coded)}."""
    found, wanted = compared_fields(proposed), compared_fields(expected)
    return {key: (found[key], wanted[key]) for key in found if found[key] != wanted[key]}


def compared_fields(incident):
    """Return the fields of a proposed or coded incident that `differences` compares (both have this shape)."""
    return {
        "weapon": incident["weapon"],
        "outcome": incident["outcome"],
        "count": incident["count"],
        "geo_precision": incident["location"]["geo_precision"],
        "killed": figure(incident["killed"]),
        "injured": figure(incident["injured"]),
        "actors": roles(incident),
        "verification": incident["verification"],
    }
