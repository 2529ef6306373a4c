"""bench/ablation.py: the child mode's JSON, the parent's table of what a family adds, and the blind part refused.

The ablation runs the scorer in child processes with one rule family switched off by its environment variable.
statement:toll_predicate is the known family: on bench/heldout3 it finds one statement (the casualty figures of
ar_m2_kirkuk_strike_shafaq) that without it is found with another kind.
Each test starts one to three child processes of a few seconds each.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "ablation.py"
SCORER_KEYS = {"coded", "found", "extra", "exact", "date_ok", "date_total", "st_coded", "st_found", "st_kind",
               "st_extra", "absent", "absent_wrong", "roles"}


def run(arguments, **switches):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARSAD_") or not k.endswith("_FAMILIES_OFF")}
    env.update(switches, DJANGO_DEBUG="true")
    return subprocess.run([sys.executable, *arguments], capture_output=True, text=True, timeout=120, check=False,
                          cwd=ROOT, env=env)


def test_the_child_mode_prints_the_scorer_totals_as_json_without_pytest():
    blocked = ("import sys, runpy; sys.modules['pytest'] = None; sys.modules['incidents.tests'] = None; "
               f"sys.argv = ['ablation', '--child', '--corpus', 'tests']; runpy.run_path({str(SCRIPT)!r}, "
               "run_name='__main__')")
    done = run(["-c", blocked], MARSAD_STATEMENT_FAMILIES_OFF="toll_predicate")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["off"] == {"event": [], "statement": ["toll_predicate"]}
    tests = result["corpora"]["tests"]
    assert tests["label"] == "incidents/tests/articles" and tests["missing"] == []
    assert set(tests["total"]) == SCORER_KEYS
    assert tests["total"]["coded"] == tests["total"]["found"] == 36
    assert set(tests["by_language"]) == {"ar", "en"}
    assert sum(counts["coded"] for counts in tests["by_language"].values()) == 36
    assert len(tests["per_article"]) == tests["articles"] == 12
    assert all(set(figures) == {"found", "extra", "st_found", "st_extra", "date_ok", "roles", "absent_wrong"}
               for figures in tests["per_article"].values())


def test_the_table_shows_what_a_family_adds_per_corpus():
    done = run([str(SCRIPT), "--corpus", "heldout3", "--family", "statement:toll_predicate", "--articles"])
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("| heldout3 | 6 | ") for line in lines)
    row = next(line for line in lines if line.startswith("| statement:toll_predicate |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    # inc, extra, st, st extra, dates, roles, absent, hint: with the family one statement more is found with its
    # kind, so one fewer is left over; one item on the only corpus scored is weak
    assert cells[1:] == ["0", "0", "+1", "-1", "0", "0", "0", "weak"]
    assert "    heldout3 ar_m2_kirkuk_strike_shafaq: st +1, st extra -1" in lines


def test_the_blind_part_and_unknown_families_are_refused():
    done = run([str(SCRIPT), "--corpus", "real-blind"])
    assert done.returncode != 0 and "add --blind" in done.stderr and "|" not in done.stdout
    done = run([str(SCRIPT), "--corpus", "tests", "--family", "statement:no_such_family"])
    assert done.returncode != 0 and "Unknown family statement:no_such_family" in done.stderr


def test_the_hint_names_families_that_gain_one_item_or_cost_more_than_they_gain():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import ablation
    finally:
        sys.path.remove(str(ROOT / "bench"))

    def row(**moved):
        return {label: moved.get(label.replace(" ", "_"), 0) for label, _, _ in ablation.MEASURES}

    assert ablation.verdict(row(st=1, st_extra=-1), [row()]) == "weak"  # one statement given its kind: one item
    assert ablation.verdict(row(extra=-2), [row()]) == ""  # two extras removed
    assert ablation.verdict(row(inc=-1, extra=1, dates=-1, roles=1), [row()]) == "costs"
    assert ablation.verdict(row(st=1), [row(st=1, st_extra=-1)]) == ""  # one on dev, one on a regression corpus
