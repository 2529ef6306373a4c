"""The deployment files agree with the settings: what can be checked without a Docker engine."""
import re
import subprocess
from pathlib import Path

import dj_database_url
import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_web_uses_the_postgis_backend(compose):
    url = compose["services"]["web"]["environment"]["DATABASE_URL"]
    config = dj_database_url.parse(url)
    assert config["ENGINE"] == "django.contrib.gis.db.backends.postgis"
    db_env = compose["services"]["db"]["environment"]
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == (
        db_env["POSTGRES_DB"],
        db_env["POSTGRES_USER"],
        db_env["POSTGRES_PASSWORD"],
    )
    assert config["HOST"] == "db"
    assert compose["services"]["db"]["image"].startswith("postgis/postgis:15-3")


def test_compose_runs_only_commands_that_exist(compose):
    command = compose["services"]["web"]["command"]
    used = set(re.findall(r"manage\.py (\w+)", command))
    assert used == {"migrate", "load_reference", "load_seed"}
    assert used <= set(get_commands())


def test_compose_refuses_to_start_without_a_secret_key(compose):
    assert ":?" in compose["services"]["web"]["environment"]["DJANGO_SECRET_KEY"]


def test_production_settings_refuse_the_development_key():
    result = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-c", "import django; import os; "
         "os.environ['DJANGO_SETTINGS_MODULE']='tracker.settings'; django.setup()"],
        env={"DJANGO_DEBUG": "false", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_requirements_are_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r"):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line), f"{name}: {line} is not pinned"


def test_dockerfile_installs_what_the_setup_script_installs():
    dockerfile = (ROOT / "Dockerfile").read_text()
    setup = (ROOT / "scripts/setup-system.sh").read_text()
    for library in ("libgdal32", "libgeos-c1v5", "libproj25"):
        assert library in dockerfile and library in setup


def gunicorn_options(words):
    words = [word.strip('",[]') for word in words]
    return {"workers": int(words[words.index("--workers") + 1]), "threads": int(words[words.index("--threads") + 1])}


def test_gunicorn_threads_fit_the_connection_pool(compose):
    pool = settings.DATABASES["default"]["OPTIONS"]["pool"]
    dockerfile_cmd = next(line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD"))
    for command in (compose["services"]["web"]["command"], dockerfile_cmd):
        options = gunicorn_options(command.split())
        # Each thread of a worker holds one connection while it serves a request: the pool never makes it wait.
        assert options["threads"] <= pool["max_size"]
        # And every worker's pool together stays well under PostgreSQL's max_connections (100).
        assert options["workers"] * pool["max_size"] <= 50
