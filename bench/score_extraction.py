"""Score the article extractor against hand-coded articles (held-out benchmark or the test corpus).

    DJANGO_DEBUG=true .venv/bin/python bench/score_extraction.py                 # bench/heldout (articles the extractor was not tuned on)
    DJANGO_DEBUG=true .venv/bin/python bench/score_extraction.py --corpus tests  # incidents/tests/articles
    DJANGO_DEBUG=true .venv/bin/python bench/score_extraction.py --corpus heldout2  # also heldout3, real-dev
    DJANGO_DEBUG=true .venv/bin/python bench/score_extraction.py path/to/folder  # any folder of NAME.txt|.html + NAME.expected.json
    add --quiet to print only the tables, without the per-article details
bench/ablation.py runs this scorer with each rule family switched off (what each family adds and costs).

Each article goes through intake (`text_from_upload`) and `pipeline.extract` with matchers built from the shipped
reference files (`incidents.extraction.scoring`, as the extraction tests do); no database and no pytest are needed.
A coded incident is *found* by issue 10's rule (`scoring.found_by_issue_rule`): a proposed incident within 35 km of
the coded place (or the same country, both at region level), dated within a day of the coded date or inside the
coded range, with the same ACLED pair; each proposal is used for at most one coded incident, and proposals left over
are *extra*. Field accuracy is counted over found incidents; the date's is the share of found incidents whose date
(and range) is the coded one exactly. The extraction tests are stricter (`scoring.finds`: the coded place and day).
A coded statement is found when a proposed statement has the same speaker (same speaker_actor, or one speaker string
contains the other), the same kind and an overlapping span of text.
"""
import argparse
import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from incidents.extraction.intake import text_from_upload  # noqa: E402
from incidents.extraction.pipeline import extract  # noqa: E402
from incidents.extraction.scoring import (  # noqa: E402
    differences,
    exact_date,
    found_by_issue_rule,
    reference_matchers,
    same_place,
)
from incidents.extraction.serialize import draft_to_json  # noqa: E402

CORPORA = {"heldout": ROOT / "bench" / "heldout", "tests": ROOT / "incidents" / "tests" / "articles",
           "heldout2": ROOT / "bench" / "heldout2", "heldout3": ROOT / "bench" / "heldout3"}
# The real-article corpus (bench/real/README.md): codings committed, texts rebuilt into bench/real/texts.
REAL = ROOT / "bench" / "real"
REAL_PARTS = ("real-dev", "real-blind")
FIELDS = ("date", "weapon", "outcome", "count", "geo_precision", "killed", "injured", "actors", "verification")
# The counts of score_article's result that add up over a corpus (add_up).
TOTAL_KEYS = ("coded", "found", "extra", "exact", "date_ok", "date_total",
              "st_coded", "st_found", "st_kind", "st_extra", "absent", "absent_wrong")


def run(text, published, language, matchers):
    places, actors = matchers
    return draft_to_json(extract(text, published, language, places, actors))


def match_incidents(coded_list, proposed_list):
    """Return {coded index: proposed index} (one proposal per coded incident), and the coded incidents dated wrong."""
    used, pairs = set(), {}
    for c, coded in enumerate(coded_list):
        for p, proposed in enumerate(proposed_list):
            if p not in used and found_by_issue_rule(proposed, coded):
                pairs[c] = p
                used.add(p)
                break
    wrong_date = []
    for c, coded in enumerate(coded_list):
        if c in pairs:
            continue
        for p, proposed in enumerate(proposed_list):
            if p not in used and same_place(proposed, coded["location"]) and (
                proposed["event_type"], proposed["sub_event_type"]) == (coded["event_type"], coded["sub_event_type"]):
                wrong_date.append((c, proposed["date"]))
                break
    return pairs, wrong_date


def _span_of(text, excerpt):
    start = text.find(excerpt)
    return (start, start + len(excerpt)) if start >= 0 else None


def _same_speaker(proposed, coded):
    if coded["speaker_actor"] and proposed["speaker_actor"] == coded["speaker_actor"]:
        return True
    a, b = (proposed["speaker"] or "").casefold().strip(), (coded["speaker"] or "").casefold().strip()
    return bool(a and b) and (a in b or b in a)


def match_statements(text, coded_list, proposed_list):
    """Return (found, wrong_kind, extra): coded statements found, found but of another kind, proposals unmatched."""
    used, found, wrong_kind = set(), 0, 0
    for coded in coded_list:
        span = _span_of(text, coded["text"])
        candidates = [
            p for p, proposed in enumerate(proposed_list)
            if p not in used and span and proposed["span"][0] < span[1] and span[0] < proposed["span"][1]
            and _same_speaker(proposed, coded)
        ]
        exact = [p for p in candidates if proposed_list[p]["kind"] == coded["kind"]]
        if exact:
            used.add(exact[0])
            found += 1
        elif candidates:
            wrong_kind += 1
    return found, wrong_kind, len(proposed_list) - len(used)


def folder_articles(folder):
    """Return (name, text path, coding path) of each article of `folder` that has a coding beside it."""
    return [
        (p.stem, p, p.parent / f"{p.stem}.expected.json")
        for p in sorted(folder.iterdir())
        if p.suffix in (".txt", ".html") and (p.parent / f"{p.stem}.expected.json").exists()
    ]


def real_articles(part):
    """Return the (name, text path, coding path) of one part of the real corpus, and the names whose text is missing."""
    names = json.loads((REAL / "split.json").read_text(encoding="utf-8"))[part.removeprefix("real-")]
    articles, missing = [], []
    for name in names:
        coding = REAL / "codings" / f"{name}.expected.json"
        text = REAL / "texts" / json.loads(coding.read_text(encoding="utf-8"))["source"]["file"]
        if text.exists():
            articles.append((name, text, coding))
        else:
            missing.append(name)
    return articles, missing


def corpus_articles(corpus=None, folder=None):
    """Return (label, articles, missing) of a named corpus or a folder (default bench/heldout).

    `articles` are (name, text path, coding path); `missing` names the real-corpus articles whose text is missing.
    Raises ValueError for a folder that does not exist.
    """
    if corpus in REAL_PARTS and not folder:
        articles, missing = real_articles(corpus)
        return f"{corpus} (bench/real)", articles, missing
    path = Path(folder).resolve() if folder else CORPORA[corpus or "heldout"]
    if not path.is_dir():
        raise ValueError(f"Not a folder: {path}")
    return (path.relative_to(ROOT) if path.is_relative_to(ROOT) else path), folder_articles(path), []


def score_article(path, expected_path, matchers):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = expected["source"]
    text = text_from_upload(path.read_bytes(), path.name)
    proposal = run(text, date.fromisoformat(source["published"]), source["language"], matchers)
    coded, proposed = expected["incidents"], proposal["incidents"]
    pairs, wrong_date = match_incidents(coded, proposed)
    right = Counter()
    notes = []
    exact = 0
    for c, p in pairs.items():
        diff = differences(proposed[p], coded[c])
        exact += not diff
        for field in FIELDS[1:]:
            right[field] += field not in diff
        if diff:
            notes.append(f"    {coded[c]['key']}: " + "; ".join(f"{k} {v[0]!r} (coded {v[1]!r})" for k, v in diff.items()))
    dated_wrong = dict(wrong_date)
    for c, incident in enumerate(coded):
        if c not in pairs:
            where = f"proposed on {dated_wrong[c]}" if c in dated_wrong else "not found"
            notes.append(f"    {incident['key']}: {where} (coded {incident['date']} {incident['location']['name_en']}, "
                         f"{incident['sub_event_type']})")
    used = set(pairs.values())
    for p, incident in enumerate(proposed):
        if p not in used:
            place = (incident["location"] or {}).get("name_en")
            notes.append(f"    extra: {incident['date']} {place} {incident['sub_event_type']} {incident['weapon']}")
    s_found, s_kind, s_extra = match_statements(text, expected["statements"], proposal["statements"])
    places = {(incident["location"] or {}).get("name_en") for incident in proposed}
    actors = {actor["name_en"] for incident in proposed for actor in incident["actors"]}
    wrong_places = sorted(places & set(expected.get("absent_places") or []))
    wrong_actors = sorted(actors & set(expected.get("absent_actors") or []))
    if wrong_places or wrong_actors:
        notes.append(f"    absent names proposed: {wrong_places + wrong_actors}")
    return {
        "language": source["language"],
        "coded": len(coded), "found": len(pairs), "extra": len(proposed) - len(pairs),
        "exact": exact,
        "date_ok": sum(exact_date(proposed[p], coded[c]) for c, p in pairs.items()), "date_total": len(pairs),
        "right": right,
        "st_coded": len(expected["statements"]), "st_found": s_found, "st_kind": s_kind, "st_extra": s_extra,
        "absent": len(expected.get("absent_places") or []) + len(expected.get("absent_actors") or []),
        "absent_wrong": len(wrong_places) + len(wrong_actors),
        "notes": notes,
    }


def ratio(a, b):
    return f"{a / b:.2f} ({a}/{b})" if b else "-"


def summary_table(total, right, by_language):
    """Issue 10's measures, all articles and per language, as a Markdown table."""
    columns = [("all", total, right)] + [
        (language, counts, Counter({k.removeprefix("right_"): v for k, v in counts.items() if k.startswith("right_")}))
        for language, counts in sorted(by_language.items())
    ]
    rows = [
        ("incident recall (≥ 0.80)", lambda t, r: ratio(t["found"], t["coded"])),
        ("incident precision (≥ 0.85)", lambda t, r: ratio(t["found"], t["found"] + t["extra"])),
        ("statements, speaker + kind (≥ 0.75)", lambda t, r: ratio(t["st_found"], t["st_coded"])),
        ("dates exact, of found (≥ 0.90)", lambda t, r: ratio(t["date_ok"], t["date_total"])),
        ("actor roles, of found (≥ 0.85)", lambda t, r: ratio(r["actors"], t["found"])),
    ]
    lines = ["| measure (target) | " + " | ".join(name for name, _, _ in columns) + " |",
             "|---|" + "---|" * len(columns)]
    for label, measure in rows:
        lines.append(f"| {label} | " + " | ".join(measure(t, r) for _, t, r in columns) + " |")
    return "\n".join(lines)


def add_up(results):
    """Return (total, right, by_language): the TOTAL_KEYS counts of score_article results summed, the right fields
    summed, and per language the counts with the right fields as `right_<field>`."""
    total, right, by_language = Counter(), Counter(), {}
    for r in results:
        counts = by_language.setdefault(r["language"], Counter())
        for key in TOTAL_KEYS:
            total[key] += r[key]
            counts[key] += r[key]
        right.update(r["right"])
        counts.update({f"right_{field}": n for field, n in r["right"].items()})
    return total, right, by_language


def pct(a, b):
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", help="folder of articles (default bench/heldout)")
    parser.add_argument("--corpus", choices=sorted([*CORPORA, *REAL_PARTS]),
                        help="a named corpus instead of a folder (real-dev, real-blind: bench/real; score blind only "
                             "at the end of a round)")
    parser.add_argument("--quiet", action="store_true", help="tables only, no per-article details")
    args = parser.parse_args()
    try:
        label, paths, missing = corpus_articles(args.corpus, args.folder)
    except ValueError as error:
        sys.exit(str(error))
    if missing:
        print(f"MISSING TEXTS: {len(missing)} of the {len(missing) + len(paths)} articles have no text in "
              f"bench/real/texts (bench/real/README.md says how to rebuild them); they are left out of every "
              f"figure below: {', '.join(missing)}\n")
    if not paths:
        sys.exit(f"No articles with a .expected.json in {label}")
    matchers = reference_matchers()

    print(f"Corpus: {label} ({len(paths)} articles)\n")
    header = f"{'article':<46} {'inc coded':>9} {'found':>5} {'extra':>5} {'all fields':>10}   {'st coded':>8} {'found':>5} {'kind?':>5} {'extra':>5}   {'absent hit':>10}"
    print(header)
    print("-" * len(header))
    results, details = [], []
    for stem, path, expected_path in paths:
        r = score_article(path, expected_path, matchers)
        results.append(r)
        exact = r["exact"]
        print(f"{stem[:46]:<46} {r['coded']:>9} {r['found']:>5} {r['extra']:>5} {exact:>10}   "
              f"{r['st_coded']:>8} {r['st_found']:>5} {r['st_kind']:>5} {r['st_extra']:>5}   {r['absent_wrong']:>4} of {r['absent']:<3}")
        if r["notes"]:
            details.append((stem, r["notes"]))
    total, right, by_language = add_up(results)
    print("-" * len(header))
    print(f"{'TOTAL':<46} {total['coded']:>9} {total['found']:>5} {total['extra']:>5} {total['exact']:>10}   "
          f"{total['st_coded']:>8} {total['st_found']:>5} {total['st_kind']:>5} {total['st_extra']:>5}   "
          f"{total['absent_wrong']:>4} of {total['absent']:<3}")
    print("(all fields: found incidents with every compared field right; kind?: statement found by speaker and text "
          "but coded as another kind)\n")

    print(f"Incidents found (place + date + ACLED pair): {pct(total['found'], total['coded'])}; "
          f"extra proposed: {total['extra']}; found with all fields right: {pct(total['exact'], total['coded'])}")
    print("Field accuracy over found incidents:")
    print(f"  {'date':<14} {pct(total['date_ok'], total['date_total'])}   "
          "(the coded day exactly, or the coded range exactly; a found incident may be a day off)")
    for field in FIELDS[1:]:
        print(f"  {field:<14} {pct(right[field], total['found'])}")
    print(f"Statements found (speaker + kind + overlapping text): {pct(total['st_found'], total['st_coded'])}; "
          f"found but other kind: {total['st_kind']}; extra proposed: {total['st_extra']}")
    print(f"Absent places/actors wrongly proposed: {total['absent_wrong']} of {total['absent']}")
    print()
    print(summary_table(total, right, by_language))

    if details and not args.quiet:
        print("\nDetails (proposed value, then the coding):")
        for stem, notes in details:
            print(f"  {stem}")
            print("\n".join(notes))


if __name__ == "__main__":
    main()
