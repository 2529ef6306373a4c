"""Production settings are secure by default: a deployment that sets only its key and host passes
`manage.py check --deploy`; running over plain HTTP locally takes explicit switches."""
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENVIRONMENT = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x8Jk2#pQ9zLm4$Wv7Rt1@Yb6Nc3&Hd5Gf0Ea!Ku-Ts=Oi*Pl+Mn",
    "DJANGO_ALLOWED_HOSTS": "marsad.example.org",
}
SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER",
]


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def security_settings(env):
    """Return the security settings Django reads from environment `env`, in a fresh process."""
    code = (
        "from django.conf import settings; import json; "
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {SECURITY_SETTINGS!r}}}))"
    )
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_check_deploy_passes_with_only_the_key_and_hosts_set():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENVIRONMENT)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_defaults_are_https_only_and_trust_no_proxy_header():
    assert security_settings(PRODUCTION_ENVIRONMENT) == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": None,
    }


def test_switches_for_a_proxy_that_terminates_tls():
    env = {**PRODUCTION_ENVIRONMENT, "DJANGO_SECURE_PROXY_SSL_HEADER": "true"}

    assert security_settings(env)["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_docker_compose_turns_https_off_explicitly_for_its_local_http_address():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    web = compose["services"]["web"]
    env = {name: str(value) for name, value in web["environment"].items()}
    env["DJANGO_SECRET_KEY"] = PRODUCTION_ENVIRONMENT["DJANGO_SECRET_KEY"]

    assert web["ports"] == ["127.0.0.1:8000:8000"]
    assert security_settings(env) == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_PROXY_SSL_HEADER": None,
    }


def test_the_policy_allows_images_from_the_configured_tile_server():
    env = {**PRODUCTION_ENVIRONMENT, "MARSAD_TILE_URL": "https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png"}
    code = "from django.conf import settings; import json; print(json.dumps(settings.CONTENT_SECURITY_POLICY))"

    result = run_manage("shell", "-c", code, env=env)

    assert result.returncode == 0, result.stderr
    policy = json.loads(result.stdout.splitlines()[-1])
    assert policy["DIRECTIVES"]["img-src"] == ["'self'", "data:", "https://*.tiles.example.org"]
