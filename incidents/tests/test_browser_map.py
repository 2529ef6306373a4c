"""The map page in a real browser (Chromium, no network beyond this machine): map, filters, list, URL state.

The page draws grid counts below zoom 9 and the incidents in view from it on; it marks each finished
update with body[data-view-state="ready"] and a "marsad:view-updated" performance mark, which the tests
wait for rather than for time.
"""
import re
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from incidents.api import aggregates
from incidents.api.views import IncidentPagination
from incidents.models import GeoPrecision, Status

from .factories import (
    ActorFactory,
    CountryFactory,
    GovernorateFactory,
    IncidentActorFactory,
    IncidentFactory,
    IncidentSourceFactory,
    LocationFactory,
    SourceFactory,
)

pytestmark = pytest.mark.browser

HOSTILE_TITLE = "<img src=x onerror=alert(1)><script>alert(1)</script>"

# Places far enough apart to fall in different grid cells at the first zoom.
AIN_AL_ASAD = Point(42.4412, 33.7856, srid=4326)
BAGHDAD = Point(44.40, 33.33, srid=4326)
ERBIL = Point(44.01, 36.19, srid=4326)
DEIR_EZ_ZOR = Point(40.14, 35.33, srid=4326)

# The incidents the map counts: the sum of its grid cells' counts, or its incident symbols when zoomed in.
CELL_TOTAL_JS = """() => [...document.querySelectorAll('#incident-map .incident-cell-count')]
  .reduce((sum, node) => sum + Number(node.dataset.count), 0)"""
VIEW_UPDATES_JS = "() => performance.getEntriesByName('marsad:view-updated').length"


def incident_at(point, **kwargs):
    location_fields = {key: kwargs.pop(key) for key in ("geo_precision", "name_en") if key in kwargs}
    return IncidentFactory(location=LocationFactory(point=point, **location_fields), point=point, **kwargs)


def seed_like_incidents():
    """Return incidents like the seed's (December 2023 attacks on US forces), each in its own grid cell."""
    return [
        incident_at(AIN_AL_ASAD, title="Drone attack on Ain al-Asad air base", name_en="Ain al-Asad air base",
                    event_type="Explosions/Remote violence", date_start="2023-12-08", killed_best=0),
        incident_at(BAGHDAD, title="Rockets fired at the US embassy in Baghdad", name_en="US embassy Baghdad",
                    event_type="Explosions/Remote violence", date_start="2023-12-08", injured_best=0),
        incident_at(ERBIL, title="Drone intercepted near Erbil airport", name_en="Erbil airport",
                    event_type="Strategic developments", sub_event_type="Disrupted weapons use",
                    date_start="2023-12-04"),
        incident_at(DEIR_EZ_ZOR, title="Clashes near the Conoco field", name_en="Conoco gas field",
                    event_type="Battles", sub_event_type="Armed clash", date_start="2023-11-20", killed_best=4),
    ]


def wait_ready(page, updates_before=0):
    """Wait until the page has finished updating more times than `updates_before`, and return the count."""
    page.wait_for_function(
        f"() => document.body.dataset.viewState === 'ready' && ({VIEW_UPDATES_JS})() > {updates_before}"
    )
    return page.evaluate(VIEW_UPDATES_JS)


def timeline_types(page):
    """Return the event types the timeline draws bars of."""
    return page.locator("#timeline .mt-bars path").evaluate_all("paths => paths.map(path => path.dataset.type).sort()")


def timeline_slot(page, index, count):
    """Return the page coordinates of the middle of the timeline's bucket `index` of `count` (left to right)."""
    box = page.locator("#timeline .mt-svg").bounding_box()
    step = (box["width"] - 12) / count  # the chart keeps 6 px at each end
    return box["x"] + 6 + (index + 0.5) * step, box["y"] + box["height"] / 2


def cell_total(page):
    return page.evaluate(CELL_TOTAL_JS)


def query_of(page):
    return {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()}


def list_titles(page):
    return page.locator("#incident-list .incident-title").all_text_contents()


def test_map_counts_the_seed_incidents_in_cells_and_lists_them_newest_first(open_page):
    incidents = seed_like_incidents()
    incident_at(BAGHDAD, title="Unverified draft report", status=Status.DRAFT)

    page = open_page("/")
    wait_ready(page)

    assert cell_total(page) == len(incidents)
    assert page.locator("#incident-map .incident-symbol").count() == 0  # counts, not pins, at low zoom
    expect(page.locator("#match-count")).to_have_text("Matching incidents: 4")
    # Newest first; on the same day, the later recorded first.
    assert list_titles(page) == [
        "Rockets fired at the US embassy in Baghdad",
        "Drone attack on Ain al-Asad air base",
        "Drone intercepted near Erbil airport",
        "Clashes near the Conoco field",
    ]
    expect(page.get_by_text("Unverified draft report")).to_have_count(0)
    assert page.evaluate("() => performance.getEntriesByName('marsad:first-draw').length") == 1
    assert page.js_errors == []
    assert all("tile" in url for url in page.blocked_requests)


def test_the_page_logs_no_error_but_the_blocked_tiles(open_page):
    seed_like_incidents()
    page = open_page("/")
    wait_ready(page)
    errors = []
    page.on("console", lambda message: errors.append(message) if message.type == "error" else None)

    page.reload()
    wait_ready(page)
    page.locator("#f-actor").fill("Ka")  # the actor suggestions and the places load after the first view
    expect(page.locator("#f-country option")).to_have_count(2)  # All, Iraq

    assert [message.text for message in errors if "tile" not in message.location["url"]] == []
    assert page.js_errors == []


def test_more_incidents_in_view_than_a_page_are_counted_in_cells_and_the_map_says_so(open_page, monkeypatch):
    monkeypatch.setattr(IncidentPagination, "max_page_size", 2)  # pages of two: three incidents are "too many"
    for number, day in enumerate((1, 2, 3)):
        incident_at(Point(44.40 + number / 100, 33.33, srid=4326), date_start=f"2023-12-{day:02d}")

    page = open_page("/?map=11/33.33/44.41")
    updates = wait_ready(page)
    expect(page.locator("#map-note")).to_have_text(
        "3 incidents in view, too many to draw one by one: zoom in to see each one."
    )
    assert cell_total(page) == 3
    expect(page.locator("#incident-map .incident-symbol")).to_have_count(0)

    page.goto(page.url.replace("map=11/", "map=14/"))
    updates = wait_ready(page)
    expect(page.locator("#map-note")).to_contain_text("narrow the dates (on the timeline) or the filters")

    page.fill("#f-date_from", "2023-12-02")
    wait_ready(page, updates)
    expect(page.locator("#incident-map .incident-symbol")).to_have_count(2)
    expect(page.locator("#map-note")).to_be_hidden()


def test_a_cell_tells_its_incidents_by_type_and_a_click_zooms_in_to_them(open_page):
    incident_at(BAGHDAD, event_type="Battles", sub_event_type="Armed clash", killed_best=2)
    incident_at(BAGHDAD, killed_best=1)
    incident_at(BAGHDAD)
    page = open_page("/")
    updates = wait_ready(page)
    zoom = int(query_of(page)["map"].split("/")[0])

    cell = page.locator("#incident-map .incident-cell-count")
    expect(cell).to_have_text("3")
    cell.hover()
    tooltip = page.locator(".leaflet-tooltip .cell-tooltip")
    expect(tooltip.locator("li")).to_have_text(["Explosions/Remote violence: 2", "Battles: 1"])
    expect(tooltip.locator("p")).to_have_text("Killed: 3")

    cell.click()
    wait_ready(page, updates)
    assert int(query_of(page)["map"].split("/")[0]) >= 9 > zoom
    expect(page.locator("#incident-map .incident-stack")).to_have_text("3")  # one point: one stack of three


LABEL_FITS_JS = """(count) => {
    const symbols = window.Marsad.MapSymbols;
    const cell = symbols.cellSymbol({type: "Feature", geometry: {type: "Point", coordinates: [44, 33]},
        properties: {incidents: count, approximate: 0, event_types: {"Battles": count}, killed: 0}});
    const stack = symbols.stackSymbol(Array.from({length: Math.min(count, 2000)}, () => ({type: "Feature",
        geometry: {type: "Point", coordinates: [44, 33]}, properties: {event_type: "Battles", geo_precision: 1}})));
    return [cell, stack].map((marker) => {
        const icon = marker.options.icon.options;
        const box = document.createElement("div");
        box.className = icon.className;
        box.style.cssText = `position:absolute;top:0;left:0;width:${icon.iconSize.x}px;height:${icon.iconSize.y}px`;
        box.appendChild(icon.html);
        document.body.appendChild(box);
        const range = document.createRange();
        range.selectNodeContents(icon.html);
        const text = range.getBoundingClientRect().width;
        const room = icon.html.clientWidth;
        box.remove();
        return {label: icon.html.textContent, text, room};
    });
}"""


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_large_count_fits_inside_its_circle(open_page, language):
    incident_at(BAGHDAD)
    page = open_page("/", language=language)
    wait_ready(page)

    for count in (7, 987, 30_804, 184_999):
        for symbol in page.evaluate(LABEL_FITS_JS, count):
            assert symbol["text"] <= symbol["room"], symbol


def test_zoomed_in_the_map_draws_the_incidents_in_view_and_areas_as_dashed_rings(open_page):
    incident_at(BAGHDAD, title="Strike at the airport")
    incident_at(Point(44.45, 33.36, srid=4326), title="Shelling somewhere in Baghdad governorate",
                geo_precision=GeoPrecision.REGION)
    incident_at(ERBIL, title="Far away, out of view")

    page = open_page("/?map=10/33.33/44.40")
    wait_ready(page)

    symbols = page.locator("#incident-map .incident-symbol")
    expect(symbols).to_have_count(2)
    area = page.locator("#incident-map .incident-precision-3")
    expect(area).to_have_count(1)
    assert area.get_attribute("stroke-dasharray")  # a dashed ring, not a pin
    assert float(area.get_attribute("fill-opacity")) < 0.5  # hollow
    expect(page.locator("#incident-map .incident-precision-1")).to_have_count(1)
    expect(page.locator(".map-legend")).to_contain_text("Place known only to a governorate or country")


def test_a_filter_updates_map_list_and_url_and_the_url_restores_it(open_page):
    seed_like_incidents()
    page = open_page("/")
    updates = wait_ready(page)

    page.select_option("#f-event_type", "Battles")
    updates = wait_ready(page, updates)

    assert query_of(page)["event_type"] == "Battles"
    assert cell_total(page) == 1
    assert list_titles(page) == ["Clashes near the Conoco field"]
    expect(page.locator("#match-count")).to_have_text("Matching incidents: 1")
    assert timeline_types(page) == ["Battles"]

    page.reload()
    wait_ready(page)
    expect(page.locator("#f-event_type")).to_have_value("Battles")
    assert cell_total(page) == 1
    assert list_titles(page) == ["Clashes near the Conoco field"]
    assert page.js_errors == []


def test_back_and_forward_walk_through_the_filter_changes(open_page):
    seed_like_incidents()
    page = open_page("/")
    updates = wait_ready(page)
    page.select_option("#f-event_type", "Battles")
    updates = wait_ready(page, updates)
    page.fill("#f-killed_min", "5")
    updates = wait_ready(page, updates)
    assert query_of(page)["killed_min"] == "5"
    expect(page.locator("#incident-status")).to_have_text("No incident matches these filters.")

    page.go_back()
    updates = wait_ready(page, updates)
    expect(page.locator("#f-killed_min")).to_have_value("")
    assert list_titles(page) == ["Clashes near the Conoco field"]

    page.go_back()
    updates = wait_ready(page, updates)
    expect(page.locator("#f-event_type")).to_have_value("")
    assert cell_total(page) == 4
    assert "event_type" not in query_of(page)

    page.go_forward()
    wait_ready(page, updates)
    expect(page.locator("#f-event_type")).to_have_value("Battles")
    assert cell_total(page) == 1


def test_the_timeline_brush_narrows_the_dates_of_map_list_and_url(open_page):
    seed_like_incidents()  # 20 November to 8 December 2023: 19 days, drawn a bar a day
    page = open_page("/")
    updates = wait_ready(page)
    assert timeline_types(page) == ["Battles", "Explosions/Remote violence", "Strategic developments"]

    start = timeline_slot(page, 14, 19)  # 4 December
    end = timeline_slot(page, 17, 19)  # 7 December
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=5)
    page.mouse.up()
    updates = wait_ready(page, updates)

    assert query_of(page)["date_from"] == "2023-12-04"
    assert query_of(page)["date_to"] == "2023-12-07"
    expect(page.locator("#f-date_from")).to_have_value("2023-12-04")
    assert list_titles(page) == ["Drone intercepted near Erbil airport"]
    assert cell_total(page) == 1
    # The timeline still shows the whole history, with the selection drawn on it.
    assert timeline_types(page) == ["Battles", "Explosions/Remote violence", "Strategic developments"]
    expect(page.locator("#timeline .mt-selection")).not_to_have_attribute("visibility", "hidden")

    page.go_back()
    wait_ready(page, updates)
    assert list_titles(page)[-1] == "Clashes near the Conoco field"
    expect(page.locator("#f-date_from")).to_have_value("")


def test_play_steps_the_dates_through_time_in_one_history_entry(open_page):
    seed_like_incidents()
    page = open_page("/")
    updates = wait_ready(page)
    entries = page.evaluate("() => history.length")

    play = page.locator("#timeline button[aria-pressed]")
    play.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('date_from') >= '2023-11-22'")
    play.click()
    expect(play).to_have_attribute("aria-pressed", "false")
    updates = wait_ready(page, updates)
    date_from = query_of(page)["date_from"]
    assert query_of(page)["date_to"] == date_from  # a window of one day
    expect(page.locator("#f-date_from")).to_have_value(date_from)
    assert page.evaluate("() => history.length") == entries + 1

    page.go_back()
    wait_ready(page, updates)
    assert "date_from" not in query_of(page)
    assert cell_total(page) == 4


def test_a_late_answer_to_an_older_filter_never_overwrites_the_newer_one(open_page, monkeypatch):
    seed_like_incidents()
    answer_grid = aggregates.GridView.aggregate
    battles_may_answer = threading.Event()

    def late_for_battles(view, incidents, **parameters):
        if view.request.GET.get("event_type") == "Battles":
            battles_may_answer.wait(timeout=10)  # held back until the page has moved on
        return answer_grid(view, incidents, **parameters)

    monkeypatch.setattr(aggregates.GridView, "aggregate", late_for_battles)
    page = open_page("/")
    updates = wait_ready(page)

    with page.expect_event("requestfailed", lambda request: "grid" in request.url and "Battles" in request.url):
        page.select_option("#f-event_type", "Battles")
        page.select_option("#f-event_type", "Strategic developments")  # before Battles is answered
    battles_may_answer.set()
    wait_ready(page, updates)

    assert list_titles(page) == ["Drone intercepted near Erbil airport"]
    assert cell_total(page) == 1
    assert query_of(page)["event_type"] == "Strategic developments"


def test_a_date_range_in_the_url_narrows_map_and_list(open_page):
    seed_like_incidents()

    page = open_page("/?date_from=2023-12-01&date_to=2023-12-07")
    wait_ready(page)

    expect(page.locator("#f-date_from")).to_have_value("2023-12-01")
    expect(page.locator("#f-date_to")).to_have_value("2023-12-07")
    assert list_titles(page) == ["Drone intercepted near Erbil airport"]
    assert cell_total(page) == 1
    expect(page.locator("#timeline .mt-selection")).not_to_have_attribute("visibility", "hidden")


def test_a_date_range_open_at_one_end_is_drawn_on_the_timeline_too(open_page):
    seed_like_incidents()

    page = open_page("/?date_from=2023-12-05")
    wait_ready(page)

    assert sorted(list_titles(page)) == ["Drone attack on Ain al-Asad air base", "Rockets fired at the US embassy in Baghdad"]
    expect(page.locator("#timeline .mt-selection")).not_to_have_attribute("visibility", "hidden")


def test_actor_search_offers_names_in_both_languages_and_filters(open_page):
    incident = incident_at(BAGHDAD, title="Claimed drone attack")
    incident_at(ERBIL, title="Someone else's attack")
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en="Islamic Resistance in Iraq", name_ar="المقاومة الإسلامية في العراق"))
    ActorFactory(name_en="Kata'ib Hezbollah", name_ar="كتائب حزب الله")  # not offered: its names do not match
    page = open_page("/")
    updates = wait_ready(page)

    page.fill("#f-actor", "المقاومة")
    expect(page.locator("#actor-options option")).to_have_count(1)
    expect(page.locator("#actor-options option")).to_have_attribute("value", "Islamic Resistance in Iraq")
    page.fill("#f-actor", "Islamic Resistance in Iraq")  # as picking the suggestion does: it applies at once
    wait_ready(page, updates)

    assert query_of(page)["actor"] == "Islamic Resistance in Iraq"
    assert list_titles(page) == ["Claimed drone attack"]


def test_country_and_governorate_choices_come_from_the_places_and_filter(open_page):
    syria = CountryFactory(slug="sy", name_en="Syria", name_ar="سوريا", country_code="SY")
    deir = GovernorateFactory(slug="sy-deir", name_en="Deir ez-Zor", name_ar="دير الزور", parent=syria, country_code="SY")
    incident_at(BAGHDAD, title_ar="في بغداد")  # the factories' Baghdad governorate, in Iraq
    IncidentFactory(title_ar="في دير الزور", location=LocationFactory(point=DEIR_EZ_ZOR, parent=deir, country_code="SY"),
                    point=DEIR_EZ_ZOR)
    page = open_page("/", language="ar")
    updates = wait_ready(page)
    expect(page.locator("#f-country option")).to_have_text(["الكل", "العراق", "سوريا"])  # names in the page's language
    expect(page.locator("#f-admin1 option")).to_have_text(["الكل", "بغداد", "دير الزور"])

    page.select_option("#f-country", "SY")
    updates = wait_ready(page, updates)
    expect(page.locator("#f-admin1 option")).to_have_text(["الكل", "دير الزور"])
    assert list_titles(page) == ["في دير الزور"]

    page.select_option("#f-country", "IQ")
    updates = wait_ready(page, updates)
    page.select_option("#f-admin1", label="بغداد")
    wait_ready(page, updates)
    assert query_of(page)["admin1"].isdigit()
    assert list_titles(page) == ["في بغداد"]


def test_clear_all_empties_every_filter(open_page):
    seed_like_incidents()
    page = open_page("/?event_type=Battles&q=Conoco&killed_min=1")
    updates = wait_ready(page)
    assert list_titles(page) == ["Clashes near the Conoco field"]

    page.get_by_role("button", name="Clear all").click()
    wait_ready(page, updates)

    assert set(query_of(page)) == {"map", "lang"}
    expect(page.locator("#f-q")).to_have_value("")
    assert cell_total(page) == 4


def test_a_list_row_zooms_to_its_incident_and_opens_its_popup_and_the_link_reopens_it(open_page):
    incident = incident_at(BAGHDAD, title="Rocket strike on the airport", killed_best=3, injured_best=7)
    page = open_page("/")
    updates = wait_ready(page)

    page.locator(f"#incident-list li[data-incident-id='{incident.pk}']").get_by_role("button", name="Show on map").focus()
    page.keyboard.press("Enter")

    popup = page.locator(".leaflet-popup")
    expect(popup.get_by_role("link", name="Details")).to_be_focused()  # keyboard focus follows into the popup
    expect(popup.locator(".incident-title")).to_have_text("Rocket strike on the airport")
    expect(popup.locator(".incident-date")).to_have_text("Dec 8, 2023 (day)")
    expect(popup.locator(".fact").filter(has_text="Type").locator("dd")).to_have_text("Explosions/Remote violence")
    expect(popup.locator(".fact").filter(has_text="Location").locator("dd")).to_have_text(incident.location.name_en)
    expect(popup.locator(".fact").filter(has_text="Place precision").locator("dd")).to_have_text("the exact place")
    expect(popup.locator(".fact").filter(has_text="Killed").locator("dd")).to_have_text("3")
    expect(popup.locator(".fact").filter(has_text="Injured").locator("dd")).to_have_text("7")
    assert popup.get_by_role("link", name="Details").get_attribute("href").endswith(f"/incidents/{incident.pk}/")
    wait_ready(page, updates)
    assert query_of(page)["incident"] == str(incident.pk)
    assert int(query_of(page)["map"].split("/")[0]) >= 9
    expect(page.locator("#incident-map .incident-symbol")).to_have_count(1)

    page.reload()
    wait_ready(page)
    expect(page.locator(".leaflet-popup .incident-title")).to_have_text("Rocket strike on the airport")


def test_a_link_naming_only_an_incident_centres_the_map_on_it_with_its_popup(open_page):
    incident_at(BAGHDAD, title="Elsewhere")
    incident = incident_at(ERBIL, title="Drone intercepted near Erbil airport")

    page = open_page(f"/?incident={incident.pk}")

    expect(page.locator(".leaflet-popup .incident-title")).to_have_text("Drone intercepted near Erbil airport")
    page.wait_for_function("() => Number(new URLSearchParams(location.search).get('map').split('/')[0]) >= 9")
    _zoom, lat, lng = (float(part) for part in query_of(page)["map"].split("/"))
    assert (lat, lng) == pytest.approx((ERBIL.y, ERBIL.x), abs=0.01)
    assert query_of(page)["incident"] == str(incident.pk)


def test_an_incident_known_only_to_its_area_is_shown_with_its_area_not_a_street(open_page):
    incident = incident_at(Point(38.5, 35.0, srid=4326), title="Attacks in Syria", geo_precision=GeoPrecision.REGION)
    page = open_page("/")
    updates = wait_ready(page)

    page.get_by_role("button", name="Show on map").click()

    expect(page.locator(".leaflet-popup .incident-title")).to_have_text("Attacks in Syria")
    expect(page.locator(".leaflet-popup .fact").filter(has_text="Place precision").locator("dd")).to_have_text(
        "the region or country only"
    )
    wait_ready(page, updates)
    assert int(query_of(page)["map"].split("/")[0]) < 9
    expect(page.locator(f"#incident-map .incident-precision-3[data-incident-id='{incident.pk}']")).to_have_count(1)


def test_incidents_at_one_point_are_one_stack_whose_popup_lists_them(open_page):
    attacks = [
        incident_at(AIN_AL_ASAD, title=f"Attack {day} on the base", date_start=f"2023-12-{day:02d}") for day in (3, 8, 5)
    ]
    incident_at(Point(42.50, 33.80, srid=4326), title="Nearby, elsewhere")
    page = open_page("/?map=11/33.7856/42.4412")
    updates = wait_ready(page)

    stack = page.locator("#incident-map .incident-stack")
    expect(stack).to_have_count(1)
    expect(stack).to_have_text("3")
    expect(page.locator("#incident-map .incident-symbol")).to_have_count(1)
    stack.click()
    entries = page.locator(".leaflet-popup .stack-entry .incident-title")
    expect(entries).to_have_text(["Attack 8 on the base", "Attack 5 on the base", "Attack 3 on the base"])  # newest first
    assert "incident" not in query_of(page)  # a list of incidents is no incident chosen

    page.locator(".leaflet-popup .stack-entry").filter(has_text="Attack 5").click()
    expect(page.locator(".leaflet-popup .incident-title")).to_have_text("Attack 5 on the base")
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('incident') === '{attacks[2].pk}'")
    page.get_by_role("button", name="All incidents at this place (3)").click()
    expect(entries).to_have_count(3)
    page.wait_for_function("() => !new URLSearchParams(location.search).has('incident')")

    row = page.locator(f"#incident-list li[data-incident-id='{attacks[0].pk}']")
    row.hover()
    expect(stack).to_have_class(re.compile("is-highlighted"))
    row.get_by_role("button", name="Show on map").click()
    expect(page.locator(".leaflet-popup .incident-title")).to_have_text("Attack 3 on the base")
    wait_ready(page, updates)
    assert query_of(page)["incident"] == str(attacks[0].pk)


def test_hovering_a_row_highlights_its_symbol_and_hovering_a_symbol_its_row(open_page):
    first = incident_at(BAGHDAD, title="First")
    second = incident_at(Point(44.5, 33.4, srid=4326), title="Second")
    page = open_page("/?map=10/33.35/44.45")
    wait_ready(page)
    expect(page.locator("#incident-map .incident-symbol")).to_have_count(2)

    page.locator(f"#incident-list li[data-incident-id='{first.pk}']").hover()
    expect(page.locator(f"#incident-map [data-incident-id='{first.pk}']")).to_have_class(re.compile("is-highlighted"))
    expect(page.locator(f"#incident-map [data-incident-id='{second.pk}']")).not_to_have_class(re.compile("is-highlighted"))

    symbol = page.locator(f"#incident-map [data-incident-id='{second.pk}']")
    expect(symbol).to_have_attribute("aria-label", "Dec 8, 2023: Second")
    symbol.focus()
    page.keyboard.press("Enter")  # the keyboard opens a symbol as a click does
    expect(page.locator(".leaflet-popup .incident-title")).to_have_text("Second")

    page.locator(f"#incident-map [data-incident-id='{second.pk}']").hover()
    expect(page.locator(f"#incident-list li[data-incident-id='{second.pk}']")).to_have_class(re.compile("is-highlighted"))
    expect(page.locator(f"#incident-list li[data-incident-id='{first.pk}']")).not_to_have_class(re.compile("is-highlighted"))


def test_the_list_pages_on_with_show_more(open_page):
    for day in range(1, 56):  # the list's pages hold 50
        incident_at(BAGHDAD, title=f"Incident of day {day}", date_start=f"2023-{1 + day // 28:02d}-{1 + day % 28:02d}")
    page = open_page("/")
    wait_ready(page)
    expect(page.locator("#incident-list > li")).to_have_count(50)

    page.get_by_role("button", name="Show more").click()

    expect(page.locator("#incident-list > li")).to_have_count(55)
    expect(page.get_by_role("button", name="Show more")).to_be_hidden()
    dates = page.locator("#incident-list > li").evaluate_all("rows => rows.map(row => row.dataset.incidentId)")
    assert len(set(dates)) == 55


def test_hostile_title_is_shown_as_text_in_list_popup_and_incident_page(open_page):
    incident = incident_at(BAGHDAD, title=HOSTILE_TITLE, title_ar="")
    incident.location.name_en = HOSTILE_TITLE
    incident.location.save()
    IncidentActorFactory(incident=incident, actor=ActorFactory(name_en=HOSTILE_TITLE, name_ar=""))
    IncidentSourceFactory(incident=incident, source=SourceFactory(title=HOSTILE_TITLE, url="javascript:alert(1)"))

    page = open_page("/")
    wait_ready(page)

    expect(page.locator("#incident-list .incident-title")).to_have_text(HOSTILE_TITLE)
    expect(page.locator("#incident-list .incident-place")).to_have_text(HOSTILE_TITLE)
    page.get_by_role("button", name="Show on map").click()
    expect(page.locator(".leaflet-popup .incident-title")).to_have_text(HOSTILE_TITLE)
    expect(page.locator(".leaflet-popup .fact").filter(has_text="Location").locator("dd")).to_have_text(HOSTILE_TITLE)
    assert page.locator("img[src='x']").count() == 0

    page.locator("#incident-list .incident-title a").click()
    page.wait_for_selector("body[data-incident-loaded]")
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == []
    assert page.js_errors == []


def test_arabic_page_is_right_to_left_with_its_panels_mirrored(open_page):
    incident_at(BAGHDAD, title="Rocket attack", title_ar="هجوم صاروخي على المطار")

    page = open_page("/", language="ar")
    wait_ready(page)

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("#incident-list-heading")).to_have_text("الحوادث")
    expect(page.locator("#match-count")).to_have_text("الحوادث المطابقة: ١")
    expect(page.locator("#incident-list .incident-title")).to_have_text("هجوم صاروخي على المطار")
    expect(page.locator("#incident-list .show-on-map")).to_have_text("اعرض على الخريطة")
    expect(page.locator("#f-event_type option").nth(1)).not_to_have_text("Battles")
    # The layout mirrors: the filters right of the map, the list left of it.
    map_box = page.locator(".map-panel").bounding_box()
    assert page.locator(".filter-panel").bounding_box()["x"] > map_box["x"]
    assert page.locator(".list-panel").bounding_box()["x"] < map_box["x"]
    assert query_of(page)["lang"] == "ar"


def test_a_link_with_lang_opens_in_that_language_and_the_switch_keeps_the_view(open_page):
    incident_at(BAGHDAD, title="Rocket attack", title_ar="هجوم صاروخي")

    page = open_page("/?event_type=Battles&lang=ar", language="en")
    wait_ready(page)
    expect(page.locator("html")).to_have_attribute("lang", "ar")

    page.get_by_role("button", name="English").click()
    wait_ready(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert query_of(page)["event_type"] == "Battles"
    assert query_of(page)["lang"] == "en"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_phone_layout_has_a_filter_drawer_and_the_list_under_the_map(open_page, language):
    incident_at(BAGHDAD, title="A rather long title " * 6, title_ar="عنوان طويل نوعاً ما " * 6)

    page = open_page("/", language=language, viewport=(390, 844))
    updates = wait_ready(page)

    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    expect(page.locator("#filter-panel")).to_be_hidden()
    toggle = page.locator("#filters-toggle")
    toggle.click()
    expect(page.locator("#filter-panel")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#f-date_from")).to_be_focused()
    page.select_option("#f-event_type", "Battles")
    wait_ready(page, updates)
    expect(page.locator("#panel-count")).to_have_text("Matching incidents: 0" if language == "en" else "الحوادث المطابقة: ٠")
    page.keyboard.press("Escape")
    expect(page.locator("#filter-panel")).to_be_hidden()
    expect(toggle).to_be_focused()
    toggle.click()
    expect(page.locator("#filter-panel")).to_be_visible()
    page.mouse.click(370 if language == "en" else 20, 400)  # beside the drawer, which opens from the reading side
    expect(page.locator("#filter-panel")).to_be_hidden()

    map_box = page.locator(".map-panel").bounding_box()
    list_box = page.locator(".list-panel").bounding_box()
    assert map_box["height"] > 300
    assert map_box["y"] + map_box["height"] <= list_box["y"] + 1
    page.locator("#incident-status").scroll_into_view_if_needed()
    expect(page.locator("#incident-status")).to_be_in_viewport()


def test_map_is_drawn_without_tiles_and_nothing_leaves_the_machine(open_page):
    incident_at(BAGHDAD)

    page = open_page("/")
    wait_ready(page)

    # The offline country outlines are drawn beneath the (unreachable) tiles.
    expect(page.locator(".leaflet-basemap-pane path").first).to_be_attached()
    assert page.locator(".leaflet-basemap-pane path").count() > 10
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("GeoNames (geonames.org)")
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("OCHA")
    assert page.blocked_requests, "the tile requests should have been blocked"
    assert all("tile" in url for url in page.blocked_requests)

