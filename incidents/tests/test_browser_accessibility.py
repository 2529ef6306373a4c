"""No serious or critical accessibility violations (axe-core, WCAG 2.1 AA) on the public pages.

The pages are checked once their data is shown, in English and Arabic, at desktop and phone widths.
"""
import pytest

from .accessibility import serious_violations
from .factories import (
    IncidentActorFactory,
    IncidentFactory,
    IncidentSourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.browser

PHONE = (390, 844)


@pytest.fixture
def incident(db):
    """A published incident with an actor, a source with its excerpt and a statement: every part of its page."""
    incident = IncidentFactory(title="Drone attack on the airport", title_ar="هجوم بطائرة مسيّرة على المطار")
    IncidentActorFactory(incident=incident)
    IncidentSourceFactory(incident=incident)
    StatementFactory().incidents.add(incident)
    return incident


@pytest.mark.parametrize(
    ("language", "viewport"), [("en", (1280, 800)), ("ar", (1280, 800)), ("en", PHONE), ("ar", PHONE)]
)
def test_incident_page_has_no_serious_accessibility_violations(open_page_for_axe, incident, language, viewport):
    page = open_page_for_axe(f"/incidents/{incident.pk}/", language=language, viewport=viewport)
    page.wait_for_selector("body[data-incident-loaded=true]")
    page.wait_for_selector("body[data-incident-map-drawn]")

    assert serious_violations(page) == []


def test_the_check_reports_serious_violations_it_finds(open_page_for_axe, incident):
    # The check above can fail: a button without a name and text without contrast are serious violations.
    page = open_page_for_axe(f"/incidents/{incident.pk}/")
    page.wait_for_selector("body[data-incident-loaded=true]")
    page.evaluate("""() => {
      const main = document.getElementById("main");
      main.appendChild(document.createElement("button"));
      const faint = document.createElement("p");
      faint.textContent = "Barely readable";
      faint.style.color = "#eeeeee";
      main.appendChild(faint);
    }""")

    rules = {violation.split(" ")[0] for violation in serious_violations(page)}

    assert {"button-name", "color-contrast"} <= rules
