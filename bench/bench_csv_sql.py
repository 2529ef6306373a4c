"""Time the CSV export's own SQL in PostgreSQL, variants interleaved: what a change to incidents/api/csv.py saves.

    .venv/bin/python bench/bench_csv_sql.py --print /tmp/new.sql          # the export's SQL as this tree builds it
    .venv/bin/python bench/bench_csv_sql.py --rounds 3 /tmp/old.sql /tmp/new.sql   # COPY each to nowhere

`--print` asks the API for `/api/v1/incidents/?format=csv` in-process (RequestFactory, host "localhost") with
the COPY replaced by a recorder, and writes the statement it would run, parameters inlined (psycopg's
mogrify). The timing runs `COPY (sql) TO STDOUT WITH (FORMAT csv)` for each file in turn, round after round,
under the export's session settings (incidents.api.csv.export_settings), reads every byte and drops it; it
prints each variant's median (min–max) seconds, bytes, rows/s and the CPU seconds its PostgreSQL backend used
(from /proc: less noisy than wall time on a shared machine), and the load average before and after.
`--python-loop` also times copy_rows' per-row loop over a variant (Python's share, on top of the COPY).
Against the database of DATABASE_URL (the bench's `marsad` by default): reads only.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgis://marsad:marsad@127.0.0.1:54329/marsad")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789abcdefghijklmnop")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from incidents.api import csv as csv_export  # noqa: E402
from incidents.api.views import IncidentViewSet  # noqa: E402


def export_sql(path="/api/v1/incidents/?format=csv"):
    """Return the SQL the export of `path` runs, its parameters inlined."""
    recorded = []

    def recorder(query, chunk_rows=csv_export.CSV_CHUNK_ROWS):
        recorded.append(query)
        yield b""

    original = csv_export.copy_rows
    csv_export.copy_rows = recorder
    try:
        response = IncidentViewSet.as_view({"get": "list"})(RequestFactory(HTTP_HOST="localhost").get(path))
        b"".join(response.streaming_content)
    finally:
        csv_export.copy_rows = original
    [(sql, params)] = recorded
    with connection.cursor() as cursor:
        return cursor.cursor.mogrify(sql, params)


def session(cursor, extra=None):
    cursor.execute("RESET ALL")  # the settings of the variant before
    settings = {**csv_export.export_settings(), **(extra or {})}
    for name, value in settings.items():
        cursor.execute("SELECT set_config(%s, %s, false)", [name, value])


def copy_to_nowhere(cursor, sql):
    size = 0
    with cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)") as copy:
        for block in copy:
            size += len(block)
    return size


def python_loop(cursor, sql):
    """copy_rows' loop as it stands: the COPY read row by row, each row's LF made CRLF, chunks joined."""
    size = 0
    for chunk in csv_export.copy_rows((sql, None)):
        size += len(chunk)
    return size


def backend_cpu(pid):
    """Return the CPU seconds the PostgreSQL backend `pid` has used (user + system): wall time on a shared
    machine measures the other work too."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load():
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", help="SQL files to time, interleaved (file@name=value,… adds settings)")
    parser.add_argument("--print", dest="print_to", help="write this tree's export SQL to this file")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--python-loop", action="store_true", help="also time copy_rows over the last file")
    args = parser.parse_args()
    if args.print_to:
        Path(args.print_to).write_text(export_sql())
        print(f"wrote {args.print_to}")
    if not args.files:
        return
    # A file may carry settings of its own for its runs: /tmp/new.sql@jit=off,work_mem=64MB
    variants = {name: Path(name.split("@")[0]).read_text() for name in args.files}
    extra = {name: dict(pair.split("=", 1) for pair in name.split("@")[1].split(",")) if "@" in name else {}
             for name in args.files}
    runs = {name: [] for name in variants}
    cpu = {name: [] for name in variants}
    if args.python_loop:
        loop_name = f"copy_rows over {args.files[-1]}"
        runs[loop_name] = []
        cpu[loop_name] = []
    sizes = {}
    print(f"load average before: {load()}")
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        backend = cursor.execute("SELECT pg_backend_pid()").fetchone()[0]
        for number in range(args.rounds):
            for name, sql in variants.items():
                session(cursor, extra[name])  # copy_rows resets them when it ends
                start, start_cpu = time.perf_counter(), backend_cpu(backend)
                sizes[name] = copy_to_nowhere(cursor, sql)
                runs[name].append(time.perf_counter() - start)
                cpu[name].append(backend_cpu(backend) - start_cpu)
                print(f"  round {number + 1} {name}: {runs[name][-1]:.2f} s, PostgreSQL CPU {cpu[name][-1]:.2f} s"
                      f" (load {load()})", flush=True)
            if args.python_loop:
                start = time.perf_counter()
                session(cursor, extra[args.files[-1]])
                sizes[loop_name] = python_loop(cursor, variants[args.files[-1]])
                runs[loop_name].append(time.perf_counter() - start)
                print(f"  round {number + 1} {loop_name}: {runs[loop_name][-1]:.2f} s (load {load()})", flush=True)
        rows = cursor.execute(f"SELECT count(*) FROM ({variants[args.files[0]]}) AS export").fetchone()[0]
    print(f"load average after: {load()}; {rows:,} rows")
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        used = cpu[name]
        print(f"{name}: {median:.2f} s ({min(seconds):.2f}–{max(seconds):.2f}), {sizes[name]:,} bytes, "
              f"{rows / median:,.0f} rows/s; CPU {statistics.median(used):.2f} s ({min(used):.2f}–{max(used):.2f})")


if __name__ == "__main__":
    main()
