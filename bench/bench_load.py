"""Load Marsad under gunicorn with 50 concurrent clients for 60 s: requests, errors, req/s, p50 and p99 per endpoint.

    .venv/bin/python bench/bench_load.py --n 100000        (or: make bench-load; N=… to change the size)

1. Makes the database of DATABASE_URL hold exactly N synthetic incidents (`manage.py generate_incidents N
   --seed 1`) and collects the static files, through bench/bench_api.py's functions; creates (or resets) the
   staff user "bench-load" with a new random password and the permission to view incidents, and nothing
   else, so that its admin pages are a read-only editor's (deactivated again at the end).
2. Starts Marsad as docker-compose.yml does (bench_api.start_marsad: gunicorn, its worker and thread
   counts, DEBUG off, HTTPS redirects and API throttling off) on 127.0.0.1:--port, signs the staff user in
   through the admin's sign-in form once, and asks each endpoint's first path once: one that does not
   answer 200 at rest stops the run there (that is a broken endpoint, not a finding under load).
3. Installs locust (pinned) in bench/.locust-venv, its own virtualenv (git-ignored: a bench tool, not a
   dependency of Marsad), and runs it headless: --users clients, all started in the first second, each
   asking one request after another with no pause, for --seconds. Each request goes to an endpoint drawn
   at random, every endpoint equally often, then to one of its paths, drawn from the data with seed 1
   (ids, places, dates, actors, words): the map page, the API's list, detail, filters and timeline, and
   the admin changelist with the staff user's session. Requests ask for gzip, as a browser does; no
   redirect is followed; anything but a 200 is an error.
4. Prints and writes (bench/.results/load-N.md) the table per endpoint: requests, errors, throughput,
   p50 and p99 (locust's, which rounds times above 100 ms to two significant digits), the errors by cause;
   and, since the clients, gunicorn and PostgreSQL share the machine (with whatever else runs on it), the
   load average before and after, the CPU time gunicorn, its PostgreSQL backends and locust used, and the
   clients' connections each gunicorn worker held halfway through (with ss, if installed).
   The server's log is bench/.results/load-marsad.log, locust's bench/.results/load-locust.log.

--close makes every request open a new connection, as a proxy without upstream keep-alive does.

This is a measurement, not a test: nothing here is asserted, and errors are reported, never retried.
"""
import argparse
import csv
import datetime
import http.client
import json
import os
import random
import re
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg

# bench_api.py knows how to fill the database and start gunicorn; this script reuses it (same folder).
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_api  # noqa: E402

LOCUST_VERSION = "2.47.0"
LOCUST_VENV = bench_api.ROOT / "bench" / ".locust-venv"
LOCUSTFILE = bench_api.ROOT / "bench" / "load_locustfile.py"
STAFF_USERNAME = "bench-load"
PATHS_PER_ENDPOINT = 50
SEED = 1

# Run by `manage.py shell`: the staff user, allowed to view incidents and nothing else; its password comes in
# the environment (not on a command line that `ps` shows).
STAFF_CODE = """
import os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
user, _ = get_user_model().objects.get_or_create(username={username!r})
user.is_staff, user.is_superuser, user.is_active = True, False, True
user.set_password(os.environ["MARSAD_BENCH_PASSWORD"])
user.save()
user.user_permissions.set(Permission.objects.filter(content_type__app_label="incidents", codename="view_incident"))
"""
# After the run: the user can no longer sign in, and the session the clients used is refused.
RETIRE_CODE = """
from django.contrib.auth import get_user_model
get_user_model().objects.filter(username={username!r}).update(is_active=False)
"""


# --- Setting up --------------------------------------------------------------------------------


def create_staff_user():
    """Create or reset the bench's staff user; return its new password."""
    password = secrets.token_urlsafe(24)
    os.environ["MARSAD_BENCH_PASSWORD"] = password
    try:
        bench_api.manage("shell", "--verbosity", "0", "--command", STAFF_CODE.format(username=STAFF_USERNAME))
    finally:
        del os.environ["MARSAD_BENCH_PASSWORD"]
    return password


def retire_staff_user():
    bench_api.manage("shell", "--verbosity", "0", "--command", RETIRE_CODE.format(username=STAFF_USERNAME))


def ensure_locust():
    """Install locust in its own virtualenv (once); return its command."""
    locust = LOCUST_VENV / "bin" / "locust"
    marker = LOCUST_VENV / f".locust-{LOCUST_VERSION}"
    if not marker.exists():
        print(f"Installing locust {LOCUST_VERSION} in {LOCUST_VENV.relative_to(bench_api.ROOT)} …")
        subprocess.run([sys.executable, "-m", "venv", str(LOCUST_VENV)], check=True)
        subprocess.run([str(LOCUST_VENV / "bin" / "pip"), "install", "--quiet", f"locust=={LOCUST_VERSION}"], check=True)
        marker.touch()
    return locust


def get(port, path, headers=None):
    """Return the response to GET `path` (its body read) on a new connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def cookies_of(response):
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def sign_in(port, username, password):
    """Sign in through the admin's form; return the Cookie header of the session."""
    form = get(port, "/admin/login/")
    csrf_cookie = cookies_of(form).get("csrftoken")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
    if form.status != 200 or not csrf_cookie or not token:
        raise SystemExit(f"The admin's sign-in page answered {form.status} without a CSRF token.")
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    body = urlencode({"username": username, "password": password, "next": "/admin/",
                      "csrfmiddlewaretoken": token.group(1).decode()})
    connection.request("POST", "/admin/login/", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie}"})
    response = connection.getresponse()
    response.read()
    connection.close()
    session = cookies_of(response).get("sessionid")
    if response.status != 302 or not session:
        raise SystemExit(f"Signing in as {username} answered {response.status} with no session (see the server's log).")
    return f"csrftoken={csrf_cookie}; sessionid={session}"


# --- What the clients ask for --------------------------------------------------------------------


def endpoints(sql, rng):
    """Return the endpoints as (name, paths, staff), the paths drawn from the published incidents."""
    ids = [row[0] for row in sql.execute("SELECT id FROM incidents_incident WHERE status = 'published' AND deleted_at IS NULL ORDER BY id")]
    if not ids:
        raise SystemExit("No published incident: nothing to load.")
    points = sql.execute(
        "SELECT ST_X(point), ST_Y(point) FROM incidents_incident WHERE status = 'published' AND deleted_at IS NULL AND id = ANY(%s)",
        [rng.sample(ids, min(len(ids), PATHS_PER_ENDPOINT))],
    ).fetchall()
    first, last = sql.execute(
        "SELECT min(date_start), max(date_start) FROM incidents_incident WHERE status = 'published' AND deleted_at IS NULL"
    ).fetchone()
    event_types = [row[0] for row in sql.execute(
        "SELECT DISTINCT event_type FROM incidents_incident WHERE status = 'published' AND deleted_at IS NULL ORDER BY 1")]
    countries = [row[0] for row in sql.execute(
        "SELECT DISTINCT l.country_code FROM incidents_incident i JOIN incidents_location l ON l.id = i.location_id"
        " WHERE i.status = 'published' AND i.deleted_at IS NULL ORDER BY 1")]
    # The actors of most incidents, as a reader would pick them from the filter's list.
    actors = [row[0] for row in sql.execute(
        "SELECT actor_id FROM incidents_incidentactor GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 20")]
    # The first word of the titles (English and Arabic), e.g. "Drone", "هجوم": words every search finds often.
    words = [row[0] for row in sql.execute(
        "SELECT DISTINCT word FROM (SELECT split_part(title, ' ', 1) AS word FROM incidents_incident"
        " WHERE status = 'published' AND deleted_at IS NULL UNION SELECT split_part(title_ar, ' ', 1) FROM incidents_incident"
        " WHERE status = 'published' AND deleted_at IS NULL) AS w WHERE length(word) >= 3 ORDER BY 1")]

    def window(days):
        start = first + datetime.timedelta(days=rng.randint(0, max((last - first).days - days, 0)))
        return {"date_from": start.isoformat(), "date_to": (start + datetime.timedelta(days=days - 1)).isoformat()}

    def paths(prefix, make):
        drawn = (make() for _ in range(PATHS_PER_ENDPOINT))
        return sorted({f"{prefix}?{urlencode(query)}" if query else prefix for query in drawn})

    api = "/api/v1/incidents/"
    timeline = "/api/v1/incidents/timeline/"
    admin = "/admin/incidents/incident/"
    return [
        ("map page /", ["/"], False),
        ("API list (pages 1–10 of 100)", paths(api, lambda: {"page": rng.randint(1, 10)} if rng.random() < 0.5 else {}), False),
        ("API detail", [f"{api}{incident_id}/" for incident_id in sorted(rng.sample(ids, min(len(ids), PATHS_PER_ENDPOINT)))], False),
        ("API filter: 30 days", paths(api, lambda: window(30)), False),
        ("API filter: bbox 1°×1°", [f"{api}?{urlencode({'in_bbox': f'{x - 0.5:.4f},{y - 0.5:.4f},{x + 0.5:.4f},{y + 0.5:.4f}'})}"
                                   for x, y in points], False),
        ("API filter: event type + country", paths(api, lambda: {"event_type": rng.choice(event_types),
                                                                "country": rng.choice(countries)}), False),
        ("API filter: actor", paths(api, lambda: {"actor": rng.choice(actors)}), False),
        ("API filter: text (q)", paths(api, lambda: {"q": rng.choice(words)}), False),
        ("API timeline", paths(timeline, lambda: rng.choice([
            {"bucket": "month"},
            {"bucket": "month", "event_type": rng.choice(event_types)},
            dict(window(90), bucket="day"),
        ])), False),
        ("admin changelist", paths(admin, lambda: rng.choice([
            {},
            {"p": rng.randint(2, 50)},
            {"event_type__exact": rng.choice(event_types)},
            {"country": rng.choice(countries)},
        ])), True),
    ]


def check_at_rest(port, plan):
    """Ask each endpoint's first path once; stop the run if one does not answer 200."""
    for endpoint in plan["endpoints"]:
        headers = {"Cookie": plan["staff_cookie"]} if endpoint["staff"] else {}
        response = get(port, endpoint["paths"][0], headers)
        if response.status != 200:
            raise SystemExit(f"{endpoint['name']}: {endpoint['paths'][0]} answered {response.status} before any load "
                             f"(see {bench_api.RESULTS / 'load-marsad.log'}).")


# --- Measuring and reporting -------------------------------------------------------------------------


def connections_per_worker(port, worker_pids):
    """Return the clients' open connections each gunicorn worker holds, as "a / b / c" (ss, if installed)."""
    ss = shutil.which("ss")
    if not ss:
        return "not counted (no ss)"
    lines = subprocess.run([ss, "-tnpH", "state", "established", f"( sport = :{port} )"],
                           capture_output=True, text=True).stdout
    held = [len(re.findall(rf"pid={pid},", lines)) for pid in worker_pids]
    return " / ".join(str(count) for count in sorted(held, reverse=True))


def run_locust(locust, port, plan_path, users, seconds, prefix, worker_pids):
    """Run the clients; return how their connections were spread over the workers halfway through."""
    env = dict(os.environ, MARSAD_LOAD_PLAN=str(plan_path))
    command = [
        str(locust), "--locustfile", str(LOCUSTFILE), "--headless", "--host", f"http://127.0.0.1:{port}",
        "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s",
        "--csv", str(prefix), "--only-summary", "--stop-timeout", "30",
    ]
    with open(bench_api.RESULTS / "load-locust.log", "w") as log:
        clients = subprocess.Popen(command, cwd=bench_api.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            time.sleep(seconds / 2)
            spread = connections_per_worker(port, worker_pids)
        finally:
            # locust exits 1 when any request failed: the table says so, the run is not a crash.
            clients.wait()
    return spread


def read_csv(path):
    with open(path, newline="") as file:
        return list(csv.DictReader(file))


def milliseconds(value):
    return "–" if value in ("", "N/A") else f"{float(value):,.0f}"


def table(plan, stats, failures):
    """Return the results as a Markdown table, the endpoints in the plan's order, then all of them."""
    by_name = {row["Name"]: row for row in stats}
    lines = [
        "| endpoint | paths | requests | errors | req/s | p50 ms | p99 ms | mean body (bytes, decoded) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for endpoint in plan["endpoints"] + [{"name": "Aggregated", "paths": None}]:
        row = by_name.get(endpoint["name"])
        label = "**all**" if endpoint["paths"] is None else endpoint["name"]
        paths = "" if endpoint["paths"] is None else str(len(endpoint["paths"]))
        if row is None:
            lines.append(f"| {label} | {paths} | 0 | – | – | – | – | – |")
            continue
        lines.append(
            f"| {label} | {paths} | {int(row['Request Count']):,} | {int(row['Failure Count']):,} "
            f"| {float(row['Requests/s']):,.1f} | {milliseconds(row['50%'])} | {milliseconds(row['99%'])} "
            f"| {float(row['Average Content Size']):,.0f} |"
        )
    if failures:
        lines += ["", "Errors by cause:", ""]
        lines += [f"- {row['Name']}: {row['Error']} × {int(row['Occurrences']):,}" for row in failures]
    return "\n".join(lines) + "\n"


def cpu_seconds(pids):
    """Return the CPU time (user + system) the live processes of `pids` have used, in seconds."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime and stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class CpuShare:
    """The CPU time Marsad's gunicorn, its PostgreSQL backends and locust use while the clients run."""

    def __init__(self, sql, marsad_pid):
        self.sql, self.marsad_pid = sql, marsad_pid

    def pids(self):
        backends = [row[0] for row in self.sql.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]
        return [self.marsad_pid, *bench_api.worker_pids(self.marsad_pid)], backends

    def __enter__(self):
        self.started = datetime.datetime.now(datetime.timezone.utc)
        self.server_pids, backends = self.pids()
        self.before = {pid: cpu_seconds([pid]) for pid in self.server_pids + backends}
        self.locust_before = children_cpu_seconds()
        return self

    def __exit__(self, *exc):
        self.elapsed = (datetime.datetime.now(datetime.timezone.utc) - self.started).total_seconds()
        self.locust = children_cpu_seconds() - self.locust_before
        server_pids, backends = self.pids()

        def used(pids):  # a backend the pool opened during the run counts from zero
            return sum(cpu_seconds([pid]) - self.before.get(pid, 0) for pid in pids)
        self.gunicorn, self.postgres = used(server_pids), used(backends)

    def sentence(self):
        capacity = os.cpu_count() * self.elapsed
        ours = self.gunicorn + self.postgres + self.locust
        return (
            f"CPU time used while the clients ran ({self.elapsed:.0f} s, {capacity:.0f} CPU-seconds on the machine): "
            f"gunicorn {self.gunicorn:.0f} s, its PostgreSQL backends {self.postgres:.0f} s, locust {self.locust:.0f} s; "
            f"{capacity - ours:.0f} s ({(capacity - ours) / capacity:.0%}) went elsewhere (other work on the machine, "
            "the kernel, idle)."
        )


def load_average():
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic incidents the database should hold")
    parser.add_argument("--users", type=int, default=50, help="concurrent clients")
    parser.add_argument("--seconds", type=int, default=60, help="how long the clients run")
    parser.add_argument("--port", type=int, default=8921, help="gunicorn's port on 127.0.0.1")
    parser.add_argument("--close", action="store_true",
                        help="close the connection after each request (as a proxy without upstream keep-alive does)")
    parser.add_argument("--markdown", type=Path, help="where to write the table (default bench/.results/load-N.md)")
    args = parser.parse_args()
    # Stopped with SIGTERM (or SIGINT, which a shell's background jobs ignore), stop the server too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    bench_api.RESULTS.mkdir(exist_ok=True)
    stem = f"load-{args.n}{'-close' if args.close else ''}"
    markdown = args.markdown or bench_api.RESULTS / f"{stem}.md"
    prefix = bench_api.RESULTS / stem

    sql = psycopg.connect(bench_api.libpq_url(bench_api.database_url()), autocommit=True)
    published = bench_api.ensure_incidents(sql, args.n)
    bench_api.manage("collectstatic", "--no-input", "--verbosity", "0")
    password = create_staff_user()
    plan = {"close": args.close, "endpoints": [{"name": name, "paths": paths, "staff": staff}
                          for name, paths, staff in endpoints(sql, random.Random(SEED))]}
    versions = sql.execute("SELECT current_setting('server_version'), postgis_lib_version()").fetchone()
    locust = ensure_locust()

    with open(bench_api.RESULTS / "load-marsad.log", "w") as log:
        marsad = bench_api.start_marsad(args.port, log)
        try:
            bench_api.wait_until_up("Marsad", args.port, "/api/v1/", marsad)
            plan["staff_cookie"] = sign_in(args.port, STAFF_USERNAME, password)
            plan_path = bench_api.RESULTS / "load-plan.json"
            plan_path.write_text(json.dumps(plan, ensure_ascii=False, indent=1))
            check_at_rest(args.port, plan)
            before = load_average()
            print(f"{args.users} clients for {args.seconds} s on 127.0.0.1:{args.port} (load average {before}) …",
                  flush=True)
            with CpuShare(sql, marsad.pid) as cpu:
                spread = run_locust(locust, args.port, plan_path, args.users, args.seconds, prefix,
                                    bench_api.worker_pids(marsad.pid))
            after = load_average()
        finally:
            marsad.terminate()
            try:
                marsad.wait(timeout=30)
            except subprocess.TimeoutExpired:
                marsad.kill()
            retire_staff_user()
    sql.close()

    stats = read_csv(f"{prefix}_stats.csv")
    failures = read_csv(f"{prefix}_failures.csv")
    header = (
        f"{args.n:,} synthetic incidents ({published:,} published); {args.users} client{'s' * (args.users != 1)} "
        f"with no pause between requests for {args.seconds} s from {cpu.started:%Y-%m-%d %H:%M} UTC, locust {LOCUST_VERSION} on the same "
        f"machine. Machine: {bench_api.machine()}, load average (1/5/15 min) {before} before, {after} after; "
        f"PostgreSQL {versions[0]}, PostGIS {versions[1]}; Marsad: "
        f"`{' '.join(bench_api.gunicorn_command(args.port)[1:])}`. Times in ms from sending the request to "
        f"the whole body (gzip asked for{'; a new connection for each request' if args.close else ''}). "
        f"Connections held by each gunicorn worker halfway through: {spread}. {cpu.sentence()}\n\n"
    )
    text = header + table(plan, stats, failures)
    print()
    print(text)
    markdown.write_text(text)
    print(f"Written to {markdown}")


if __name__ == "__main__":
    main()
