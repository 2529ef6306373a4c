"""The test-article corpus itself: every article passes intake, and every .expected.json is well formed
and speaks only of ACLED pairs, gazetteer places and known actors. No database."""
import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from incidents import taxonomy
from incidents.extraction.intake import detect_language, text_from_upload
from incidents.extraction.normalize import match_key
from incidents.extraction.scoring import actor_name_keys, gazetteer_countries
from incidents.models import (
    ActorRole,
    DatePrecision,
    GeoPrecision,
    Outcome,
    StatementKind,
    Verification,
    Weapon,
)

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"
ARTICLE_EXTENSIONS = (".txt", ".html", ".md")
CAMPAIGN_START, CAMPAIGN_END = date(2023, 10, 17), date(2024, 2, 10)
EXPECTED = sorted(ARTICLES_DIR.glob("*.expected.json"))


def article_path(expected_path):
    return expected_path.with_name(json.loads(expected_path.read_text(encoding="utf-8"))["source"]["file"])


@cache
def article_text(path):
    return text_from_upload(path.read_bytes(), path.name)


@pytest.fixture(params=EXPECTED, ids=lambda path: path.name.removesuffix(".expected.json"))
def expected(request):
    data = json.loads(request.param.read_text(encoding="utf-8"))
    data["_path"] = article_path(request.param)
    return data


def test_the_corpus_has_enough_articles_in_both_languages_and_some_html():
    languages = [json.loads(path.read_text(encoding="utf-8"))["source"]["language"] for path in EXPECTED]
    assert len(EXPECTED) >= 10
    assert languages.count("ar") >= 5 and languages.count("en") >= 5
    assert len(list(ARTICLES_DIR.glob("*.html"))) >= 2


def test_every_article_file_has_an_expected_file_and_the_reverse():
    articles = {
        path.name for path in ARTICLES_DIR.iterdir() if path.suffix in ARTICLE_EXTENSIONS and path.name != "README.md"
    }
    named = {article_path(path).name for path in EXPECTED}
    assert articles == named
    assert {path.name.removesuffix(".expected.json") for path in EXPECTED} == {Path(name).stem for name in named}


def test_every_article_is_described_in_the_readme():
    readme = (ARTICLES_DIR / "README.md").read_text(encoding="utf-8")
    for path in EXPECTED:
        assert article_path(path).name in readme


def test_article_passes_intake_in_its_language_at_wire_length(expected):
    path = expected["_path"]
    text = article_text(path)
    assert detect_language(text) == expected["source"]["language"]
    assert 150 <= len(text.split()) <= 500, f"{path.name}: {len(text.split())} words"
    assert text.split("\n", 1)[0] == expected["source"]["title"]


def test_source_dates_lie_in_the_campaign(expected):
    published = date.fromisoformat(expected["source"]["published"])
    assert CAMPAIGN_START <= published <= CAMPAIGN_END
    for incident in expected["incidents"]:
        assert CAMPAIGN_START <= date.fromisoformat(incident["date"]) <= published, incident["key"]
    for statement in expected["statements"]:
        assert date.fromisoformat(statement["date"]) <= published


def test_incidents_use_the_taxonomy_and_the_vocabularies(expected):
    keys = [incident["key"] for incident in expected["incidents"]]
    assert expected["incidents"] and len(keys) == len(set(keys))
    for incident in expected["incidents"]:
        assert taxonomy.is_valid_pair(incident["event_type"], incident["sub_event_type"]), incident["key"]
        assert incident["date_precision"] in DatePrecision.values
        assert incident["weapon"] in Weapon.values
        assert incident["outcome"] in Outcome.values
        assert incident["verification"] in Verification.values
        assert incident["location"]["geo_precision"] in GeoPrecision.values
        assert isinstance(incident["count"], int) and incident["count"] >= 1
        assert incident["actors"] and all(actor["role"] in ActorRole.values for actor in incident["actors"])


@pytest.mark.parametrize("field", ["killed", "injured"])
def test_casualties_are_ordered_non_negative_counts(expected, field):
    for incident in expected["incidents"]:
        figures = incident[field]
        assert set(figures) == {"best", "low", "high"}
        values = [figures[key] for key in ("low", "best", "high") if figures[key] is not None]
        assert all(isinstance(value, int) and value >= 0 for value in values)
        assert values == sorted(values), incident["key"]


def test_locations_are_gazetteer_names_no_more_precise_than_the_gazetteer(expected):
    for incident in expected["incidents"]:
        location = incident["location"]
        countries = gazetteer_countries().get(match_key(location["name_en"]), {})
        assert location["country"] in countries, f"{location['name_en']} ({location['country']}) not in the gazetteer"
        assert location["geo_precision"] >= countries[location["country"]], location["name_en"]


def test_actors_and_speakers_are_known_actors(expected):
    for incident in expected["incidents"]:
        for actor in incident["actors"]:
            assert match_key(actor["name_en"]) in actor_name_keys(), actor["name_en"]
    for statement in expected["statements"]:
        if statement["speaker_actor"] is not None:
            assert match_key(statement["speaker_actor"]) in actor_name_keys(), statement["speaker_actor"]


def test_evidence_and_statement_texts_are_quoted_exactly(expected):
    text = article_text(expected["_path"])
    for incident in expected["incidents"]:
        assert incident["evidence"]
        for evidence in incident["evidence"]:
            assert evidence in text, f"{incident['key']}: {evidence!r}"
    for statement in expected["statements"]:
        assert statement["text"] in text, statement["text"]
        assert statement["speaker"] and statement["kind"] in StatementKind.values
        assert all(0 <= index < len(expected["incidents"]) for index in statement["incidents"])


def test_traps_name_real_entries_that_the_coding_does_not_use(expected):
    """Place names used as ordinary words (حديثة, بلد, "hit") and actors only mentioned (the coalition
    against ISIS is not ISIS) must name real entries, absent from the coding."""
    locations = {match_key(incident["location"]["name_en"]) for incident in expected["incidents"]}
    for name in expected.get("absent_places", []):
        assert match_key(name) in gazetteer_countries() and match_key(name) not in locations, name
    actors = {match_key(actor["name_en"]) for incident in expected["incidents"] for actor in incident["actors"]}
    actors |= {match_key(statement["speaker_actor"] or "") for statement in expected["statements"]}
    for name in expected.get("absent_actors", []):
        assert match_key(name) in actor_name_keys() and match_key(name) not in actors, name
