"""The article review page in a real browser (Chromium, no network beyond this machine), English and Arabic."""
import datetime
from pathlib import Path

import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from incidents.models import ImportDraft, ImportDraftStatus, Incident, Source, Statement
from incidents.services import import_draft_create

from .factories import ActorFactory, IncidentFactory, LocationFactory, SuperUserFactory
from .test_admin_import import ARABIC, ENGLISH, HOSTILE, proposal_for, span

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots")
PASSWORD = "correct horse battery staple"
PHONE = (375, 812)
DESKTOP = (1280, 900)


def arabic_proposal():
    """Return a proposal of the Arabic article: one incident with its evidence, one claim."""
    proposal = proposal_for(ENGLISH)
    incident, statement = proposal["incidents"][0], proposal["statements"][0]
    evidence = "أفاد مصدر أمني بأن صاروخين سقطا قرب السفارة الأمريكية في بغداد، أمس الجمعة، من دون وقوع إصابات."
    claim = "وتبنت كتائب حزب الله الهجوم في بيان."
    incident.update({"title": "", "title_ar": "صواريخ قرب السفارة الأمريكية", "evidence": [evidence], "spans": [span(ARABIC, evidence)]})
    statement.update({"text": claim, "span": span(ARABIC, claim)})
    proposal["source"]["language"] = "ar"
    return proposal


@pytest.fixture
def reference():
    LocationFactory(slug="us-embassy-baghdad", name_en="US Embassy Baghdad", name_ar="السفارة الأمريكية",
                    point=Point(44.3954, 33.2982, srid=4326))
    ActorFactory(slug="kataib-hezbollah", name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله")


def draft_of(text, language, proposal):
    return import_draft_create(
        title=text.splitlines()[0], text=text, language=language, published=datetime.date(2023, 12, 9),
        proposal=proposal, publisher="Example Wire",
    )


def signed_in(open_page, path, *, language="en", viewport=DESKTOP):
    """Return a page showing `path` of the admin, signed in as an editor through the login form."""
    SuperUserFactory(username="chief-editor")
    page = open_page(f"/admin/login/?next={path}", language=language, viewport=viewport)
    page.fill("#id_username", "chief-editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{path}")
    return page


def screenshot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def screenshot_parts(page, name, height=1100):
    """Save a full-page screenshot in parts of `height` pixels (a phone page is too long to read in one)."""
    screenshot(page, name)
    for stale in SHOTS.glob(f"{name}-part*.png"):
        stale.unlink()
    total = page.evaluate("() => document.documentElement.scrollHeight")
    width = page.viewport_size["width"]
    for number, top in enumerate(range(0, total, height), start=1):
        clip = {"x": 0, "y": top, "width": width, "height": min(height, total - top)}
        page.screenshot(path=str(SHOTS / f"{name}-part{number}.png"), full_page=True, clip=clip)


def no_horizontal_scroll(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize(
    "language, text, proposal_factory, confirm_label",
    [
        ("en", ENGLISH, lambda: proposal_for(ENGLISH), "Confirm and publish"),
        ("ar", ARABIC, arabic_proposal, "تأكيد ونشر"),
    ],
    ids=["english", "arabic"],
)
def test_review_page_shows_evidence_and_confirms(open_page, reference, language, text, proposal_factory, confirm_label):
    draft = draft_of(text, language, proposal_factory())
    path = f"/admin/incidents/importdraft/{draft.pk}/review/"

    page = signed_in(open_page, path, language=language)

    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    incident_mark = page.locator('#article-text mark[data-items~="incident-0"]')
    statement_mark = page.locator('#article-text mark[data-items~="statement-0"]')
    expect(incident_mark).to_have_count(1)
    expect(statement_mark).to_have_count(1)
    expect(incident_mark).to_have_text(draft.proposal["incidents"][0]["evidence"][0])
    # Hovering an item's card outlines its evidence in the article.
    page.hover("#incident-0 h3")
    expect(incident_mark).to_have_class("evidence evidence-incident is-active")
    page.wait_for_selector("#incident-0-map .leaflet-interactive")  # the incident's point on its map
    screenshot(page, f"review-{language}-desktop")

    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.wait_for_timeout(200)
    assert no_horizontal_scroll(page)
    screenshot_parts(page, f"review-{language}-phone")

    page.get_by_role("button", name=confirm_label).click()
    page.wait_for_url("**/admin/incidents/source/*/change/")
    assert page.js_errors == []
    assert page.blocked_requests == [] or all("tile" in url or "openstreetmap" in url for url in page.blocked_requests)
    source = Source.objects.get()
    assert Incident.objects.get().incident_sources.get().source == source
    assert Statement.objects.get().source == source
    assert ImportDraft.objects.get().status == ImportDraftStatus.CONFIRMED
    screenshot(page, f"confirmed-{language}")


def test_choosing_a_duplicate_folds_the_fields_and_merges(open_page, reference):
    draft = draft_of(ENGLISH, "en", proposal_for(ENGLISH))
    stored = IncidentFactory(location=LocationFactory(point=Point(44.40, 33.30, srid=4326)), date_start=datetime.date(2023, 12, 8))
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/")

    expect(page.locator("#incident-0 .review-duplicates")).to_contain_text(stored.title)
    page.get_by_label(f"Merge into incident {stored.pk}").check()
    expect(page.locator("#incident-0 .incident-fields")).to_be_hidden()
    screenshot(page, "review-en-merge")
    page.get_by_role("button", name="Confirm and publish").click()
    page.wait_for_url("**/admin/incidents/source/*/change/")

    assert Incident.objects.count() == 1
    assert stored.incident_sources.count() == 1


def test_sub_event_types_follow_the_event_type(open_page, reference):
    draft = draft_of(ENGLISH, "en", proposal_for(ENGLISH))
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/")

    page.fill("#id_incident-0-title", "Rockets near the embassy")
    page.press("#id_incident-0-title", "Enter")  # does not publish the import
    page.wait_for_timeout(300)
    assert "/review/" in page.url and ImportDraft.objects.get().status == ImportDraftStatus.PENDING

    page.select_option("#id_incident-0-event_type", "Battles")

    assert page.input_value("#id_incident-0-sub_event_type") == "Armed clash"
    visible = page.eval_on_selector_all(
        "#id_incident-0-sub_event_type optgroup:not([hidden]) option", "options => options.map(o => o.value)"
    )
    assert visible == ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"]


def test_clicking_the_map_picks_the_point_and_offers_nearby_places(open_page, reference):
    draft = draft_of(ENGLISH, "en", proposal_for(ENGLISH))
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/")

    page.wait_for_selector("#incident-0-map .leaflet-interactive")
    page.locator("#incident-0-map").click(position={"x": 120, "y": 60})

    assert page.js_errors == []
    expect(page.locator("#incident-0-nearby button.nearby-place")).not_to_have_count(0)
    assert page.input_value("#id_incident-0-point_picked") == "True"
    assert page.input_value("#id_incident-0-lat") != "33.2982"


def test_hostile_article_runs_nothing_on_the_review_page(open_page):
    proposal = {"source": {}, "incidents": [], "statements": [
        {"speaker": "<b>x</b>", "speaker_actor": None, "speaker_key": None, "kind": "report", "date": None,
         "text": HOSTILE, "span": [0, len(HOSTILE)], "incidents": [], "confidence": 0.5}]}
    draft = draft_of(HOSTILE, "en", proposal)
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/")

    expect(page.locator("#article-text")).to_contain_text("<script>alert(1)</script>")
    assert page.locator("#article-text img, #article-text script").count() == 0
    assert page.dialogs == []


def test_import_page_at_phone_width_in_arabic(open_page):
    page = signed_in(open_page, "/admin/", language="ar", viewport=DESKTOP)
    screenshot(page, "admin-index-ar-desktop")
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    screenshot(page, "admin-index-ar-phone")
    page.locator(".import-shortcut").get_by_role("link", name="استيراد مقال").click()
    page.wait_for_url("**/admin/incidents/importdraft/import/")

    expect(page.locator("h1")).to_have_text("استيراد مقال")
    assert no_horizontal_scroll(page)
    screenshot_parts(page, "import-ar-phone")
    page.fill("#id_text", ARABIC)
    page.fill("#id_published", "2023-12-09")
    page.get_by_role("button", name="استيراد ومراجعة").click()
    page.wait_for_url("**/review/")
    assert ImportDraft.objects.get().language == "ar"
    screenshot(page, "review-after-import-ar-phone")


def test_seed_article_from_upload_to_published_sources(open_page):
    """Import the seed article through the page, review what extraction proposes today, and confirm.

    The editor drops what cannot be published as proposed (an incident without a place, a statement
    without a speaker); whatever is kept is written, with the article as its evidence.
    """
    from io import StringIO

    from django.core.management import call_command

    from .test_admin_import import SEED

    call_command("load_reference", stdout=StringIO())
    page = signed_in(open_page, "/admin/incidents/importdraft/import/", language="ar")
    page.set_input_files("#id_file", str(SEED))
    page.fill("#id_published", "2023-12-09")
    page.fill("#id_publisher", "الحرة")
    page.get_by_role("button", name="استيراد ومراجعة").click()
    page.wait_for_url("**/review/")
    proposal = ImportDraft.objects.get().proposal
    expect(page.locator(".review-incident")).to_have_count(len(proposal["incidents"]))
    expect(page.locator(".review-statement")).to_have_count(len(proposal["statements"]))
    screenshot_parts(page, "seed-review-ar-desktop", height=1400)

    kept_incidents = 0
    for index, item in enumerate(proposal["incidents"]):
        if item.get("location"):
            kept_incidents += 1
        else:
            page.check(f'#incident-{index} input[name="incident-{index}-decision"][value="drop"]')
    kept_statements = 0
    for index, item in enumerate(proposal["statements"]):
        if (item.get("speaker") or item.get("speaker_actor")) and item.get("text"):
            kept_statements += 1
        else:
            page.check(f'#statement-{index} input[name="statement-{index}-keep"][value="no"]')
    page.get_by_role("button", name="تأكيد ونشر").click()
    page.wait_for_url("**/admin/incidents/source/*/change/")

    source = Source.objects.get()
    assert source.incidents.distinct().count() == kept_incidents
    assert source.statements.count() == kept_statements
    assert page.js_errors == []


def test_clicking_a_gazetteer_place_on_the_map_makes_it_the_incidents_place(open_page, reference):
    airport = LocationFactory(slug="baghdad-airport", name_en="Baghdad Airport", name_ar="مطار بغداد",
                              point=Point(44.2346, 33.2625, srid=4326))
    draft = draft_of(ENGLISH, "en", proposal_for(ENGLISH))
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/")

    page.locator(f'#incident-0-map path[data-place-id="{airport.pk}"]').click()

    assert page.input_value("#id_incident-0-location") == str(airport.pk)
    assert page.input_value("#id_incident-0-point_picked") in ("", "False")
    page.get_by_role("button", name="Confirm and publish").click()
    page.wait_for_url("**/admin/incidents/source/*/change/")
    assert Incident.objects.get().location == airport


def test_another_actor_can_be_added_with_its_role(open_page, reference):
    us = ActorFactory(slug="us", name_en="United States", name_ar="الولايات المتحدة", kind="state")
    draft = draft_of(ENGLISH, "en", proposal_for(ENGLISH))
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/")

    page.get_by_role("button", name="Add another actor").click()
    # The new row's search box is a working autocomplete: type, then choose.
    page.locator("#incident-0 .review-actor").last.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("United")
    page.locator(".select2-results__option", has_text="United States").click()
    page.select_option("#id_incident-0-actor-3-role", "target")
    page.get_by_role("button", name="Confirm and publish").click()
    page.wait_for_url("**/admin/incidents/source/*/change/")

    assert Incident.objects.get().incident_actors.filter(actor=us, role="target").exists()


@pytest.mark.parametrize("language, confirm_label", [("en", "Confirm and publish"), ("ar", "تأكيد ونشر")], ids=["english", "arabic"])
def test_duplicates_follow_the_place_and_date_set_and_a_merge_takes_actors_and_figures(open_page, reference, language, confirm_label):
    airport = LocationFactory(slug="baghdad-airport", name_en="Baghdad Airport", name_ar="مطار بغداد",
                              point=Point(44.2346, 33.2625, srid=4326))
    stored = IncidentFactory(location=airport, date_start=datetime.date(2023, 11, 1), title="Drone at Baghdad Airport",
                             title_ar="مسيّرة في مطار بغداد")
    draft = draft_of(ENGLISH, "en", proposal_for(ENGLISH))
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/", language=language)
    card = page.locator("#incident-0")
    expect(card.locator(".review-duplicates")).to_have_count(0)
    expect(card.locator(".review-no-duplicates")).to_be_visible()

    # The editor moves the incident to the airport: same type, but a month apart, so still none.
    page.locator(f'#incident-0-map path[data-place-id="{airport.pk}"]').click()
    page.wait_for_function("() => document.querySelector('[name=\"incident-0-lat\"]').value.startsWith('33.26')")
    page.wait_for_timeout(600)
    expect(card.locator(".review-duplicates")).to_have_count(0)
    # ... then sets the date the stored incident has: it is offered, with what it already holds.
    page.fill("#id_incident-0-date_start", "2023-11-01")
    page.fill("#id_incident-0-date_end", "2023-11-01")
    expect(card.locator(".review-duplicates")).to_contain_text(stored.title_ar if language == "ar" else stored.title)
    merge = card.locator(f'.review-decision input[value="{stored.pk}"]')
    expect(merge).to_have_count(1)
    merge.check()
    expect(card.locator(".incident-fields")).to_be_hidden()
    expect(card.locator(".merge-options")).to_be_visible()
    expect(card.locator(".incident-figures")).to_be_visible()
    expect(page.locator("#id_incident-0-merge_actors")).to_be_checked()
    page.locator("#id_incident-0-merge_figures").check()
    page.fill("#id_incident-0-killed_best", "4")
    card.scroll_into_view_if_needed()
    screenshot(page, f"review-{language}-merge-offer-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(200)
    assert no_horizontal_scroll(page)
    screenshot_parts(page, f"review-{language}-merge-offer-phone")

    page.get_by_role("button", name=confirm_label).click()
    page.wait_for_url("**/admin/incidents/source/*/change/")
    assert page.js_errors == []
    stored.refresh_from_db()
    assert Incident.objects.count() == 1
    assert stored.killed_best == 4 and stored.incident_sources.count() == 1
    assert {link.role for link in stored.incident_actors.all()} == {"claimant", "perpetrator"}


def test_a_new_place_is_kinded_on_the_review_page(open_page, reference):
    proposal = proposal_for(ENGLISH, location_key=None)
    proposal["incidents"][0]["location"].update({"name_en": "Camp Example", "name_ar": "معسكر المثال", "kind": "town"})
    draft = draft_of(ENGLISH, "en", proposal)
    page = signed_in(open_page, f"/admin/incidents/importdraft/{draft.pk}/review/", language="ar")

    assert page.input_value("#id_incident-0-new_location_kind") == "town"
    page.select_option("#id_incident-0-new_location_kind", "military base")
    page.locator("#id_incident-0-new_location_kind").scroll_into_view_if_needed()
    screenshot(page, "review-ar-new-place-kind-desktop")
    page.get_by_role("button", name="تأكيد ونشر").click()
    page.wait_for_url("**/admin/incidents/source/*/change/")
    assert Incident.objects.get().location.kind == "military base"
