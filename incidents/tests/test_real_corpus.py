"""The real-article corpus (bench/real): its codings are well formed and its split is fixed and whole.

The texts are not committed (bench/real/README.md), so the quotes are checked only where the texts are
present, by `bench/real_corpus.py`; everything else about a coding is checked here, on every run."""
import copy
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("real_corpus", ROOT / "bench" / "real_corpus.py")
real_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(real_corpus)

CODINGS = real_corpus.codings()
SPLIT = json.loads((real_corpus.REAL / "split.json").read_text(encoding="utf-8"))


def name(path):
    return path.name.removesuffix(".expected.json")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CODINGS, ids=name)
def test_every_coding_is_well_formed(path):
    assert real_corpus.coding_problems(load(path), None) == []


def test_the_corpus_is_large_enough_half_arabic_and_split_once():
    languages = [load(path)["source"]["language"] for path in CODINGS]
    assert len(CODINGS) >= 60 and languages.count("ar") * 2 >= len(CODINGS)
    assert sum(1 for path in CODINGS if not load(path)["incidents"]) >= 3
    assert sorted(SPLIT["dev"] + SPLIT["blind"]) == sorted(name(path) for path in CODINGS)
    assert not set(SPLIT["dev"]) & set(SPLIT["blind"]) and len(SPLIT["blind"]) >= 20
    urls = [load(path)["source"]["url"] for path in CODINGS]
    assert len(set(urls)) == len(urls)


def test_the_checker_finds_what_a_coder_could_get_wrong():
    coding = load(next(path for path in CODINGS if load(path)["incidents"]))
    broken = copy.deepcopy(coding)
    incident = broken["incidents"][0]
    incident["sub_event_type"] = "Peaceful protest"
    incident["location"]["name_en"] = "Atlantis"
    incident["actors"][0]["name_en"] = "Nobody in particular"
    incident["evidence"] = ["words that are in no article"]
    broken["statements"].append({"speaker": "x", "speaker_actor": None, "kind": "rumour", "date": "2023-13-01",
                                 "text": "also not in the article", "incidents": [99]})
    problems = real_corpus.coding_problems(broken, text="an article about something else")
    for expected in ("is not an ACLED pair", "'Atlantis'", "'Nobody in particular'", "evidence not found",
                     "kind 'rumour'", "'2023-13-01' is not", "indexes into the incident list", "text not found"):
        assert any(expected in problem for problem in problems), expected
