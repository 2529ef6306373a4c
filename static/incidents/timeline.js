/* Marsad: the timeline, a histogram of incidents per day, week or month, stacked by event type, with a
 * brush that selects a date range and a play control that steps a window through time.
 *
 *   var timeline = Marsad.Timeline(container, {
 *     labels: {...},                      // translated strings, below
 *     colors: {"Battles": "#hex", ...},   // a colour per event type (others get a grey)
 *     dir: "ltr" | "rtl",                 // default: the document's direction
 *     onSelect: function (range) {},      // range = {date_from: "YYYY-MM-DD", date_to: "YYYY-MM-DD"} or null
 *     stepMs: 700,                        // optional: the play control's step
 *   });
 *   timeline.setData(body);               // body of GET /api/v1/incidents/timeline/?bucket=...
 *   timeline.setSelection(range | null);  // draws the selection; does not call onSelect
 *   timeline.destroy();
 *
 * labels (each optional, English when missing):
 *   timeline        name of the chart, read by screen readers ("Timeline of incidents")
 *   keyboard_help   how to use it by keyboard ("Arrow keys move the selection; Shift with ...")
 *   play, pause     the play control's name, and its title while playing
 *   clear_selection the button that clears the selection
 *   all_dates       shown in place of the selected range when nothing is selected
 *   incidents       "Incidents" (tooltip total)
 *   killed          "Killed" (tooltip)
 *   no_incidents    shown over an empty chart
 *   event_type      {event type: its name in the page's language}
 *
 * Time runs in the reading direction: left to right in English, right to left in Arabic, where the axis,
 * the brush and the arrow keys are mirrored together (the arrow pointing to later times moves later).
 *
 * Load after common.js: that file sets window.Marsad as a whole; this one only adds Marsad.Timeline.
 * Everything shown comes from the API or the page's labels and goes in through textContent.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var DAY_MS = 86400000;
  var STEP_MS = 700;
  var FALLBACK_COLOR = "#8a949b";
  // Pixels a pointer must move before a press becomes a brush rather than a click.
  var DRAG_THRESHOLD = 3;
  // Bars are never wider than this (a few buckets do not make slabs); they sit centred in their slot.
  var MAX_BAR_WIDTH = 48;
  // Least distance between two date labels of the axis.
  var TICK_SPACING = 84;
  var MARGIN = { top: 16, bottom: 22, side: 6 };
  var DEFAULT_LABELS = {
    timeline: "Timeline of incidents",
    keyboard_help:
      "Arrow keys move the selection; Shift with the arrow keys resizes it; Home and End go to the start and the end; Escape clears it.",
    play: "Play",
    pause: "Pause",
    clear_selection: "Clear selection",
    all_dates: "All dates",
    incidents: "Incidents",
    killed: "Killed",
    no_incidents: "No incidents",
  };

  // --- Dates: ISO strings in, UTC dates (days are calendar days, never local times) --------------

  function parseISO(iso) {
    var parts = String(iso).split("-").map(Number);
    return Date.UTC(parts[0], parts[1] - 1, parts[2]);
  }

  function toISO(time) {
    return new Date(time).toISOString().slice(0, 10);
  }

  function addMonths(time, months) {
    var date = new Date(time);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  }

  /** Return the first day of the bucket after the one starting at `time`. */
  function nextBucketStart(time, bucket) {
    if (bucket === "month") return addMonths(time, 1);
    return time + (bucket === "week" ? 7 : 1) * DAY_MS;
  }

  /** Return the last day of the bucket starting on `iso`: a selection ends on the last day it covers. */
  function bucketLastDay(iso, bucket) {
    return toISO(nextBucketStart(parseISO(iso), bucket) - DAY_MS);
  }

  /** Return the locale for Intl: Arabic takes Iraq's, whose month names are the Levantine ones (as common.js). */
  function pageLocale() {
    var language = document.documentElement.lang || "en";
    return language === "ar" ? "ar-IQ" : language;
  }

  function dateFormat(options) {
    return new Intl.DateTimeFormat(pageLocale(), Object.assign({ timeZone: "UTC" }, options));
  }

  /** Return "from – to" in the page's language, or one date when they are the same day. */
  function formatRange(fromISO, toISO_, options) {
    var format = dateFormat(options);
    var from = parseISO(fromISO), to = parseISO(toISO_);
    if (from === to) return format.format(from);
    return format.formatRange ? format.formatRange(from, to) : format.format(from) + " – " + format.format(to);
  }

  /** Return the name of the bucket starting on `iso`, as the tooltip heads it. */
  function bucketTitle(iso, bucket) {
    if (bucket === "month") return dateFormat({ month: "long", year: "numeric" }).format(parseISO(iso));
    return formatRange(iso, bucketLastDay(iso, bucket), { day: "numeric", month: "long", year: "numeric" });
  }

  // --- Axis ticks: calendar boundaries far enough apart for their labels --------------------------

  // Tick intervals, finest first: [unit, how many, label format].
  var TICK_INTERVALS = [
    ["day", 1, { day: "numeric", month: "short" }],
    ["day", 7, { day: "numeric", month: "short" }],
    ["month", 1, { month: "short", year: "numeric" }],
    ["month", 3, { month: "short", year: "numeric" }],
    ["month", 6, { month: "short", year: "numeric" }],
    ["month", 12, { year: "numeric" }],
    ["month", 24, { year: "numeric" }],
    ["month", 60, { year: "numeric" }],
    ["month", 120, { year: "numeric" }],
  ];

  /** Return the dates of the ticks between `first` and `end` (times), `pixelsPerDay` apart per day. */
  function tickDates(first, end, pixelsPerDay) {
    var interval = TICK_INTERVALS[TICK_INTERVALS.length - 1];
    for (var i = 0; i < TICK_INTERVALS.length; i++) {
      var days = TICK_INTERVALS[i][0] === "day" ? TICK_INTERVALS[i][1] : TICK_INTERVALS[i][1] * 30.4;
      if (days * pixelsPerDay >= TICK_SPACING) { interval = TICK_INTERVALS[i]; break; }
    }
    var unit = interval[0], size = interval[1], dates = [];
    var time;
    if (unit === "day") {
      time = first;
      // Weekly ticks fall on Mondays, as the API's weeks begin.
      if (size === 7) while (new Date(time).getUTCDay() !== 1) time += DAY_MS;
      for (; time < end; time += size * DAY_MS) dates.push(time);
    } else {
      var date = new Date(first);
      var months = date.getUTCFullYear() * 12 + date.getUTCMonth();
      months = Math.ceil(months / size) * size;  // on multiples: quarters, half-years, whole years
      time = Date.UTC(Math.floor(months / 12), months % 12, 1);
      if (time < first) time = addMonths(time, size);
      for (; time < end; time = addMonths(time, size)) dates.push(time);
    }
    return { dates: dates, format: interval[2], unit: unit };
  }

  // --- SVG helpers ------------------------------------------------------------------------------

  function svgEl(tag, attributes, parent) {
    var node = document.createElementNS(SVG, tag);
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function htmlEl(tag, className, text, parent) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  }

  /** Return `value` to a hundredth of a pixel: shorter paths, and no visible difference. */
  function round(value) {
    return Math.round(value * 100) / 100;
  }

  function emptyNode(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  // --- The component ----------------------------------------------------------------------------

  var instances = 0; // numbers each timeline's element ids

  function Timeline(container, options) {
    options = options || {};
    var labels = Object.assign({}, DEFAULT_LABELS, options.labels || {});
    var typeNames = (options.labels && options.labels.event_type) || {};
    var colors = options.colors || {};
    var rtl = (options.dir || document.documentElement.dir || "ltr") === "rtl";
    var onSelect = options.onSelect || function () {};
    var stepMs = options.stepMs || STEP_MS;
    var numberFormat = new Intl.NumberFormat(pageLocale());

    var data = null;        // the last body given to setData; null until then (no "no incidents" while loading)
    var selection = null;   // {first, last}: bucket indices, inclusive; null when nothing is selected
    var requested = null;   // the range last given to setSelection, kept to place it again on new data
    var geometry = null;    // the plot's size and scale, from the last draw
    var playTimer = null;
    var drag = null;
    var tooltipIndex = null; // the bucket the tooltip shows, null when hidden

    var dom = buildDom();
    container.appendChild(dom.root);

    var resizeObserver = new ResizeObserver(function () {
      if (!geometry || geometry.width !== dom.chart.clientWidth || geometry.height !== dom.chart.clientHeight) draw();
    });
    resizeObserver.observe(dom.chart);

    dom.chart.addEventListener("pointerdown", onPointerDown);
    dom.chart.addEventListener("pointermove", onPointerMove);
    dom.chart.addEventListener("pointerup", onPointerUp);
    dom.chart.addEventListener("pointercancel", onPointerCancel);
    dom.chart.addEventListener("pointerleave", onPointerLeave);
    dom.chart.addEventListener("blur", hideTooltip);
    dom.chart.addEventListener("keydown", onKeyDown);
    dom.play.addEventListener("click", togglePlay);
    dom.clear.addEventListener("click", clearFromButton);

    /** Build the component's elements: a toolbar over the chart, the tooltip inside the chart. */
    function buildDom() {
      var root = htmlEl("div", "marsad-timeline");
      root.dir = rtl ? "rtl" : "ltr";
      var toolbar = htmlEl("div", "mt-toolbar", null, root);
      var play = htmlEl("button", "mt-play", null, toolbar);
      play.type = "button";
      play.setAttribute("aria-pressed", "false");
      htmlEl("span", "mt-play-icon", null, play).setAttribute("aria-hidden", "true");
      htmlEl("span", "mt-play-text", labels.play, play);
      var clear = htmlEl("button", "mt-clear", labels.clear_selection, toolbar);
      clear.type = "button";
      clear.disabled = true;
      var range = htmlEl("output", "mt-range", labels.all_dates, toolbar);
      range.setAttribute("aria-live", "polite");

      var chart = htmlEl("div", "mt-chart", null, root);
      chart.tabIndex = 0;
      chart.setAttribute("role", "group");
      chart.setAttribute("aria-label", labels.timeline);
      // Hidden, yet the chart's description: read once, when the chart takes the focus.
      var help = htmlEl("span", null, labels.keyboard_help, chart);
      help.hidden = true;
      help.id = "mt-help-" + ++instances;
      chart.setAttribute("aria-describedby", help.id);
      var svg = svgEl("svg", { class: "mt-svg", "aria-hidden": "true", focusable: "false" }, chart);
      var hover = svgEl("rect", { class: "mt-hover", visibility: "hidden" }, svg);
      var grid = svgEl("g", { class: "mt-grid" }, svg);
      var bars = svgEl("g", { class: "mt-bars" }, svg);
      var shade = svgEl("g", { class: "mt-shade" }, svg);
      var brush = svgEl("rect", { class: "mt-selection", visibility: "hidden" }, svg);
      var axis = svgEl("g", { class: "mt-axis" }, svg);
      var empty = htmlEl("p", "mt-empty", labels.no_incidents, chart);
      empty.hidden = true;
      play.disabled = true;
      var tooltip = htmlEl("div", "mt-tooltip", null, chart);
      tooltip.hidden = true;
      return {
        root: root, play: play, clear: clear, range: range, chart: chart, svg: svg, hover: hover, grid: grid,
        bars: bars, shade: shade, brush: brush, axis: axis, empty: empty, tooltip: tooltip,
      };
    }

    // --- Scale: bucket index <-> x, mirrored in RTL ---

    /** Return the x of the start edge (in time) of bucket slot `index`; slots tile the plot. */
    function slotX(index) {
      var g = geometry;
      return rtl ? g.right - (index + 1) * g.step : g.left + index * g.step;
    }

    /** Return the index of the bucket under `x`, clamped to the data. */
    function indexAt(x) {
      var g = geometry;
      var offset = rtl ? g.right - x : x - g.left;
      return Math.max(0, Math.min(data.buckets.length - 1, Math.floor(offset / g.step)));
    }

    /** Return the x of a date (a time) at its place within its bucket, for the axis ticks. */
    function dateX(time) {
      var buckets = data.buckets, first = parseISO(buckets[0].date), position;
      if (data.bucket === "month") {
        var date = new Date(time), start = new Date(first);
        var months = (date.getUTCFullYear() - start.getUTCFullYear()) * 12 + date.getUTCMonth() - start.getUTCMonth();
        var monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
        position = months + (time - monthStart) / (addMonths(monthStart, 1) - monthStart);
      } else {
        position = (time - first) / ((data.bucket === "week" ? 7 : 1) * DAY_MS);
      }
      return rtl ? geometry.right - position * geometry.step : geometry.left + position * geometry.step;
    }

    // --- Drawing ---

    function draw() {
      var width = dom.chart.clientWidth, height = dom.chart.clientHeight;
      if (!data) return;
      var n = data.buckets.length;
      var maxTotal = 0;
      for (var i = 0; i < n; i++) if (data.buckets[i].incidents > maxTotal) maxTotal = data.buckets[i].incidents;
      geometry = {
        width: width, height: height,
        left: MARGIN.side, right: width - MARGIN.side, top: MARGIN.top, bottom: height - MARGIN.bottom,
        step: n ? (width - 2 * MARGIN.side) / n : 0,
        max: maxTotal,
      };
      dom.svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      dom.svg.setAttribute("width", width);
      dom.svg.setAttribute("height", height);
      hideTooltip();
      dom.empty.hidden = n > 0;
      dom.play.disabled = n === 0;
      geometry.drawable = n > 0 && geometry.step > 0 && geometry.bottom > geometry.top;
      if (n > 0 && !geometry.drawable) watchForRoom();
      drawBars();
      drawAxis();
      drawSelection();
    }

    /** Draw again once the chart has room: hidden now, it may show before the ResizeObserver saw it hidden.
     *
     * The observer reports a size only when it differs from the last it reported: hidden and shown
     * between two frames, the chart would keep its old size to the observer and never be drawn. Observed
     * anew, it is reported at the next frame whatever its size.
     */
    function watchForRoom() {
      resizeObserver.unobserve(dom.chart);
      resizeObserver.observe(dom.chart);
    }

    /** Draw the bars: one path per event type, a rectangle in it per bucket, stacked from the axis up.
     *
     * A handful of elements whatever the number of buckets: 1,000 days of six types are six paths, not
     * 6,000 rects that the browser would lay out one by one at every redraw.
     */
    function drawBars() {
      var g = geometry, buckets = data.buckets, types = data.event_types;
      emptyNode(dom.bars);
      if (!g.drawable) return;
      var barWidth = Math.min(MAX_BAR_WIDTH, g.step > 3 ? g.step - 1 : g.step);
      var inset = (g.step - barWidth) / 2;
      var scale = g.max ? (g.bottom - g.top) / g.max : 0;
      var width = round(barWidth);
      var paths = types.map(function () { return []; });
      for (var i = 0; i < buckets.length; i++) {
        var byType = buckets[i].by_event_type, base = g.bottom, x = round(slotX(i) + inset);
        for (var t = 0; t < types.length; t++) {
          var counts = byType[types[t]];
          if (!counts || !counts.incidents) continue;
          var h = counts.incidents * scale;
          base -= h;
          paths[t].push("M" + x + " " + round(base) + "h" + width + "v" + round(h) + "h" + -width + "z");
        }
      }
      types.forEach(function (type, t) {
        if (paths[t].length) {
          svgEl("path", { d: paths[t].join(""), fill: colors[type] || FALLBACK_COLOR, "data-type": type }, dom.bars);
        }
      });
    }

    /** Draw the baseline, the date labels under it and the largest count at the top. */
    function drawAxis() {
      var g = geometry;
      emptyNode(dom.axis);
      emptyNode(dom.grid);
      if (!g.drawable) return;
      svgEl("line", { class: "mt-baseline", x1: g.left, x2: g.right, y1: g.bottom + 0.5, y2: g.bottom + 0.5 }, dom.axis);
      var first = parseISO(data.buckets[0].date);
      var end = nextBucketStart(parseISO(data.buckets[data.buckets.length - 1].date), data.bucket);
      var ticks = tickDates(first, end, (g.right - g.left) / ((end - first) / DAY_MS));
      var format = dateFormat(ticks.format);
      var withYear = dateFormat(Object.assign({ year: "numeric" }, ticks.format));
      var previousYear = null;
      ticks.dates.forEach(function (time) {
        var x = dateX(time), year = new Date(time).getUTCFullYear();
        // Day labels say the year on the first tick and where it changes.
        var text = ticks.unit === "day" && year !== previousYear ? withYear.format(time) : format.format(time);
        previousYear = year;
        svgEl("line", { class: "mt-tick", x1: x, x2: x, y1: g.bottom, y2: g.bottom + 4 }, dom.axis);
        var label = svgEl("text", { class: "mt-tick-label", x: x, y: g.bottom + 15, "text-anchor": "middle" }, dom.axis);
        label.textContent = text;
      });
      clampTickLabels();
      if (g.max) {
        svgEl("line", { class: "mt-gridline", x1: g.left, x2: g.right, y1: g.top + 0.5, y2: g.top + 0.5 }, dom.grid);
        var maxLabel = svgEl("text", {
          // "start" both ways: the SVG inherits the root's direction, so in Arabic the label's start is its
          // right edge and it runs leftwards from the plot's right side ("end" ran it off the chart).
          class: "mt-max-label", x: rtl ? g.right : g.left, y: g.top - 4, "text-anchor": "start",
        }, dom.grid);
        maxLabel.textContent = numberFormat.format(g.max);
      }
    }

    /** Keep the date labels inside the chart, and drop one that would overlap the label before it. */
    function clampTickLabels() {
      var previousEdge = null;
      var nodes = dom.axis.querySelectorAll(".mt-tick-label");
      for (var i = 0; i < nodes.length; i++) {
        var box = nodes[i].getBBox(), x = Number(nodes[i].getAttribute("x"));
        var half = box.width / 2;
        if (x - half < 0) x = half;
        if (x + half > geometry.width) x = geometry.width - half;
        nodes[i].setAttribute("x", x);
        var low = x - half, high = x + half;
        if (previousEdge !== null && (rtl ? high > previousEdge - 4 : low < previousEdge + 4)) {
          nodes[i].parentNode.removeChild(nodes[i]);
          continue;
        }
        previousEdge = rtl ? low : high;
      }
    }

    /** Draw the selected buckets: a frame around them and a veil over the rest. */
    function drawSelection() {
      var g = geometry;
      emptyNode(dom.shade);
      dom.clear.disabled = !selection && !requested;
      // The dates asked for (they may fall inside buckets, or outside them all); while brushing, the
      // buckets under the brush.
      var shown = drag && drag.brushing ? rangeOf(selection) : requested;
      dom.range.textContent = shown ? rangeText(shown) : labels.all_dates;
      if (!selection || !g || !g.drawable) {
        dom.brush.setAttribute("visibility", "hidden");
        // Dates that touch no bucket: every bar is outside them.
        if (requested && g && g.drawable) svgEl("rect", { x: g.left, y: 0, width: g.right - g.left, height: g.bottom }, dom.shade);
        return;
      }
      var startX = Math.min(slotX(selection.first), slotX(selection.last));
      var endX = Math.max(slotX(selection.first), slotX(selection.last)) + g.step;
      var attributes = { x: startX, y: g.top - 2, width: endX - startX, height: g.bottom - g.top + 2, visibility: "visible" };
      for (var name in attributes) dom.brush.setAttribute(name, attributes[name]);
      if (startX > g.left) svgEl("rect", { x: g.left, y: 0, width: startX - g.left, height: g.bottom }, dom.shade);
      if (endX < g.right) svgEl("rect", { x: endX, y: 0, width: g.right - endX, height: g.bottom }, dom.shade);
    }

    /** Return the range as text; a range open at one end (from a shared link) shows a dash there. */
    function rangeText(range) {
      var options = { day: "numeric", month: "short", year: "numeric" };
      if (range.date_from && range.date_to) return formatRange(range.date_from, range.date_to, options);
      var format = dateFormat(options);
      return (range.date_from ? format.format(parseISO(range.date_from)) : "") + " – " +
        (range.date_to ? format.format(parseISO(range.date_to)) : "");
    }

    // --- Selection ---

    /** Return the date range of the buckets `first` to `last`: from the first's start to the last's last day. */
    function rangeOf(indices) {
      return {
        date_from: data.buckets[indices.first].date,
        date_to: bucketLastDay(data.buckets[indices.last].date, data.bucket),
      };
    }

    /** Return the buckets that a date range touches, or null when it touches none. */
    function indicesOf(range) {
      var buckets = data.buckets, first = null, last = null;
      for (var i = 0; i < buckets.length; i++) {
        var start = buckets[i].date, end = bucketLastDay(start, data.bucket);
        if ((!range.date_to || start <= range.date_to) && (!range.date_from || end >= range.date_from)) {
          if (first === null) first = i;
          last = i;
        }
      }
      return first === null ? null : { first: first, last: last };
    }

    /** Return the buckets that the range last asked for touches, or null. */
    function requestedBuckets() {
      return requested && data ? indicesOf(requested) : null;
    }

    /** Select the buckets (or nothing) as the reader asked, and tell the page. */
    function userSelect(indices) {
      selection = indices;
      requested = indices ? rangeOf(indices) : null;
      drawSelection();
      onSelect(requested);
    }

    // --- Pointer: hover tooltip, brush, click ---

    function pointerX(event) {
      return event.clientX - dom.svg.getBoundingClientRect().left;
    }

    function pointerY(event) {
      return event.clientY - dom.svg.getBoundingClientRect().top;
    }

    function onPointerDown(event) {
      if (!geometry || !geometry.drawable || event.button !== 0) return;
      drag = { x: pointerX(event), index: indexAt(pointerX(event)), brushing: false };
      dom.chart.setPointerCapture(event.pointerId);
    }

    function onPointerMove(event) {
      if (!geometry || !geometry.drawable) return;
      var x = pointerX(event), index = indexAt(x);
      if (drag && !drag.brushing && Math.abs(x - drag.x) > DRAG_THRESHOLD) {
        drag.brushing = true;
        stopPlay();
      }
      if (drag && drag.brushing) {
        selection = { first: Math.min(drag.index, index), last: Math.max(drag.index, index) };
        drawSelection();
      }
      showTooltip(index);
    }

    function onPointerUp(event) {
      if (!drag) return;
      var brushing = drag.brushing;
      drag = null;
      stopPlay();
      if (brushing) {
        userSelect(selection);
        return;
      }
      // A click on a bar selects its bucket; a click on the chart around the bars clears.
      var index = indexAt(pointerX(event));
      if (isOnBar(index, pointerY(event))) {
        userSelect({ first: index, last: index });
        showTooltip(index); // a tap has no hover before it
      } else if (selection || requested) {
        userSelect(null);
      }
    }

    /** Hide the tooltip when the mouse leaves; a finger lifted leaves it shown, until the chart loses the focus. */
    function onPointerLeave(event) {
      if (event.pointerType !== "touch") hideTooltip();
    }

    /** Drop a brush the browser took over (a scroll, a lost touch): the selection is what it was. */
    function onPointerCancel() {
      drag = null;
      selection = requestedBuckets();
      drawSelection();
    }

    /** Return whether `y` is on the bar of bucket `index` (a thin bar counts from a few pixels above it). */
    function isOnBar(index, y) {
      var g = geometry, total = data.buckets[index].incidents;
      if (!total) return false;
      var top = g.bottom - total * (g.bottom - g.top) / g.max;
      return y >= Math.min(top, g.bottom - 6) - 2 && y <= g.bottom;
    }

    /** Show the counts of bucket `index` beside its bar. */
    function showTooltip(index) {
      if (index === tooltipIndex) return;
      tooltipIndex = index;
      var g = geometry, bucket = data.buckets[index], tooltip = dom.tooltip;
      emptyNode(tooltip);
      htmlEl("p", "mt-tooltip-date", bucketTitle(bucket.date, data.bucket), tooltip);
      var list = htmlEl("ul", "mt-tooltip-types", null, tooltip);
      data.event_types.forEach(function (type) {
        var counts = bucket.by_event_type[type];
        if (!counts || !counts.incidents) return;
        var item = htmlEl("li", null, null, list);
        htmlEl("span", "mt-swatch", null, item).style.background = colors[type] || FALLBACK_COLOR;
        htmlEl("span", "mt-tooltip-type", typeNames[type] || type, item);
        htmlEl("span", "mt-tooltip-count", numberFormat.format(counts.incidents), item);
      });
      var totals = htmlEl("p", "mt-tooltip-totals", null, tooltip);
      htmlEl("span", null, labels.incidents + ": " + numberFormat.format(bucket.incidents), totals);
      htmlEl("span", null, labels.killed + ": " + numberFormat.format(bucket.killed), totals);
      tooltip.hidden = false;
      // Beside the hovered bar, on the side with room, inside the chart.
      var slot = slotX(index), width = tooltip.offsetWidth;
      var left = slot + g.step + 8;
      if (left + width > g.width) left = slot - width - 8;
      tooltip.style.left = Math.max(0, Math.min(g.width - width, left)) + "px";
      var hover = { x: slot, y: g.top, width: Math.max(g.step, 1), height: g.bottom - g.top, visibility: "visible" };
      for (var name in hover) dom.hover.setAttribute(name, hover[name]);
    }

    function hideTooltip() {
      tooltipIndex = null;
      dom.tooltip.hidden = true;
      dom.hover.setAttribute("visibility", "hidden");
    }

    // --- Keyboard ---

    var TIME_KEYS = { ArrowRight: 1, ArrowLeft: -1 };

    function onKeyDown(event) {
      var n = data ? data.buckets.length : 0, next, towardsEnd;
      if (event.key === "Escape") {
        if (selection || requested) userSelect(null);
        stopPlay();
        hideTooltip();
        event.preventDefault();
        return;
      }
      if (!n) return;
      if (event.key in TIME_KEYS) {
        // Later in time is to the right in LTR, to the left in RTL.
        var delta = TIME_KEYS[event.key] * (rtl ? -1 : 1);
        next = moved(delta, event.shiftKey, n);
        towardsEnd = delta > 0 || event.shiftKey;
      } else if (event.key === "Home" || event.key === "End") {
        var width = selection ? selection.last - selection.first : 0;
        next = event.key === "Home" ? { first: 0, last: width } : { first: n - 1 - width, last: n - 1 };
        towardsEnd = event.key === "End";
      } else {
        return;
      }
      event.preventDefault();
      if (!selection || next.first !== selection.first || next.last !== selection.last) userSelect(next);
      // What a pointer would show on hover, for the edge of the selection that the key moved.
      showTooltip(towardsEnd ? next.last : next.first);
    }

    /** Return the selection moved (or, with `resize`, its end moved) `delta` buckets later, kept in the data. */
    function moved(delta, resize, n) {
      if (!selection) return delta > 0 ? { first: 0, last: 0 } : { first: n - 1, last: n - 1 };
      if (resize) return { first: selection.first, last: Math.max(selection.first, Math.min(n - 1, selection.last + delta)) };
      var shift = Math.max(-selection.first, Math.min(n - 1 - selection.last, delta));
      return { first: selection.first + shift, last: selection.last + shift };
    }

    // --- Play ---

    /** Clear, and keep the keyboard on the chart: the button, now disabled, would drop the focus. */
    function clearFromButton() {
      dom.chart.focus();
      userSelect(null);
    }

    function togglePlay() {
      if (playTimer !== null) stopPlay();
      else startPlay();
    }

    /** Step a window (the selection, or one bucket) through time, one bucket per step, to the end. */
    function startPlay() {
      var n = data.buckets.length;
      if (!n) return;
      dom.play.setAttribute("aria-pressed", "true");
      dom.play.title = labels.pause;
      // From the start when nothing is selected or the window already reached the end.
      if (!selection || selection.last >= n - 1) {
        var width = selection ? selection.last - selection.first : 0;
        userSelect({ first: 0, last: Math.min(width, n - 1) });
      }
      playTimer = window.setInterval(step, stepMs);
    }

    function step() {
      var n = data.buckets.length;
      if (!selection || selection.last >= n - 1) {
        stopPlay();
        return;
      }
      userSelect({ first: selection.first + 1, last: selection.last + 1 });
      if (selection.last >= n - 1) stopPlay();
    }

    function stopPlay() {
      if (playTimer === null) return;
      window.clearInterval(playTimer);
      playTimer = null;
      dom.play.setAttribute("aria-pressed", "false");
      dom.play.removeAttribute("title");
    }

    // --- Public interface ---

    return {
      /** Draw the buckets of a timeline response; a selection given before stays on its dates. */
      setData: function (body) {
        data = {
          bucket: body.bucket || "month",
          event_types: body.event_types || [],
          buckets: body.buckets || [],
        };
        selection = requestedBuckets();
        if (!data.buckets.length) stopPlay();
        draw();
      },
      /** Draw `range` as the selection (on the buckets it touches), without calling onSelect. */
      setSelection: function (range) {
        requested = range || null;
        selection = requestedBuckets();
        drawSelection();
      },
      destroy: function () {
        stopPlay();
        resizeObserver.disconnect();
        if (dom.root.parentNode) dom.root.parentNode.removeChild(dom.root);
      },
    };
  }

  window.Marsad = window.Marsad || {};
  window.Marsad.Timeline = Timeline;
})();
