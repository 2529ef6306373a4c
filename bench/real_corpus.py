"""Check the real-article corpus (bench/real): every coding is well formed and speaks only of ACLED pairs,
gazetteer places, known actors and the shared vocabularies; where the article's text is present (it is not
committed: bench/real/README.md says how to rebuild it), every evidence string and statement text is quoted
exactly from the text as intake stores it.

    DJANGO_DEBUG=true .venv/bin/python bench/real_corpus.py            # every coding
    DJANGO_DEBUG=true .venv/bin/python bench/real_corpus.py NAME ...   # some codings (NAME without .expected.json)

Exit 0 when no coding has a problem. Missing texts are listed, and are not problems of the coding.
"""
import json
import os
import sys
from datetime import date
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from incidents import taxonomy  # noqa: E402
from incidents.extraction.intake import text_from_upload  # noqa: E402
from incidents.extraction.normalize import match_key  # noqa: E402
from incidents.extraction.scoring import actor_name_keys, gazetteer_countries  # noqa: E402
from incidents.models import (  # noqa: E402
    ActorRole,
    DatePrecision,
    GeoPrecision,
    Outcome,
    StatementKind,
    Verification,
    Weapon,
)

REAL = ROOT / "bench" / "real"
CODINGS = REAL / "codings"
TEXTS = REAL / "texts"
CAMPAIGN_START, CAMPAIGN_END = date(2023, 10, 1), date(2024, 12, 31)
SOURCE_KEYS = {"file", "title", "language", "published", "outlet", "url", "query"}
INCIDENT_KEYS = {
    "key", "date", "date_precision", "event_type", "sub_event_type", "weapon", "outcome", "count",
    "killed", "injured", "location", "actors", "verification", "evidence",
}


def proposed_actor_rows():
    """Actors the coders needed that incidents/data/actors.csv lacks: bench/real/new-actors-*.csv, same columns."""
    import csv

    for path in sorted(REAL.glob("new-actors-*.csv")):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                yield [row["name_en"], row["name_ar"], *row.get("aliases_en", "").split("|"), *row.get("aliases_ar", "").split("|")]


@cache
def actor_names():
    return actor_name_keys() | {match_key(name) for names in proposed_actor_rows() for name in names if name}


def codings(names=()):
    paths = sorted(CODINGS.glob("*.expected.json"))
    if names:
        paths = [path for path in paths if path.name.removesuffix(".expected.json") in names]
    return paths


def text_of(coding):
    """The article's text as intake stores it, or None when the file is not in bench/real/texts."""
    path = TEXTS / coding["source"]["file"]
    return text_from_upload(path.read_bytes(), path.name) if path.exists() else None


def _day(value, what, problems):
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        problems.append(f"{what}: {value!r} is not a YYYY-MM-DD date")


def coding_problems(coding, text):
    """Return the list of problems of one coding (text None: the quotes are not checked)."""
    problems = []
    source = coding.get("source", {})
    if missing := SOURCE_KEYS - set(source):
        problems.append(f"source lacks {sorted(missing)}")
    if source.get("language") not in ("ar", "en"):
        problems.append("source.language must be ar or en")
    published = _day(source.get("published"), "source.published", problems)
    if published and not CAMPAIGN_START <= published <= CAMPAIGN_END:
        problems.append(f"published {published} lies outside {CAMPAIGN_START}..{CAMPAIGN_END}")
    incidents = coding.get("incidents")
    if not isinstance(incidents, list) or not isinstance(coding.get("statements"), list):
        return problems + ["incidents and statements must be lists (empty when there are none)"]
    keys = [incident.get("key") for incident in incidents]
    if len(keys) != len(set(keys)):
        problems.append("incident keys repeat")
    for incident in incidents:
        key = incident.get("key")
        if missing := INCIDENT_KEYS - set(incident):
            problems.append(f"{key}: lacks {sorted(missing)}")
            continue
        day = _day(incident["date"], f"{key}: date", problems)
        if day and published and day > published:
            problems.append(f"{key}: dated after publication")
        if incident["date_precision"] == "range":
            _day(incident.get("date_end"), f"{key}: date_end (a range needs one)", problems)
        if not taxonomy.is_valid_pair(incident["event_type"], incident["sub_event_type"]):
            problems.append(f"{key}: {incident['event_type']} / {incident['sub_event_type']} is not an ACLED pair")
        for field, values in (
            ("date_precision", DatePrecision.values), ("weapon", Weapon.values), ("outcome", Outcome.values),
            ("verification", Verification.values),
        ):
            if incident[field] not in values:
                problems.append(f"{key}: {field} {incident[field]!r} not in {values}")
        if not (isinstance(incident["count"], int) and incident["count"] >= 1):
            problems.append(f"{key}: count must be an integer ≥ 1")
        for field in ("killed", "injured"):
            figures = incident[field]
            if not isinstance(figures, dict) or set(figures) != {"best", "low", "high"}:
                problems.append(f"{key}: {field} must be {{best, low, high}}")
                continue
            values = [figures[k] for k in ("low", "best", "high") if figures[k] is not None]
            if not all(isinstance(v, int) and v >= 0 for v in values) or values != sorted(values):
                problems.append(f"{key}: {field} must be ordered non-negative integers")
        location = incident["location"]
        countries = gazetteer_countries().get(match_key(location.get("name_en", "")), {})
        if location.get("country") not in countries:
            problems.append(f"{key}: place {location.get('name_en')!r} ({location.get('country')}) is not in the gazetteer")
        elif location.get("geo_precision") not in GeoPrecision.values:
            problems.append(f"{key}: geo_precision must be 1, 2 or 3")
        elif location["geo_precision"] < countries[location["country"]]:
            problems.append(f"{key}: {location['name_en']} is coded more precisely than the gazetteer knows it")
        if not incident["actors"]:
            problems.append(f"{key}: no actors")
        for actor in incident["actors"]:
            if actor.get("role") not in ActorRole.values:
                problems.append(f"{key}: role {actor.get('role')!r} not in {ActorRole.values}")
            if match_key(actor.get("name_en", "")) not in actor_names():
                problems.append(f"{key}: actor {actor.get('name_en')!r} is not in incidents/data/actors.csv nor in bench/real/new-actors-*.csv")
        if not incident["evidence"]:
            problems.append(f"{key}: no evidence")
        for evidence in incident["evidence"] if text is not None else ():
            if evidence not in text:
                problems.append(f"{key}: evidence not found in the text: {evidence!r}")
    for n, statement in enumerate(coding["statements"]):
        what = f"statement {n}"
        if not statement.get("speaker"):
            problems.append(f"{what}: no speaker")
        if statement.get("kind") not in StatementKind.values:
            problems.append(f"{what}: kind {statement.get('kind')!r} not in {StatementKind.values}")
        speaker_actor = statement.get("speaker_actor")
        if speaker_actor is not None and match_key(speaker_actor) not in actor_names():
            problems.append(f"{what}: speaker_actor {speaker_actor!r} is not in incidents/data/actors.csv nor in bench/real/new-actors-*.csv")
        day = _day(statement.get("date"), f"{what}: date", problems)
        if day and published and day > published:
            problems.append(f"{what}: dated after publication")
        if not all(isinstance(i, int) and 0 <= i < len(incidents) for i in statement.get("incidents", [None])):
            problems.append(f"{what}: incidents must be indexes into the incident list")
        if text is not None and statement.get("text") not in text:
            problems.append(f"{what}: text not found in the article: {statement.get('text')!r}")
    return problems


def main(names):
    failed, missing = 0, []
    for path in codings(names):
        coding = json.loads(path.read_text(encoding="utf-8"))
        text = text_of(coding)
        if text is None:
            missing.append(coding["source"]["file"])
        for problem in coding_problems(coding, text):
            failed += 1
            print(f"{path.name}: {problem}")
    checked = len(codings(names))
    print(f"{checked} codings checked, {failed} problems")
    if missing:
        print(f"{len(missing)} texts missing from {TEXTS.relative_to(ROOT)} (quotes not checked): {', '.join(missing)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
