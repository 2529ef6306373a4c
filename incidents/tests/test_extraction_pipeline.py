"""The extraction pipeline on real text: the seed article and the twelve test articles with their codings.

Each article runs through intake (`text_from_upload`) and `pipeline.extract` with matchers built once
from the shipped reference files, and is compared with the coding an editor would publish
(`articles/README.md` gives the conventions). No mocks: the same code the import page runs.
"""
import json
import subprocess
import sys
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from incidents import taxonomy
from incidents.extraction.actors import ActorMatcher
from incidents.extraction.intake import text_from_upload
from incidents.extraction.pipeline import extract
from incidents.extraction.places import PlaceMatcher
from incidents.extraction.scoring import (
    actor_entries,
    differences,
    finds,
    place_entries,
)
from incidents.extraction.serialize import draft_to_json

ARTICLES = Path(__file__).parent / "articles"
SEED = Path(__file__).resolve().parents[1] / "data" / "seed"
ARTICLE_FILES = sorted(path for path in ARTICLES.iterdir() if path.suffix in (".txt", ".html"))


@lru_cache(maxsize=1)
def matchers():
    return PlaceMatcher(place_entries()), ActorMatcher(actor_entries())


def run(text, published, language):
    places, actors = matchers()
    return draft_to_json(extract(text, published, language, places, actors))


@lru_cache(maxsize=None)
def article(name):
    """Return (expected coding, proposal) of a test article."""
    path = ARTICLES / name
    expected = json.loads((ARTICLES / f"{path.stem}.expected.json").read_text(encoding="utf-8"))
    source = expected["source"]
    text = text_from_upload(path.read_bytes(), path.name)
    return expected, run(text, date.fromisoformat(source["published"]), source["language"])


# --- Comparing a proposal with a coding ------------------------------------------------------------


def score(expected, proposal):
    """Return (found, exact, total): coded incidents found, found with every field right, coded incidents."""
    found = exact = 0
    for coded in expected["incidents"]:
        matches = [incident for incident in proposal["incidents"] if finds(incident, coded)]
        if matches:
            found += 1
            exact += not differences(matches[0], coded)
    return found, exact, len(expected["incidents"])


# --- The seed article -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def seed():
    text = (SEED / "000_41addf8ff6d70d2f.txt").read_text(encoding="utf-8")
    coding = json.loads((SEED / "000_41addf8ff6d70d2f.coding.json").read_text(encoding="utf-8"))
    return text, coding, run(text, date(2023, 12, 9), "ar")


def seed_incident(location_key):
    _, _, proposal = seed()
    found = [incident for incident in proposal["incidents"] if (incident["location"] or {}).get("key") == location_key]
    assert len(found) == 1, f"{location_key}: {len(found)} incidents"
    return found[0]


def test_seed_gives_exactly_its_five_incidents_without_duplicates():
    _, coding, proposal = seed()
    keys = sorted(incident["location"]["key"] for incident in proposal["incidents"])
    assert keys == sorted(incident["location"] for incident in coding["incidents"])


@pytest.mark.parametrize("position", range(5))
def test_seed_incident_matches_the_reviewed_coding(position):
    _, coding, _ = seed()
    coded = coding["incidents"][position]
    proposed = seed_incident(coded["location"])
    assert (proposed["event_type"], proposed["sub_event_type"]) == (coded["event_type"], coded["sub_event_type"])
    assert taxonomy.is_valid_pair(proposed["event_type"], proposed["sub_event_type"])
    assert proposed["weapon"] == coded["weapon"]
    assert proposed["outcome"] == coded["outcome"]
    assert proposed["count"] == coded["count"]
    assert proposed["location"]["geo_precision"] == coded["geo_precision"]
    assert proposed["killed"]["best"] == (coded.get("killed") or {}).get("best")
    proposed_parties = {(a["key"], a["role"]) for a in proposed["actors"] if a["role"] in ("perpetrator", "target")}
    coded_parties = {(a["actor"], a["role"]) for a in coded["actors"] if a["role"] in ("perpetrator", "target")}
    assert proposed_parties == coded_parties
    # The text does not say whose air defences shot the drones down (the coding's note): none is guessed.
    interceptors = {a["key"] for a in proposed["actors"] if a["role"] == "interceptor"}
    assert interceptors <= {a["actor"] for a in coded["actors"] if a["role"] == "interceptor"}


def test_seed_dates_yesterday_as_the_day_before_publication_but_not_the_earlier_strike():
    _, coding, _ = seed()
    for coded in coding["incidents"]:
        proposed = seed_incident(coded["location"])
        if coded["location"] == "gn-94787":  # the US strike near Kirkuk, "في أعقاب" the attacks
            assert proposed["date"] in (None, coded["date_start"])
            assert proposed["date"] != "2023-12-08"
            if proposed["date"] is None:
                assert proposed["date_end"] == "2023-12-08"  # before yesterday's attacks, not after them
        else:
            assert proposed["date"] == "2023-12-08"
            assert proposed["date_precision"] == "day"


def test_seed_embassy_attack_mentioned_twice_is_one_incident_with_both_sentences():
    text, coding, _ = seed()
    embassy = seed_incident("us-embassy-baghdad")
    coded = next(incident for incident in coding["incidents"] if incident["location"] == "us-embassy-baghdad")
    for excerpt in coded["evidence"]:
        assert any(excerpt in evidence for evidence in embassy["evidence"]), excerpt
    for (start, end), evidence in zip(embassy["spans"], embassy["evidence"]):
        assert text[start:end] == evidence


def test_seed_places_stay_as_vague_as_the_text():
    erbil = seed_incident("gn-95446")
    assert (erbil["location"]["qualifier"], erbil["location"]["geo_precision"]) == ("north of", 2)
    syria = seed_incident("sy")
    assert (syria["location"]["geo_precision"], syria["count"]) == (3, 3)


def test_seed_incidents_have_titles_in_both_languages():
    _, _, proposal = seed()
    for incident in proposal["incidents"]:
        assert incident["title"] and incident["title_ar"]
    assert seed_incident("us-embassy-baghdad")["title"] == "Rocket attack on US Embassy in Baghdad"


def test_seed_cumulative_figures_are_not_incidents():
    """"About 80 attacks since mid-October" and "5 strikes in Iraq and Syria" stay statements."""
    _, _, proposal = seed()
    tallies = ("80 هجومًا", "5 ضربات")
    for incident in proposal["incidents"]:
        assert not any(tally in evidence for tally in tallies for evidence in incident["evidence"])


# --- The twelve test articles -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_article_gives_its_coded_incidents(path):
    """Each coded incident is proposed with its fields and parties; nothing else is proposed."""
    expected, proposal = article(path.name)
    problems = []
    for coded in expected["incidents"]:
        matches = [incident for incident in proposal["incidents"] if finds(incident, coded)]
        if not matches:
            problems.append(f"{coded['key']}: not found")
        elif differences(matches[0], coded):
            problems.append(f"{coded['key']}: {differences(matches[0], coded)}")
    if len(proposal["incidents"]) != len(expected["incidents"]):
        problems.append(f"{len(proposal['incidents'])} incidents proposed, {len(expected['incidents'])} coded")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_article_words_that_are_place_or_actor_names_stay_words(path):
    expected, proposal = article(path.name)
    places = {(incident["location"] or {}).get("name_en") for incident in proposal["incidents"]}
    actors = {actor["name_en"] for incident in proposal["incidents"] for actor in incident["actors"]}
    assert not places & set(expected.get("absent_places") or [])
    assert not actors & set(expected.get("absent_actors") or [])


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_article_proposal_is_well_formed(path):
    """Valid ACLED pairs, choices the models accept, evidence quoted exactly from the stored text."""
    expected, proposal = article(path.name)
    text = text_from_upload(path.read_bytes(), path.name)
    for incident in proposal["incidents"]:
        assert taxonomy.is_valid_pair(incident["event_type"], incident["sub_event_type"])
        assert incident["weapon"] in {"rocket", "missile", "drone", "airstrike", "artillery", "ied", "small arms", "other", "unknown"}
        assert incident["outcome"] in {"hit", "intercepted", "failed", "unknown"}
        assert incident["verification"] in {"confirmed", "reported", "claimed", "contested", "discounted"}
        assert {actor["role"] for actor in incident["actors"]} <= {"perpetrator", "target", "claimant", "interceptor", "associated"}
        assert 0 < incident["confidence"] <= 1
        assert incident["evidence"]
        for (start, end), evidence in zip(incident["spans"], incident["evidence"]):
            assert text[start:end] == evidence


def test_corpus_scores_hold():
    """Recall of coded incidents and of fully right incidents over the twelve articles (measured, not hoped)."""
    found = exact = total = proposed = 0
    for path in ARTICLE_FILES:
        expected, proposal = article(path.name)
        article_found, article_exact, article_total = score(expected, proposal)
        found, exact, total = found + article_found, exact + article_exact, total + article_total
        proposed += len(proposal["incidents"])
    assert total == 36
    assert found >= FOUND_AT_LEAST
    assert exact >= EXACT_AT_LEAST
    assert proposed <= total + EXTRA_AT_MOST


# Measured on the corpus when these rules were written (see the report in the commit history); raise them
# as the extractor improves, never lower them to let a change through.
FOUND_AT_LEAST = 36
EXACT_AT_LEAST = 36
EXTRA_AT_MOST = 0


def test_the_scorer_runs_without_pytest_and_without_the_test_modules():
    """bench/score_extraction.py imports its comparisons from incidents.extraction.scoring, not from the tests."""
    script = Path(__file__).resolve().parents[2] / "bench" / "score_extraction.py"
    blocked = "import sys, runpy; sys.modules['pytest'] = None; sys.modules['incidents.tests'] = None; " \
              f"sys.argv = ['score', '--quiet', '--corpus', 'tests']; runpy.run_path({str(script)!r}, run_name='__main__')"
    done = subprocess.run([sys.executable, "-c", blocked], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "Incidents found (place + date + ACLED pair): 36/36 (100%)" in done.stdout
