/* Marsad: the filter panel of the map page.
 *
 * Each control is named after the API parameter it sets (map-state.js lists them), so the form's values
 * are the API query as they are. The panel reports a change of the filters with `onChange(filters)`.
 */
(function () {
  "use strict";

  var M = window.Marsad;
  var TYPING_PAUSE = 500; // ms: free text applies when typing pauses
  var SUGGEST_PAUSE = 200; // ms: the actor suggestions follow typing more closely

  function option(value, text) {
    var node = M.el("option", null, text);
    node.value = value;
    return node;
  }

  /** Fill `select` with "All" and `entries` ([value, text] pairs); keep `keep` selectable even if unknown. */
  function fillSelect(select, entries, keep) {
    var nodes = [option("", M.ui("all"))];
    var known = {};
    entries.forEach(function (entry) {
      known[entry[0]] = true;
      nodes.push(option(entry[0], entry[1]));
    });
    if (keep && !known[keep]) nodes.push(option(keep, keep));
    select.replaceChildren.apply(select, nodes);
    select.value = keep || "";
  }

  function vocabularyEntries(kind) {
    var vocabulary = M.labels(kind);
    return Object.keys(vocabulary).map(function (value) { return [value, vocabulary[value]]; });
  }

  /** Return the panel's controller. `urls` has `locations` and `actors`. */
  function MapFilters(form, urls, onChange) {
    var controls = {};
    M.MapState.FILTER_NAMES.forEach(function (name) {
      controls[name] = form.elements.namedItem(name);
    });
    var countries = [];
    var governorates = [];
    var actorOptions = document.getElementById(controls.actor.getAttribute("list"));
    var suggestController = null;

    function values() {
      var filters = {};
      M.MapState.FILTER_NAMES.forEach(function (name) {
        var value = String(controls[name].value || "").trim();
        if (value) filters[name] = value;
      });
      return filters;
    }

    function fillSubEventTypes(keep) {
      var byType = M.labels("sub_event_types_of");
      var eventType = controls.event_type.value;
      var types = eventType ? [eventType] : Object.keys(byType);
      var entries = [];
      types.forEach(function (type) {
        (byType[type] || []).forEach(function (sub) { entries.push([sub, M.label("sub_event_type", sub)]); });
      });
      fillSelect(controls.sub_event_type, entries, keep);
    }

    function fillGovernorates(keep) {
      var country = controls.country.value;
      var entries = governorates
        .filter(function (place) { return !country || place.country_code === country; })
        .map(function (place) { return [String(place.id), M.localName(place)]; });
      fillSelect(controls.admin1, entries, keep);
    }

    function fillCountries(keep) {
      fillSelect(controls.country, countries.map(function (place) { return [place.country_code, M.localName(place)]; }), keep);
    }

    /** Show `filters` in the controls (a link's, or after back/forward). */
    function setValues(filters) {
      fillSelect(controls.event_type, vocabularyEntries("event_type"), filters.event_type);
      fillSubEventTypes(filters.sub_event_type);
      fillSelect(controls.verification, vocabularyEntries("verification"), filters.verification);
      fillCountries(filters.country);
      fillGovernorates(filters.admin1);
      ["date_from", "date_to", "actor", "killed_min", "q"].forEach(function (name) {
        controls[name].value = filters[name] || "";
      });
    }

    function byName(a, b) {
      return M.localName(a).localeCompare(M.localName(b), document.documentElement.lang);
    }

    /** Load the countries and governorates to choose from (the API's places; not needed for the first view). */
    function loadPlaces() {
      var kept = values();
      return Promise.all([
        M.fetchJSON(urls.locations + "?kind=country&page_size=100"),
        M.fetchJSON(urls.locations + "?kind=governorate&page_size=100"),
      ]).then(function (pages) {
        countries = pages[0].results.sort(byName);
        governorates = pages[1].results.sort(byName);
        fillCountries(controls.country.value || kept.country);
        fillGovernorates(controls.admin1.value || kept.admin1);
      });
    }

    /** Offer the actors whose names (English, Arabic or aliases) contain what was typed. */
    function suggestActors() {
      var text = controls.actor.value.trim();
      if (suggestController) suggestController.abort();
      if (text.length < 2) return;
      suggestController = new AbortController();
      M.fetchJSON(urls.actors + "?" + new URLSearchParams({ name: text, page_size: "12" }), suggestController.signal)
        .then(function (page) {
          actorOptions.replaceChildren.apply(actorOptions, page.results.map(function (actor) {
            var name = M.localName(actor);
            var other = M.isArabic ? actor.name_en : actor.name_ar;
            return option(name, other && other !== name ? other : "");
          }));
        })
        .catch(function (error) {
          if (!M.isAbort(error)) console.error(error);
        });
    }

    function changed() {
      onChange(values());
    }

    var typed = M.debounce(changed, TYPING_PAUSE);
    form.addEventListener("change", function (event) {
      if (event.target === controls.event_type) fillSubEventTypes("");
      if (event.target === controls.country) fillGovernorates("");
      changed();
    });
    controls.q.addEventListener("input", typed);
    controls.killed_min.addEventListener("input", typed);
    controls.actor.addEventListener("input", M.debounce(suggestActors, SUGGEST_PAUSE));
    // A suggestion picked from the list applies at once (typing applies on Enter or on leaving the box).
    controls.actor.addEventListener("input", function () {
      var picked = Array.prototype.some.call(actorOptions.options, function (node) {
        return node.value === controls.actor.value;
      });
      if (picked) changed();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      changed();
    });

    return {
      setValues: setValues,
      loadPlaces: loadPlaces,
      clear: function () {
        setValues({});
        changed();
      },
    };
  }

  M.MapFilters = MapFilters;
})();
