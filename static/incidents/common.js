/* Marsad: helpers shared by the public pages.
 *
 * Everything shown from the API is article-derived and untrusted: it goes into the page through
 * textContent and setAttribute only, never innerHTML.
 */
(function () {
  "use strict";

  var labels = JSON.parse(document.getElementById("marsad-labels").textContent);
  var language = document.documentElement.lang || "en";
  var isArabic = language === "ar";
  // Iraq and Syria write months with their Levantine names (كانون الأول), which the ar-IQ locale gives.
  var intlLocale = isArabic ? "ar-IQ" : language;

  /** Return a new element with the given class and text (both optional). */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Return an element holding `text` that may wrap after each slash ("Shelling/artillery/missile attack"). */
  function breakableAtSlashes(tag, className, text) {
    var node = el(tag, className);
    String(text).split("/").forEach(function (part, index) {
      if (index > 0) {
        node.appendChild(document.createTextNode("/"));
        node.appendChild(document.createElement("wbr"));
      }
      node.appendChild(document.createTextNode(part));
    });
    return node;
  }

  /** Return the translated label of `value` in the vocabulary `kind`, or the value itself. */
  function label(kind, value) {
    var vocabulary = labels[kind] || {};
    return Object.prototype.hasOwnProperty.call(vocabulary, value) ? vocabulary[value] : value;
  }

  /** Return the vocabulary `kind` ({value: translated label}), or the page's other data of that name. */
  function labelsOf(kind) {
    return labels[kind] || {};
  }

  /** Return the UI string `key`, with %(name)s placeholders filled from `values`. */
  function ui(key, values) {
    var text = labels.ui[key] || key;
    return text.replace(/%\(([a-z_]+)\)s/g, function (match, name) {
      return values && name in values ? String(values[name]) : match;
    });
  }

  /** Return the name of a thing with name_en / name_ar in the page's language. */
  function localName(thing) {
    if (!thing) return "";
    return (isArabic && thing.name_ar) || thing.name_en || thing.name_ar || "";
  }

  /** Return the incident's title in the page's language. */
  function localTitle(properties) {
    return (isArabic && properties.title_ar) || properties.title || properties.title_ar || "";
  }

  function parseDate(iso) {
    var parts = String(iso).split("-").map(Number);
    return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  }

  function formatDay(iso) {
    return new Intl.DateTimeFormat(intlLocale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
      .format(parseDate(iso));
  }

  /** Return the incident's date as precisely as it is known. */
  function formatIncidentDate(properties) {
    var start = properties.date_start;
    var end = properties.date_end || start;
    if (!start) return "";
    if (properties.date_precision === "month") {
      return new Intl.DateTimeFormat(intlLocale, { month: "long", year: "numeric", timeZone: "UTC" })
        .format(parseDate(start));
    }
    if (properties.date_precision === "year") {
      return new Intl.DateTimeFormat(intlLocale, { year: "numeric", timeZone: "UTC" }).format(parseDate(start));
    }
    if (end !== start) return formatDay(start) + " – " + formatDay(end);
    return formatDay(start);
  }

  function formatNumber(value) {
    return new Intl.NumberFormat(intlLocale).format(value);
  }

  /** Return the casualty figure, or "unknown" when none was recorded. */
  function formatCasualties(value) {
    return value === null || value === undefined ? ui("unknown") : formatNumber(value);
  }

  /** Return `url` when it is an http(s) address, else null: article URLs are untrusted too. */
  function safeHttpUrl(url) {
    if (!url) return null;
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  /** Return a promise of the JSON at `url`; `signal` (an AbortSignal, optional) cancels the request. */
  function fetchJSON(url, signal) {
    var options = { headers: { Accept: "application/json" }, credentials: "same-origin", signal: signal };
    return fetch(url, options).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
      return response.json();
    });
  }

  /** Draw the offline country outlines (basemap.js) with the countries' names in the page's language. */
  function addBasemap(map, url) {
    return window.MarsadBasemap.addOutlines(map, url).then(function (collection) {
      collection.features.forEach(function (feature) {
        var point = feature.properties.label;
        if (!point) return;
        var text = el("span", "country-label-text", localName(feature.properties));
        L.marker([point[1], point[0]], {
          pane: "basemap",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: "country-label", html: text, iconSize: null }),
        }).addTo(map);
      });
    });
  }

  /** Return true when `error` is the rejection of a request that a newer one cancelled. */
  function isAbort(error) {
    return Boolean(error) && error.name === "AbortError";
  }

  /** Return a function that calls `callback` once calls to it have stopped for `wait` milliseconds. */
  function debounce(callback, wait) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () {
        callback.apply(null, args);
      }, wait);
    };
  }

  /** Put the zoom buttons on the reading side: top right in Arabic. */
  function mirrorControls(map) {
    if (document.documentElement.dir === "rtl" && map.zoomControl) map.zoomControl.setPosition("topright");
  }

  /** Call `callback(map)` once django-leaflet has created the map with this id. */
  function onMapInit(id, callback) {
    window.addEventListener("map:init", function (event) {
      if (event.detail.id === id) callback(event.detail.map);
    });
  }

  window.Marsad = {
    el: el,
    breakableAtSlashes: breakableAtSlashes,
    label: label,
    labels: labelsOf,
    ui: ui,
    isArabic: isArabic,
    localName: localName,
    localTitle: localTitle,
    formatIncidentDate: formatIncidentDate,
    formatNumber: formatNumber,
    formatCasualties: formatCasualties,
    safeHttpUrl: safeHttpUrl,
    fetchJSON: fetchJSON,
    isAbort: isAbort,
    debounce: debounce,
    addBasemap: addBasemap,
    mirrorControls: mirrorControls,
    onMapInit: onMapInit,
  };
})();
