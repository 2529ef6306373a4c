"""The map page and the incident page in a real browser (Chromium, no network beyond this machine)."""
import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from incidents.api.views import IncidentPagination
from incidents.models import Status

from .factories import (
    ActorFactory,
    IncidentActorFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
)

pytestmark = pytest.mark.browser

HOSTILE_TITLE = "<img src=x onerror=alert(1)><script>alert(1)</script>"

# Places far enough apart not to cluster at the map's first zoom.
BAGHDAD = Point(44.40, 33.33, srid=4326)
ERBIL = Point(44.01, 36.19, srid=4326)
DEIR_EZ_ZOR = Point(40.14, 35.33, srid=4326)
BASRA = Point(47.78, 30.51, srid=4326)

# The number of incidents the map draws: single markers plus the counts of the clusters.
MARKED_INCIDENTS_JS = """() => {
  const singles = document.querySelectorAll('#incident-map .incident-marker').length;
  const clustered = [...document.querySelectorAll('#incident-map .incident-cluster-count')]
    .reduce((sum, node) => sum + Number(node.dataset.count), 0);
  return singles + clustered;
}"""


def incident_at(point, **kwargs):
    return IncidentFactory(location=LocationFactory(point=point), point=point, **kwargs)


def wait_for_incidents(page):
    page.wait_for_selector("body[data-incidents-loaded]")
    assert page.get_attribute("body", "data-incidents-loaded") != "error"


def test_map_shows_every_published_incident_and_no_draft(open_page):
    published = [incident_at(point) for point in (BAGHDAD, ERBIL, DEIR_EZ_ZOR, BASRA)]
    incident_at(BAGHDAD, title="Unverified draft report", status=Status.DRAFT)

    page = open_page("/")
    wait_for_incidents(page)

    expect(page.locator("#incident-list > li")).to_have_count(len(published))
    page.wait_for_function(f"() => ({MARKED_INCIDENTS_JS})() === {len(published)}")  # a function: no eval under the CSP
    expect(page.locator("#incident-status")).to_have_text("Published incidents: 4")
    expect(page.get_by_text("Unverified draft report")).to_have_count(0)
    assert page.js_errors == []


def test_incidents_on_more_than_one_api_page_are_all_shown(open_page, monkeypatch):
    # Five incidents and pages of two: the page must follow `next` links to the end.
    monkeypatch.setattr(IncidentPagination, "max_page_size", 2)
    for number in range(5):
        incident_at(Point(38 + number, 31 + number, srid=4326))

    page = open_page("/")
    wait_for_incidents(page)

    expect(page.locator("#incident-list > li")).to_have_count(5)
    page.wait_for_function(f"() => ({MARKED_INCIDENTS_JS})() === 5")


def test_hostile_title_is_shown_as_text_and_runs_nothing(open_page):
    incident = incident_at(BAGHDAD, title=HOSTILE_TITLE, title_ar="")
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en=HOSTILE_TITLE, name_ar=""))
    IncidentSourceFactory(incident=incident, source=SourceFactory(title=HOSTILE_TITLE, url="javascript:alert(1)"))

    page = open_page("/")
    wait_for_incidents(page)

    expect(page.locator("#incident-list .incident-title")).to_have_text(HOSTILE_TITLE)
    page.get_by_role("button", name="Show on map").click()
    expect(page.locator(".leaflet-popup .incident-title")).to_have_text(HOSTILE_TITLE)
    assert page.locator("img[src='x']").count() == 0

    page.locator("#incident-list .incident-title a").click()
    page.wait_for_selector("body[data-incident-loaded]")
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    expect(page.locator("#incident-actors .actor-name")).to_have_text(HOSTILE_TITLE)
    expect(page.locator("#incident-sources .source-title")).to_have_text(HOSTILE_TITLE)
    assert page.locator("#incident-sources a").count() == 0  # a javascript: URL is not made a link
    assert page.locator("img[src='x']").count() == 0
    assert page.title().startswith(HOSTILE_TITLE)
    assert page.dialogs == []
    assert page.js_errors == []


def test_popup_shows_date_title_type_place_and_killed(open_page):
    incident = incident_at(BAGHDAD, title="Rocket strike on the airport", killed_best=3)

    page = open_page("/")
    wait_for_incidents(page)
    page.locator("#incident-map .incident-marker").click()

    popup = page.locator(".leaflet-popup")
    expect(popup.locator(".incident-date")).to_have_text("Dec 8, 2023")
    expect(popup.locator(".incident-title")).to_have_text("Rocket strike on the airport")
    expect(popup.locator(".fact").filter(has_text="Type").locator("dd")).to_have_text("Explosions/Remote violence")
    expect(popup.locator(".fact").filter(has_text="Location").locator("dd")).to_have_text(incident.location.name_en)
    expect(popup.locator(".fact").filter(has_text="Killed").locator("dd")).to_have_text("3")
    details = popup.get_by_role("link", name="Details")
    assert details.get_attribute("href").endswith(f"/incidents/{incident.pk}/")


def test_arabic_page_is_right_to_left_with_arabic_text(open_page):
    incident_at(BAGHDAD, title="Rocket attack", title_ar="هجوم صاروخي على المطار")

    page = open_page("/", language="ar")
    wait_for_incidents(page)

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("#incident-list-heading")).to_have_text("الحوادث")
    expect(page.locator("#incident-status")).to_have_text("الحوادث المنشورة: ١")
    expect(page.locator("#incident-list .incident-title")).to_have_text("هجوم صاروخي على المطار")
    expect(page.locator("#incident-list .show-on-map")).to_have_text("اعرض على الخريطة")
    # The layout mirrors: the list sits left of the map.
    map_box = page.locator(".map-panel").bounding_box()
    list_box = page.locator(".list-panel").bounding_box()
    assert list_box["x"] < map_box["x"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_phone_width_has_no_horizontal_overflow_and_puts_the_map_first(open_page, language):
    incident_at(BAGHDAD, title="A rather long title " * 6, title_ar="عنوان طويل نوعاً ما " * 6)

    page = open_page("/", language=language, viewport=(390, 844))
    wait_for_incidents(page)

    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    map_box = page.locator(".map-panel").bounding_box()
    list_box = page.locator(".list-panel").bounding_box()
    assert map_box["height"] > 300
    assert map_box["y"] + map_box["height"] <= list_box["y"] + 1


def test_map_is_drawn_without_tiles_and_nothing_leaves_the_machine(open_page):
    incident_at(BAGHDAD)

    page = open_page("/")
    wait_for_incidents(page)

    # The offline country outlines are drawn beneath the (unreachable) tiles.
    expect(page.locator(".leaflet-basemap-pane path").first).to_be_attached()
    assert page.locator(".leaflet-basemap-pane path").count() > 10
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("GeoNames (geonames.org)")
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("OCHA")
    assert page.blocked_requests, "the tile requests should have been blocked"
    assert all("tile" in url for url in page.blocked_requests)

