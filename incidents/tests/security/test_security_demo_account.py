"""The demo editor, whose password is public, exists only in development: never on a deployed site."""
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings

from incidents.management.commands.demo_editor import DEMO_USERNAME

from ..processes import database_url

ROOT = Path(__file__).resolve().parents[3]
REFUSAL = "The demo editor is for development only and DJANGO_DEBUG is off: nothing was created."


def assert_no_demo_account():
    assert not get_user_model().objects.filter(username=DEMO_USERNAME).exists()
    assert not Group.objects.filter(name="Editors").exists()


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_demo_editor_refuses_to_run_with_debug_off():
    with pytest.raises(CommandError, match="nothing was created") as refusal:
        call_command("demo_editor")
    assert str(refusal.value).startswith(REFUSAL)
    assert "manage.py createsuperuser" in str(refusal.value)
    assert_no_demo_account()


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_demo_editor_does_not_print_the_demo_password_with_debug_off(capsys):
    with pytest.raises(CommandError):
        call_command("demo_editor", "--print-login")
    assert "password" not in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_demo_editor_command_exits_non_zero_on_a_production_configuration():
    result = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "demo_editor"],
        env={
            "PATH": os.environ["PATH"],
            "DATABASE_URL": database_url(),
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "a-production-like-secret-key-for-this-test-only-0123456789",
        },
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode != 0
    assert REFUSAL in result.stderr
    assert "marsad-demo" not in result.stdout + result.stderr
    assert_no_demo_account()


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_demo_editor_still_serves_development():
    call_command("demo_editor")
    editor = get_user_model().objects.get(username=DEMO_USERNAME)
    assert editor.is_staff and editor.groups.filter(name="Editors").exists()


def test_compose_creates_no_demo_account():
    command = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]["command"]
    assert "demo_editor" not in command


def test_readme_tells_how_to_create_the_first_administrator():
    readme = (ROOT / "README.md").read_text()
    assert "docker compose run web python manage.py createsuperuser" in readme
