import pytest
from django.core.cache import cache

from .factories import SuperUserFactory


@pytest.fixture(autouse=True)
def forget_request_counts():
    """Start each test with no request counted against the API's rate limits (they live in the cache)."""
    cache.clear()


@pytest.fixture
def admin_user_logged_in(client):
    """Return a client logged in as a superuser editor."""
    user = SuperUserFactory(username="chief-editor")
    client.force_login(user)
    client.user = user
    return client


# --- Browser tests: Playwright driving Debian's Chromium (map page) --------------------------------
# Kept apart from the fixtures above. Each test gets its own Playwright and Chromium: Playwright's sync
# API keeps an asyncio loop running in this thread while it is started, which trips Django's
# async-safety check on every database query, so the check is lifted only while a browser runs.
import functools  # noqa: E402
import os  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

from django.db import connections  # noqa: E402

from incidents.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _through_the_app(app):
    """Return the WSGI app as it is: its WhiteNoise middleware serves the static files."""
    return app


@pytest.fixture(scope="session")
def live_server(request):
    """Return pytest-django's live server, serving static files as production does.

    The pages ask for the hashed names of the collected files (DEBUG is off in tests); the live server's
    usual static handler looks for the source files under those names and finds none, so WhiteNoise serves
    them from STATIC_ROOT, as it does in production (`make test` runs collectstatic first).
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(request.config.getvalue("liveserver") or "localhost", start=False)
    server.thread.static_handler = _through_the_app
    server.start()
    yield server
    server.stop()


@pytest.fixture
def browser(monkeypatch):
    """Return a headless Chromium, launched for this test only."""
    from playwright import sync_api

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"No Chromium at {CHROMIUM}: run scripts/setup-system.sh --with-browser (make test does).")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # Queries made while Playwright ran used connections that Django will not see again once it
        # stops (they belong to that context): close them, or the test database cannot be dropped.
        connections.close_all()


# Runs in every page before its own scripts (Playwright injects it, whatever the page's CSP says).
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.effectiveDirective + " refused " + (event.blockedURI || "inline"));
});
"""


def csp_violation_events(page):
    """Return what the Content-Security-Policy refused on `page`, as its securitypolicyviolation events said."""
    return page.evaluate("() => window.__cspViolations")


def is_local(url):
    return url.startswith(("data:", "blob:")) or urlsplit(url).hostname in LOCAL_HOSTS


@pytest.fixture
def open_page(browser, live_server):
    """Return a function that opens a path of the live server in a new page and returns the page.

    The page records dialogs it dismissed (`page.dialogs`), requests it blocked (`page.blocked_requests`),
    JavaScript errors (`page.js_errors`) and what the Content-Security-Policy refused (`page.csp_violations`,
    from the console; `csp_violation_events(page)` gives those the page's own event reported).
    `bypass_csp=True` lets a test inject its own scripts (axe-core, accessibility.py); the page's own
    scripts are the same either way.
    """
    contexts = []

    def open_page(path, *, language="en", viewport=(1280, 800), bypass_csp=False):
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]},
            locale=language,
            extra_http_headers={"Accept-Language": language},
            bypass_csp=bypass_csp,
        )
        contexts.append(context)
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        page = context.new_page()
        page.dialogs, page.blocked_requests, page.js_errors, page.csp_violations = [], [], [], []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        page.on(
            "console",
            lambda message: page.csp_violations.append(message.text) if "Content Security Policy" in message.text
            or message.text.startswith("Refused to") else None,
        )

        def only_this_machine(route):
            # Let requests to this machine through and abort the rest: no test touches the network.
            if is_local(route.request.url):
                route.continue_()
            else:
                page.blocked_requests.append(route.request.url)
                route.abort()

        page.route("**/*", only_this_machine)
        page.goto(live_server.url + path)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def open_page_for_axe(open_page):
    """Return open_page for pages that accessibility.serious_violations() will check (axe-core injected)."""
    return functools.partial(open_page, bypass_csp=True)


@pytest.fixture
def without(monkeypatch):
    """Switch event rule families off for one test: without("name_part") (incidents/extraction/event_families.py)."""
    from incidents.extraction import event_families

    def switch_off(*names):
        monkeypatch.setattr(event_families, "ACTIVE", event_families.ACTIVE - set(names))

    return switch_off
