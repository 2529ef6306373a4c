/* Marsad: the map page. Fetches every published incident from the API and shows it on the map and in the list. */
(function () {
  "use strict";

  var M = window.Marsad;
  var script = document.currentScript;
  var apiUrl = script.dataset.apiUrl;
  var basemapUrl = script.dataset.basemapUrl;
  var PAGE_SIZE = 1000; // the API's maximum: few requests, each a bounded size

  var statusNode = document.getElementById("incident-status");
  var listNode = document.getElementById("incident-list");

  /** Fetch every page of the incident collection, following `next` links; resolve to the features. */
  function fetchAllIncidents(url) {
    var features = [];
    function fetchPage(pageUrl) {
      return M.fetchJSON(pageUrl).then(function (page) {
        features = features.concat(page.features);
        return page.next ? fetchPage(page.next) : features;
      });
    }
    var first = new URL(url, window.location.href);
    first.searchParams.set("page_size", String(PAGE_SIZE));
    return fetchPage(first.href);
  }

  function incidentType(properties) {
    return M.label("event_type", properties.event_type);
  }

  function factRow(list, term, value) {
    var row = M.el("div", "fact");
    row.appendChild(M.el("dt", null, term));
    var description = M.breakableAtSlashes("dd", null, value);
    description.dir = "auto";
    row.appendChild(description);
    list.appendChild(row);
  }

  /** Return the popup of one incident: date, title, type, place, killed and a link to its page. */
  function buildPopup(properties) {
    var root = M.el("div", "incident-popup");
    root.dir = document.documentElement.dir;
    root.appendChild(M.el("p", "incident-date", M.formatIncidentDate(properties)));
    var title = M.el("h2", "incident-title", M.localTitle(properties));
    title.dir = "auto";
    root.appendChild(title);
    var facts = M.el("dl", "incident-popup-facts");
    factRow(facts, M.ui("type"), incidentType(properties));
    factRow(facts, M.ui("location"), M.localName(properties.location));
    factRow(facts, M.ui("killed"), M.formatCasualties(properties.killed_best));
    root.appendChild(facts);
    var href = M.safeHttpUrl(properties.url);
    if (href) {
      var link = M.el("a", "incident-link", M.ui("details"));
      link.href = href;
      root.appendChild(link);
    }
    return root;
  }

  function buildMarker(feature) {
    var coordinates = feature.geometry.coordinates; // GeoJSON: longitude, latitude
    var dot = M.el("span", "incident-marker-dot");
    var marker = L.marker([coordinates[1], coordinates[0]], {
      icon: L.divIcon({ className: "incident-marker", html: dot, iconSize: [16, 16] }),
      title: M.localTitle(feature.properties), // Leaflet sets it as a property, not as markup
      riseOnHover: true,
    });
    marker.bindPopup(function () {
      return buildPopup(feature.properties);
    }, { maxWidth: 280, autoPanPadding: L.point(48, 16) });
    return marker;
  }

  /** Return the list item of one incident, with a button that shows it on the map when it has a point. */
  function buildListItem(feature, onShow) {
    var properties = feature.properties;
    var item = M.el("li", "incident-item");
    item.dataset.incidentId = String(properties.id);
    item.appendChild(M.el("p", "incident-date", M.formatIncidentDate(properties)));
    var heading = M.el("h2", "incident-title");
    heading.dir = "auto";
    var href = M.safeHttpUrl(properties.url);
    var title = M.el(href ? "a" : "span", null, M.localTitle(properties));
    if (href) title.href = href;
    heading.appendChild(title);
    item.appendChild(heading);
    var meta = M.el("p", "incident-meta");
    meta.appendChild(M.breakableAtSlashes("span", "incident-type", incidentType(properties)));
    var place = M.el("span", "incident-place", M.localName(properties.location));
    place.dir = "auto";
    meta.appendChild(place);
    meta.appendChild(M.el("span", "incident-killed", M.ui("killed") + ": " + M.formatCasualties(properties.killed_best)));
    item.appendChild(meta);
    if (onShow) {
      var show = M.el("button", "show-on-map", M.ui("show_on_map"));
      show.type = "button";
      show.addEventListener("click", onShow);
      item.appendChild(show);
    }
    return item;
  }

  /** Return a cluster's icon: its incident count, written in the page's digits. */
  function buildClusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    var label = M.el("span", "incident-cluster-count", M.formatNumber(count));
    label.dataset.count = String(count);
    var diameter = { small: 34, medium: 40, large: 48 }[size];
    return L.divIcon({
      html: label,
      className: "incident-cluster incident-cluster-" + size,
      iconSize: L.point(diameter, diameter),
    });
  }

  function showIncidents(map, features) {
    var clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      chunkedLoading: true,
      iconCreateFunction: buildClusterIcon,
    });
    var list = document.createDocumentFragment();
    var markers = [];
    features.forEach(function (feature) {
      var showOnMap = null;
      if (feature.geometry) {
        var marker = buildMarker(feature);
        markers.push(marker);
        showOnMap = function () {
          map.getContainer().scrollIntoView({ block: "nearest" });
          clusters.zoomToShowLayer(marker, function () {
            marker.openPopup();
          });
        };
      }
      list.appendChild(buildListItem(feature, showOnMap));
    });
    clusters.addTo(map);
    clusters.addLayers(markers); // in one go: the plugin clusters them in chunks without freezing the page
    listNode.replaceChildren(list);
    statusNode.textContent = features.length
      ? M.ui("incident_count", { count: M.formatNumber(features.length) })
      : M.ui("no_incidents");
    if (markers.length) {
      var bounds = L.latLngBounds(markers.map(function (marker) { return marker.getLatLng(); }));
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 7 });
    }
    document.body.dataset.incidentsLoaded = String(features.length);
  }

  M.onMapInit("incident-map", function (map) {
    M.mirrorControls(map);
    M.addBasemap(map, basemapUrl).catch(function (error) {
      console.error("Basemap not loaded", error);
    });
    statusNode.textContent = M.ui("loading");
    fetchAllIncidents(apiUrl)
      .then(function (features) {
        showIncidents(map, features);
      })
      .catch(function (error) {
        console.error(error);
        statusNode.textContent = M.ui("load_failed");
        statusNode.classList.add("is-error");
        document.body.dataset.incidentsLoaded = "error";
      });
  });
})();
