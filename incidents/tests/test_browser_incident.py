"""The incident page (/incidents/<id>/) in a real browser (Chromium, no network beyond this machine)."""
import datetime

import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import expect
from rest_framework.exceptions import APIException

from incidents.api.resources import StatementViewSet
from incidents.models import GeoPrecision, LocationKind, StatementKind

from .factories import (
    ActorFactory,
    IncidentActorFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert(1)><script>alert(1)</script>"
DEIR_EZ_ZOR = Point(40.14, 35.33, srid=4326)


def open_incident(open_page, incident, **options):
    """Open the incident's page and wait until its JavaScript has shown the incident (or failed to)."""
    page = open_page(f"/incidents/{incident.pk}/", **options)
    page.wait_for_selector("body[data-incident-loaded]")
    assert page.get_attribute("body", "data-incident-loaded") == "true"
    return page


def fact(page, name):
    """Return the value of the fact `name` (e.g. "place": the element with class fact-place)."""
    return page.locator(f"#incident-facts .fact-{name} dd")


def say_about(incident, **kwargs):
    """Return a statement about `incident`."""
    statement = StatementFactory(**kwargs)
    statement.incidents.add(incident)
    return statement


def country_syria():
    return LocationFactory(
        slug="sy", name_en="Syria", name_ar="سوريا", kind=LocationKind.COUNTRY, parent=None, country_code="SY",
        point=DEIR_EZ_ZOR, geo_precision=GeoPrecision.REGION,
    )  # fmt: skip


def test_incident_page_shows_date_type_place_actors_casualties_and_verification(open_page):
    incident = IncidentFactory(
        title="Drone attack on the airport", killed_best=2, injured_best=5, verification="confirmed",
        sub_event_type="Air/drone strike",
    )  # fmt: skip
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Kata'ib Hezbollah"), role="claimant")
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="US armed forces"), role="target")

    page = open_incident(open_page, incident)

    expect(page.locator("h1")).to_have_text("Drone attack on the airport")
    expect(fact(page, "date")).to_have_text("Dec 8, 2023")
    expect(fact(page, "date-precision")).to_have_text("day")
    expect(fact(page, "type")).to_have_text("Explosions/Remote violence — Air/drone strike")
    expect(fact(page, "place")).to_have_text(f"{incident.location.name_en}, Baghdad")
    expect(fact(page, "place-precision")).to_have_text("the exact place")
    expect(fact(page, "killed")).to_have_text("2")
    expect(fact(page, "injured")).to_have_text("5")
    expect(fact(page, "verification")).to_have_text("confirmed")
    actors = page.locator("#incident-actors .actor")
    expect(actors.filter(has_text="Kata'ib Hezbollah").locator(".actor-role")).to_have_text("claimant")
    expect(actors.filter(has_text="US armed forces").locator(".actor-role")).to_have_text("target")
    expect(page.locator("#incident-map .incident-marker")).to_have_count(1)  # an exact place: a pin
    expect(page.locator("#incident-map .incident-area")).to_have_count(0)
    assert all("tile" in url for url in page.blocked_requests)
    assert page.js_errors == [] and page.csp_violations == []


def test_each_source_is_listed_once_with_all_its_excerpts_and_its_link(open_page):
    incident = IncidentFactory()
    article = SourceFactory(title="Drones hit base", url="https://news.example.org/drones", publisher="Example Wire")
    IncidentSourceFactory(incident=incident, source=article, excerpt="Second quote.", start_offset=30, end_offset=43)
    IncidentSourceFactory(incident=incident, source=article, excerpt="First quote.", start_offset=0, end_offset=12)
    IncidentSourceFactory(incident=incident, source=SourceFactory(title="Another outlet"), excerpt="Its only quote.")

    page = open_incident(open_page, incident)

    sources = page.locator("#incident-sources > li.source")
    expect(sources).to_have_count(2)
    drones = sources.filter(has_text="Drones hit base")
    expect(drones.locator(".source-excerpt")).to_have_text(["First quote.", "Second quote."])
    link = drones.get_by_role("link", name="Drones hit base")
    expect(link).to_have_attribute("href", "https://news.example.org/drones")
    expect(link).to_have_attribute("rel", "noopener noreferrer nofollow")
    expect(drones.locator(".source-publisher")).to_have_text("Example Wire")
    expect(sources.filter(has_text="Another outlet").locator(".source-excerpt")).to_have_text(["Its only quote."])


def test_statements_show_speaker_kind_date_text_and_source(open_page):
    incident = IncidentFactory()
    say_about(
        incident, speaker_actor=ActorFactory(name_en="Lloyd Austin"), kind=StatementKind.CONDEMNATION,
        text="We condemn the attack.", date=datetime.date(2023, 12, 9), source=SourceFactory(title="Pentagon release"),
    )  # fmt: skip
    say_about(incident, speaker_description="a security source in Kurdistan", kind=StatementKind.REPORT, text="Four drones.")
    say_about(IncidentFactory(), speaker_description="someone else", text="About another incident.")

    page = open_incident(open_page, incident)

    statements = page.locator("#incident-statements > li.statement")
    expect(statements).to_have_count(2)
    austin = statements.filter(has_text="Lloyd Austin")
    expect(austin.locator(".statement-kind")).to_have_text("condemnation")
    expect(austin.locator(".statement-date")).to_have_text("Dec 9, 2023")
    expect(austin.locator(".statement-text")).to_have_text("We condemn the attack.")
    expect(austin.locator(".statement-source")).to_contain_text("Pentagon release")
    described = statements.filter(has_text="a security source in Kurdistan")
    expect(described.locator(".statement-kind")).to_have_text("report")
    expect(described.locator(".statement-text")).to_have_text("Four drones.")


def test_page_links_to_the_incident_in_the_api(open_page):
    incident = IncidentFactory()

    page = open_incident(open_page, incident)

    link = page.locator("#incident-api-link")
    expect(link).to_have_attribute("href", f"/api/v1/incidents/{incident.pk}/")
    expect(link).to_be_visible()


def test_a_place_known_to_its_governorate_is_somewhere_in_it_and_drawn_as_an_area(open_page):
    near = LocationFactory(name_en="Outskirts of the city", geo_precision=GeoPrecision.NEAR)
    incident = IncidentFactory(location=near)

    page = open_incident(open_page, incident)

    expect(fact(page, "place")).to_have_text("somewhere in Baghdad")
    expect(fact(page, "recorded-at")).to_have_text("Outskirts of the city")
    expect(fact(page, "place-precision")).to_have_text("near a place, or part of a region")
    page.wait_for_selector("body[data-incident-map-drawn]")
    expect(page.locator("#incident-map path.incident-area")).to_have_count(1)
    expect(page.locator("#incident-map .incident-marker")).to_have_count(0)  # never a fake exact pin


def test_a_place_known_only_to_its_country_outlines_the_country(open_page):
    incident = IncidentFactory(location=country_syria(), title="Attacks (3) in Syria", count=3)

    page = open_incident(open_page, incident)

    expect(fact(page, "place")).to_have_text("somewhere in Syria")
    expect(fact(page, "place-precision")).to_have_text("the region or country only")
    page.wait_for_selector("body[data-incident-map-drawn]")
    expect(page.locator("#incident-map path.incident-area")).to_have_count(1)
    expect(page.locator("#incident-map .incident-marker")).to_have_count(0)
    # The outline is Syria's border (a polygon of many segments), not a circle (an SVG arc) around the point.
    outline = page.locator("#incident-map path.incident-area").get_attribute("d")
    assert outline.count("L") > 20 and "a" not in outline

def test_hostile_article_text_is_shown_as_text_and_runs_nothing(open_page):
    incident = IncidentFactory(title=HOSTILE, title_ar="")
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en=HOSTILE, name_ar=""))
    source = SourceFactory(title=HOSTILE, publisher=HOSTILE, url="javascript:alert(1)")
    IncidentSourceFactory(incident=incident, source=source, excerpt=HOSTILE)
    say_about(incident, speaker_description=HOSTILE, text=HOSTILE, translation=HOSTILE, source=source)

    page = open_incident(open_page, incident)

    expect(page.locator("h1")).to_have_text(HOSTILE)
    expect(page.locator("#incident-actors .actor-name")).to_have_text(HOSTILE)
    expect(page.locator("#incident-sources .source-title")).to_have_text(HOSTILE)
    expect(page.locator("#incident-sources .source-publisher")).to_have_text(HOSTILE)
    expect(page.locator("#incident-sources .source-excerpt")).to_have_text(HOSTILE)
    expect(page.locator("#incident-statements .statement-speaker")).to_have_text(HOSTILE)
    expect(page.locator("#incident-statements .statement-text")).to_have_text(HOSTILE)
    expect(page.locator("#incident-statements .statement-translation")).to_contain_text(HOSTILE)
    assert page.locator("#incident-sources a, #incident-statements a").count() == 0  # javascript: is no link
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("#incident-facts script, #incident-sources script, #incident-statements script").count() == 0
    assert page.title().startswith(HOSTILE)
    assert page.dialogs == []
    assert page.js_errors == []


def test_arabic_page_is_right_to_left_with_names_in_arabic(open_page):
    near = LocationFactory(name_en="Outskirts", name_ar="الضواحي", geo_precision=GeoPrecision.NEAR)
    incident = IncidentFactory(location=near, title="Rocket attack", title_ar="هجوم صاروخي على المطار")
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله"))
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Known only in English", name_ar=""), role="target")
    say_about(incident, speaker_actor=ActorFactory(name_en="Lloyd Austin", name_ar="لويد أوستن"), kind=StatementKind.DENIAL)

    page = open_incident(open_page, incident, language="ar")

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("هجوم صاروخي على المطار")
    expect(fact(page, "place")).to_have_text("في مكان ما في بغداد")
    expect(fact(page, "recorded-at")).to_have_text("الضواحي")
    expect(page.locator("#incident-actors .actor-name")).to_have_text(["كتائب حزب الله", "Known only in English"])
    expect(page.locator("#incident-statements .statement-speaker")).to_have_text("لويد أوستن")
    expect(page.locator("#incident-statements-heading")).to_have_text("التصريحات")
    # The facts read from the right: the first fact (the date) is right of the second.
    first, second = (page.locator("#incident-facts .fact").nth(index).bounding_box() for index in (0, 1))
    assert first["x"] > second["x"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_phone_width_has_no_horizontal_overflow(open_page, language):
    incident = IncidentFactory(title="A rather long title " * 6, title_ar="عنوان طويل نوعاً ما " * 6)
    IncidentSourceFactory(incident=incident, excerpt="x" * 300)  # one unbroken word
    say_about(incident, text="https://news.example.org/" + "a" * 200)

    page = open_incident(open_page, incident, language=language, viewport=(390, 844))

    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert page.locator("#incident-map").bounding_box()["width"] <= 390


def test_statements_that_cannot_be_loaded_leave_the_rest_of_the_page(open_page, monkeypatch):
    def broken(*args, **kwargs):
        raise APIException("The statements are down.")

    monkeypatch.setattr(StatementViewSet, "list", broken)
    incident = IncidentFactory(title="Drone attack on the airport")
    IncidentSourceFactory(incident=incident, source=SourceFactory(title="Drones hit base"))

    page = open_incident(open_page, incident)

    expect(page.locator("h1")).to_have_text("Drone attack on the airport")
    expect(page.locator("#incident-sources .source-title")).to_have_text("Drones hit base")
    expect(page.locator("#incident-statements .is-error")).to_have_text(
        "The statements could not be loaded. Reload the page to try again."
    )
    assert page.js_errors == []
