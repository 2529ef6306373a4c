"""The map page holds no serious accessibility fault that axe-core finds, in both languages, wide and on a phone.

That the check finds faults when there are some is shown in test_browser_accessibility.py.
"""
import pytest
from django.contrib.gis.geos import Point

from .accessibility import serious_violations
from .factories import IncidentFactory, LocationFactory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["wide", "phone"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_map_page_has_no_serious_accessibility_faults(open_page_for_axe, language, viewport):
    point = Point(44.40, 33.33, srid=4326)
    IncidentFactory(location=LocationFactory(point=point), point=point, title="Rocket attack on the airport")
    IncidentFactory(event_type="Battles", sub_event_type="Armed clash")

    page = open_page_for_axe("/", language=language, viewport=viewport)
    page.wait_for_function("() => document.body.dataset.viewState === 'ready'")

    assert serious_violations(page) == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_zoomed_in_with_a_stack_and_its_popup_open_there_is_no_serious_fault(open_page_for_axe, language):
    point = Point(42.4412, 33.7856, srid=4326)
    location = LocationFactory(point=point)
    for day in (3, 5):
        IncidentFactory(location=location, point=point, title=f"Attack {day}", date_start=f"2023-12-{day:02d}")
    other = Point(42.50, 33.80, srid=4326)
    IncidentFactory(location=LocationFactory(point=other), point=other, title="Elsewhere")

    page = open_page_for_axe("/?map=12/33.7856/42.4412", language=language)
    page.wait_for_function("() => document.body.dataset.viewState === 'ready'")
    page.locator("#incident-map .incident-stack").click()
    page.locator(".leaflet-popup .stack-entry").first.click()
    page.locator(".leaflet-popup .stack-back").wait_for()
    # Leaflet fades popups in: colours are judged once it is opaque.
    page.wait_for_function("() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")

    assert serious_violations(page) == []
