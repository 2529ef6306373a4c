/* Marsad: start django-leaflet's maps and map widgets without inline scripts.
 *
 * The Content-Security-Policy allows scripts from our static files only. django-leaflet's templates start
 * each map, and define each widget's callback, in an inline <script>; ours (templates/leaflet/) leave the
 * same settings in data- attributes instead, and this file does what those scripts did. */
(function () {
  "use strict";

  if (window.MarsadLeafletMaps) return; // the map template includes this file once per map
  var widgetCallbacks = {};

  /** Return the object a dotted name such as "L.FieldStore" names, from the global scope. */
  function resolve(dottedName) {
    return dottedName.split(".").reduce(function (scope, name) {
      return scope[name];
    }, window);
  }

  /** Return the callback that adds the geometry field of widget element `element` to its map. */
  function widgetCallback(element) {
    var data = element.dataset;
    return function (map, options) {
      var field = {
        fieldid: data.fieldid,
        modifiable: data.modifiable === "true",
        geom_type: data.geomType,
        srid: Number(data.srid),
        field_store_class: resolve(data.fieldStoreClass),
        precision: options.djoptions.precision,
      };
      var GeometryField = resolve(data.geometryFieldClass);
      new GeometryField(field).addTo(map);
    };
  }

  /** Register the callbacks of the widgets on the page, by the name their map refers to them. */
  function registerWidgets() {
    document.querySelectorAll(".marsad-leaflet-widget").forEach(function (element) {
      var callback = widgetCallback(element);
      widgetCallbacks[element.dataset.callback] = callback;
      var targetMap = element.dataset.targetMap;
      if (!targetMap) return;
      // A widget drawn on another map of the page (django-leaflet's target_map).
      window.addEventListener("map:init", function (event) {
        event.detail.map.on("map:loadfield", function (loaded) {
          if (loaded.fieldid === "id_" + targetMap) {
            setTimeout(function () {
              callback(event.detail.map, event.detail.options);
            }, 0);
          }
        });
      });
    });
  }

  /** Start the map that configuration element `element` describes, as django-leaflet's loadmap() does. */
  function startMap(element) {
    var data = element.dataset;
    var callbackName = data.callback;
    function loadmap() {
      L.Map.djangoMap(data.mapId, {
        djoptions: JSON.parse(data.options),
        initfunc: loadmap,
        globals: data.globals === "true",
        callback: callbackName ? widgetCallbacks[callbackName] || null : null,
      });
    }
    var loadevents = JSON.parse(data.loadevents);
    if (loadevents.length === 0) loadmap();
    else
      loadevents.forEach(function (name) {
        window.addEventListener(name, loadmap, false);
      });
  }

  function start() {
    registerWidgets();
    document.querySelectorAll(".marsad-leaflet-map").forEach(startMap);
  }

  window.MarsadLeafletMaps = { start: start };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
