"""Benchmark article extraction: a 1,000-word article, Arabic and English, once the gazetteer is loaded.

Run with `make bench` (it starts the local database and loads the reference data first), or
`DJANGO_DEBUG=true .venv/bin/python bench/bench_extraction.py` against a database that has them. Prints, per language:
the time to build the matchers from the database (once per process, cached afterwards), then the
median and worst time of extracting the article over a number of runs, and the peak memory that one
extraction allocates. The issue's target: extraction of a 1,000-word article under 0.5 s.
"""
import os
import statistics
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

import django  # noqa: E402

django.setup()

from incidents import importing, selectors  # noqa: E402
from incidents.extraction.intake import text_from_upload  # noqa: E402
from incidents.extraction.pipeline import extract  # noqa: E402
from incidents.models import Location  # noqa: E402

ARTICLES = ROOT / "incidents" / "tests" / "articles"
SEED = ROOT / "incidents" / "data" / "seed" / "000_41addf8ff6d70d2f.txt"
WORDS = 1000
RUNS = 20


def article_of(language, words=WORDS):
    """Return a wire-style article of `words` words or a paragraph more: the test articles of `language`."""
    paths = sorted(ARTICLES.glob(f"{language}_*.txt")) + sorted(ARTICLES.glob(f"{language}_*.html"))
    if language == "ar":
        paths.insert(0, SEED)
    paragraphs = [
        line for path in paths for line in text_from_upload(path.read_bytes(), path.name).splitlines() if line.strip()
    ]
    kept, count = [], 0
    while count < words:
        paragraph = paragraphs[len(kept) % len(paragraphs)]
        kept.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(kept)


def main():
    if not Location.objects.exists():
        sys.exit("The gazetteer is not loaded: run `make bench` (or manage.py load_reference) first.")
    started = time.perf_counter()
    places, actors = importing.matchers()
    build = time.perf_counter() - started
    print(f"gazetteer: {len(selectors.gazetteer_entries())} places, {len(selectors.actor_entries())} actors; "
          f"matchers built in {build:.2f} s (once per process)")
    published = date(2024, 2, 10)
    worst_median = 0.0
    for language in ("ar", "en"):
        text = article_of(language)
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            draft = extract(text, published, language, places, actors)
            timings.append(time.perf_counter() - started)
        tracemalloc.start()
        extract(text, published, language, places, actors)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        median = statistics.median(timings)
        worst_median = max(worst_median, median)
        print(
            f"{language}: {len(text.split())} words, {len(draft.incidents)} incidents, {len(draft.statements)} "
            f"statements; extraction median {median * 1000:.0f} ms, worst {max(timings) * 1000:.0f} ms over "
            f"{RUNS} runs; peak allocation {peak / 2**20:.1f} MiB"
        )
    verdict = "meets" if worst_median < 0.5 else "MISSES"
    print(f"target: under 500 ms for a 1,000-word article — {verdict} it")


if __name__ == "__main__":
    main()
