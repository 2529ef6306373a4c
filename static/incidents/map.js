/* Marsad: the map page's wiring. The state (filters, map view, selected incident) lives in the URL
 * (map-state.js); the map (map-layers.js), the list (map-list.js), the timeline (timeline.js) and the
 * filter panel (map-filters.js) show it. After each change, once all of them show it, the page marks
 * performance "marsad:view-updated" and sets body[data-view-state] to "ready" (the benchmark reads both).
 */
(function () {
  "use strict";

  var M = window.Marsad;
  var script = document.currentScript;
  var urls = {
    incidents: script.dataset.apiUrl,
    grid: script.dataset.gridUrl,
    timeline: script.dataset.timelineUrl,
    actors: script.dataset.actorsUrl,
    locations: script.dataset.locationsUrl,
    basemap: script.dataset.basemapUrl,
  };
  var MOVE_PAUSE = 250; // ms after the map stops moving before it is redrawn
  var DAY_MS = 86400000;
  // Iraq and Syria, which a first visit sees whole (south-west and north-east corners).
  var FIRST_VIEW = [[29.0, 35.6], [37.4, 48.6]];
  var AREA_ZOOM = 7; // a governorate fills the map

  var state = M.MapState.read();
  var map, layers, list, filters, timeline;
  var changeNumber = 0; // the latest change: an older one finishing late marks nothing
  var firstDrawn = false;
  var mapDrawing = false; // a redraw of the map is on its way (it will reopen the selected incident)
  var timelineKey = null; // the filters (dates aside) the timeline shows
  var timelineBucket = "week"; // a guess until the data's span is known

  function setViewState(value) {
    document.body.dataset.viewState = value;
  }

  function markFirstDraw(drawn) {
    if (firstDrawn || !drawn) return;
    firstDrawn = true;
    performance.mark("marsad:first-draw");
  }

  /** Return the filters without the dates: the timeline shows the whole history, the selection on it. */
  function undated(values) {
    var copy = Object.assign({}, values);
    delete copy.date_from;
    delete copy.date_to;
    return copy;
  }

  /** Return the date range the timeline draws as its selection (an end may be open), or null. */
  function selection() {
    if (!state.filters.date_from && !state.filters.date_to) return null;
    return { date_from: state.filters.date_from || null, date_to: state.filters.date_to || null };
  }

  /** Return the bar width for a history of `days` days: days up to ~6 months, weeks up to ~3 years, else months. */
  function bucketFor(days) {
    if (days <= 183) return "day";
    if (days <= 3 * 366) return "week";
    return "month";
  }

  function spanDays(body) {
    var bars = body.buckets;
    if (!bars.length) return 0;
    return (Date.parse(bars[bars.length - 1].date) - Date.parse(bars[0].date)) / DAY_MS;
  }

  /** Fetch the timeline for `values` in the bucket its span calls for (a second request if the guess was wrong). */
  function fetchTimeline(values, signal) {
    function get(bucket) {
      return M.fetchJSON(urls.timeline + "?" + M.MapState.apiQuery(values, { bucket: bucket }), signal);
    }
    return get(timelineBucket).then(function (body) {
      var bucket = bucketFor(spanDays(body));
      if (bucket === timelineBucket || !body.buckets.length) return body;
      timelineBucket = bucket;
      return get(bucket);
    });
  }

  var timelineLoad = null; // the timeline data on its way: {key, controller, promise}

  /** Return a promise that the timeline shows the data of `key` (null if a newer load cancelled it). */
  function loadTimeline(key, values) {
    if (key === timelineKey) return Promise.resolve(true);
    if (timelineLoad && timelineLoad.key === key) return timelineLoad.promise; // a brush while it loads
    if (timelineLoad) timelineLoad.controller.abort();
    var controller = new AbortController();
    var promise = fetchTimeline(values, controller.signal).then(
      function (body) {
        timelineKey = key;
        timelineLoad = null;
        timeline.setData(body);
        return true;
      },
      function (error) {
        if (M.isAbort(error)) return null;
        if (timelineLoad && timelineLoad.controller === controller) timelineLoad = null; // the next change retries
        throw error;
      }
    );
    timelineLoad = { key: key, controller: controller, promise: promise };
    return promise;
  }

  /** Bring the timeline to the state: new data when the filters other than the dates changed. */
  function updateTimeline() {
    if (!timeline) return Promise.resolve(true);
    var values = undated(state.filters);
    return loadTimeline(M.MapState.apiQuery(values), values).then(function (done) {
      if (done) timeline.setSelection(selection());
      return done;
    });
  }

  var listShown = Promise.resolve(true); // the list's latest update, which a map move waits for too
  var timelineShown = Promise.resolve(true);

  /** Show the state on the map (and the list and timeline, when `parts` says); mark the view updated when all three show it. */
  function applyState(parts) {
    var number = ++changeNumber;
    setViewState("loading");
    mapDrawing = true;
    if (parts.list) listShown = list.load(state.filters).then(showCount);
    if (parts.timeline) timelineShown = updateTimeline();
    var mapShown = layers.update(state.filters).then(function (drawn) {
      if (number === changeNumber) mapDrawing = false;
      markFirstDraw(drawn);
      reopenSelected();
      return drawn;
    });
    return Promise.all([mapShown, listShown, timelineShown]).then(
      function (results) {
        if (number !== changeNumber || results.indexOf(null) !== -1) return;
        performance.mark("marsad:view-updated");
        setViewState("ready");
      },
      function (error) {
        if (number !== changeNumber) return;
        console.error(error);
        setViewState("error");
      }
    );
  }

  function showCount(count) {
    if (count !== null) {
      var text = M.ui("matching", { count: M.formatNumber(count) });
      document.getElementById("match-count").textContent = text;
      document.getElementById("panel-count").textContent = text;
    }
    return count;
  }

  /** Put the state in the address (a new history entry when `push`), and in the language switch's links. */
  function record(push) {
    M.MapState.write(state, push);
    updateLanguageLinks();
  }

  function currentView() {
    var center = map.getCenter();
    return { lat: center.lat, lng: center.lng, zoom: map.getZoom() };
  }

  /** Record a user's change of the state in the URL (a history entry unless `inPlace`) and show it everywhere. */
  var filtersApplied = null; // the timer of a filter change not yet sent to the API

  function changeFilters(values, inPlace) {
    if (M.MapState.sameFilters(values, state.filters)) return;
    state.filters = values;
    state.view = currentView();
    record(!inPlace);
    // Changes made in one go (both ends of a date range, "clear all") are sent as one: each change sent
    // alone would start requests the next one cancels in the browser, but not on the server, which
    // would compute them anyway while the last change waits.
    setViewState("loading");
    if (filtersApplied === null) {
      filtersApplied = setTimeout(function () {
        filtersApplied = null;
        applyState({ list: true, timeline: true });
      }, 0);
    }
  }

  function onMapMoved() {
    state.view = currentView();
    record(false);
    applyState({ list: false, timeline: false });
  }

  // --- The selected incident ----------------------------------------------------------------

  var selectedFeature = null;

  /** Open the selected incident's popup again after a redraw, when it is on the map. */
  function reopenSelected() {
    if (!selectedFeature || state.incident !== selectedFeature.properties.id) return;
    var coordinates = selectedFeature.geometry.coordinates;
    // Not when the reader has panned away from it: the popup would pull the map back.
    if (map.getBounds().contains([coordinates[1], coordinates[0]])) layers.open(selectedFeature);
  }

  var focusNextPopup = false; // a list row asked for it: keyboard focus follows into the popup

  function onOpen(feature, popup) {
    selectedFeature = feature;
    if (focusNextPopup) {
      focusNextPopup = false;
      var link = popup.getElement().querySelector(".incident-link");
      if (link) link.focus({ preventScroll: true });
    }
    if (state.incident === feature.properties.id) return;
    state.incident = feature.properties.id;
    record(true);
  }

  function onClose(feature) {
    if (state.incident !== feature.properties.id) return;
    state.incident = null;
    selectedFeature = null;
    record(false);
  }

  /** Return the zoom that shows an incident: its surroundings, or its whole area when only that is known. */
  function zoomFor(feature) {
    return feature.properties.geo_precision === M.AREA_PRECISION ? AREA_ZOOM : M.DETAIL_ZOOM + 2;
  }

  /** Zoom to an incident (a list row's) and open its popup. */
  function showIncident(feature) {
    var coordinates = feature.geometry.coordinates;
    var before = map.getCenter().toString() + map.getZoom();
    selectedFeature = feature;
    focusNextPopup = true;
    state.incident = feature.properties.id;
    record(true);
    map.getContainer().scrollIntoView({ block: "nearest" });
    map.setView([coordinates[1], coordinates[0]], Math.max(map.getZoom(), zoomFor(feature)), { animate: false });
    // A move redraws the map, which then reopens the selected incident; if the view stood still, open it now.
    if (map.getCenter().toString() + map.getZoom() === before) layers.open(feature);
  }

  /** Open the incident a link names: fetch it, and centre the map on it when `centre` (the link gives no view). */
  function loadSelected(id, centre) {
    return M.fetchJSON(urls.incidents + id + "/").then(function (feature) {
      if (state.incident !== id || !feature.geometry) return;
      selectedFeature = feature;
      if (centre) {
        var coordinates = feature.geometry.coordinates;
        map.setView([coordinates[1], coordinates[0]], zoomFor(feature), { animate: false });
      }
      if (!mapDrawing) reopenSelected();
    }).catch(function (error) {
      console.error(error);
    });
  }

  // --- Links that keep the state ------------------------------------------------------------

  /** Make the language switch keep the whole view: its `next` is this URL in the chosen language. */
  function updateLanguageLinks() {
    var form = document.querySelector(".language-switcher");
    if (!form) return;
    form.querySelectorAll("button[name=language]").forEach(function (button) {
      if (!button.disabled) button.dataset.next = window.location.pathname + M.MapState.toSearch(state, button.value);
    });
  }

  function keepStateOnLanguageSwitch() {
    var form = document.querySelector(".language-switcher");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      var next = event.submitter && event.submitter.dataset.next;
      if (next) form.elements.namedItem("next").value = next;
    });
  }

  // --- The filter drawer (phones) -----------------------------------------------------------

  function setupDrawer() {
    var toggle = document.getElementById("filters-toggle");
    var close = document.getElementById("filters-close");
    var panel = document.getElementById("filter-panel");
    function setOpen(open) {
      document.body.classList.toggle("filters-open", open);
      toggle.setAttribute("aria-expanded", String(open));
      if (open) panel.querySelector("input, select").focus();
      else toggle.focus();
    }
    toggle.addEventListener("click", function () {
      setOpen(!document.body.classList.contains("filters-open"));
    });
    close.addEventListener("click", function () { setOpen(false); });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && document.body.classList.contains("filters-open")) setOpen(false);
    });
    // A tap beside the drawer closes it, as on most phone sites.
    document.addEventListener("click", function (event) {
      var open = document.body.classList.contains("filters-open");
      if (open && !panel.contains(event.target) && !toggle.contains(event.target)) setOpen(false);
    });
  }

  // --- Start --------------------------------------------------------------------------------

  var wasPlaying = false; // the timeline's last selection came from its play control

  /** Return true while the timeline's play control runs (its button is pressed). */
  function isPlaying() {
    return Boolean(document.querySelector("#timeline button[aria-pressed='true']"));
  }

  function setupTimeline() {
    if (!M.Timeline) {
      document.getElementById("timeline-panel").hidden = true;
      return;
    }
    timeline = M.Timeline(document.getElementById("timeline"), {
      labels: Object.assign({}, M.labels("timeline"), { event_type: M.labels("event_type") }),
      colors: M.EVENT_COLORS,
      dir: document.documentElement.dir || "ltr",
      onSelect: function (range) {
        var values = Object.assign({}, state.filters);
        delete values.date_from;
        delete values.date_to;
        if (range && range.date_from) values.date_from = range.date_from;
        if (range && range.date_to) values.date_to = range.date_to;
        filters.setValues(values);
        // Play's steps replace one another in the history (the first adds an entry): back returns to before playing.
        var playing = isPlaying();
        changeFilters(values, playing && wasPlaying);
        wasPlaying = playing;
      },
    });
  }

  function onPopState() {
    var previous = state;
    state = M.MapState.read();
    filters.setValues(state.filters);
    updateLanguageLinks();
    if (state.view) map.setView([state.view.lat, state.view.lng], state.view.zoom, { animate: false });
    if (!state.incident) map.closePopup();
    var filtersChanged = !M.MapState.sameFilters(previous.filters, state.filters);
    applyState({ list: filtersChanged, timeline: filtersChanged });
    if (state.incident && (!selectedFeature || selectedFeature.properties.id !== state.incident)) loadSelected(state.incident, !state.view);
  }

  function start(leafletMap) {
    map = leafletMap;
    M.mirrorControls(map);
    M.addBasemap(map, urls.basemap).catch(function (error) {
      console.error("Basemap not loaded", error);
    });
    if (state.view) map.setView([state.view.lat, state.view.lng], state.view.zoom, { animate: false });
    else map.fitBounds(FIRST_VIEW, { animate: false });
    layers = M.MapLayers(map, urls, {
      onHover: function (id) { list.highlight(id, id !== null, true); },
      onNote: showNote,
      onOpen: onOpen,
      onClose: onClose,
    });
    list = M.MapList(
      document.getElementById("incident-list"),
      document.getElementById("incident-status"),
      document.getElementById("list-more"),
      urls,
      function (id) { layers.highlight(id, id !== null); },
      showIncident
    );
    filters = M.MapFilters(document.getElementById("filter-form"), urls, changeFilters);
    filters.setValues(state.filters);
    document.getElementById("clear-all").addEventListener("click", filters.clear);
    setupTimeline();
    setupDrawer();
    keepStateOnLanguageSwitch();
    var linkView = state.view;
    state.view = currentView();
    record(false);
    applyState({ list: true, timeline: true }).then(function () {
      filters.loadPlaces().catch(function (error) { console.error(error); });
    });
    if (state.incident) loadSelected(state.incident, !linkView);
    map.on("moveend", M.debounce(onMapMoved, MOVE_PAUSE));
    window.addEventListener("popstate", onPopState);
  }

  function showNote(text) {
    var note = document.getElementById("map-note");
    note.hidden = !text;
    note.textContent = text || "";
  }

  M.onMapInit("incident-map", start);
})();
