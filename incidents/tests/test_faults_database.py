"""The database stops under the running app: pages and the API answer 503 at once (JSON for the API, with
Retry-After), the process lives on, and it serves again by itself when the database is back, no restart.

The database "stops" for the app only: the app reaches PostgreSQL through a TCP proxy that the test cuts
(every open connection dropped, new ones refused) and then restores, while the test database itself stays up.
"""
import json
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest
from django.db import connection

from incidents.models import Status

from .factories import IncidentFactory
from .processes import Server, database_url

pytestmark = pytest.mark.django_db(transaction=True)


class CuttableProxy:
    """A TCP proxy to PostgreSQL on a fixed local port, which `cut()` takes down and `restore()` brings back."""

    def __init__(self, host, port):
        self.target = (host, int(port))
        self.port = None
        self.listener = None
        self.sockets = set()
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port or 0))
        self.port = self.listener.getsockname()[1]
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()
        return self

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            try:
                end.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        # shutdown() wakes the thread blocked in accept(); close() alone would leave it listening.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for end in self.sockets:
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                end.close()
            self.sockets.clear()

    restore = start


def get(url):
    """Return (status, headers, body) of a GET, whatever the status, and the seconds it took."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            result = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        result = error.code, error.headers, error.read()
    return (*result, time.monotonic() - started)


@pytest.fixture
def app_behind_proxy():
    settings = connection.settings_dict
    proxy = CuttableProxy(settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432).start()
    server = Server(
        DATABASE_URL=database_url({**settings, "HOST": "127.0.0.1", "PORT": proxy.port}),
        # Production settings: DEBUG off, so that errors go through the app's own error views.
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="faults-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
    ).start()
    yield proxy, server
    server.stop()
    proxy.cut()


def test_with_the_database_gone_the_app_answers_503_quickly_and_recovers_by_itself(app_behind_proxy):
    proxy, server = app_behind_proxy
    incident = IncidentFactory(status=Status.PUBLISHED, title="Rockets on Ain al-Asad")
    api, page = f"{server.url}/api/v1/incidents/?format=json", f"{server.url}/incidents/{incident.pk}/"
    status, _, body, _ = get(api)
    assert status == 200 and json.loads(body)["count"] == 1
    assert get(page)[0] == 200

    proxy.cut()
    for _ in range(3):  # the pool's connections are dead, then there are none: each answer is quick
        status, headers, body, seconds = get(api)
        assert status == 503, body[:500]
        assert headers["Content-Type"] == "application/json" and headers["Retry-After"] == "30"
        assert "database is not available" in json.loads(body)["detail"]
        assert seconds < 5, f"the API took {seconds:.1f} s to say it is unavailable"
    status, headers, body, seconds = get(page)
    assert status == 503 and "Temporarily unavailable" in body.decode() and seconds < 5
    assert server.alive(), server.death()

    proxy.restore()
    deadline = time.monotonic() + 60
    while (status := get(api)[0]) != 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert status == 200, "the app did not serve again within 60 s of the database's return"
    assert get(page)[0] == 200 and server.alive()
