/* Marsad: what the map draws, one thing at a time: the colour of each event type and the legend, the
 * symbol of an incident, of a place where several incidents share one point (a "stack"), of a grid cell,
 * and their popups and tooltips. Everything shown comes from the API and goes in through textContent.
 */
(function () {
  "use strict";

  var M = window.Marsad;

  var AREA_PRECISION = 3; // incidents.models.GeoPrecision.REGION
  var NEAR_PRECISION = 2; // GeoPrecision.NEAR
  var STACK_LIST_LIMIT = 50; // incidents a stack's popup lists

  // One colour per event type (taxonomy.EVENT_TYPES), told apart with the common colour-vision deficiencies
  // (Okabe–Ito, darkened so that white counts on them read at 5:1); shared by the symbols, the legend and
  // the timeline.
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

  /** Return a dot of an event type's colour (decoration: the type is written beside it). */
  function swatch(className, eventType) {
    var node = M.el("span", className);
    node.style.backgroundColor = colorOf(eventType);
    node.setAttribute("aria-hidden", "true");
    return node;
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

  /** Return the least diameter whose circle holds `text` (a count at 0.75rem bold: digits are about
   * 0.6em wide), so that "30,804" or "٣٠٬٨٠٤" is never cut by its circle. */
  function labelDiameter(text) {
    return Math.ceil(7.5 * text.length + 12);
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
        item.appendChild(swatch("legend-swatch", type));
        item.appendChild(M.el("span", null, M.label("event_type", type) + ": " + M.formatNumber(types[type])));
        list.appendChild(item);
      });
    root.appendChild(list);
    root.appendChild(M.el("p", null, M.ui("killed") + ": " + M.formatNumber(properties.killed)));
    return root;
  }

  /** Return the marker of one grid cell: its count, in a circle of its main event type's colour. */
  function cellSymbol(feature) {
    var properties = feature.properties;
    var coordinates = feature.geometry.coordinates;
    var text = M.formatNumber(properties.incidents);
    var diameter = Math.max(cellDiameter(properties.incidents), labelDiameter(text));
    var label = M.el("span", "incident-cell-count", text);
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
    return marker;
  }

  // --- Stacks: several incidents at one point (a base attacked again and again) ------------------

  /** Return the marker of incidents that share one point: their number, in their main event type's colour. */
  function stackSymbol(features) {
    var types = {};
    features.forEach(function (feature) {
      var type = feature.properties.event_type;
      types[type] = (types[type] || 0) + 1;
    });
    var text = M.formatNumber(features.length);
    var label = M.el("span", "incident-stack-count", text);
    label.style.backgroundColor = colorOf(dominantType(types));
    var areas = features.filter(function (feature) { return feature.properties.geo_precision === AREA_PRECISION; });
    if (areas.length === features.length) label.classList.add("is-approximate");
    var coordinates = features[0].geometry.coordinates;
    var diameter = Math.max(Math.round(Math.min(34, 20 + 2 * Math.log2(features.length))), labelDiameter(text));
    return L.marker([coordinates[1], coordinates[0]], {
      icon: L.divIcon({ className: "incident-stack", html: label, iconSize: L.point(diameter, diameter) }),
      title: M.ui("stack_count", { count: M.formatNumber(features.length) }),
      riseOnHover: true,
    });
  }

  /** Return a stack's popup: its incidents, newest first, each a button that shows that incident (`onChoose`). */
  function stackPopup(features, onChoose) {
    var root = M.el("div", "incident-popup stack-popup");
    root.dir = document.documentElement.dir;
    root.appendChild(M.el("h2", "stack-heading", M.ui("stack_count", { count: M.formatNumber(features.length) })));
    var list = M.el("ul", "stack-list");
    features.slice(0, STACK_LIST_LIMIT).forEach(function (feature) {
      var properties = feature.properties;
      var button = M.el("button", "stack-entry");
      button.type = "button";
      button.dataset.incidentId = String(properties.id);
      button.appendChild(swatch("incident-swatch", properties.event_type));
      button.appendChild(M.el("span", "incident-date", M.formatIncidentDate(properties)));
      var title = M.el("span", "incident-title", M.localTitle(properties));
      title.dir = "auto";
      button.appendChild(title);
      button.addEventListener("click", function (event) {
        // The popup's content is replaced under the click: Leaflet, no longer finding the popup above the
        // detached button, would take it for a click on the map and close the popup.
        L.DomEvent.stopPropagation(event);
        onChoose(feature);
      });
      list.appendChild(M.el("li")).appendChild(button);
    });
    root.appendChild(list);
    if (features.length > STACK_LIST_LIMIT) {
      var rest = M.formatNumber(features.length - STACK_LIST_LIMIT);
      root.appendChild(M.el("p", "stack-more", M.ui("stack_more", { count: rest })));
    }
    return root;
  }

  /** Return the popup of one incident of a stack of `count`, with a button back to the stack's list (`onBack`). */
  function stackIncidentPopup(feature, count, onBack) {
    var root = buildPopup(feature.properties);
    var back = M.el("button", "stack-back", M.ui("stack_back", { count: M.formatNumber(count) }));
    back.type = "button";
    back.addEventListener("click", function (event) {
      L.DomEvent.stopPropagation(event); // as in stackPopup: the content is replaced under the click
      onBack();
    });
    root.insertBefore(back, root.firstChild);
    return root;
  }

  // --- Legend -------------------------------------------------------------------------------

  function legendItem(list, sample, text) {
    var item = M.el("li");
    item.appendChild(sample);
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
          legendItem(list, swatch("legend-swatch", type), M.label("event_type", type));
        });
        var area = M.el("span", "legend-swatch is-area");
        area.setAttribute("aria-hidden", "true");
        legendItem(list, area, M.ui("approximate"));
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

  M.EVENT_COLORS = EVENT_COLORS;
  M.AREA_PRECISION = AREA_PRECISION;
  M.MapSymbols = {
    swatch: swatch,
    buildPopup: buildPopup,
    incidentSymbol: incidentSymbol,
    cellSymbol: cellSymbol,
    stackSymbol: stackSymbol,
    stackPopup: stackPopup,
    stackIncidentPopup: stackIncidentPopup,
    addLegend: addLegend,
  };
})();
