"""Every page we serve has a Content-Security-Policy that runs our static scripts only, and works under it.

An attacker controls article text, titles and names that the pages show. Escaping keeps them text; the
policy is the second wall: even markup that slipped through could run no inline script, no event
handler attribute and no script from elsewhere. The pages must then still work with their scripts all in
static files: each is loaded in Chromium, and nothing may be refused.
"""
import re
import pytest
from django.contrib.gis.geos import Point

from ..conftest import csp_violation_events
from ..factories import IncidentFactory
from ..test_browser_import import ENGLISH, draft_of, proposal_for, reference, signed_in  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def assert_strict_policy(page):
    """Assert the page's document came with a policy that allows only our own scripts, and was obeyed."""
    response = page.context.request.get(page.url)
    policy = dict(
        directive.strip().split(" ", 1) for directive in response.headers["content-security-policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert "https://tile.openstreetmap.org" in policy["img-src"]
    assert page.csp_violations == []
    assert csp_violation_events(page) == []
    assert page.js_errors == []


@pytest.fixture
def incident():
    return IncidentFactory(point=Point(44.3954, 33.2982, srid=4326))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_map_page(open_page, incident, language):
    page = open_page("/", language=language)

    page.locator("#incident-map .leaflet-basemap-pane path").first.wait_for(state="attached")
    page.locator("#incident-list li").first.wait_for()
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_incident_page(open_page, incident, language):
    page = open_page(f"/incidents/{incident.pk}/", language=language)

    page.locator("#incident-map .leaflet-marker-icon, #incident-map .leaflet-interactive").first.wait_for()
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_not_found_page(open_page, language):
    page = open_page("/no-such-page/", language=language)

    assert page.locator("h1").inner_text() == ("Page not found" if language == "en" else "الصفحة غير موجودة")
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_api_docs(open_page, language):
    page = open_page("/api/docs/", language=language)

    page.locator(".swagger-ui .info .title").wait_for()
    assert "Marsad API" in page.locator(".swagger-ui .info .title").inner_text()
    page.locator(".swagger-ui .opblock").first.wait_for()  # the operations, read from the schema
    assert page.blocked_requests == []
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_api_redoc(open_page, language):
    page = open_page("/api/redoc/", language=language)

    page.locator(".api-info h1").wait_for()
    assert "Marsad API" in page.locator(".api-info h1").inner_text()
    page.locator("[data-section-id^='operation/']").first.wait_for(state="attached")  # read from the schema
    assert page.blocked_requests == []
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_browsable_api(open_page, incident, language):
    page = open_page("/api/v1/incidents/?format=api", language=language)

    page.locator(".response-info").wait_for()
    # The features come as PostgreSQL writes JSON ("id" : 5), not re-indented.
    assert re.search(rf'"id"\s*:\s*{incident.pk}\b', page.locator(".response-info").inner_text())
    page.wait_for_load_state("load")
    assert page.blocked_requests == []
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_admin_index(open_page, language):
    page = signed_in(open_page, "/admin/", language=language)

    page.locator("#content").wait_for()
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_admin_incident_change_form_with_its_map_widget(open_page, incident, language):
    page = signed_in(open_page, f"/admin/incidents/incident/{incident.pk}/change/", language=language)

    page.locator("#id_point-map .leaflet-marker-icon").wait_for()
    assert page.locator("#id_point-map .leaflet-draw").count() == 1  # the widget's drawing tools
    page.locator("#id_point-map .leaflet-basemap-pane path").first.wait_for(state="attached")
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_admin_import_page(open_page, language):
    page = signed_in(open_page, "/admin/incidents/importdraft/import/", language=language)

    page.locator("form textarea").first.wait_for()
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_admin_review_page(open_page, reference, language):
    draft = draft_of(ENGLISH, "en", proposal_for(ENGLISH))
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/", language=language)

    page.locator("#incident-0-map.leaflet-container").wait_for()
    assert_strict_policy(page)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    "path_of",
    [
        lambda incident: "/admin/incidents/incident/?q=rocket",
        lambda incident: f"/admin/incidents/location/{incident.location.pk}/change/",
        lambda incident: f"/admin/incidents/incident/{incident.pk}/history/",
        lambda incident: "/admin/incidents/source/",
    ],
    ids=["incident-list", "location-change", "incident-history", "source-list"],
)
def test_other_admin_pages(open_page, incident, path_of, language):
    page = signed_in(open_page, path_of(incident), language=language)

    page.locator("#content").wait_for()
    page.wait_for_load_state("load")
    assert_strict_policy(page)
