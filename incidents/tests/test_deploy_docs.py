"""docs/DEPLOY.md agrees with the code: its environment passes Django's deployment checks, its variables and
commands exist, and its gunicorn runs as docker-compose.yml's does."""
import os
import re
import secrets
import subprocess

import pytest
import yaml
from django.core.management import get_commands

from .processes import ROOT, database_url

DEPLOY = (ROOT / "docs/DEPLOY.md").read_text()


def code_block(start):
    """Return the code block of DEPLOY.md whose first line starts with `start`."""
    for block in re.findall(r"```\w*\n(.*?)```", DEPLOY, re.S):
        if block.startswith(start):
            return block
    raise AssertionError(f"DEPLOY.md has no block starting {start!r}")


def environment_file():
    """Return the variables of DEPLOY.md's /etc/marsad/marsad.env."""
    block = code_block("# /etc/marsad/marsad.env ")
    return dict(line.split("=", 1) for line in block.splitlines() if line and not line.startswith("#"))


def read_variables():
    """Return the environment variables that the settings and the backups read."""
    code = (ROOT / "tracker/settings.py").read_text() + (ROOT / "scripts/backup.py").read_text()
    return set(re.findall(r"""(?:environ\.get|env_bool|env_list|api_rate)\(\s*"([A-Z_]+)\"""", code))


def test_the_environment_file_passes_the_deployment_checks():
    environment = environment_file()
    assert environment["DJANGO_SECRET_KEY"] == "CHANGE-ME"
    environment["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    environment["DATABASE_URL"] = database_url()
    result = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **environment},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DJANGO_DEBUG" not in environment


@pytest.mark.parametrize(
    "variables",
    [
        pytest.param(lambda: environment_file(), id="environment file"),
        pytest.param(
            lambda: yaml.safe_load(code_block("# docker-compose.override.yml"))["services"]["web"]["environment"],
            id="compose override",
        ),
    ],
)
def test_every_variable_deploy_sets_is_read_by_the_code(variables):
    assert set(variables()) <= read_variables()


def test_the_compose_override_keeps_the_services_of_docker_compose_yml():
    base = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    override = yaml.safe_load(code_block("# docker-compose.override.yml"))
    assert set(override["services"]) <= set(base["services"])
    assert set(override["services"]["db"]["environment"]) <= set(base["services"]["db"]["environment"])


def test_gunicorn_runs_as_docker_compose_yml_runs_it():
    compose_command = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]["command"]
    (workers,) = re.findall(r"gunicorn tracker\.wsgi:application .*?(--workers \d+ --worker-class \w+ --threads \d+)",
                            compose_command)
    unit = code_block("# /etc/systemd/system/marsad.service")
    override = yaml.safe_load(code_block("# docker-compose.override.yml"))["services"]["web"]["command"]
    for command in (" ".join(unit.replace("\\\n", " ").split()), " ".join(override.split())):
        assert "tracker.wsgi:application" in command
        assert workers in command


def test_the_commands_deploy_runs_exist():
    used = set(re.findall(r"(?:marsad-manage|manage\.py) (\w+)", DEPLOY))
    assert {"migrate", "collectstatic", "createsuperuser", "load_reference", "check"} <= used
    assert used <= set(get_commands())
    commands = "\n".join(
        line for block in re.findall(r"```\w*\n(.*?)```", DEPLOY, re.S) for line in block.splitlines()
        if "apt-get install" not in line
    )
    targets = set(re.findall(r"\bmake (?:--no-print-directory |-C \S+ )*(\w+)", commands))
    makefile = (ROOT / "Makefile").read_text()
    assert targets == {"backup", "restore", "venv"}
    assert all(re.search(rf"^{target}:", makefile, re.M) for target in targets)


def test_the_readme_links_deploy():
    assert "(docs/DEPLOY.md)" in (ROOT / "README.md").read_text()
