/* Marsad: what the map draws for a set of filters and the view (map-symbols.js draws each thing).
 *
 * Never every incident: below DETAIL_ZOOM the map draws the API's grid cells (counts per cell); from it
 * on, the incidents in view, at most one API page of them (cells again, with a note, when they are more).
 * Incidents that share one point are drawn as one "stack" whose popup lists them. Each update cancels the
 * request of the one before, so a late answer never overwrites a newer view.
 */
(function () {
  "use strict";

  var M = window.Marsad;
  var S = M.MapSymbols;

  var DETAIL_ZOOM = 9; // from this zoom, the incidents themselves
  var DETAIL_LIMIT = 1000; // the API's largest page
  var CLOSE_ZOOM = 13; // from here, zooming in further rarely splits a place's incidents: the filters do
  var POPUP_OPTIONS = { maxWidth: 300, autoPanPadding: L.point(48, 16) };
  var STACK_POPUP_OPTIONS = L.extend({ maxHeight: 320 }, POPUP_OPTIONS); // a long list scrolls

  /** Return the view's bounds, a little larger, as the API's in_bbox (min_lon,min_lat,max_lon,max_lat). */
  function viewBox(map) {
    var bounds = map.getBounds().pad(0.1);
    function clamp(value, limit) {
      return Math.max(-limit, Math.min(limit, value)).toFixed(4);
    }
    return [
      clamp(bounds.getWest(), 180), clamp(bounds.getSouth(), 85), clamp(bounds.getEast(), 180), clamp(bounds.getNorth(), 85),
    ].join(",");
  }

  function boundsOf(box) {
    var edges = box.split(",").map(Number);
    return L.latLngBounds([edges[1], edges[0]], [edges[3], edges[2]]);
  }

  /** Return the features with a point grouped by that point, in their order (newest first). */
  function groupByPoint(features) {
    var groups = {};
    var order = [];
    features.forEach(function (feature) {
      if (!feature.geometry) return;
      var key = feature.geometry.coordinates.join(",");
      if (!groups[key]) {
        groups[key] = [];
        order.push(key);
      }
      groups[key].push(feature);
    });
    return order.map(function (key) { return groups[key]; });
  }

  /**
   * Return the map's incident layers: `update(filters)` redraws them for the view and resolves to the number
   * of things drawn (null when a newer update cancelled it); `highlight(id, on)`; `open(feature)`.
   * `urls` has `incidents` and `grid`; `callbacks` has onHover(id|null), onNote(text|null), onOpen(feature, popup)
   * and onClose(feature), the last two for incidents the reader opens and closes (not popups a redraw removes).
   */
  function MapLayers(map, urls, callbacks) {
    var cells = L.layerGroup().addTo(map);
    var incidents = L.featureGroup().addTo(map);
    var symbols = {}; // incident id -> its layer (a symbol, or the stack it is in)
    var controller = null;
    var highlighted = null;
    var drawn = null; // what the map shows: {query, zoom, detailed, bounds, complete, count}
    var clearing = false;
    S.addLegend(map);

    function request(url, query) {
      return M.fetchJSON(url + "?" + query, controller.signal);
    }

    function clear() {
      clearing = true; // removing an open popup's symbol closes it: not the reader's doing
      cells.clearLayers();
      incidents.clearLayers();
      clearing = false;
      symbols = {};
      highlighted = null;
    }

    function zoomToCell(feature) {
      var bbox = feature.bbox;
      var zoom = Math.min(map.getMaxZoom(), Math.max(DETAIL_ZOOM, map.getZoom() + 2));
      var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      map.flyToBounds(L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]), { maxZoom: zoom, duration: 0.4, animate: !still });
    }

    function drawCells(collection) {
      clear();
      collection.features.forEach(function (feature) {
        cells.addLayer(S.cellSymbol(feature).on("click", function () { zoomToCell(feature); }));
      });
      return collection.features.length;
    }

    function hoverable(layer, id) {
      layer.on("mouseover", function () { callbacks.onHover(id); });
      layer.on("mouseout", function () { callbacks.onHover(null); });
    }

    function addIncident(feature) {
      var symbol = S.incidentSymbol(feature);
      symbol.bindPopup(function () { return S.buildPopup(feature.properties); }, POPUP_OPTIONS);
      hoverable(symbol, feature.properties.id);
      symbol.on("popupopen", function (event) { callbacks.onOpen(feature, event.popup); });
      symbol.on("popupclose", function () {
        if (!clearing) callbacks.onClose(feature);
      });
      incidents.addLayer(symbol);
      focusable(symbol, feature);
      symbols[feature.properties.id] = symbol;
      return symbol;
    }

    /** Let the keyboard reach an incident's symbol (an SVG path) and open it, as it can a marker. */
    function focusable(symbol, feature) {
      var element = symbol.getElement();
      if (!element) return;
      element.setAttribute("data-incident-id", String(feature.properties.id));
      element.setAttribute("tabindex", "0");
      element.setAttribute("role", "button");
      element.setAttribute("aria-label", M.formatIncidentDate(feature.properties) + ": " + M.localTitle(feature.properties));
      element.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        symbol.openPopup();
      });
    }

    /** Draw incidents that share a point as one stack; its popup lists them, or shows the one chosen. */
    function addStack(features) {
      var stack = S.stackSymbol(features);
      stack.shown = null; // the incident its popup shows; null while it lists them all
      stack.showIncident = function (feature) {
        var previous = stack.shown;
        stack.shown = feature;
        stack.setPopupContent(S.stackIncidentPopup(feature, features.length, showList));
        if (stack.isPopupOpen()) {
          if (previous && previous !== feature) callbacks.onClose(previous);
          callbacks.onOpen(feature, stack.getPopup());
        }
      };
      function showList() {
        var previous = stack.shown;
        stack.shown = null;
        stack.setPopupContent(S.stackPopup(features, stack.showIncident));
        if (previous) callbacks.onClose(previous);
      }
      stack.bindPopup(S.stackPopup(features, stack.showIncident), STACK_POPUP_OPTIONS);
      hoverable(stack, features[0].properties.id);
      stack.on("popupopen", function (event) {
        if (stack.shown) callbacks.onOpen(stack.shown, event.popup);
      });
      stack.on("popupclose", function () {
        var shown = stack.shown;
        if (clearing || !shown) return;
        showList();
        callbacks.onClose(shown);
      });
      incidents.addLayer(stack);
      stack.getElement().dataset.incidentIds = features.map(function (feature) { return feature.properties.id; }).join(" ");
      features.forEach(function (feature) { symbols[feature.properties.id] = stack; });
      return stack;
    }

    function drawIncidents(collection) {
      clear();
      var groups = groupByPoint(collection.features);
      groups.forEach(function (group) {
        if (group.length === 1) addIncident(group[0]);
        else addStack(group);
      });
      return groups.length;
    }

    /** Draw the incidents in view, or the cells when they are more than a page; resolve to {count, complete}. */
    function updateDetail(filters, zoom, box) {
      var query = M.MapState.apiQuery(filters, { in_bbox: box, page_size: DETAIL_LIMIT });
      return request(urls.incidents, query).then(function (page) {
        if (page.count <= page.features.length) {
          callbacks.onNote(null);
          return { count: drawIncidents(page), complete: true };
        }
        return request(urls.grid, M.MapState.apiQuery(filters, { zoom: zoom, in_bbox: box })).then(function (grid) {
          var advice = zoom >= CLOSE_ZOOM ? "too_many_here" : "too_many";
          callbacks.onNote(M.ui(advice, { count: M.formatNumber(page.count) }));
          return { count: drawCells(grid), complete: false };
        });
      });
    }

    function updateCells(filters, zoom, box) {
      return request(urls.grid, M.MapState.apiQuery(filters, { zoom: zoom, in_bbox: box })).then(function (grid) {
        callbacks.onNote(grid.features.length ? M.ui("cells_hint") : null);
        return { count: drawCells(grid), complete: false };
      });
    }

    /** Return true when what is drawn already answers `query` for the current view (a small pan, say). */
    function covers(query, zoom, detailed) {
      if (!drawn || drawn.query !== query || !drawn.bounds.contains(map.getBounds())) return false;
      return detailed ? drawn.detailed && drawn.complete : drawn.zoom === zoom;
    }

    /** Redraw for `filters` and the current view; resolve to the number of things drawn, or null if superseded. */
    function update(filters) {
      if (controller) controller.abort();
      controller = new AbortController();
      var query = M.MapState.apiQuery(filters);
      var zoom = map.getZoom();
      var detailed = zoom >= DETAIL_ZOOM;
      if (covers(query, zoom, detailed)) return Promise.resolve(drawn.count);
      var box = viewBox(map);
      var drawing = detailed ? updateDetail(filters, zoom, box) : updateCells(filters, zoom, box);
      return drawing.then(
        function (result) {
          drawn = { query: query, zoom: zoom, detailed: detailed, bounds: boundsOf(box), complete: result.complete, count: result.count };
          return result.count;
        },
        function (error) {
          if (M.isAbort(error)) return null;
          throw error;
        }
      );
    }

    function toggleHighlight(layer, on) {
      var element = layer && layer.getElement();
      if (!element) return;
      element.classList.toggle("is-highlighted", on);
      if (on && layer.bringToFront) layer.bringToFront();
    }

    /** Mark (or unmark) the symbol of incident `id` (or the stack it is in). */
    function highlight(id, on) {
      if (highlighted !== null) toggleHighlight(symbols[highlighted], false);
      highlighted = on ? id : null;
      if (on) toggleHighlight(symbols[id], true);
    }

    /** Open the popup of `feature` (a list row's), drawing its symbol if the view did not have it. */
    function open(feature) {
      if (!feature.geometry) return false;
      var layer = symbols[feature.properties.id] || addIncident(feature);
      if (layer.showIncident) {
        if (layer.shown && layer.shown.properties.id === feature.properties.id && layer.isPopupOpen()) return true;
        layer.showIncident(feature);
      }
      if (!layer.isPopupOpen()) layer.openPopup();
      return true;
    }

    return { update: update, highlight: highlight, open: open };
  }

  M.DETAIL_ZOOM = DETAIL_ZOOM;
  M.MapLayers = MapLayers;
})();
