"""What each rule family of the extractor adds and costs (issue 10, item 3): an ablation over the scored corpora.

    DJANGO_DEBUG=true .venv/bin/python bench/ablation.py             # every family; real-dev + regression corpora
    DJANGO_DEBUG=true .venv/bin/python bench/ablation.py --family event:story_date --family statement:relay
    DJANGO_DEBUG=true .venv/bin/python bench/ablation.py --articles  # also name the articles each family changes

The rule families are named in incidents/extraction/event_families.py (switch MARSAD_EVENT_FAMILIES_OFF) and
incidents/extraction/statements/families.py (switch MARSAD_STATEMENT_FAMILIES_OFF). The families are read once, when
their module is imported, so each run is a child process (`--child`) with one family switched off by its environment
variable; it scores the corpora with bench/score_extraction.py's code and prints its totals as JSON. The parent runs the
baseline (every family on) and each family (`--jobs` at a time) and prints, per corpus, what each family ADDS: the
baseline's figure minus the figure with the family off. Incidents found, statements found (speaker + kind), dates
exact and actor roles right: a positive number is what the family gains. Extra incidents and extra statements proposed
(unmatched, or matched with another kind) and places or actors proposed that the coding lists as absent: a positive
number is extras the family proposes (its cost); a negative one, extras it removes.

The blind part of the real corpus is scored only at a round's end, by whoever merges the round: `--corpus real-blind`
is refused unless `--blind` is given too. Needs neither the database nor pytest.
"""
import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DEFAULT_CORPORA = ("real-dev", "tests", "heldout", "heldout2", "heldout3")
# Each family's side: its module's switch.
SWITCHES = {"event": "MARSAD_EVENT_FAMILIES_OFF", "statement": "MARSAD_STATEMENT_FAMILIES_OFF"}
# The measures compared, as (label, key of a child's totals, whether a rise is a gain).
MEASURES = (("inc", "found", True), ("extra", "extra", False), ("st", "st_found", True),
            ("st extra", "st_extra", False), ("dates", "date_ok", True), ("roles", "roles", True),
            ("absent", "absent_wrong", False))


def families():
    """Return every family as 'side:name': event families in their module's order, then statement families sorted."""
    from incidents.extraction import event_families
    from incidents.extraction.statements import families as statement_families

    return ([f"event:{name}" for name in event_families.FAMILIES]
            + [f"statement:{name}" for name in sorted(statement_families.FAMILIES)])


def child(corpora):
    """Score `corpora` with the families the environment switches off; return the totals as a JSON-ready dict."""
    import score_extraction as scorer

    from incidents.extraction import event_families
    from incidents.extraction.statements import families as statement_families

    matchers = scorer.reference_matchers()
    out = {
        "off": {"event": sorted(set(event_families.FAMILIES) - event_families.ACTIVE),
                "statement": sorted(statement_families.OFF)},
        "corpora": {},
    }
    for corpus in corpora:
        label, articles, missing = scorer.corpus_articles(corpus)
        results, per_article = [], {}
        for name, path, coding in articles:
            r = scorer.score_article(path, coding, matchers)
            results.append(r)
            per_article[name] = {"found": r["found"], "extra": r["extra"], "st_found": r["st_found"],
                                 "st_extra": r["st_extra"], "date_ok": r["date_ok"], "roles": r["right"]["actors"],
                                 "absent_wrong": r["absent_wrong"]}
        total, right, by_language = scorer.add_up(results)
        out["corpora"][corpus] = {
            "label": str(label), "articles": len(articles), "missing": missing,
            "total": {**total, "roles": right["actors"]},
            "by_language": {language: {**{k: counts[k] for k in scorer.TOTAL_KEYS}, "roles": counts["right_actors"]}
                            for language, counts in sorted(by_language.items())},
            "per_article": per_article,
        }
    return out


def run_child(family, corpora):
    """Run a child process with `family` ('side:name', or None for the baseline) switched off; return its JSON."""
    env = dict(os.environ)
    for variable in SWITCHES.values():
        env.pop(variable, None)
    if family:
        side, name = family.split(":", 1)
        env[SWITCHES[side]] = name
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *[f"--corpus={c}" for c in corpora]]
    if "real-blind" in corpora:
        command.append("--blind")
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(f"{family or 'baseline'}: child failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def adds(baseline, off, key):
    return baseline[key] - off[key]


def signed(n):
    return f"+{n}" if n > 0 else str(n) if n else "0"


def verdict(row_dev, row_others):
    """A hint for the reader: 'costs' if the family loses more than it gains over all corpora, 'weak' if it gains at
    most one item on the first corpus (dev) and nothing elsewhere; '' otherwise.

    Gains are incidents, statements, exact dates and right roles gained; when a family gains none of these, the
    extras it removes. Losses are those lost and the extras it adds. (A statement found once the family gives it its
    kind is also one extra fewer: that is one item, not two.)
    """
    def gains_losses(deltas):
        found = [deltas[label] for label, _, rise_is_gain in MEASURES if rise_is_gain]
        extras = [deltas[label] for label, _, rise_is_gain in MEASURES if not rise_is_gain]
        gains = sum(max(v, 0) for v in found) or sum(max(-v, 0) for v in extras)
        losses = sum(max(-v, 0) for v in found) + sum(max(v, 0) for v in extras)
        return gains, losses
    dev_gains, dev_losses = gains_losses(row_dev)
    other = [gains_losses(d) for d in row_others]
    gains, losses = dev_gains + sum(g for g, _ in other), dev_losses + sum(c for _, c in other)
    if losses > gains:
        return "costs"
    if dev_gains <= 1 and not any(g for g, _ in other):
        return "weak"
    return ""


def report(baseline, results, corpora, show_articles):
    """Print the ablation tables (Markdown)."""
    first, others = corpora[0], corpora[1:]
    print("Baseline (every family on):\n")
    print("| corpus | articles | incidents found | extra proposed | statements found | extra statements | dates exact "
          "| roles right | absent names proposed |")
    print("|---|---|---|---|---|---|---|---|---|")
    for corpus in corpora:
        c = baseline["corpora"][corpus]
        t = c["total"]
        missing = f" ({len(c['missing'])} texts missing)" if c["missing"] else ""
        print(f"| {corpus} | {c['articles']}{missing} | {t['found']}/{t['coded']} | {t['extra']} | "
              f"{t['st_found']}/{t['st_coded']} | {t['st_extra']} | {t['date_ok']}/{t['date_total']} | "
              f"{t['roles']}/{t['found']} | {t['absent_wrong']}/{t['absent']} |")
    print(f"\nWhat each family ADDS (baseline minus family off). {first}: one column per measure; "
          f"{', '.join(others) or 'other corpora'}: the measures that move. extra, st extra, absent: + proposes extras "
          "(or places and actors the coding says are absent), - removes them. "
          "hint: weak = at most one dev item gained and nothing elsewhere; costs = loses more than it gains "
          "(bench/ablation.py, verdict()).\n")
    head = [f"{first} {label}" for label, _, _ in MEASURES] + list(others) + ["hint"]
    print("| family | " + " | ".join(head) + " |")
    print("|---|" + "---|" * len(head))
    for family, result in results:
        deltas = {}
        for corpus in corpora:
            b, o = baseline["corpora"][corpus]["total"], result["corpora"][corpus]["total"]
            deltas[corpus] = {label: adds(b, o, key) for label, key, _ in MEASURES}
        cells = [signed(deltas[first][label]) for label, _, _ in MEASURES]
        for corpus in others:
            moved = [f"{label} {signed(v)}" for label, v in deltas[corpus].items() if v]
            cells.append(", ".join(moved) or "·")
        cells.append(verdict(deltas[first], [deltas[c] for c in others]))
        print(f"| {family} | " + " | ".join(cells) + " |")
    if show_articles:
        print("\nArticles each family changes (measure: baseline minus family off):")
        for family, result in results:
            lines = []
            for corpus in corpora:
                base, off = baseline["corpora"][corpus]["per_article"], result["corpora"][corpus]["per_article"]
                for name in base:
                    moved = [f"{label} {signed(adds(base[name], off[name], key))}" for label, key, _ in MEASURES
                             if adds(base[name], off[name], key)]
                    if moved:
                        lines.append(f"    {corpus} {name}: {', '.join(moved)}")
            print(f"  {family}:" + ("" if lines else " no change"))
            if lines:
                print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", action="append",
                        help=f"a corpus of bench/score_extraction.py (repeatable; default "
                             f"{', '.join(DEFAULT_CORPORA)})")
    parser.add_argument("--family", action="append",
                        help="a family as event:NAME or statement:NAME (repeatable; default every family)")
    parser.add_argument("--jobs", type=int, default=2, help="child processes at a time (default 2)")
    parser.add_argument("--articles", action="store_true", help="also list the articles each family changes")
    parser.add_argument("--blind", action="store_true",
                        help="allow --corpus real-blind (only at a round's end, for the merger)")
    parser.add_argument("--child", action="store_true",
                        help="score the corpora with the families the environment switches off; print JSON")
    args = parser.parse_args()
    corpora = args.corpus or list(DEFAULT_CORPORA)
    if "real-blind" in corpora and not args.blind:
        sys.exit("real-blind is scored only at a round's end, by whoever merges the round: add --blind to do that.")
    every = families()
    chosen = args.family or every
    wrong = [f for f in chosen if f not in every]
    if wrong:
        sys.exit(f"Unknown family {', '.join(wrong)}: choose among {', '.join(every)}")
    if args.jobs < 1:
        sys.exit("--jobs must be at least 1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import score_extraction as scorer  # sets Django up

    known = sorted([*scorer.CORPORA, *scorer.REAL_PARTS])
    unknown = [c for c in corpora if c not in known]
    if unknown:
        sys.exit(f"Unknown corpus {', '.join(unknown)}: choose among {', '.join(known)}")
    if args.child:
        print(json.dumps(child(corpora)))
        return
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        baseline_job = pool.submit(run_child, None, corpora)
        jobs = [(family, pool.submit(run_child, family, corpora)) for family in chosen]
        baseline = baseline_job.result()
        results = [(family, job.result()) for family, job in jobs]
    for family, result in results:
        side, name = family.split(":", 1)
        if result["off"][side] != [name]:
            sys.exit(f"{family}: the child ran with {result['off']} switched off")
    report(baseline, results, corpora, args.articles)


if __name__ == "__main__":
    main()
