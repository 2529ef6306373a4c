"""Load the app with concurrent clients and count the errors and PostgreSQL connections it takes.

Starts the app as `make run` does (`manage.py runserver`, DEBUG on), then as docker-compose.yml does
(gunicorn with the command and environment of its `web` service), against the database of
DATABASE_URL with the seed data (migrated and loaded first, as `make run` does). For each server it
runs ApacheBench from separate processes: the clients are shared between the map page `/`, the API
list `/api/v1/incidents/` and a published incident's page, all at the same time. It prints, per URL
and in total, the completed requests, the errors (non-2xx answers and failed connections or reads),
the throughput and the latency p50/p99, and the most connections PostgreSQL held (pg_stat_activity)
during the run: to this database and to the whole cluster.

    apt-get install apache2-utils      # provides `ab`; needed by this script only, not by the tests
    DATABASE_URL=postgis://... .venv/bin/python bench/bench_concurrency.py [--clients 50] [--seconds 30]
        [--server runserver|gunicorn|both] [--port 8401]

The cluster behind DATABASE_URL should be one nothing else uses (PostgreSQL's max_connections is
shared), e.g. a local one from `MARSAD_PG_PORT=54409 scripts/db.sh start` (unset DATABASE_URL for it).
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import dj_database_url
import psycopg
import yaml

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
DEFAULT_DATABASE_URL = "postgis://marsad:marsad@127.0.0.1:{}/marsad".format(os.environ.get("MARSAD_PG_PORT", "54329"))
BENCH_SECRET_KEY = "bench-only-secret-key-not-for-production-0123456789abcdefghijklmnop"


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def runserver_command(port):
    """Return the command and environment `make run` serves the app with."""
    env = dict(os.environ, DJANGO_DEBUG="true")
    return [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], env


def gunicorn_command(port):
    """Return docker-compose.yml's gunicorn command and its web environment, bound to this machine."""
    web = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    env = dict(os.environ)
    for name, value in web["environment"].items():
        if "${" not in str(value):  # values taken from the operator's environment are set below
            env[name] = str(value)
    env.update(
        DATABASE_URL=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        DJANGO_SECRET_KEY=BENCH_SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    serve = web["command"].split("&&")[-1].strip().rstrip('"')
    words = shlex.split(serve)
    words[words.index("--bind") + 1] = f"127.0.0.1:{port}"
    gunicorn = shutil.which("gunicorn", path=str(Path(PYTHON).parent)) or "gunicorn"
    return [gunicorn, *words[1:]], env


def wait_until_up(base_url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"The server exited with {process.returncode} before answering.")
        try:
            with urllib.request.urlopen(base_url + "/api/v1/incidents/?limit=1", timeout=5) as response:
                return json.loads(response.read())
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer {base_url} within {timeout} s.")


def first_incident_id(page):
    rows = page.get("features") or page.get("results", {}).get("features") or page.get("results") or []
    if not rows:
        raise SystemExit("No published incident: load the seed data first (manage.py load_seed).")
    return rows[0]["id"]


class ConnectionSampler(threading.Thread):
    """Sample pg_stat_activity every half second: the most connections to `dbname` and to the cluster."""

    def __init__(self, config):
        super().__init__(daemon=True)
        self.config, self.stop = config, threading.Event()
        self.most_to_database = self.most_in_cluster = 0

    def run(self):
        with psycopg.connect(
            dbname=self.config["NAME"], user=self.config["USER"], password=self.config["PASSWORD"],
            host=self.config["HOST"], port=self.config["PORT"], autocommit=True,
        ) as connection:
            while not self.stop.wait(0.5):
                to_database, in_cluster = connection.execute(
                    "SELECT count(*) FILTER (WHERE datname = %s), count(*) FROM pg_stat_activity"
                    " WHERE backend_type = 'client backend'", [self.config["NAME"]]
                ).fetchone()
                # This sampler's own connection is not the app's.
                self.most_to_database = max(self.most_to_database, to_database - 1)
                self.most_in_cluster = max(self.most_in_cluster, in_cluster - 1)


def ab_run(url, clients, seconds, workdir):
    """Start ApacheBench on `url`; return the process and the file it writes each request's time to."""
    timings = Path(workdir) / f"ab-{abs(hash(url))}.tsv"
    # -r: go on after a failed read; -l: pages vary in length (CSRF tokens), that is not an error.
    command = ["ab", "-r", "-l", "-c", str(clients), "-t", str(seconds), "-n", "10000000", "-s", "30",
               "-g", str(timings), url]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True), timings


def ab_figures(output, timings):
    def number(label):
        for line in output.splitlines():
            if line.startswith(label):
                return float(line.split(":")[1].split()[0])
        return 0.0

    latencies = []
    if timings.exists():
        for line in timings.read_text().splitlines()[1:]:
            latencies.append(float(line.split("\t")[4]))  # ttime, in ms
    return {
        "requests": int(number("Complete requests")),
        "failed": int(number("Failed requests")),
        "non_2xx": int(number("Non-2xx responses")),
        "seconds": number("Time taken for tests"),
        "latencies": latencies,
    }


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(name, urls, figures, sampler):
    print(f"\n== {name}")
    print(f"{'url':<34}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}")
    total_latencies = []
    for url, fig in zip(urls, figures):
        errors = fig["failed"] + fig["non_2xx"]
        rate = fig["requests"] / fig["seconds"] if fig["seconds"] else 0
        total_latencies += fig["latencies"]
        path = url.split("//", 1)[1].split("/", 1)[1]
        print(f"/{path:<33}{fig['requests']:>9}{errors:>8}{rate:>8.1f}"
              f"{percentile(fig['latencies'], .5):>9.0f}{percentile(fig['latencies'], .99):>9.0f}")
    requests = sum(f["requests"] for f in figures)
    errors = sum(f["failed"] + f["non_2xx"] for f in figures)
    seconds = max(f["seconds"] for f in figures) or 1
    print(f"{'total':<34}{requests:>9}{errors:>8}{requests / seconds:>8.1f}"
          f"{percentile(total_latencies, .5):>9.0f}{percentile(total_latencies, .99):>9.0f}")
    print(f"PostgreSQL connections, most during the run: {sampler.most_to_database} to this database, "
          f"{sampler.most_in_cluster} in the cluster")


def bench(name, command, env, port, clients, seconds, config, log):
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        incident = first_incident_id(wait_until_up(base, server))
        urls = [f"{base}/", f"{base}/api/v1/incidents/", f"{base}/incidents/{incident}/"]
        shares = [clients // len(urls) + (i < clients % len(urls)) for i in range(len(urls))]
        sampler = ConnectionSampler(config)
        sampler.start()
        with tempfile.TemporaryDirectory() as workdir:
            runs = [ab_run(url, share, seconds, workdir) for url, share in zip(urls, shares)]
            figures = [ab_figures(process.communicate()[0], timings) for process, timings in runs]
        sampler.stop.set()
        sampler.join()
        print(f"\n{name}: {' '.join(command)}\n{clients} clients ({'+'.join(map(str, shares))}) for {seconds} s")
        report(name, urls, figures, sampler)
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--server", choices=["runserver", "gunicorn", "both"], default="both")
    parser.add_argument("--port", type=int, default=8401)
    args = parser.parse_args()
    if not shutil.which("ab"):
        raise SystemExit("This bench needs ApacheBench: apt-get install apache2-utils")

    env = dict(os.environ, DJANGO_DEBUG="true")  # migrate and load as `make run` does
    env.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    config = dj_database_url.parse(env["DATABASE_URL"])
    manage("migrate", "--no-input", "--verbosity", "0", env=env)
    manage("load_reference", "--verbosity", "0", env=env)
    manage("load_seed", "--verbosity", "0", env=env)
    servers = {"runserver": runserver_command, "gunicorn": gunicorn_command}
    names = list(servers) if args.server == "both" else [args.server]
    (ROOT / ".run").mkdir(exist_ok=True)
    with open(ROOT / ".run" / "bench_concurrency.log", "w") as log:
        for name in names:
            command, server_env = servers[name](args.port)
            if name == "gunicorn":
                # As the Dockerfile does: the hashed static files the app serves with DEBUG off.
                manage("collectstatic", "--no-input", "--verbosity", "0", env=server_env)
            bench(name, command, server_env, args.port, args.clients, args.seconds, config, log)
    print(f"\nServer logs: {log.name}")


if __name__ == "__main__":
    main()
