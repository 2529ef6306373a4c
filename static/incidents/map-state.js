/* Marsad: the map page's state in its URL.
 *
 * The whole view (the filters, each under the API's own parameter name; the map's centre and zoom; the
 * selected incident; the language) is the query string, so that reloading or sharing a link restores it.
 * User actions push a history entry, map moves replace the current one.
 */
(function () {
  "use strict";

  var M = window.Marsad;

  // The API's incident filters that the page offers, in the order of the panel.
  var FILTER_NAMES = [
    "date_from", "date_to", "event_type", "sub_event_type", "actor", "country", "admin1", "verification",
    "killed_min", "q",
  ];
  var VIEW_DIGITS = 4; // about 10 m: enough to restore a view, short enough to share

  /** Return the filters of `params` (a URLSearchParams), the unset ones left out. */
  function readFilters(params) {
    var filters = {};
    FILTER_NAMES.forEach(function (name) {
      var value = (params.get(name) || "").trim();
      if (value) filters[name] = value;
    });
    return filters;
  }

  /** Return {lat, lng, zoom} from "zoom/lat/lng" (as OpenStreetMap writes it), or null. */
  function readView(text) {
    var parts = String(text || "").split("/").map(Number);
    if (parts.length !== 3 || parts.some(function (part) { return !isFinite(part); })) return null;
    if (Math.abs(parts[1]) > 90 || Math.abs(parts[2]) > 180) return null;
    return { zoom: Math.round(parts[0]), lat: parts[1], lng: parts[2] };
  }

  function writeView(view) {
    return [view.zoom, view.lat.toFixed(VIEW_DIGITS), view.lng.toFixed(VIEW_DIGITS)].join("/");
  }

  /** Return the state the current address describes. */
  function read() {
    var params = new URLSearchParams(window.location.search);
    var incident = params.get("incident");
    return {
      filters: readFilters(params),
      view: readView(params.get("map")),
      incident: /^\d+$/.test(incident || "") ? Number(incident) : null,
    };
  }

  /** Return the query string of `state`, the page's language included. */
  function toSearch(state, language) {
    var params = new URLSearchParams();
    FILTER_NAMES.forEach(function (name) {
      if (state.filters[name]) params.set(name, state.filters[name]);
    });
    if (state.view) params.set("map", writeView(state.view));
    if (state.incident) params.set("incident", String(state.incident));
    params.set("lang", language || document.documentElement.lang || "en");
    return "?" + params.toString().replace(/%2F/g, "/"); // the map's zoom/lat/lng reads better unescaped
  }

  /** Put `state` in the address: a new history entry when `push`, else in place of the current one. */
  function write(state, push) {
    var search = toSearch(state);
    if (search === window.location.search) return;
    var url = window.location.pathname + search;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  /** Return the API query string of `filters`, with `extra` parameters (e.g. in_bbox, zoom). */
  function apiQuery(filters, extra) {
    var params = new URLSearchParams();
    FILTER_NAMES.forEach(function (name) {
      if (filters[name]) params.set(name, filters[name]);
    });
    Object.keys(extra || {}).forEach(function (name) {
      params.set(name, extra[name]);
    });
    return params.toString();
  }

  function sameFilters(a, b) {
    return apiQuery(a) === apiQuery(b);
  }

  M.MapState = {
    FILTER_NAMES: FILTER_NAMES,
    read: read,
    write: write,
    toSearch: toSearch,
    apiQuery: apiQuery,
    sameFilters: sameFilters,
  };
})();
