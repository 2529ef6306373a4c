"""The timeline component (static/incidents/timeline.js) alone in Chromium: no server, no database.

Each test writes a page with an empty container, adds the component's script and style from the source
tree, feeds it a body shaped like GET /api/v1/incidents/timeline/ and drives it with the mouse, the
keyboard and a fake clock (the play control steps every 700 ms).
"""
import datetime
import itertools
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

STATIC = Path(settings.BASE_DIR) / "static" / "incidents"
SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"
HOSTILE = "<img src=x onerror=alert(1)>"
BATTLES, EXPLOSIONS, CIVILIANS = "Battles", "Explosions/Remote violence", "Violence against civilians"
COLORS = {BATTLES: "#1b9e77", EXPLOSIONS: "#d95f02", CIVILIANS: "#7570b3", HOSTILE: "#e7298a"}
LABELS = {
    "en": {"play": "Play", "pause": "Pause", "clear_selection": "Clear selection", "incidents": "Incidents",
           "killed": "Killed", "event_type": {BATTLES: "Battles", EXPLOSIONS: "Explosions", CIVILIANS: "Civilians"}},
    "ar": {"play": "تشغيل", "pause": "إيقاف مؤقت", "clear_selection": "مسح التحديد", "incidents": "الحوادث",
           "killed": "القتلى", "all_dates": "كل التواريخ",
           "event_type": {BATTLES: "معارك", EXPLOSIONS: "انفجارات/عنف عن بعد", CIVILIANS: "عنف ضد المدنيين"}},
}
# The plot's margin on either side, in pixels (MARGIN.side in timeline.js): the bucket slots tile the rest.
SIDE = 6
CLOCK_START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
# Mounts the component in #timeline; every range it selects is pushed onto window.selected.
MOUNT_JS = """([labels, colors, dir]) => {
  window.selected = [];
  window.timeline = Marsad.Timeline(document.getElementById("timeline"), {
    labels: labels, colors: colors, dir: dir, onSelect: (range) => window.selected.push(range),
  });
}"""
# The rectangles of the bars, read back from the paths (one per event type) that draw them.
BARS_JS = """() => [...document.querySelectorAll(".mt-bars path")].flatMap((path) =>
  [...path.getAttribute("d").matchAll(/M([-\\d.]+) ([-\\d.]+)h([-\\d.]+)v([-\\d.]+)h[-\\d.]+z/g)].map((m) => ({
    type: path.dataset.type, fill: path.getAttribute("fill"),
    x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]),
  })))"""


def bucket(date, **counts_by_type):
    """Return a timeline bar of `date` with these incidents per event type (killed: one per incident)."""
    by_type = {
        type_: {"incidents": number, "events": number, "killed": number, "injured": 0}
        for type_, number in counts_by_type.items() if number
    }
    total = sum(counts_by_type.values())
    return {"date": date, "incidents": total, "events": total, "killed": total, "injured": 0, "by_event_type": by_type}


def timeline(bucket_width, *bars):
    types = sorted({type_ for bar in bars for type_ in bar["by_event_type"]})
    return {"bucket": bucket_width, "event_types": types, "buckets": list(bars)}


MONTHS = timeline(
    "month",
    bucket("2023-11-01", Battles=2, **{EXPLOSIONS: 1}),
    bucket("2023-12-01", Battles=1, **{EXPLOSIONS: 3, CIVILIANS: 4}),
    bucket("2024-01-01"),
    bucket("2024-02-01", **{CIVILIANS: 2}),
)


def days(number, start="2021-01-01"):
    """Return `number` day bars from `start`, each with incidents of every type."""
    first = datetime.date.fromisoformat(start)
    return timeline("day", *(
        bucket((first + datetime.timedelta(days=n)).isoformat(), Battles=n % 3 + 1, **{EXPLOSIONS: n % 5, CIVILIANS: 1})
        for n in range(number)
    ))


@pytest.fixture
def mount(browser):
    """Return a function that opens a page holding the timeline fed with `body`, and returns the page."""
    contexts = []

    def mount(body, *, language="en", width=800, touch=False):
        context = browser.new_context(viewport={"width": width, "height": 400}, locale=language, has_touch=touch)
        contexts.append(context)
        page = context.new_page()
        page.js_errors, page.dialogs = [], []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        # The clock stands still but for run_for: the play control steps only when a test says so.
        page.clock.install(time=CLOCK_START)
        page.clock.pause_at(CLOCK_START + datetime.timedelta(seconds=1))
        direction = "rtl" if language == "ar" else "ltr"
        page.set_content(
            f'<!doctype html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8"></head>'
            f'<body style="margin:0;padding:120px 16px 16px"><div id="timeline"></div></body></html>'
        )
        page.add_style_tag(path=STATIC / "timeline.css")
        page.add_script_tag(path=STATIC / "timeline.js")
        page.evaluate(MOUNT_JS, [LABELS[language], COLORS, direction])
        page.evaluate("(body) => window.timeline.setData(body)", body)
        return page

    yield mount
    for context in contexts:
        context.close()


def bars(page, count, *, rtl=False):
    """Return the drawn rectangles with the index of the bucket whose slot holds each, bucket by bucket
    and bottom up."""
    plot_width = page.locator(".mt-svg").bounding_box()["width"] - 2 * SIDE
    step = plot_width / count
    drawn = page.evaluate(BARS_JS)
    for bar in drawn:
        offset = bar["x"] + bar["width"] / 2 - SIDE
        bar["index"] = int((plot_width - offset if rtl else offset) // step)
    return sorted(drawn, key=lambda bar: (bar["index"], -bar["y"]))


def first_bar(drawn, index):
    """Return the lowest segment of bucket `index`'s bar."""
    return next(bar for bar in drawn if bar["index"] == index)


def selected(page):
    return page.evaluate("() => window.selected")


def slot_centre(page, index, count, *, rtl=False):
    """Return the page coordinates of the middle of bucket `index`'s slot, half way up the plot."""
    box = page.locator(".mt-svg").bounding_box()
    step = (box["width"] - 2 * SIDE) / count
    offset = SIDE + (index + 0.5) * step
    x = box["x"] + (box["width"] - offset if rtl else offset)
    return x, box["y"] + box["height"] / 2


def drag(page, start, end):
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move((start[0] + end[0]) / 2, start[1], steps=3)
    page.mouse.move(*end, steps=3)
    page.mouse.up()


def shoot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"timeline-{name}.png", full_page=True)


# --- Bars ---------------------------------------------------------------------------------------


def test_one_bar_per_bucket_stacked_by_type_in_its_colour_and_proportional(mount):
    page = mount(MONTHS)

    drawn = bars(page, 4)

    # A rect per (bucket, type) with incidents: 2 + 3 + 0 + 1.
    assert [(bar["index"], bar["type"]) for bar in drawn] == [
        (0, BATTLES), (0, EXPLOSIONS), (1, BATTLES), (1, EXPLOSIONS), (1, CIVILIANS), (3, CIVILIANS)
    ]
    assert all(bar["fill"] == COLORS[bar["type"]] for bar in drawn)
    unit = drawn[0]["height"] / 2  # November's 2 battles
    for bar, incidents in zip(drawn, [2, 1, 1, 3, 4, 2]):
        assert bar["height"] == pytest.approx(incidents * unit, abs=0.02)
    # Stacked: each segment sits on the one below it, every bar on the same baseline.
    december = [bar for bar in drawn if bar["index"] == 1]
    for below, above in itertools.pairwise(december):
        assert above["y"] + above["height"] == pytest.approx(below["y"], abs=0.02)
    baselines = {round(bar["y"] + bar["height"], 1) for bar in drawn if bar["type"] == BATTLES}
    assert len(baselines) == 1
    # Time runs left to right, in equal slots.
    xs = [first_bar(drawn, index)["x"] for index in (0, 1, 3)]
    assert xs[0] < xs[1] < xs[2]
    assert xs[2] - xs[1] == pytest.approx(2 * (xs[1] - xs[0]), abs=0.05)
    assert page.js_errors == []


def test_axis_labels_dates_in_the_pages_language(mount):
    english = mount(MONTHS)
    arabic = mount(MONTHS, language="ar")

    assert "Dec 2023" in english.locator(".mt-tick-label").all_text_contents()
    arabic_labels = " ".join(arabic.locator(".mt-tick-label").all_text_contents())
    assert "كانون الأول" in arabic_labels  # December, as Iraq and Syria name it
    assert "٢٠٢٣" in arabic_labels


def test_axis_ticks_fall_on_days_or_mondays_as_the_width_allows_and_name_the_year_once(mount):
    five_days = mount(days(5))
    three_weeks = mount(days(21))

    assert five_days.locator(".mt-tick-label").all_text_contents() == ["Jan 1, 2021", "Jan 2", "Jan 3", "Jan 4", "Jan 5"]
    assert three_weeks.locator(".mt-tick-label").all_text_contents() == ["Jan 4, 2021", "Jan 11", "Jan 18"]


def test_no_bucket_draws_an_empty_chart_that_cannot_play(mount):
    page = mount(timeline("day"))

    assert page.evaluate(BARS_JS) == []
    expect(page.locator(".mt-empty")).to_be_visible()
    expect(page.get_by_role("button", name="Play")).to_be_disabled()
    page.locator(".mt-chart").focus()
    page.keyboard.press("ArrowRight")
    assert selected(page) == []
    assert page.js_errors == []


def test_one_bucket_draws_one_narrow_bar_that_a_click_selects(mount):
    page = mount(timeline("week", bucket("2023-12-04", Battles=3)))

    (bar,) = bars(page, 1)
    assert bar["width"] <= 48
    box = page.locator(".mt-svg").bounding_box()
    assert bar["x"] + bar["width"] / 2 == pytest.approx(box["width"] / 2, abs=0.05)
    expect(page.locator(".mt-empty")).to_be_hidden()

    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + bar["y"] + bar["height"] / 2)

    assert selected(page) == [{"date_from": "2023-12-04", "date_to": "2023-12-10"}]


def test_a_thousand_day_buckets_are_all_drawn(mount):
    """Every stacked segment of 1,000 day bars is drawn (its speed is bench/bench_map.py's to measure)."""
    page = mount(timeline("day"))
    body = days(1000)

    page.evaluate("(body) => window.timeline.setData(body)", body)

    assert len(bars(page, 1000)) == sum(len(bar["by_event_type"]) for bar in body["buckets"])


def test_the_chart_redraws_at_its_new_width(mount):
    page = mount(MONTHS, width=800)
    last_bar_end = f"() => Math.max(...({BARS_JS})().map((bar) => bar.x + bar.width))"
    wide = page.evaluate(last_bar_end)

    page.set_viewport_size({"width": 390, "height": 400})

    page.wait_for_function(f"() => ({last_bar_end})() < 390")
    assert page.evaluate(last_bar_end) < wide / 2
    assert page.evaluate("() => document.querySelector('.mt-svg').getAttribute('width')") == str(390 - 32)


def test_before_its_data_the_timeline_says_nothing_and_keeps_a_selection_for_it(mount):
    page = mount(MONTHS)
    page.evaluate(MOUNT_JS, [LABELS["en"], COLORS, "ltr"])  # a second timeline, not fed yet
    fresh = page.locator(".marsad-timeline").nth(1)

    page.evaluate("() => window.timeline.setSelection({date_from: '2023-12-01', date_to: '2023-12-31'})")
    fresh.locator(".mt-chart").focus()
    page.keyboard.press("ArrowRight")

    expect(fresh.locator(".mt-empty")).to_be_hidden()
    expect(fresh.get_by_role("button", name="Play")).to_be_disabled()
    page.evaluate("(body) => window.timeline.setData(body)", MONTHS)
    expect(fresh.locator(".mt-range")).to_have_text("Dec 1 – 31, 2023")
    assert selected(page) == []
    assert page.js_errors == []


def test_data_given_while_hidden_is_drawn_when_the_timeline_shows(mount):
    page = mount(timeline("month"))
    page.evaluate("""(body) => {
      document.getElementById("timeline").style.display = "none";
      window.timeline.setData(body);
    }""", MONTHS)
    assert page.evaluate(BARS_JS) == []  # nothing to lay out in no width

    page.evaluate("() => { document.getElementById('timeline').style.display = ''; }")

    page.wait_for_function(f"() => ({BARS_JS})().length === 6")
    assert all(bar["width"] > 0 for bar in bars(page, 4))


def test_destroy_removes_the_timeline_and_stops_playing(mount):
    page = mount(MONTHS)
    page.get_by_role("button", name="Play").click()

    page.evaluate("() => window.timeline.destroy()")
    page.clock.run_for(2100)

    expect(page.locator(".marsad-timeline")).to_have_count(0)
    assert len(selected(page)) == 1


# --- Tooltip ------------------------------------------------------------------------------------


def test_hovering_a_bar_shows_its_date_counts_per_type_and_killed_as_text(mount):
    body = timeline("day", bucket("2023-12-08", Battles=1, **{HOSTILE: 2}), bucket("2023-12-09", Battles=1))
    page = mount(body)

    page.mouse.move(*slot_centre(page, 0, 2))

    tooltip = page.locator(".mt-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip.locator(".mt-tooltip-date")).to_have_text("December 8, 2023")
    expect(tooltip.locator("li")).to_have_text([HOSTILE + "2", "Battles1"])  # the API's order of types
    expect(tooltip.locator(".mt-tooltip-totals")).to_have_text("Incidents: 3Killed: 3")
    assert page.locator(".mt-tooltip img").count() == 0
    assert page.dialogs == []

    page.mouse.move(10, 10)
    expect(tooltip).to_be_hidden()


def test_a_tap_on_a_bar_selects_it_and_leaves_its_counts_shown_until_the_focus_leaves(mount):
    page = mount(MONTHS, width=390, touch=True)
    box = page.locator(".mt-svg").bounding_box()

    page.touchscreen.tap(slot_centre(page, 1, 4)[0], box["y"] + box["height"] - 25)
    # A phone's browser then says the finger left (Pointer Events: no hover after pointerup); the emulated tap does not.
    page.locator(".mt-chart").dispatch_event("pointerleave", {"pointerType": "touch"})

    assert selected(page) == [{"date_from": "2023-12-01", "date_to": "2023-12-31"}]
    expect(page.locator(".mt-tooltip")).to_be_visible()
    expect(page.locator(".mt-tooltip-date")).to_have_text("December 2023")
    page.touchscreen.tap(5, 5)  # elsewhere on the page
    expect(page.locator(".mt-tooltip")).to_be_hidden()


# --- Brush and clicks ---------------------------------------------------------------------------


def test_dragging_selects_the_buckets_under_the_brush_to_the_last_day_of_the_last(mount):
    page = mount(MONTHS)

    drag(page, slot_centre(page, 1, 4), slot_centre(page, 3, 4))

    # February 2024 ends on the 29th.
    assert selected(page) == [{"date_from": "2023-12-01", "date_to": "2024-02-29"}]
    expect(page.locator(".mt-selection")).to_have_attribute("visibility", "visible")
    expect(page.get_by_role("button", name="Clear selection")).to_be_enabled()
    expect(page.locator(".mt-range")).to_have_text("Dec 1, 2023 – Feb 29, 2024")


def test_dragging_backwards_selects_the_same_range(mount):
    page = mount(MONTHS)

    drag(page, slot_centre(page, 2, 4), slot_centre(page, 0, 4))

    assert selected(page) == [{"date_from": "2023-11-01", "date_to": "2024-01-31"}]


def test_a_brush_the_browser_cancels_leaves_the_selection_as_it_was(mount):
    page = mount(MONTHS)
    page.evaluate("() => window.timeline.setSelection({date_from: '2023-11-01', date_to: '2023-11-30'})")
    brush = page.locator(".mt-selection")
    before = (brush.get_attribute("x"), brush.get_attribute("width"))

    page.mouse.move(*slot_centre(page, 1, 4))
    page.mouse.down()
    page.mouse.move(*slot_centre(page, 3, 4), steps=3)
    assert (brush.get_attribute("x"), brush.get_attribute("width")) != before
    page.locator(".mt-chart").dispatch_event("pointercancel")
    page.mouse.up()

    assert (brush.get_attribute("x"), brush.get_attribute("width")) == before
    expect(page.locator(".mt-range")).to_have_text("Nov 1 – 30, 2023")
    assert selected(page) == []


def test_a_click_on_a_bar_selects_its_bucket_and_a_click_beside_the_bars_clears(mount):
    page = mount(MONTHS)
    box = page.locator(".mt-svg").bounding_box()

    page.mouse.click(slot_centre(page, 3, 4)[0], box["y"] + box["height"] - 25)  # February's bar, near its foot
    page.mouse.click(slot_centre(page, 2, 4)[0], box["y"] + box["height"] - 25)  # January: no bar

    assert selected(page) == [{"date_from": "2024-02-01", "date_to": "2024-02-29"}, None]
    expect(page.locator(".mt-selection")).to_have_attribute("visibility", "hidden")


def test_the_clear_button_clears_the_selection(mount):
    page = mount(MONTHS)
    drag(page, slot_centre(page, 0, 4), slot_centre(page, 1, 4))

    page.get_by_role("button", name="Clear selection").click()

    assert selected(page)[-1] is None
    expect(page.get_by_role("button", name="Clear selection")).to_be_disabled()
    expect(page.locator(".mt-range")).to_have_text("All dates")


def test_set_selection_draws_without_calling_back_and_survives_new_data(mount):
    page = mount(MONTHS)

    page.evaluate("() => window.timeline.setSelection({date_from: '2023-12-15', date_to: '2024-01-10'})")

    assert selected(page) == []
    brush = page.locator(".mt-selection")
    expect(brush).to_have_attribute("visibility", "visible")
    # It covers December and January, the buckets the dates touch.
    (december,) = [bar for bar in bars(page, 4) if bar["index"] == 1 and bar["type"] == BATTLES]
    x = float(brush.get_attribute("x"))
    assert x <= december["x"] < x + float(brush.get_attribute("width"))
    expect(page.locator(".mt-range")).to_have_text("Dec 15, 2023 – Jan 10, 2024")
    expect(page.locator(".mt-shade rect")).to_have_count(2)  # a veil over November, another over February

    page.evaluate("(body) => window.timeline.setData(body)", days(60, start="2023-12-01"))

    day_step = (page.locator(".mt-svg").bounding_box()["width"] - 2 * SIDE) / 60
    expect(brush).to_have_attribute("visibility", "visible")
    assert float(brush.get_attribute("width")) == pytest.approx(27 * day_step)  # 15 Dec to 10 Jan

    page.evaluate("() => window.timeline.setSelection(null)")
    expect(brush).to_have_attribute("visibility", "hidden")
    expect(page.locator(".mt-shade rect")).to_have_count(0)
    assert selected(page) == []


def test_dates_outside_every_bucket_veil_all_bars_and_still_show_and_clear(mount):
    page = mount(MONTHS)

    page.evaluate("() => window.timeline.setSelection({date_from: '2025-03-01', date_to: '2025-03-31'})")

    expect(page.locator(".mt-selection")).to_have_attribute("visibility", "hidden")
    expect(page.locator(".mt-shade rect")).to_have_count(1)
    expect(page.locator(".mt-range")).to_have_text("Mar 1 – 31, 2025")
    page.get_by_role("button", name="Clear selection").click()
    assert selected(page) == [None]
    expect(page.locator(".mt-shade rect")).to_have_count(0)

    # So do Escape and a click beside the bars.
    page.evaluate("() => window.timeline.setSelection({date_from: '2025-03-01', date_to: '2025-03-31'})")
    page.keyboard.press("Escape")
    page.evaluate("() => window.timeline.setSelection({date_from: '2025-03-01', date_to: '2025-03-31'})")
    page.mouse.click(slot_centre(page, 2, 4)[0], page.locator(".mt-svg").bounding_box()["y"] + 20)
    assert selected(page) == [None, None, None]
    expect(page.locator(".mt-range")).to_have_text("All dates")


def test_a_range_open_at_one_end_is_drawn_to_the_edge_and_shown_with_a_dash(mount):
    page = mount(MONTHS)

    page.evaluate("() => window.timeline.setSelection({date_from: '2024-01-15'})")

    expect(page.locator(".mt-range")).to_have_text("Jan 15, 2024 – ")
    expect(page.locator(".mt-shade rect")).to_have_count(1)  # over November and December only
    brush = page.locator(".mt-selection")
    box = page.locator(".mt-svg").bounding_box()
    assert float(brush.get_attribute("x")) + float(brush.get_attribute("width")) == pytest.approx(box["width"] - SIDE)


# --- Keyboard -----------------------------------------------------------------------------------


def test_arrows_move_the_selection_shift_arrows_resize_it_and_escape_clears(mount):
    page = mount(MONTHS)
    page.locator(".mt-chart").focus()

    for key in ["ArrowRight", "ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "ArrowRight",
                "Shift+ArrowLeft", "ArrowLeft", "Home", "End", "Escape"]:
        page.keyboard.press(key)

    assert selected(page) == [
        {"date_from": "2023-11-01", "date_to": "2023-11-30"},  # the first bucket
        {"date_from": "2023-12-01", "date_to": "2023-12-31"},  # moved a bucket later
        {"date_from": "2023-12-01", "date_to": "2024-01-31"},  # grown to two
        {"date_from": "2023-12-01", "date_to": "2024-02-29"},  # to three, the end
        # ArrowRight at the end moves nothing and says nothing
        {"date_from": "2023-12-01", "date_to": "2024-01-31"},  # shrunk
        {"date_from": "2023-11-01", "date_to": "2023-12-31"},  # moved earlier
        # Home: already at the start
        {"date_from": "2024-01-01", "date_to": "2024-02-29"},  # End
        None,
    ]


def test_the_chart_is_named_and_describes_its_keys_to_screen_readers(mount):
    page = mount(MONTHS, language="ar")
    labels = {**LABELS["ar"], "timeline": "الخط الزمني للحوادث", "keyboard_help": "تنقل مفاتيح الأسهم التحديد."}
    page.evaluate(MOUNT_JS, [labels, COLORS, "rtl"])

    chart = page.get_by_role("group", name="الخط الزمني للحوادث")
    expect(chart).to_have_accessible_description("تنقل مفاتيح الأسهم التحديد.")
    expect(chart).to_have_attribute("tabindex", "0")
    expect(page.get_by_text("تنقل مفاتيح الأسهم التحديد.")).to_be_hidden()


def test_the_keys_show_the_counts_of_the_bucket_they_reach_and_escape_hides_them(mount):
    page = mount(MONTHS)
    tooltip = page.locator(".mt-tooltip")
    page.locator(".mt-chart").focus()

    page.keyboard.press("ArrowRight")
    expect(tooltip).to_be_visible()
    expect(tooltip.locator(".mt-tooltip-date")).to_have_text("November 2023")
    page.keyboard.press("Shift+ArrowRight")
    expect(tooltip.locator(".mt-tooltip-date")).to_have_text("December 2023")
    expect(tooltip.locator(".mt-tooltip-totals")).to_have_text("Incidents: 8Killed: 8")

    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()


def test_clearing_with_the_button_leaves_the_keyboard_on_the_chart(mount):
    page = mount(MONTHS)
    page.locator(".mt-chart").focus()
    page.keyboard.press("ArrowRight")

    page.keyboard.press("Shift+Tab")  # back to the clear button, before the chart
    expect(page.get_by_role("button", name="Clear selection")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator(".mt-chart")).to_be_focused()
    assert selected(page)[-1] is None
    page.keyboard.press("End")
    assert selected(page)[-1] == {"date_from": "2024-02-01", "date_to": "2024-02-29"}


# --- Play ---------------------------------------------------------------------------------------


def test_play_steps_one_bucket_at_a_time_to_the_end_and_stops(mount):
    page = mount(MONTHS)
    play = page.get_by_role("button", name="Play")

    play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    assert selected(page) == [{"date_from": "2023-11-01", "date_to": "2023-11-30"}]
    page.clock.run_for(700)
    assert selected(page)[-1] == {"date_from": "2023-12-01", "date_to": "2023-12-31"}
    page.clock.run_for(1400)

    assert [range_["date_from"] for range_ in selected(page)] == ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"]
    expect(play).to_have_attribute("aria-pressed", "false")
    page.clock.run_for(2100)
    assert len(selected(page)) == 4


def test_play_moves_the_selected_window_and_pause_stops_it(mount):
    page = mount(days(10))
    drag(page, slot_centre(page, 2, 10), slot_centre(page, 4, 10))  # 3 days: 3 to 5 January
    play = page.get_by_role("button", name="Play")

    play.click()
    page.clock.run_for(1400)
    play.click()
    page.clock.run_for(7000)

    assert selected(page)[1:] == [
        {"date_from": "2021-01-04", "date_to": "2021-01-06"},
        {"date_from": "2021-01-05", "date_to": "2021-01-07"},
    ]
    expect(play).to_have_attribute("aria-pressed", "false")


def test_play_from_the_end_starts_again_from_the_beginning_and_a_brush_stops_it(mount):
    page = mount(MONTHS)
    page.locator(".mt-chart").focus()
    page.keyboard.press("End")
    play = page.get_by_role("button", name="Play")

    play.click()
    page.clock.run_for(700)
    drag(page, slot_centre(page, 2, 4), slot_centre(page, 3, 4))
    page.clock.run_for(2100)

    assert [range_["date_from"] for range_ in selected(page)] == ["2024-02-01", "2023-11-01", "2023-12-01", "2024-01-01"]
    expect(play).to_have_attribute("aria-pressed", "false")


# --- Right to left ------------------------------------------------------------------------------


def test_in_arabic_time_runs_right_to_left_with_the_brush_and_the_keys(mount):
    page = mount(MONTHS, language="ar")

    drawn = bars(page, 4, rtl=True)
    november, december = first_bar(drawn, 0), first_bar(drawn, 1)
    assert november["x"] > december["x"]  # the earliest bar on the right

    drag(page, slot_centre(page, 0, 4, rtl=True), slot_centre(page, 1, 4, rtl=True))
    page.locator(".mt-chart").focus()
    page.keyboard.press("ArrowLeft")  # later, leftwards
    page.keyboard.press("Shift+ArrowLeft")

    assert selected(page) == [
        {"date_from": "2023-11-01", "date_to": "2023-12-31"},
        {"date_from": "2023-12-01", "date_to": "2024-01-31"},
        {"date_from": "2023-12-01", "date_to": "2024-02-29"},
    ]
    expect(page.get_by_role("button", name="مسح التحديد")).to_be_enabled()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", [800, 390])
def test_the_scales_maximum_is_written_inside_the_chart_at_the_start_of_the_reading_direction(mount, language, width):
    # A wide label: at a million incidents the tallest bar holds tens of thousands.
    page = mount(timeline("month", bucket("2023-11-01", Battles=31_000), bucket("2023-12-01", Battles=4)),
                 language=language, width=width)

    chart = page.locator(".mt-chart").bounding_box()
    label = page.locator(".mt-max-label")
    box = label.bounding_box()
    assert len(label.text_content()) >= 6  # "32,000" or "٣٢٬٠٠٠"
    assert chart["x"] <= box["x"] and box["x"] + box["width"] <= chart["x"] + chart["width"]
    # English reads from the left, Arabic from the right: the label sits at that side of the plot.
    middle = chart["x"] + chart["width"] / 2
    assert (box["x"] > middle) == (language == "ar")


# --- Screenshots --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(mount, language, width):
    page = mount(days(400, start="2023-01-01"), language=language, width=width)
    page.evaluate("() => window.timeline.setSelection({date_from: '2023-11-01', date_to: '2023-12-31'})")
    page.mouse.move(*slot_centre(page, 340, 400, rtl=language == "ar"))

    expect(page.locator(".mt-tooltip")).to_be_visible()
    shoot(page, f"{language}-{width}")
    assert page.js_errors == []
