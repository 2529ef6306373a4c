"""Merging two actors and putting an incident in the trash, in a real browser (Chromium), English and Arabic,
on a desktop and on a phone 390 pixels wide: the merge confirmation page (choose the one kept, confirm, undo),
and an incident deleted, then restored from the list's trash filter. Screenshots in /tmp/trust2-*.png."""
import pytest

from incidents.models import Actor, Incident, IncidentActor

from .factories import ActorFactory, IncidentActorFactory
from .test_browser_import import signed_in

pytestmark = pytest.mark.browser

LAYOUTS = [("en", (1280, 900)), ("ar", (390, 844))]


def shot(page, name):
    page.screenshot(path=f"/tmp/trust2-{name}.png", full_page=True)


def overflow(page):
    """Return how many pixels the page is wider than the window (0: nothing to scroll sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("language, viewport", LAYOUTS, ids=["en-desktop", "ar-phone"])
def test_merge_two_actors_choosing_the_one_kept_then_undo(open_page, language, viewport):
    kept = ActorFactory(name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله", aliases=["KH"])
    merged = ActorFactory(name_en="Kataib Hizballah (duplicate)", name_ar="كتائب حزب اللة")
    link = IncidentActorFactory(actor=merged)
    ids = ",".join(str(pk) for pk in sorted([kept.pk, merged.pk]))
    page = signed_in(open_page, "/admin/incidents/actor/", language=language, viewport=viewport)
    page.goto(page.url + f"merge/?ids={ids}")

    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator(".merge-choice").count() == 2
    shot(page, f"merge-{language}")
    assert overflow(page) <= 0, "the merge page scrolls sideways"

    page.check(f"input[name=keep][value='{kept.pk}']")
    page.click("input[type=submit][name=merge]")
    page.wait_for_url(f"**/admin/incidents/actor/{kept.pk}/change/")
    assert Actor.all_objects.get(pk=merged.pk).merged_into_id == kept.pk
    assert IncidentActor.objects.get(pk=link.pk).actor_id == kept.pk
    success = page.locator(".messagelist .success")
    assert success.count() == 1
    shot(page, f"merged-{language}")

    success.locator("a").click()
    page.wait_for_url("**/admin/incidents/actormerge/*/undo/")
    shot(page, f"undo-{language}")
    assert overflow(page) <= 0, "the undo page scrolls sideways"
    page.click("input[type=submit][name=undo]")
    page.wait_for_url("**/admin/incidents/actormerge/")
    assert Actor.all_objects.get(pk=merged.pk).merged_into_id is None
    assert IncidentActor.objects.get(pk=link.pk).actor_id == merged.pk
    assert page.js_errors == [] and page.csp_violations == []


@pytest.mark.parametrize("language, viewport", LAYOUTS, ids=["en-desktop", "ar-phone"])
def test_put_an_incident_in_the_trash_then_restore_it_from_the_trash_filter(open_page, language, viewport):
    incident = IncidentActorFactory().incident
    path = f"/admin/incidents/incident/{incident.pk}/delete/"
    page = signed_in(open_page, path, language=language, viewport=viewport)
    shot(page, f"trash-confirm-{language}")
    assert overflow(page) <= 0, "the delete confirmation scrolls sideways"
    page.click("form input[type=submit]")
    page.wait_for_url("**/admin/incidents/incident/")
    assert Incident.all_objects.get(pk=incident.pk).deleted_at is not None

    page.goto(page.url + "?trash=deleted")
    row = page.locator(f"input.action-select[value='{incident.pk}']")
    row.check()
    page.select_option("select[name=action]", "restore_selected")
    shot(page, f"trash-list-{language}")
    page.click("button[name=index]")
    page.wait_for_load_state()
    assert page.locator(".messagelist .success, .messagelist .info").count() == 1
    shot(page, f"restored-{language}")
    assert Incident.objects.filter(pk=incident.pk).exists()
    assert page.js_errors == [] and page.csp_violations == []
