"""Many clients at once cannot exhaust PostgreSQL's connections, and no statement runs unbounded."""
import os
import subprocess
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from ..factories import IncidentFactory
from ..processes import Server, database_url

ROOT = Path(__file__).resolve().parents[3]
PYTHON = str(ROOT / ".venv/bin/python")


def run_django(code, *, manage_py=False, **environment):
    """Run `code` in a new process configured like the app, on the test database; return the result."""
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": database_url(),
        "DJANGO_DEBUG": "true",  # development settings: no secret key needed
        **environment,
    }
    command = [PYTHON, "manage.py", "shell", "-c", code] if manage_py else [
        PYTHON, "-c", "import django; django.setup()\n" + code
    ]
    env.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    return subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.django_db
def test_tests_run_on_the_test_database_through_the_pool():
    # A pool opened before the test database exists would keep connecting to the real one.
    assert connection.pool is not None
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        assert cursor.fetchone()[0] == connection.settings_dict["NAME"]
    assert connection.settings_dict["NAME"].startswith("test_")


def test_the_pool_stays_well_under_postgresql_connections():
    pool = settings.DATABASES["default"]["OPTIONS"]["pool"]
    gunicorn_workers = 3  # the Dockerfile's and docker-compose.yml's --workers
    assert gunicorn_workers * pool["max_size"] <= 100 // 2
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 0
    assert 0 < pool["timeout"] <= 15


@pytest.mark.django_db(transaction=True)
def test_a_statement_longer_than_the_limit_is_cancelled():
    result = run_django(
        "import time\n"
        "from django.db import connection, OperationalError\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('SELECT pg_sleep(0.05)')\n"
        "    start = time.monotonic()\n"
        "    try:\n"
        "        cursor.execute('SELECT pg_sleep(3)')\n"
        "    except OperationalError as error:\n"
        "        print('cancelled after %.1f s: %s' % (time.monotonic() - start, error))\n",
        DJANGO_DB_STATEMENT_TIMEOUT="0.3",
    )
    assert result.returncode == 0, result.stderr
    assert "canceling statement due to statement timeout" in result.stdout
    assert float(result.stdout.split("after ")[1].split(" s")[0]) < 2


@pytest.mark.django_db(transaction=True)
def test_web_requests_get_the_statement_limit_and_commands_none():
    show = "from django.db import connection\nwith connection.cursor() as c:\n    c.execute('SHOW statement_timeout'); print(c.fetchone()[0])"
    assert run_django(show).stdout.split() == ["30s"]
    assert run_django(show, manage_py=True).stdout.split()[-1] == "0"
    assert run_django(show, manage_py=True, DJANGO_DB_STATEMENT_TIMEOUT="120").stdout.split()[-1] == "2min"



@pytest.mark.django_db(transaction=True)
def test_connections_get_the_configured_work_mem():
    show = "from django.db import connection\nwith connection.cursor() as c:\n    c.execute('SHOW work_mem'); print(c.fetchone()[0])"
    assert run_django(show).stdout.split() == ["32MB"]
    assert run_django(show, DJANGO_DB_WORK_MEM="64MB").stdout.split() == ["64MB"]


@pytest.fixture
def limited_role(transactional_db):
    """Return a database role allowed only a few connections, like a PostgreSQL near its max_connections."""
    name = f"{connection.settings_dict['NAME']}_few"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP ROLE IF EXISTS "{name}"')
        cursor.execute(f"""CREATE ROLE "{name}" LOGIN PASSWORD 'few' CONNECTION LIMIT 6 IN ROLE "{connection.settings_dict['USER']}" """)
    yield {**connection.settings_dict, "USER": name, "PASSWORD": "few"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", [name])
        cursor.execute(f'DROP ROLE IF EXISTS "{name}"')


def server_connections(role):
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s", [role])
        return cursor.fetchone()[0]


def test_many_concurrent_requests_share_a_bounded_pool(limited_role):
    IncidentFactory.create_batch(3)
    server = Server(DATABASE_URL=database_url(limited_role), DJANGO_DB_POOL_MIN="1", DJANGO_DB_POOL_MAX="4").start()
    url = f"{server.url}/api/v1/incidents/"
    try:
        most, running = [0], threading.Event()

        def sample():
            try:
                while not running.wait(0.05):
                    most[0] = max(most[0], server_connections(limited_role["USER"]))
            finally:
                connection.close()  # back to the pool: a connection left out keeps the test database open

        def fetch(_):
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code
            except OSError as error:  # refused, reset or timed out
                return type(error).__name__

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            with ThreadPoolExecutor(max_workers=40) as clients:
                statuses = list(clients.map(fetch, range(120)))
        finally:
            running.set()
            sampler.join()
    finally:
        server.stop()
    # More clients at once than the role may open connections: all served, through at most the pool's four.
    assert statuses.count(200) == len(statuses), {status: statuses.count(status) for status in statuses}
    assert 1 <= most[0] <= 4
