"""The map page holds no serious accessibility fault that axe-core finds, in both languages, wide and on a phone."""
import pytest
from django.contrib.gis.geos import Point
from django.templatetags.static import static

from .factories import IncidentFactory, LocationFactory

pytestmark = pytest.mark.browser

AXE = "vendor/axe-core-4.10.3/axe.min.js"
# The checks of WCAG 2.1 A and AA; the faults that count are those axe rates serious or critical.
RUN_AXE_JS = """async () => {
  const results = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => violation.id + ": " + violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | "));
}"""


def serious_violations(page, live_server):
    """Return axe-core's serious and critical findings on `page`, loaded from our static files (the CSP allows them)."""
    page.add_script_tag(url=live_server.url + static(AXE))
    return page.evaluate(RUN_AXE_JS)


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["wide", "phone"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_map_page_has_no_serious_accessibility_faults(open_page, live_server, language, viewport):
    point = Point(44.40, 33.33, srid=4326)
    IncidentFactory(location=LocationFactory(point=point), point=point, title="Rocket attack on the airport")
    IncidentFactory(event_type="Battles", sub_event_type="Armed clash")

    page = open_page("/", language=language, viewport=viewport)
    page.wait_for_function("() => document.body.dataset.viewState === 'ready'")

    assert serious_violations(page, live_server) == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_zoomed_in_with_a_stack_and_its_popup_open_there_is_no_serious_fault(open_page, live_server, language):
    point = Point(42.4412, 33.7856, srid=4326)
    location = LocationFactory(point=point)
    for day in (3, 5):
        IncidentFactory(location=location, point=point, title=f"Attack {day}", date_start=f"2023-12-{day:02d}")
    other = Point(42.50, 33.80, srid=4326)
    IncidentFactory(location=LocationFactory(point=other), point=other, title="Elsewhere")

    page = open_page("/?map=12/33.7856/42.4412", language=language)
    page.wait_for_function("() => document.body.dataset.viewState === 'ready'")
    page.locator("#incident-map .incident-stack").click()
    page.locator(".leaflet-popup .stack-entry").first.click()
    page.locator(".leaflet-popup .stack-back").wait_for()
    # Leaflet fades popups in: colours are judged once it is opaque.
    page.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")

    assert serious_violations(page, live_server) == []


def test_the_check_finds_a_fault_when_there_is_one(open_page, live_server):
    page = open_page("/")
    page.wait_for_function("() => document.body.dataset.viewState === 'ready'")
    page.evaluate("() => document.querySelector('label[for=f-q]').remove()")  # the free-text box loses its name

    assert any(finding.startswith("label: #f-q") for finding in serious_violations(page, live_server))
