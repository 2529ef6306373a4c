"""DEBUG is off unless a development command turns it on, and the app works with it off.

With DEBUG on, an error page shows the settings and the process environment, database password included,
to whoever caused the error: a server started by hand must never have it on.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..processes import database_url

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_KEY = "a-real-secret-key-for-this-test-only-5e1f7c0a9b3d4e2f8a6c"


def run_python(code, **env):
    """Run `code` with the project's Python in a fresh process whose environment is only `env`."""
    return subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "tracker.settings", **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_debug_is_off_when_the_environment_does_not_turn_it_on():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        DJANGO_SECRET_KEY=PRODUCTION_KEY,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_development_key_is_refused_with_a_message_that_says_what_to_do():
    result = run_python("import django; django.setup()")
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr
    assert "DJANGO_DEBUG=true" in result.stderr


@pytest.mark.django_db
def test_pages_render_with_debug_off_after_collectstatic_run_as_make_runs_it(tmp_path):
    # `make run` collects the static files with DEBUG on; a server started afterwards with DEBUG off
    # must find the manifest of hashed names it needs.
    static_root = str(tmp_path / "static")
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "true", "DJANGO_STATIC_ROOT": static_root},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert collect.returncode == 0, collect.stderr

    result = run_python(
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False)\n"
        "print(json.dumps({path: client.get(path).status_code for path in "
        "['/', '/admin/login/', '/incidents/987654/', '/api/docs/', '/api/v1/incidents/']}))",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=PRODUCTION_KEY,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_STATIC_ROOT=static_root,
        DATABASE_URL=database_url(),
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "/": 200,
        "/admin/login/": 200,
        "/incidents/987654/": 404,
        "/api/docs/": 200,
        "/api/v1/incidents/": 200,
    }
