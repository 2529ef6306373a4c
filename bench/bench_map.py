"""Measure the public map page in headless Chromium: first draw, filter changes, pan/zoom freezes, bytes.

    .venv/bin/python bench/bench_map.py --n 1000000 --runs 7     (the issue's scale; long to generate)
    .venv/bin/python bench/bench_map.py --n 2000 --runs 3
    .venv/bin/python bench/bench_map.py --url http://127.0.0.1:8000/ --runs 3   (a server already running)

Without --url it makes the database (--db, else DATABASE_URL) hold exactly N synthetic incidents
(`manage.py generate_incidents N --seed 1`, as bench/bench_api.py does), collects the static files and starts
Marsad under gunicorn as docker-compose.yml does (DEBUG off, throttling off) on 127.0.0.1:--port, stopped
at the end. Then, --runs times, each run in a fresh browser context (a first visit: empty cache), in turn:

  (a) first draw: navigation to the page's performance mark "marsad:first-draw" (the page sets it when it
      has drawn the first incidents or aggregate cells);
  (d) bytes of the first view: the encoded (on the wire) size of every response the page loaded until
      the network went quiet (Chrome DevTools Protocol, Network.loadingFinished), the page included;
  (b) filter change to the mark "marsad:view-updated" (the page sets body[data-view-state] to "loading",
      then "ready", and the mark): an event type, a date range, a text query, each set then undone;
  (c) pan/zoom: the longest long task (PerformanceObserver "longtask", > 50 ms) during a scripted
      sequence of wheel zooms and drags over the map.

Before each run the data version moves on (as any edit moves it: incidents.api.versioning), so that no run
finds the aggregates, counts or tiles an earlier run left in the server's caches: every run measures what
a reader meets after an edit, not a cache hit. --warm keeps the caches (a popular view, read again).

The cases run one after the other inside each run, so that runs interleave them. Requests leaving this
machine (tile servers) fail at once (Chromium's host resolver maps every other host to nothing): the bytes
are Marsad's own. A page that does not set a mark is reported as "no mark" after --step-timeout seconds,
never waited for forever. It prints median, min and max (worst) per measure against the issue's targets,
and writes the table as Markdown (--markdown, default bench/.results/map-N.md). This is a measurement,
not a test: nothing here is asserted.

The filter controls are found by their names, which are the API's parameters: [name=event_type] (a
checkbox, a select or a radio), [name=date_from] and [name=date_to], [name=q]. A control that is missing is
reported as such.
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

# bench_api.py knows how to fill the database and start gunicorn; this script reuses it (same folder).
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_api  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from incidents.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

FIRST_DRAW = "marsad:first-draw"
VIEW_UPDATED = "marsad:view-updated"
VIEWPORT = {"width": 1280, "height": 800}
# Every host but this machine resolves to nothing: tile requests fail at once, without a round trip.
OFFLINE_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]

# The targets (item 6).
TARGETS = {
    "first_draw": ("≤ 2000 ms", lambda worst: worst <= 2000),
    "filter": ("≤ 500 ms", lambda worst: worst <= 500),
    "longtask": ("no task > 200 ms", lambda worst: worst <= 200),
    "bytes": ("< 2 MB", lambda worst: worst < 2_000_000),
}

# Runs in every page before its own scripts (Playwright injects it whatever the CSP says): collect the
# long tasks from the start.
OBSERVE_LONG_TASKS = """
window.__marsadLongTasks = [];
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      window.__marsadLongTasks.push({ start: entry.startTime, duration: entry.duration });
    });
  }).observe({ type: "longtask", buffered: true });
} catch (error) {}
"""

# The filter changes, each a function run in the page: it changes one control, dispatches the events a
# user's change would, and returns false when the control is not on the page. `undo` puts it back.
CHANGE_EVENT_TYPE = """(undo) => {
  const control = document.querySelector("[name=event_type]");
  if (!control) return false;
  if (control.tagName === "SELECT") {
    const options = [...control.options].filter((option) => option.value);
    if (control.multiple) options[0].selected = !options[0].selected;
    else control.value = undo ? "" : options[0].value;
  } else {
    control.checked = !control.checked;
  }
  control.dispatchEvent(new Event("input", { bubbles: true }));
  control.dispatchEvent(new Event("change", { bubbles: true }));
  return true;
}"""
CHANGE_DATES = """(undo) => {
  const from = document.querySelector("[name=date_from]");
  const to = document.querySelector("[name=date_to]");
  if (!from || !to) return false;
  if (!undo) { window.__marsadDates = [from.value, to.value]; }
  const [fromValue, toValue] = undo ? window.__marsadDates : ["2023-10-01", "2023-12-31"];
  for (const [control, value] of [[from, fromValue], [to, toValue]]) {
    control.value = value;
    control.dispatchEvent(new Event("input", { bubbles: true }));
    control.dispatchEvent(new Event("change", { bubbles: true }));
  }
  return true;
}"""
CHANGE_TEXT = """(undo) => {
  const control = document.querySelector("[name=q]");
  if (!control) return false;
  control.value = undo ? "" : "base";
  control.dispatchEvent(new Event("input", { bubbles: true }));
  control.dispatchEvent(new Event("change", { bubbles: true }));
  return true;
}"""
FILTERS = {"event type": CHANGE_EVENT_TYPE, "date range": CHANGE_DATES, "text query": CHANGE_TEXT}

MARK_TIME = "(name) => { const marks = performance.getEntriesByName(name); return marks.length ? marks[0].startTime : null; }"
VIEW_READY_AFTER = """([name, after]) => document.body.dataset.viewState === "ready"
  && performance.getEntriesByName(name).some((mark) => mark.startTime > after)"""


class Missing(Exception):
    """The page did not do what the measure needs (a mark, a control) within the step's time."""


class Measures:
    """The samples of each measure over the runs, and why a measure has none."""

    def __init__(self):
        self.samples = {}
        self.missing = {}

    def add(self, name, value):
        self.samples.setdefault(name, []).append(value)

    def miss(self, name, reason):
        self.missing.setdefault(name, reason)


def wait_for(page, function, argument, timeout_s, what):
    """Wait until `function(argument)` is true in the page; raise Missing with `what` after the timeout."""
    try:
        page.wait_for_function(function, arg=argument, timeout=timeout_s * 1000, polling=20)
    except PlaywrightTimeout:
        raise Missing(f"{what} within {timeout_s:g} s") from None


def count_bytes(context, page):
    """Start counting the encoded bytes of every response of `page`; return a function giving the total."""
    totals = {"bytes": 0, "responses": 0}
    session = context.new_cdp_session(page)
    session.send("Network.enable")

    def finished(event):
        totals["bytes"] += event["encodedDataLength"]
        totals["responses"] += 1

    session.on("Network.loadingFinished", finished)
    return lambda: dict(totals)


def measure_first_view(page, url, totals, measures, timeout_s):
    """(a) and (d): load the page, time its first draw, count the bytes once the network is quiet."""
    page.goto(url, wait_until="commit")
    try:
        wait_for(page, "(name) => performance.getEntriesByName(name).length > 0", FIRST_DRAW, timeout_s,
                 f'the page set no performance mark "{FIRST_DRAW}"')
        measures.add("first_draw", page.evaluate(MARK_TIME, FIRST_DRAW))
    except Missing as missing:
        measures.miss("first_draw", str(missing))
    page.wait_for_load_state("load", timeout=timeout_s * 1000)
    measures.add("load_event", page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd"))
    try:
        page.wait_for_load_state("networkidle", timeout=timeout_s * 1000)
    except PlaywrightTimeout:  # a page that never goes quiet: count what it loaded so far
        measures.miss("bytes_quiet", f"the network was still busy after {timeout_s:g} s (bytes so far)")
    measures.add("bytes", totals()["bytes"])
    measures.add("responses", totals()["responses"])


def measure_filter(page, name, change, measures, timeout_s):
    """(b): one filter change, from the change to the page's "view updated" mark; then undo it."""
    key = f"filter: {name}"
    started = page.evaluate("() => performance.now()")
    if not page.evaluate(change, False):
        measures.miss(key, "no such control on the page")
        return
    try:
        wait_for(page, VIEW_READY_AFTER, [VIEW_UPDATED, started], timeout_s,
                 f'the page set no mark "{VIEW_UPDATED}" with data-view-state "ready"')
        updated = page.evaluate(
            "([name, after]) => performance.getEntriesByName(name).find((mark) => mark.startTime > after).startTime",
            [VIEW_UPDATED, started],
        )
        measures.add(key, updated - started)
    except Missing as missing:
        measures.miss(key, str(missing))
    undone = page.evaluate("() => performance.now()")
    page.evaluate(change, True)
    try:
        wait_for(page, VIEW_READY_AFTER, [VIEW_UPDATED, undone], timeout_s, "undoing the change")
    except Missing:
        pass  # already reported above, or the next step will say so


def settle(page, timeout_s):
    """Wait for the view to be ready after a pan or zoom, as the page says (or for `timeout_s` if it never does)."""
    started = page.evaluate("() => performance.now()")
    try:
        wait_for(page, VIEW_READY_AFTER, [VIEW_UPDATED, started], timeout_s, "view ready")
    except Missing:
        pass


def measure_pan_zoom(page, measures, timeout_s):
    """(c): the longest long task while the map is zoomed in, dragged about and zoomed out."""
    map_node = page.locator(".leaflet-container").first
    if map_node.count() == 0:
        measures.miss("longtask", "no Leaflet map on the page")
        return
    box = map_node.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    started = page.evaluate("() => performance.now()")
    has_view_state = page.evaluate("() => 'viewState' in document.body.dataset")
    step_timeout = timeout_s if has_view_state else 1  # without the page's state, pace the steps by a second
    steps = [("wheel", -400), ("wheel", -400), ("drag", (220, 0)), ("drag", (0, 160)), ("wheel", -400),
             ("drag", (-300, -120)), ("drag", (0, -200)), ("wheel", 400), ("wheel", 400), ("wheel", 400)]
    for action, amount in steps:
        page.mouse.move(x, y)
        if action == "wheel":
            page.mouse.wheel(0, amount)
        else:
            page.mouse.down()
            page.mouse.move(x + amount[0], y + amount[1], steps=12)
            page.mouse.up()
        settle(page, step_timeout)
    tasks = page.evaluate("(after) => window.__marsadLongTasks.filter((task) => task.start >= after)", started)
    measures.add("longtask", max((task["duration"] for task in tasks), default=0))
    measures.add("longtask_count", len(tasks))
    if not has_view_state:
        measures.miss("longtask_paced", 'the page has no data-view-state: steps were paced by 1 s, not by the page')


def new_data_version():
    """Move the data version on, as an edit does: every cache keyed on it misses from now on."""
    import psycopg

    with psycopg.connect(bench_api.libpq_url(bench_api.database_url()), autocommit=True) as sql:
        sql.execute("UPDATE marsad_data_version SET version = nextval('marsad_data_version_seq') WHERE id = 1")


def run_once(browser, url, measures, timeout_s):
    """One run: a fresh context (a first visit), every measure in turn."""
    context = browser.new_context(viewport=VIEWPORT, locale="en", extra_http_headers={"Accept-Language": "en"})
    try:
        context.add_init_script(OBSERVE_LONG_TASKS)
        page = context.new_page()
        totals = count_bytes(context, page)
        measure_first_view(page, url, totals, measures, timeout_s)
        for name, change in FILTERS.items():
            measure_filter(page, name, change, measures, timeout_s)
        measure_pan_zoom(page, measures, timeout_s)
    finally:
        context.close()


def describe(values, unit):
    if unit == "bytes":
        return [f"{value / 1_000_000:.2f} MB" if value >= 100_000 else f"{value / 1000:.1f} kB" for value in values]
    if unit == "count":
        return [f"{value:g}" for value in values]
    return [f"{value:,.0f} ms" for value in values]


ROWS = [
    ("(a) first draw", "first_draw", "ms", "first_draw"),
    ("    load event (context)", "load_event", "ms", None),
    ("(b) filter: event type", "filter: event type", "ms", "filter"),
    ("(b) filter: date range", "filter: date range", "ms", "filter"),
    ("(b) filter: text query", "filter: text query", "ms", "filter"),
    ("(c) longest long task", "longtask", "ms", "longtask"),
    ("    long tasks (count)", "longtask_count", "count", None),
    ("(d) bytes, first view", "bytes", "bytes", "bytes"),
    ("    responses (count)", "responses", "count", None),
]


def table(measures, runs, url, n):
    """Return the results as a Markdown table, with the reasons for what could not be measured."""
    data = f"{n:,} synthetic incidents generated" if n is not None else "a server already running"
    lines = [
        (f"Map page {url} ({data}), {runs} runs, headless Chromium {VIEWPORT['width']}×{VIEWPORT['height']}, "
         "first visits (empty cache)."),
        "",
        "| measure | median | min | max (worst) | target | |",
        "|---|---|---|---|---|---|",
    ]
    for label, key, unit, target in ROWS:
        values = measures.samples.get(key, [])
        goal, passes = TARGETS.get(target, ("", None))
        if not values:
            reason = measures.missing.get(key, "not measured")
            lines.append(f"| {label} | — | — | — | {goal} | **no result**: {reason} |")
            continue
        median, low, high = describe([statistics.median(values), min(values), max(values)], unit)
        verdict = "" if passes is None else ("pass" if passes(max(values)) else "**FAIL**")
        if key in measures.missing:
            verdict += f" ({len(values)}/{runs} runs; {measures.missing[key]})"
        lines.append(f"| {label} | {median} | {low} | {high} | {goal} | {verdict} |")
    notes = [reason for key, reason in measures.missing.items() if key in ("bytes_quiet", "longtask_paced")]
    return "\n".join(lines + [""] + [f"Note: {note}." for note in notes]) + "\n"


def start_server(args):
    """Fill the database, collect the static files and start gunicorn; return the process and the URL."""
    import psycopg

    sql = psycopg.connect(bench_api.libpq_url(bench_api.database_url()), autocommit=True)
    published = bench_api.ensure_incidents(sql, args.n)
    sql.close()
    print(f"{published:,} published incidents in the database.")
    bench_api.manage("collectstatic", "--no-input", "--verbosity", "0")
    bench_api.RESULTS.mkdir(exist_ok=True)
    log = open(bench_api.RESULTS / "map-marsad.log", "w")  # noqa: SIM115 -- open while the server runs
    process = bench_api.start_marsad(args.port, log)
    bench_api.wait_until_up("Marsad", args.port, "/", process)
    return process, f"http://127.0.0.1:{args.port}/"


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="synthetic incidents the database should hold")
    parser.add_argument("--runs", type=int, default=7, help="fresh first visits, each measuring every case")
    parser.add_argument("--url", help="measure this page of a server already running (no generation, no server)")
    parser.add_argument("--db", help="database URL (default: DATABASE_URL, else the project's marsad database)")
    parser.add_argument("--port", type=int, default=8911, help="gunicorn's port when the script starts it")
    parser.add_argument("--step-timeout", type=float, default=20, help="seconds to wait for the page at each step")
    parser.add_argument("--warm", action="store_true", help="keep the server's caches between runs (no new data version)")
    parser.add_argument("--markdown", type=Path, help="where to write the table (default bench/.results/map-N.md)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    if args.db:
        os.environ["DATABASE_URL"] = args.db
    process = None
    try:
        if args.url:
            url, n = args.url, None
        else:
            process, url = start_server(args)
            n = args.n
        measures = Measures()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + OFFLINE_ARGS)
            try:
                for run in range(1, args.runs + 1):
                    if not args.warm:
                        new_data_version()
                    began = time.monotonic()
                    run_once(browser, url, measures, args.step_timeout)
                    print(f"run {run}/{args.runs} done in {time.monotonic() - began:.0f} s", flush=True)
            finally:
                browser.close()
    finally:
        if process:
            stop_server(process)
    text = table(measures, args.runs, url, n)
    text += ("\nCaches kept between runs (--warm).\n" if args.warm
             else "\nA new data version before each run: no run found an earlier run's cached responses.\n")
    print()
    print(text)
    bench_api.RESULTS.mkdir(exist_ok=True)
    markdown = args.markdown or bench_api.RESULTS / f"map-{n if n is not None else 'url'}.md"
    markdown.write_text(text)
    print(f"Written to {markdown}")


if __name__ == "__main__":
    main()
