"""Benchmark hostile uploads: how long intake and extraction take on adversarial files of growing size.

Run `.venv/bin/python bench/bench_adversarial_intake.py` against a database with the reference data
(`make bench` loads it). For each sample of `incidents.extraction.adversarial` and each size (up to
intake.MAX_BYTES) it prints the median, min and max over a few runs of: intake (file → text), extraction
(text → proposal, with the matchers the import page uses) and the total. Each run is a child process
killed at --cap seconds (shown as ">cap"), so that code which is quadratic on an input cannot hold the
bench for hours; run the same script in a checkout of an older commit to compare.

Options: --sizes 10000,50000,200000 (default: those and MAX_BYTES), --runs 3, --cap 30 (seconds),
--only TEXT (samples whose name contains TEXT), --intake-only.
"""
import argparse
import multiprocessing
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from incidents import importing  # noqa: E402
from incidents.extraction import intake  # noqa: E402
from incidents.extraction.adversarial import SAMPLES  # noqa: E402
from incidents.extraction.pipeline import extract  # noqa: E402
from incidents.extraction.serialize import draft_to_json  # noqa: E402

PUBLISHED = date(2024, 2, 10)
_FORK = multiprocessing.get_context("fork")


def _measure(sender, data, filename, places, actors, intake_only):
    """Send (outcome, intake seconds, extraction seconds) of one run, timing each stage as it ends."""
    started = time.perf_counter()
    try:
        text = intake.text_from_upload(data, filename)
        language = intake.detect_language(text)
    except intake.IntakeError:
        sender.send(("refused", time.perf_counter() - started, 0.0))
        return
    read = time.perf_counter() - started
    sender.send(("read", read, None))
    if intake_only:
        sender.send(("text", read, 0.0))
        return
    started = time.perf_counter()
    draft_to_json(extract(text, PUBLISHED, language, places, actors))
    sender.send(("text", read, time.perf_counter() - started))


def run_capped(cap, data, filename, places, actors, intake_only):
    """Return (outcome, intake seconds or None, extraction seconds or None) of one run killed at `cap`."""
    receiver, sender = _FORK.Pipe(duplex=False)
    child = _FORK.Process(target=_measure, args=(sender, data, filename, places, actors, intake_only), daemon=True)
    deadline = time.perf_counter() + cap
    child.start()
    sender.close()
    outcome, read, extracted = "capped", None, None
    try:
        while receiver.poll(max(0.0, deadline - time.perf_counter())):
            outcome, read, extracted = receiver.recv()
            if outcome != "read":
                break
        else:
            outcome = "capped"
    except EOFError:
        outcome = "crashed"
    finally:
        child.kill()
        child.join()
        receiver.close()
    return outcome, read, extracted


def figure(values, cap):
    """Return 'median (min–max)' seconds, with '>cap' for runs that were killed."""
    if not values or any(value is None for value in values):
        return f">{cap:g}".rjust(20)
    return f"{statistics.median(values):7.2f} ({min(values):.2f}–{max(values):.2f})".rjust(20)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=f"10000,50000,200000,{intake.MAX_BYTES}")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cap", type=float, default=30.0)
    parser.add_argument("--only", default="")
    parser.add_argument("--intake-only", action="store_true")
    options = parser.parse_args()
    places, actors = importing.matchers()
    sizes = [int(size) for size in options.sizes.split(",")]
    print(f"intake.MAX_BYTES = {intake.MAX_BYTES}; {options.runs} runs each, median (min–max) seconds, "
          f"killed at {options.cap:g} s")
    print(f"{'sample':34} {'bytes':>8} {'outcome':>8} {'intake':>20} {'extraction':>20} {'total':>20}")
    worst = 0.0
    for sample in SAMPLES:
        if options.only not in sample.name:
            continue
        for size in sizes:
            data = sample.make(size)
            runs = [run_capped(options.cap, data, sample.filename, places, actors, options.intake_only) for _ in range(options.runs)]
            outcome = runs[-1][0]
            reads = [read for _, read, _ in runs]
            extractions = [extracted for _, _, extracted in runs]
            totals = [None if read is None or extracted is None else read + extracted for read, extracted in zip(reads, extractions)]
            worst = max([worst] + [total if total is not None else options.cap for total in totals])
            print(f"{sample.name:34} {len(data):>8} {outcome:>8} {figure(reads, options.cap)} "
                  f"{figure(extractions, options.cap)} {figure(totals, options.cap)}", flush=True)
    limit = getattr(settings, "MARSAD_IMPORT_TIME_LIMIT", None)
    print(f"worst total: {worst:.2f} s" + (f"; an import ends extraction at MARSAD_IMPORT_TIME_LIMIT = {limit:g} s" if limit else ""))


if __name__ == "__main__":
    main()
