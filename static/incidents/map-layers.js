/* Marsad: what the map draws for a set of filters, and the legend.
 *
 * Never every incident: below DETAIL_ZOOM the map draws the API's grid cells (counts per cell); from it
 * on, the incidents in view, at most one API page of them. An incident known only to a governorate or
 * country (geo_precision 3) sits at that area's centre: it is drawn as a hollow dashed ring, never as a pin.
 * Each update cancels the request of the one before, so a late answer never overwrites a newer view.
 */
(function () {
  "use strict";

  var M = window.Marsad;

  var DETAIL_ZOOM = 9; // from this zoom, the incidents themselves
  var DETAIL_LIMIT = 1000; // the API's largest page
  var AREA_PRECISION = 3; // incidents.models.GeoPrecision.REGION
  var NEAR_PRECISION = 2; // GeoPrecision.NEAR

  // One colour per event type (taxonomy.EVENT_TYPES), told apart with the common colour-vision deficiencies
  // (Okabe–Ito); shared by the symbols, the legend and the timeline.
  var EVENT_COLORS = {
    "Battles": "#b34f00",
    "Explosions/Remote violence": "#0072b2",
    "Violence against civilians": "#a3245e",
    "Protests": "#00785a",
    "Riots": "#8a6100",
    "Strategic developments": "#5f6b73",
  };
  var OTHER_COLOR = "#444444";

  function colorOf(eventType) {
    return EVENT_COLORS[eventType] || OTHER_COLOR;
  }

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

  // --- Popup --------------------------------------------------------------------------------

  function factRow(list, term, value) {
    var row = M.el("div", "fact");
    row.appendChild(M.el("dt", null, term));
    var description = M.breakableAtSlashes("dd", null, value);
    description.dir = "auto";
    row.appendChild(description);
    list.appendChild(row);
  }

  /** Return the popup of one incident: date and its precision, title, type, place and its precision, casualties, link. */
  function buildPopup(properties) {
    var root = M.el("div", "incident-popup");
    root.dir = document.documentElement.dir;
    var date = M.el("p", "incident-date", M.formatIncidentDate(properties));
    date.appendChild(M.el("span", "precision", " (" + M.label("date_precision", properties.date_precision) + ")"));
    root.appendChild(date);
    var title = M.el("h2", "incident-title", M.localTitle(properties));
    title.dir = "auto";
    root.appendChild(title);
    var facts = M.el("dl", "incident-popup-facts");
    factRow(facts, M.ui("type"), M.label("event_type", properties.event_type));
    factRow(facts, M.ui("location"), M.localName(properties.location));
    factRow(facts, M.ui("place_precision"), M.label("geo_precision", String(properties.geo_precision)));
    factRow(facts, M.ui("killed"), M.formatCasualties(properties.killed_best));
    factRow(facts, M.ui("injured"), M.formatCasualties(properties.injured_best));
    root.appendChild(facts);
    var href = M.safeHttpUrl(properties.url);
    if (href) {
      var link = M.el("a", "incident-link", M.ui("details"));
      link.href = href;
      root.appendChild(link);
    }
    return root;
  }

  // --- Symbols ------------------------------------------------------------------------------

  /** Return the symbol of one incident: a dot, ringed when near a place, a dashed hollow ring when only its area is known. */
  function incidentSymbol(feature, renderer) {
    var properties = feature.properties;
    var coordinates = feature.geometry.coordinates; // GeoJSON: longitude, latitude
    var color = colorOf(properties.event_type);
    var precision = properties.geo_precision;
    var area = precision === AREA_PRECISION;
    return L.circleMarker([coordinates[1], coordinates[0]], {
      renderer: renderer,
      radius: area ? 14 : 6,
      color: area ? color : "#ffffff",
      weight: area ? 2.5 : precision === NEAR_PRECISION ? 1 : 2,
      dashArray: area ? "5 4" : null,
      fillColor: color,
      fillOpacity: area ? 0.08 : 0.9,
      className: "incident-symbol incident-precision-" + precision,
    });
  }

  /** Return the diameter in pixels of a cell's circle: it grows with the logarithm of its incidents. */
  function cellDiameter(incidents) {
    return Math.round(Math.min(36, 16 + 2.2 * Math.log2(incidents + 1)));
  }

  function dominantType(eventTypes) {
    var best = null;
    Object.keys(eventTypes || {}).forEach(function (type) {
      if (best === null || eventTypes[type] > eventTypes[best]) best = type;
    });
    return best;
  }

  /** Return a cell's tooltip: its incidents by event type, most first, and its dead. */
  function cellTooltip(properties) {
    var root = M.el("div", "cell-tooltip");
    root.dir = document.documentElement.dir;
    var list = M.el("ul");
    var types = properties.event_types || {};
    Object.keys(types)
      .sort(function (a, b) { return types[b] - types[a]; })
      .forEach(function (type) {
        var item = M.el("li");
        var swatch = M.el("span", "legend-swatch");
        swatch.style.backgroundColor = colorOf(type);
        item.appendChild(swatch);
        item.appendChild(M.el("span", null, M.label("event_type", type) + ": " + M.formatNumber(types[type])));
        list.appendChild(item);
      });
    root.appendChild(list);
    root.appendChild(M.el("p", null, M.ui("killed") + ": " + M.formatNumber(properties.killed)));
    return root;
  }

  /** Return the marker of one grid cell: its count, in a circle of its main event type's colour; a click zooms in. */
  function cellSymbol(feature, map) {
    var properties = feature.properties;
    var coordinates = feature.geometry.coordinates;
    var diameter = cellDiameter(properties.incidents);
    var label = M.el("span", "incident-cell-count", M.formatNumber(properties.incidents));
    label.dataset.count = String(properties.incidents);
    label.style.backgroundColor = colorOf(dominantType(properties.event_types));
    if (properties.approximate === properties.incidents) label.classList.add("is-approximate");
    var marker = L.marker([coordinates[1], coordinates[0]], {
      icon: L.divIcon({ className: "incident-cell", html: label, iconSize: L.point(diameter, diameter) }),
      keyboard: false,
    });
    marker.bindTooltip(function () {
      return cellTooltip(properties);
    }, { direction: "top", offset: L.point(0, -diameter / 2) });
    marker.on("click", function () {
      var cell = L.latLngBounds([feature.bbox[1], feature.bbox[0]], [feature.bbox[3], feature.bbox[2]]);
      map.flyToBounds(cell, { maxZoom: Math.min(map.getMaxZoom(), Math.max(DETAIL_ZOOM, map.getZoom() + 2)), duration: 0.4 });
    });
    return marker;
  }

  // --- Legend -------------------------------------------------------------------------------

  function legendItem(list, swatchClass, color, text) {
    var item = M.el("li");
    var swatch = M.el("span", "legend-swatch " + swatchClass);
    if (color) swatch.style.backgroundColor = color;
    swatch.setAttribute("aria-hidden", "true");
    item.appendChild(swatch);
    item.appendChild(M.el("span", null, text));
    list.appendChild(item);
  }

  /** Add the legend: a colour per event type, and the symbol of an incident known only to its area. */
  function addLegend(map) {
    var Legend = L.Control.extend({
      onAdd: function () {
        var root = M.el("section", "map-legend");
        root.dir = document.documentElement.dir;
        root.setAttribute("aria-label", M.ui("legend"));
        var details = M.el("details");
        // Open only on screens that leave the map room to spare (the timeline and list take their share).
        details.open = window.innerHeight >= 900 && window.innerWidth >= 1200;
        details.appendChild(M.el("summary", null, M.ui("legend")));
        var list = M.el("ul");
        Object.keys(EVENT_COLORS).forEach(function (type) {
          legendItem(list, "is-type", EVENT_COLORS[type], M.label("event_type", type));
        });
        legendItem(list, "is-area", null, M.ui("approximate"));
        details.appendChild(list);
        root.appendChild(details);
        L.DomEvent.disableClickPropagation(root);
        L.DomEvent.disableScrollPropagation(root);
        return root;
      },
    });
    // On the left in both languages: the map's geography does not mirror, and there it covers the desert
    // and the sea rather than the Tigris and Euphrates, where most incidents are. On phones the attribution
    // takes the bottom: the legend goes to the top.
    var phone = window.innerWidth < 768;
    new Legend({ position: phone ? "topleft" : "bottomleft" }).addTo(map);
  }

  // --- The layers ---------------------------------------------------------------------------

  /**
   * Return the map's incident layers: `update(filters)` redraws them for the view and resolves to the number
   * of symbols drawn (null when a newer update cancelled it); `highlight(id, on)`; `open(feature)`.
   * `urls` has `incidents` and `grid`; `callbacks` has onHover(id|null), onNote(text|null), onOpen(feature, popup) and
   * onClose(feature), the last two for popups the reader opens and closes (not those a redraw removes).
   */
  function MapLayers(map, urls, callbacks) {
    var cells = L.layerGroup().addTo(map);
    var incidents = L.featureGroup().addTo(map);
    var symbols = {}; // incident id -> circle marker
    var controller = null;
    var highlighted = null;
    var drawn = null; // what the map shows: {query, zoom, detailed, bounds, complete, count}
    var clearing = false;
    addLegend(map);

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

    function drawCells(collection) {
      clear();
      collection.features.forEach(function (feature) {
        cells.addLayer(cellSymbol(feature, map));
      });
      return collection.features.length;
    }

    function bindSymbol(symbol, feature) {
      var id = feature.properties.id;
      symbol.bindPopup(function () {
        return buildPopup(feature.properties);
      }, { maxWidth: 300, autoPanPadding: L.point(48, 16) });
      symbol.on("mouseover", function () { callbacks.onHover(id); });
      symbol.on("mouseout", function () { callbacks.onHover(null); });
      symbol.on("popupopen", function (event) { callbacks.onOpen(feature, event.popup); });
      symbol.on("popupclose", function () {
        if (!clearing) callbacks.onClose(feature);
      });
    }

    function addIncident(feature) {
      if (!feature.geometry) return null;
      var symbol = incidentSymbol(feature);
      bindSymbol(symbol, feature);
      incidents.addLayer(symbol);
      var element = symbol.getElement();
      if (element) element.setAttribute("data-incident-id", String(feature.properties.id));
      symbols[feature.properties.id] = symbol;
      return symbol;
    }

    function drawIncidents(collection) {
      clear();
      collection.features.forEach(addIncident);
      return collection.features.length;
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
          callbacks.onNote(M.ui("too_many", { count: M.formatNumber(page.count) }));
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

    function boundsOf(box) {
      var edges = box.split(",").map(Number);
      return L.latLngBounds([edges[1], edges[0]], [edges[3], edges[2]]);
    }

    /** Redraw for `filters` and the current view; resolve to the number of symbols, or null if superseded. */
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

    /** Mark (or unmark) the symbol of incident `id`. */
    function highlight(id, on) {
      if (highlighted !== null) toggleHighlight(symbols[highlighted], false);
      highlighted = on ? id : null;
      if (on) toggleHighlight(symbols[id], true);
    }

    function toggleHighlight(symbol, on) {
      var element = symbol && symbol.getElement();
      if (!element) return;
      element.classList.toggle("is-highlighted", on);
      if (on) symbol.bringToFront();
    }

    /** Open the popup of `feature` (a list row's), drawing its symbol if the view did not have it. */
    function open(feature) {
      var symbol = symbols[feature.properties.id] || addIncident(feature);
      if (symbol && !symbol.isPopupOpen()) symbol.openPopup();
      return Boolean(symbol);
    }

    return { update: update, highlight: highlight, open: open };
  }

  M.EVENT_COLORS = EVENT_COLORS;
  M.DETAIL_ZOOM = DETAIL_ZOOM;
  M.AREA_PRECISION = AREA_PRECISION;
  M.MapLayers = MapLayers;
})();
