/* Marsad: the offline outline of Iraq, Syria and their neighbours (Natural Earth), drawn beneath the tiles
 * of any Leaflet map so that it reads when the tile server is out of reach. Used by the public pages,
 * the import review page and, through `data-marsad-basemap` on this script's tag or on every
 * django-leaflet map of the admin, the map widgets. */
(function () {
  "use strict";

  var script = document.currentScript;
  var defaultUrl = new URL("basemap/countries.geojson", script.src).href;
  var loads = {};

  /** Return a promise of the outline's GeoJSON, fetched once per page. */
  function load(url) {
    url = url || defaultUrl;
    if (!loads[url]) {
      loads[url] = fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(
        function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
          return response.json();
        }
      );
    }
    return loads[url];
  }

  /** Draw the outlines in a pane beneath the tiles; return a promise of the GeoJSON collection. */
  function addOutlines(map, url) {
    var pane = map.getPane("basemap") || map.createPane("basemap");
    pane.style.zIndex = 150; // tiles are at 200: when they load, they cover the outlines
    pane.style.pointerEvents = "none";
    return load(url).then(function (collection) {
      L.geoJSON(collection, {
        pane: "basemap",
        interactive: false,
        style: function (feature) {
          var focus = feature.properties.iso === "IQ" || feature.properties.iso === "SY";
          return {
            color: "#8a7f6d",
            weight: focus ? 1.4 : 0.8,
            fillColor: focus ? "#f4efe4" : "#e9e4d8",
            fillOpacity: 1,
          };
        },
      }).addTo(map);
      return collection;
    });
  }

  window.MarsadBasemap = { load: load, addOutlines: addOutlines };

  // In the admin, every django-leaflet widget gets the outlines as it is created.
  if (script.hasAttribute("data-marsad-admin-widgets")) {
    window.addEventListener("map:init", function (event) {
      addOutlines(event.detail.map).catch(function (error) {
        if (window.console) console.warn("Marsad: the offline outline did not load:", error);
      });
    });
  }
})();
