"""The app in a process of its own, on the test database: for tests whose subject is the process itself
(a request that must not kill it, settings read at start-up, connections it opens)."""
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_url(settings_dict=None, **query):
    """Return the URL of the test database (or of `settings_dict`), for a process's DATABASE_URL."""
    url = "postgis://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**(settings_dict or connection.settings_dict))
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`manage.py runserver --noreload` in a subprocess, serving the test database with development settings.

    `environment` adds to or overrides the process's environment (DATABASE_URL, pool sizes, ...).
    """

    def __init__(self, **environment):
        self.environment = environment
        self.process = None
        self.url = None

    def start(self):
        port = free_port()
        self.log = tempfile.TemporaryFile()
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "DJANGO_DEBUG": "true",
            "PYTHONUNBUFFERED": "1",
            **self.environment,
        }
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,  # a file, not a pipe: a full pipe would block the server
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"The server did not start: {self.output()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        pytest.fail("The server did not start within 60 s.")

    def alive(self):
        return self.process.poll() is None

    def death(self):
        """Return how the process ended: its exit code and the end of what it wrote."""
        return f"exit code {self.process.returncode}: {self.output()[-500:]}"

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self):
        if self.process is not None and self.alive():
            self.process.terminate()
            self.process.wait(30)
