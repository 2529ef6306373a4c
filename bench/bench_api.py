"""Measure the API at scale: Marsad under gunicorn, against one hand-written SQL query and against tipg.

    .venv/bin/python bench/bench_api.py --n 1000000        (or: make bench-api N=1000000)

1. Makes the database of DATABASE_URL hold exactly N synthetic incidents (`manage.py generate_incidents`,
   seed 1; migrated and with the gazetteer first, as `make bench` does). Real rows are left alone.
2. Starts Marsad as docker-compose.yml does (gunicorn, DEBUG off, its worker and thread counts) on
   127.0.0.1:8901 with HTTPS redirects and throttling off; installs tipg 1.6.1 in bench/.tipg-venv (its own
   virtualenv, git-ignored) and starts it on 127.0.0.1:8902 over a view of the published incidents with the
   API's fields (schema marsad_bench, dropped at the end so that no migration trips over it).
3. Measures each case in turn, interleaved (Marsad, SQL, tipg, Marsad, SQL, tipg …) after a warm-up, and
   prints the median, min and max wall time to the full body, the ratios to SQL and to tipg, and pass/fail
   against the targets; the table is also written as Markdown (--markdown).

Fairness: one persistent connection per target (http.client keeps the HTTP/1.1 connection; the SQL
baseline keeps one psycopg connection). No compression either way (`Accept-Encoding: identity`): tipg
compresses when asked and Marsad may, so asking for none measures building the payload, not gzip on a
shared two-core machine. The SQL baseline builds the same JSON in one query and fetches it as text,
without a total count (the API caches its count). An endpoint that is not there yet is reported as
"endpoint missing (404)", not as a crash. This is a measurement, not a test: nothing here is asserted.
"""
import argparse
import datetime
import http.client
import json
import math
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import dj_database_url
import psycopg
import yaml

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
DEFAULT_DATABASE_URL = "postgis://marsad:marsad@127.0.0.1:{}/marsad".format(os.environ.get("MARSAD_PG_PORT", "54329"))
BENCH_SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789abcdefghijklmnop"
TIPG_VERSION = "1.6.1"
TIPG_VENV = ROOT / "bench" / ".tipg-venv"
RESULTS = ROOT / "bench" / ".results"
VIEW_SCHEMA = "marsad_bench"
COLLECTION = f"{VIEW_SCHEMA}.published_incidents"
SEED = 1

# Marsad with DEBUG off over plain HTTP on loopback, and no throttling (the bench is one client asking
# hundreds of times a minute). The throttle variables are the ones README's settings table documents.
MARSAD_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": BENCH_SECRET_KEY,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_HSTS_SECONDS": "0",
    "DJANGO_SECURE_COOKIES": "false",
    # The bench measures the API, not its rate limits (README, "API").
    "MARSAD_API_ANON_RATE": "off",
    "MARSAD_API_USER_RATE": "off",
}

# Issue 8's targets, as ratios of medians: check(api, sql, first_page) with the cases' results.
# (a), (b) and (d) at most 1.5× the SQL (and, where tipg answers, faster than tipg: the API / tipg column);
# the deep pages within 1.5× the first page; (c) within 1.5× raw ST_AsMVT, uncached; (e) rows/s and memory.
# A cached row is reported with no target: its SQL yardstick computes every time.


def within(factor):
    return lambda api, sql, first: sql.seconds and api.median_ms <= factor * sql.median_ms


def within_first_page(factor):
    return lambda api, sql, first: first is not None and first.seconds and api.median_ms <= factor * first.median_ms


TARGETS = {
    "bbox": ("≤ 1.5× SQL", within(1.5)),
    "page": ("≤ 1.5× SQL", within(1.5)),
    "offset": ("≤ 1.5× the first page", within_first_page(1.5)),
    "cursor": ("≤ 1.5× the first page", within_first_page(1.5)),
    "tile_z6": ("– (cached)", None),
    "tile_z10": ("– (cached)", None),
    "tile_z6_uncached": ("≤ 1.5× ST_AsMVT", within(1.5)),
    "tile_z10_uncached": ("≤ 1.5× ST_AsMVT", within(1.5)),
    "timeline": ("– (cached)", None),
    "timeline_uncached": ("≤ 1.5× SQL", within(1.5)),
    "csv": (
        "≥ 50,000 rows/s, peak RSS +≤ 250 MB",
        lambda api, sql, first: api.rows_per_s is not None and api.rows_per_s >= 50_000
        and api.rss_growth_mb is not None and api.rss_growth_mb <= 250,
    ),
}


# --- The hand-written SQL: the same rows and fields as the API, built by PostgreSQL ------------------

FEATURE_SQL = """
json_build_object(
  'type', 'Feature', 'id', i.id, 'geometry', ST_AsGeoJSON(i.point)::json,
  'properties', json_build_object(
    'id', i.id, 'title', i.title, 'title_ar', i.title_ar, 'date_start', i.date_start, 'date_end', i.date_end,
    'date_precision', i.date_precision, 'event_type', i.event_type, 'sub_event_type', i.sub_event_type,
    'weapon', i.weapon, 'outcome', i.outcome, 'count', i.count, 'killed_best', i.killed_best,
    'injured_best', i.injured_best, 'verification', i.verification, 'geo_precision', i.geo_precision,
    'location', json_build_object(
      'id', l.id, 'name_en', l.name_en, 'name_ar', l.name_ar, 'country_code', l.country_code,
      'admin1', CASE WHEN l.governorate_id IS NULL THEN NULL
                ELSE json_build_object('id', g.id, 'name_en', g.name_en, 'name_ar', g.name_ar) END),
    'actors', ARRAY(SELECT json_build_object('id', a.id, 'name_en', a.name_en, 'name_ar', a.name_ar, 'role', ia.role)
                    FROM incidents_incidentactor ia JOIN incidents_actor a ON a.id = ia.actor_id
                    WHERE ia.incident_id = i.id ORDER BY ia.role, a.name_en, ia.id),
    'sources', ARRAY(SELECT json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher,
                                              'url', s.url, 'published', s.published)
                     FROM incidents_source s
                     WHERE s.id IN (SELECT source_id FROM incidents_incidentsource WHERE incident_id = i.id)
                     ORDER BY s.published, s.id),
    'updated_at', i.updated_at,
    'url', 'http://127.0.0.1/incidents/' || i.id || '/'))
"""
JOINS_SQL = """
JOIN incidents_location l ON l.id = i.location_id
LEFT JOIN incidents_location g ON g.id = l.governorate_id
"""


def features_sql(where="", order="i.date_start DESC, i.id DESC", limit=1000, offset=0):
    """Return the SQL of a FeatureCollection page of published incidents, as JSON text.

    The page's ids are chosen first, so that the features are built for its rows only (not for the rows an
    OFFSET skips); `where` and `order` name columns of the incident `i` only.
    """
    return f"""
SELECT json_build_object('type', 'FeatureCollection',
                         'features', coalesce(json_agg({FEATURE_SQL} ORDER BY {order}), '[]'))::text
FROM (SELECT i.id FROM incidents_incident i WHERE i.status = 'published' AND i.deleted_at IS NULL {where}
      ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}) AS page
JOIN incidents_incident i ON i.id = page.id
{JOINS_SQL}"""


def tile_sql(z, x, y):
    return f"""
SELECT ST_AsMVT(t, 'incidents', 4096, 'geom') FROM (
  SELECT i.id, i.event_type, i.date_start::text AS date_start,
         ST_AsMVTGeom(ST_Transform(i.point, 3857), ST_TileEnvelope({z}, {x}, {y}), 4096, 64, true) AS geom
  FROM incidents_incident i
  WHERE i.status = 'published' AND i.deleted_at IS NULL AND i.point && ST_Transform(ST_TileEnvelope({z}, {x}, {y}, margin => 64.0 / 4096), 4326)
) AS t"""


# The API's timeline fields: per day and event type, the incidents, events, killed and injured.
TIMELINE_SQL = """
SELECT coalesce(json_agg(json_build_object('date', day, 'event_type', event_type, 'incidents', n, 'events', e,
                                           'killed', k, 'injured', j) ORDER BY day, event_type), '[]')::text
FROM (SELECT date_start AS day, event_type, count(*) AS n, coalesce(sum(count), 0) AS e,
             coalesce(sum(killed_best), 0) AS k, coalesce(sum(injured_best), 0) AS j
      FROM incidents_incident WHERE status = 'published' AND deleted_at IS NULL GROUP BY 1, 2) AS d
"""

# ACLED-like columns; actors and sources aggregated once for the whole table (the cheapest plan for all rows).
CSV_SQL = """
COPY (
  WITH roles AS (
    SELECT ia.incident_id,
           string_agg(a.name_en, '; ' ORDER BY a.name_en) FILTER (WHERE ia.role = 'perpetrator') AS actor1,
           string_agg(a.name_en, '; ' ORDER BY a.name_en) FILTER (WHERE ia.role = 'target') AS actor2
    FROM incidents_incidentactor ia JOIN incidents_actor a ON a.id = ia.actor_id GROUP BY ia.incident_id),
  sources AS (
    SELECT x.incident_id, string_agg(s.publisher, '; ' ORDER BY s.published, s.id) AS source
    FROM incidents_incidentsource x JOIN incidents_source s ON s.id = x.source_id GROUP BY x.incident_id)
  SELECT i.id AS event_id_cnty, i.date_start AS event_date, extract(year FROM i.date_start)::int AS year,
         i.date_precision AS time_precision, i.event_type, i.sub_event_type, r.actor1, r.actor2,
         l.country_code AS iso, g.name_en AS admin1, l.name_en AS location,
         ST_Y(i.point) AS latitude, ST_X(i.point) AS longitude, i.geo_precision, s.source,
         i.description AS notes, i.killed_best AS fatalities
  FROM incidents_incident i
  JOIN incidents_location l ON l.id = i.location_id
  LEFT JOIN incidents_location g ON g.id = l.governorate_id
  LEFT JOIN roles r ON r.incident_id = i.id
  LEFT JOIN sources s ON s.incident_id = i.id
  WHERE i.status = 'published' AND i.deleted_at IS NULL
  ORDER BY i.date_start DESC, i.id DESC
) TO STDOUT WITH (FORMAT csv, HEADER)
"""

# tipg reads this view: the API's fields, the location flattened, actors and sources as JSON arrays.
VIEW_SQL = f"""
CREATE SCHEMA IF NOT EXISTS {VIEW_SCHEMA};
CREATE OR REPLACE VIEW {COLLECTION} AS
SELECT i.id, i.title, i.title_ar, i.date_start, i.date_end, i.date_precision, i.event_type, i.sub_event_type,
       i.weapon, i.outcome, i.count, i.killed_best, i.injured_best, i.verification, i.geo_precision,
       l.id AS location_id, l.name_en AS location_name_en, l.name_ar AS location_name_ar,
       l.country_code AS location_country_code, g.name_en AS admin1_name_en,
       to_json(ARRAY(SELECT json_build_object('id', a.id, 'name_en', a.name_en, 'name_ar', a.name_ar, 'role', ia.role)
               FROM incidents_incidentactor ia JOIN incidents_actor a ON a.id = ia.actor_id
               WHERE ia.incident_id = i.id ORDER BY ia.role, a.name_en, ia.id)) AS actors,
       to_json(ARRAY(SELECT json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
                                       'published', s.published)
               FROM incidents_source s
               WHERE s.id IN (SELECT source_id FROM incidents_incidentsource WHERE incident_id = i.id)
               ORDER BY s.published, s.id)) AS sources,
       i.updated_at, i.point
FROM incidents_incident i
JOIN incidents_location l ON l.id = i.location_id
LEFT JOIN incidents_location g ON g.id = l.governorate_id
WHERE i.status = 'published' AND i.deleted_at IS NULL;
"""


# --- Setting up --------------------------------------------------------------------------------


def database_url():
    return os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)


def libpq_url(url):
    """Return the DATABASE_URL as a postgresql:// URL (psycopg and tipg do not know postgis://)."""
    config = dj_database_url.parse(url)
    return (f"postgresql://{config['USER']}:{config['PASSWORD']}@{config['HOST']}:{config['PORT']}/"
            f"{config['NAME']}")


def manage(*args):
    env = dict(os.environ, DATABASE_URL=database_url(), DJANGO_DEBUG="true")
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def ensure_incidents(sql, n):
    """Make the database hold exactly `n` synthetic incidents (seed 1); return the published count."""
    manage("migrate", "--no-input", "--verbosity", "0")
    if not sql.execute("SELECT EXISTS (SELECT 1 FROM incidents_location WHERE point IS NOT NULL)").fetchone()[0]:
        manage("load_reference", "--verbosity", "0")
    have = sql.execute("SELECT count(*) FROM incidents_incident WHERE synthetic").fetchone()[0]
    if have != n:
        if have:
            print(f"The database holds {have:,} synthetic incidents: removing them to write {n:,}.")
            manage("generate_incidents", "--remove")
        print(f"Writing {n:,} synthetic incidents (manage.py generate_incidents {n} --seed {SEED}) …")
        manage("generate_incidents", str(n), "--seed", str(SEED))
        # Generation writes each incident three times (the row, then the touch of its sources and of its
        # actors), in batches faster than autovacuum: the table leaves it two-thirds empty space (1.5 GB
        # for 550 MB of rows at 1,000,000). A database restored or loaded once has no such holes.
        # VACUUM FULL leaves the visibility map empty: the plain VACUUM after it marks the pages all-visible
        # again, or every index-only scan would read the table (a count: 314 ms instead of 87 at 1,000,000).
        print("Compacting the incidents table (VACUUM FULL, then VACUUM ANALYZE) …")
        sql.execute("VACUUM FULL incidents_incident")
        sql.execute("VACUUM ANALYZE")
    return sql.execute("SELECT count(*) FROM incidents_incident WHERE status = 'published' AND deleted_at IS NULL").fetchone()[0]


def gunicorn_command(port):
    """Return docker-compose.yml's gunicorn command, bound to loopback, without the access log."""
    web = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    words = shlex.split(web["command"].split("&&")[-1].strip().rstrip('"'))
    words[words.index("--bind") + 1] = f"127.0.0.1:{port}"
    if "--access-logfile" in words:
        at = words.index("--access-logfile")
        del words[at:at + 2]
    gunicorn = shutil.which("gunicorn", path=str(Path(PYTHON).parent)) or "gunicorn"
    return [gunicorn, *words[1:]]


def start_marsad(port, log):
    env = dict(os.environ, DATABASE_URL=database_url(), **MARSAD_ENV)
    return subprocess.Popen(gunicorn_command(port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def ensure_tipg():
    """Install tipg in its own virtualenv (once); return its uvicorn."""
    uvicorn = TIPG_VENV / "bin" / "uvicorn"
    marker = TIPG_VENV / f".tipg-{TIPG_VERSION}"
    if not marker.exists():
        print(f"Installing tipg {TIPG_VERSION} in {TIPG_VENV.relative_to(ROOT)} …")
        subprocess.run([sys.executable, "-m", "venv", str(TIPG_VENV)], check=True)
        subprocess.run([str(TIPG_VENV / "bin" / "pip"), "install", "--quiet", f"tipg=={TIPG_VERSION}", "uvicorn"],
                       check=True)
        marker.touch()
    return uvicorn


def start_tipg(uvicorn, port, log):
    env = dict(
        os.environ,
        DATABASE_URL=libpq_url(database_url()),
        TIPG_DB_SCHEMAS=json.dumps([VIEW_SCHEMA]),
        TIPG_DB_TABLES=json.dumps([COLLECTION]),
        TIPG_DB_SPATIAL_EXTENT="false",
        TIPG_DB_DATETIME_EXTENT="false",
        TIPG_CATALOG_TTL="86400",
        TIPG_MAX_FEATURES_PER_QUERY="10000",
        **{
            f"TIPG_TABLE_CONFIG__{VIEW_SCHEMA}_published_incidents__{key}": value
            for key, value in (("PK", "id"), ("GEOMCOL", "point"), ("DATETIMECOL", "date_start"))
        },
    )
    # Its own folder as the working directory: tipg reads a .env file from there.
    return subprocess.Popen(
        [str(uvicorn), "tipg.main:app", "--host", "127.0.0.1", "--port", str(port), "--no-access-log"],
        cwd=TIPG_VENV, env=env, stdout=log, stderr=subprocess.STDOUT,
    )


def wait_until_up(name, port, path, process, timeout=180):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited with {process.returncode} before answering: see {RESULTS}.")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status < 500:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{name} did not answer on port {port} within {timeout} s.")


def worker_pids(master_pid):
    """Return the pids of the gunicorn master's workers."""
    children = []
    for task in Path(f"/proc/{master_pid}/task").iterdir():
        children += (task / "children").read_text().split()
    return [int(pid) for pid in children]


def status_kb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def reset_peak_rss(pid):
    """Reset the process's VmHWM (peak resident set) to its current RSS (Linux ≥ 4.0)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


# --- Measuring ---------------------------------------------------------------------------------


class Missing(Exception):
    """The target has no such endpoint (yet), or answered with an error."""


class HttpTarget:
    """One persistent HTTP/1.1 connection to a server."""

    def __init__(self, port):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

    def get(self, path):
        """Return the body of `path`; raise Missing on a 404 or another error status."""
        for attempt in (1, 2):
            try:
                self.connection.request("GET", path, headers={"Accept-Encoding": "identity"})
                response = self.connection.getresponse()
                body = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()  # reconnects on the next request
                if attempt == 2:
                    raise
        if response.status == 404:
            raise Missing("endpoint missing (404)")
        if response.status == 429:
            raise Missing("throttled (429): set the throttle variables in MARSAD_ENV")
        if response.status != 200:
            raise Missing(f"HTTP {response.status}")
        return body


class Result:
    def __init__(self, name, target, note=""):
        self.name, self.target, self.note = name, target, note
        self.seconds, self.sizes = [], []
        self.rows = None
        self.rss_growth_kb = []
        self.error = None

    @property
    def median_ms(self):
        return 1000 * statistics.median(self.seconds) if self.seconds else None

    @property
    def rows_per_s(self):
        return self.rows / statistics.median(self.seconds) if self.rows and self.seconds else None

    @property
    def rss_growth_mb(self):
        return max(self.rss_growth_kb) / 1024 if self.rss_growth_kb else None

    def cell(self):
        if self.error:
            return self.error
        if not self.seconds:
            return "–"
        low, high = 1000 * min(self.seconds), 1000 * max(self.seconds)
        text = f"{self.median_ms:,.0f} ms ({low:,.0f}–{high:,.0f})"
        if self.rows:
            text += f", {self.rows_per_s:,.0f} rows/s"
        if self.rss_growth_kb:
            text += f", peak RSS +{self.rss_growth_mb:,.0f} MB"
        return text


class Case:
    """One thing measured three ways: a callable per target, or a reason why a target has none."""

    def __init__(self, key, label, api=None, sql=None, tipg=None, rounds=None):
        self.key, self.label, self.rounds = key, label, rounds
        self.runs = {"Marsad API": api, "SQL": sql, "tipg": tipg}
        self.results = {
            target: Result(label, target, note=run if isinstance(run, str) else "")
            for target, run in self.runs.items()
        }

    def measure(self, target, record):
        run, result = self.runs[target], self.results[target]
        if run is None or isinstance(run, str) or result.error:
            return
        try:
            started = time.perf_counter()
            size, rows = run()
            elapsed = time.perf_counter() - started
        except Missing as refusal:
            result.error = str(refusal)
            return
        if record:
            result.seconds.append(elapsed)
            result.sizes.append(size)
            result.rows = rows


def tile_xy(lon, lat, zoom):
    """Return the x, y of the WebMercatorQuad tile holding the point at `zoom`."""
    n = 2 ** zoom
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def follow_next(api, path, budget_seconds, stop_before):
    """Follow the cursor `next` links from `path` for at most `budget_seconds`; return (path, pages)."""
    deadline = time.monotonic() + budget_seconds
    pages = 1
    while time.monotonic() < deadline and pages < stop_before:
        page = json.loads(api.get(path))
        following = page.get("next") or (page.get("links") or {}).get("next")
        if not following:
            break
        if "cursor=" not in following:
            raise Missing("no cursor in the next link")
        parts = urlsplit(following)
        path = f"{parts.path}?{parts.query}"
        pages += 1
    return path, pages


def build_cases(api, tipg, sql, published, marsad_pids, csv_rounds, cursor_budget):
    """Return the cases, with the dense spot, dates and deep pages chosen from the data."""
    lon, lat, _ = sql.execute(
        "SELECT ST_X(point), ST_Y(point), count(*) FROM incidents_incident WHERE status = 'published' AND deleted_at IS NULL"
        " GROUP BY point ORDER BY 3 DESC LIMIT 1"
    ).fetchone()
    bbox = (round(lon - 1, 4), round(lat - 1, 4), round(lon + 1, 4), round(lat + 1, 4))
    date_from, date_to = datetime.date(2023, 12, 1), datetime.date(2023, 12, 30)
    bbox_text = ",".join(map(str, bbox))
    deep_offset = max(published - 2000, 0)
    deep_page = deep_offset // 1000 + 1

    def http(target, path, count_rows=False):
        def run():
            body = target.get(path() if callable(path) else path)
            return len(body), (body.count(b"\n") - 1 if count_rows else None)
        return run

    rounds_seen = iter(range(1, 1_000_000))

    def uncached(path):
        """Return `path` made new at each call by a date_to far in the future: the same rows, never a cache hit."""
        return lambda: f"{path}{'&' if '?' in path else '?'}date_to={datetime.date(2100, 1, 1) + datetime.timedelta(next(rounds_seen))}"

    def query(text):
        def run():
            value = sql.execute(text).fetchone()[0]
            return len(value), None
        return run

    def copy_rows():
        size = lines = 0
        with sql.cursor().copy(CSV_SQL) as copy:
            for block in copy:
                size += len(block)
                lines += bytes(block).count(b"\n")
        return size, lines - 1

    def with_peak_rss(run, result_of):
        def measured():
            pids = worker_pids(marsad_pids)
            before = {}
            for pid in pids:
                reset_peak_rss(pid)
                before[pid] = status_kb(pid, "VmRSS")
            size, rows = run()
            result_of().rss_growth_kb.append(max(status_kb(pid, "VmHWM") - before[pid] for pid in pids))
            return size, rows
        return measured

    where_bbox = (
        f"AND i.point && ST_MakeEnvelope({bbox[0]}, {bbox[1]}, {bbox[2]}, {bbox[3]}, 4326)"
        f" AND ST_Within(i.point, ST_MakeEnvelope({bbox[0]}, {bbox[1]}, {bbox[2]}, {bbox[3]}, 4326))"
        f" AND i.date_end >= '{date_from}' AND i.date_start <= '{date_to}'"
    )
    cases = [
        Case(
            "bbox", f"(a) bbox {bbox_text} + 30 days, page of 500",
            api=http(api, "/api/v1/incidents/?" + urlencode(
                {"in_bbox": bbox_text, "date_from": date_from, "date_to": date_to, "page_size": 500})),
            sql=query(features_sql(where_bbox, limit=500)),
            tipg=http(tipg, f"/collections/{COLLECTION}/items?" + urlencode(
                {"bbox": bbox_text, "datetime": f"{date_from}T00:00:00Z/{date_to}T23:59:59Z", "limit": 500})),
        ),
        Case(
            "page", "(b) unfiltered page of 1,000",
            api=http(api, "/api/v1/incidents/?page_size=1000"),
            sql=query(features_sql(limit=1000)),
            tipg=http(tipg, f"/collections/{COLLECTION}/items?limit=1000"),
        ),
        Case(
            "offset", f"(b) deep page of 1,000 by offset ({deep_offset:,})",
            api=http(api, f"/api/v1/incidents/?page_size=1000&page={deep_page}"),
            sql=query(features_sql(limit=1000, offset=deep_offset)),
            tipg=http(tipg, f"/collections/{COLLECTION}/items?limit=1000&offset={deep_offset}"),
        ),
    ]
    cursor_path = "/api/v1/incidents/?page_size=1000"
    try:
        cursor_path, pages = follow_next(api, "/api/v1/incidents/?page_size=1000", cursor_budget, deep_page)
        cursor_label = f"(b) page of 1,000 by cursor (page {pages}, following next)"
        # The same keyset condition in SQL: the page after the last row of the page before.
        last = sql.execute(
            f"SELECT date_start, id FROM incidents_incident WHERE status = 'published' AND deleted_at IS NULL"
            f" ORDER BY date_start DESC, id DESC LIMIT 1 OFFSET {max((pages - 1) * 1000 - 1, 0)}"
        ).fetchone()
        cursor_sql = query(features_sql(f"AND (i.date_start, i.id) < ('{last[0]}', {last[1]})", limit=1000))
    except Missing as refusal:
        cursor_label, cursor_sql = "(b) page of 1,000 by cursor", None
        cursor_error = str(refusal)
    else:
        cursor_error = None
    cursor_case = Case(
        "cursor", cursor_label, api=http(api, cursor_path), sql=cursor_sql, tipg="no cursor paging (offset only)"
    )
    if cursor_error:
        cursor_case.results["Marsad API"].error = cursor_error
    cases.append(cursor_case)
    for zoom in (6, 10):
        x, y = tile_xy(lon, lat, zoom)
        tile_path = f"/api/v1/tiles/incidents/{zoom}/{x}/{y}.mvt"
        for key, label, path in ((f"tile_z{zoom}", "", tile_path), (f"tile_z{zoom}_uncached", ", uncached", uncached(tile_path))):
            cases.append(Case(
                key, f"(c) vector tile z{zoom}/{x}/{y}{label}",
                api=http(api, path),
                sql=query(tile_sql(zoom, x, y)),
                tipg=http(tipg, f"/collections/{COLLECTION}/tiles/WebMercatorQuad/{zoom}/{x}/{y}?"
                          + urlencode({"properties": "id,event_type,date_start"})),
            ))
    timeline_path = "/api/v1/incidents/timeline/?bucket=day"
    for key, label, path in (("timeline", "", timeline_path), ("timeline_uncached", ", uncached", uncached(timeline_path))):
        cases.append(Case(
            key, f"(d) timeline by day (all published){label}",
            api=http(api, path),
            sql=query(TIMELINE_SQL),
            tipg="no equivalent",
        ))
    csv_case = Case(
        "csv", f"(e) full CSV export ({published:,} rows)",
        sql=copy_rows, tipg="no full export (items capped at 10,000)", rounds=csv_rounds,
    )
    csv_case.runs["Marsad API"] = with_peak_rss(
        http(api, "/api/v1/incidents/?format=csv", count_rows=True), lambda: csv_case.results["Marsad API"]
    )
    cases.append(csv_case)
    return cases


def run_rounds(cases, rounds, warmup):
    """Measure every case interleaved: Marsad, SQL, tipg, Marsad, SQL, tipg …"""
    for number in range(warmup + rounds):
        record = number >= warmup
        print(f"round {number + 1}/{warmup + rounds}{'' if record else ' (warm-up)'}", flush=True)
        for case in cases:
            case_rounds = case.rounds if case.rounds is not None else rounds
            if record and number - warmup >= case_rounds:
                continue
            if not record and case.rounds is not None and number > 0:
                continue  # the long cases get one warm-up round only
            for target in case.runs:
                case.measure(target, record)


def ratio(result, base):
    if result.median_ms is None or base.median_ms is None or result.error or base.error:
        return "–"
    return f"{result.median_ms / base.median_ms:.1f}×"


def table(cases, n, published):
    """Return the results as a Markdown table."""
    lines = [
        f"{n:,} synthetic incidents ({published:,} published). Median wall time to the full body "
        "(min–max), no compression.",
        "",
        "| case | Marsad API | SQL | tipg 1.6.1 | API / SQL | API / tipg | bytes (API / SQL / tipg) | target | pass |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    first_page = next((case.results["Marsad API"] for case in cases if case.key == "page"), None)
    for case in cases:
        api, sql, tipg = (case.results[name] for name in ("Marsad API", "SQL", "tipg"))
        cells = [r.cell() if not r.note else r.note for r in (api, sql, tipg)]
        sizes = " / ".join(f"{statistics.median(r.sizes):,.0f}" if r.sizes else "–" for r in (api, sql, tipg))
        target, check = TARGETS[case.key]
        verdict = "–" if check is None or api.error or not api.seconds else (
            "pass" if check(api, sql, first_page) else "FAIL"
        )
        lines.append(
            f"| {case.label} | {cells[0]} | {cells[1]} | {cells[2]} | {ratio(api, sql)} | {ratio(api, tipg)} "
            f"| {sizes} | {target} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def machine():
    """Return one line about the machine and the database."""
    memory = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return f"{os.cpu_count()} CPUs, {int(memory.split()[1]) // 1024 // 1024} GB RAM"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="synthetic incidents the database should hold")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--csv-rounds", type=int, default=3, help="rounds of the full CSV export (long)")
    parser.add_argument("--cursor-budget", type=float, default=120,
                        help="seconds to spend following next links towards a deep cursor page")
    parser.add_argument("--port", type=int, default=8901, help="Marsad's port; tipg takes the next one")
    parser.add_argument("--markdown", type=Path, help="where to write the table (default bench/.results/api-N.md)")
    parser.add_argument("--only", help="measure only these cases, by key, comma-separated (" + ", ".join(TARGETS) + ")")
    args = parser.parse_args()
    # Stopped with SIGTERM (or SIGINT, which a shell's background jobs ignore), stop the servers too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    RESULTS.mkdir(exist_ok=True)
    markdown = args.markdown or RESULTS / f"api-{args.n}.md"

    sql = psycopg.connect(libpq_url(database_url()), autocommit=True)
    published = ensure_incidents(sql, args.n)
    versions = sql.execute("SELECT current_setting('server_version'), postgis_lib_version()").fetchone()
    uvicorn = ensure_tipg()
    sql.execute(VIEW_SQL)
    processes = []
    try:
        with open(RESULTS / "marsad.log", "w") as marsad_log, open(RESULTS / "tipg.log", "w") as tipg_log:
            marsad = start_marsad(args.port, marsad_log)
            processes.append(marsad)
            tipg_process = start_tipg(uvicorn, args.port + 1, tipg_log)
            processes.append(tipg_process)
            wait_until_up("Marsad", args.port, "/api/v1/", marsad)
            wait_until_up("tipg", args.port + 1, f"/collections/{COLLECTION}", tipg_process)
            api, tipg = HttpTarget(args.port), HttpTarget(args.port + 1)
            cases = build_cases(api, tipg, sql, published, marsad.pid, args.csv_rounds, args.cursor_budget)
            if args.only:
                cases = [case for case in cases if case.key in args.only.split(",")]
            run_rounds(cases, args.rounds, args.warmup)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        sql.execute(f"DROP SCHEMA IF EXISTS {VIEW_SCHEMA} CASCADE")
    header = (
        f"Machine: {machine()}; PostgreSQL {versions[0]}, PostGIS {versions[1]}; Marsad: "
        f"`{' '.join(gunicorn_command(args.port)[1:])}`; tipg {TIPG_VERSION} under uvicorn (one process). "
        f"{args.rounds} interleaved rounds after {args.warmup} warm-up (CSV: {args.csv_rounds}).\n\n"
    )
    text = header + table(cases, args.n, published)
    print()
    print(text)
    markdown.write_text(text)
    print(f"Written to {markdown}")


if __name__ == "__main__":
    main()
