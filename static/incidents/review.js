/* Marsad admin: the review page of an article import.
 *
 * Links each proposed item to its evidence in the article, keeps sub-event types to those of the
 * chosen event type, folds dropped and merged items, fetches an incident's likely duplicates again when
 * its place, dates or type change, and puts a small map in each incident to pick its point and a
 * nearby gazetteer place. Article-derived text only ever goes in through textContent.
 */
(function () {
  "use strict";

  var form = document.getElementById("review-form");
  if (!form) return;
  var article = document.getElementById("article-text");
  var taxonomy = JSON.parse(document.getElementById("review-taxonomy").textContent);
  var $ = window.django && window.django.jQuery;

  function marksOf(itemId) {
    return article.querySelectorAll('mark[data-items~="' + itemId + '"]');
  }

  // --- Evidence ---------------------------------------------------------------------------------

  function setActive(itemId, active) {
    marksOf(itemId).forEach(function (mark) {
      mark.classList.toggle("is-active", active);
    });
  }

  form.querySelectorAll(".review-item").forEach(function (card) {
    var itemId = card.dataset.item;
    card.addEventListener("mouseenter", function () { setActive(itemId, true); });
    card.addEventListener("mouseleave", function () { setActive(itemId, false); });
    card.addEventListener("focusin", function () { setActive(itemId, true); });
    card.addEventListener("focusout", function () { setActive(itemId, false); });
  });

  form.querySelectorAll("button.show-evidence").forEach(function (button) {
    button.addEventListener("click", function () {
      var marks = marksOf(button.dataset.item);
      if (!marks.length) return;
      marks.forEach(function (mark) {
        mark.classList.remove("is-flashing");
        void mark.offsetWidth; // restart the animation
        mark.classList.add("is-flashing");
      });
      marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });

  // A click on highlighted evidence goes to the (first) item it supports.
  article.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-items]");
    if (!mark) return;
    var card = document.getElementById(mark.dataset.items.split(" ")[0]);
    if (card) {
      card.scrollIntoView({ behavior: "smooth", block: "start" });
      card.classList.remove("is-flashing");
      void card.offsetWidth;
      card.classList.add("is-flashing");
    }
  });

  // --- Submitting: only by a button, and once -------------------------------------------------

  // Enter in a field would submit the form with its first button, publishing the import by accident.
  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target.tagName === "INPUT" && target.type !== "submit" && target.type !== "button") {
      event.preventDefault();
    }
  });
  // Buttons are not disabled (a disabled button's name, which says confirm or discard, would not be sent).
  var submitting = false;
  form.addEventListener("submit", function (event) {
    if (submitting) event.preventDefault();
    submitting = true;
  });

  // --- Sub-event types follow the event type ---------------------------------------------------

  function limitSubEventTypes(eventSelect, subSelect) {
    var allowed = taxonomy[eventSelect.value] || [];
    subSelect.querySelectorAll("optgroup").forEach(function (group) {
      var match = group.querySelector("option") && allowed.indexOf(group.querySelector("option").value) >= 0;
      group.hidden = !match;
      group.disabled = !match;
    });
    if (allowed.indexOf(subSelect.value) < 0) subSelect.value = allowed[0] || "";
  }

  form.querySelectorAll('select[name$="-event_type"]').forEach(function (eventSelect) {
    var prefix = eventSelect.name.slice(0, -"event_type".length);
    var subSelect = form.querySelector('select[name="' + prefix + 'sub_event_type"]');
    if (!subSelect) return;
    var allowed = taxonomy[eventSelect.value] || [];
    // On load keep what was proposed, even when it is not a valid pair: the server says why.
    if (allowed.indexOf(subSelect.value) >= 0) limitSubEventTypes(eventSelect, subSelect);
    eventSelect.addEventListener("change", function () { limitSubEventTypes(eventSelect, subSelect); });
  });

  // --- Decisions: a dropped or merged item folds its fields ------------------------------------

  function showDecision(card) {
    var checked = card.querySelector('.review-decision input[type="radio"]:checked');
    var value = checked ? checked.value : "new";
    var dropped = value === "drop" || value === "no";
    var merged = !dropped && value !== "new" && value !== "yes";
    card.classList.toggle("is-dropped", dropped);
    card.classList.toggle("is-merged", merged);
    if (!dropped && !merged) {
      card.querySelectorAll(".review-map").forEach(function (node) {
        if (node.leafletMap) node.leafletMap.invalidateSize();
      });
    }
  }

  form.querySelectorAll(".review-item").forEach(function (card) {
    // Delegated: an incident's decision is fetched again with its duplicates (below).
    card.addEventListener("change", function (event) {
      if (event.target.closest(".review-decision")) showDecision(card);
    });
    showDecision(card);
  });

  // --- Likely duplicates follow the place, point, dates and type the editor sets ---------------

  var MATCH_FIELDS = ["location", "lat", "lon", "date_start", "date_end", "event_type"];
  var pending = {};

  /** Fetch the card's duplicates and decision again as its fields now stand (the server renders them). */
  function refreshDuplicates(card) {
    var url = card.dataset.duplicatesUrl;
    var slot = document.getElementById(card.id + "-match");
    if (!url || !slot) return;
    clearTimeout(pending[card.id]);
    pending[card.id] = setTimeout(function () {
      var query = new URL(url, window.location.href);
      MATCH_FIELDS.forEach(function (name) {
        var field = form.querySelector('[name="' + card.id + "-" + name + '"]');
        if (field && field.value) query.searchParams.set(card.id + "-" + name, field.value);
      });
      var checked = card.querySelector('.review-decision input[type="radio"]:checked');
      if (checked) query.searchParams.set(card.id + "-decision", checked.value);
      slot.classList.add("is-loading");
      fetch(query.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("duplicates " + response.status);
        return response.text();
      }).then(function (html) {
        // The server's template escapes every stored value; nothing of the article is in it.
        slot.innerHTML = html;
        if (!slot.querySelector('.review-decision input[type="radio"]:checked')) {
          var fresh = slot.querySelector('.review-decision input[value="new"]');
          if (fresh) fresh.checked = true;
        }
        showDecision(card);
        card.dispatchEvent(new CustomEvent("review:duplicates", { bubbles: true }));
      }).catch(function () { /* the list shown stays; the server checks the decision on confirm */ })
        .then(function () { slot.classList.remove("is-loading"); });
    }, 250);
  }

  form.querySelectorAll(".review-incident").forEach(function (card) {
    ["date_start", "date_end", "event_type"].forEach(function (name) {
      var field = form.querySelector('[name="' + card.id + "-" + name + '"]');
      if (field) field.addEventListener("change", function () { refreshDuplicates(card); });
    });
    var select = form.querySelector('[name="' + card.id + '-location"]');
    if (select && $) $(select).on("change", function () { refreshDuplicates(card); });
  });

  // --- Actors: add another row from the formset's empty form ----------------------------------

  form.querySelectorAll("button.add-actor").forEach(function (button) {
    var prefix = button.dataset.prefix;
    var template = document.getElementById(prefix + "-template");
    var total = form.querySelector('[name="' + prefix + '-TOTAL_FORMS"]');
    button.addEventListener("click", function () {
      var index = String(total.value);
      var row = template.content.firstElementChild.cloneNode(true);
      [row].concat(Array.prototype.slice.call(row.querySelectorAll("*"))).forEach(function (node) {
        ["id", "name", "for", "aria-describedby"].forEach(function (attribute) {
          var value = node.getAttribute(attribute);
          if (value && value.indexOf("__prefix__") >= 0) node.setAttribute(attribute, value.split("__prefix__").join(index));
        });
      });
      document.getElementById(prefix + "-rows").appendChild(row);
      total.value = String(Number(index) + 1);
      row.dispatchEvent(new CustomEvent("formset:added", { bubbles: true, detail: { formsetName: prefix } }));
    });
  });

  // --- Maps: pick the incident's point, and a gazetteer place near it --------------------------

  if (!window.L) return;
  var placesUrl = form.dataset.placesUrl;
  function input(prefix, name) {
    return form.querySelector('[name="' + prefix + "-" + name + '"]');
  }

  function fetchPlaces(query) {
    var url = new URL(placesUrl, window.location.href);
    Object.keys(query).forEach(function (key) { url.searchParams.set(key, query[key]); });
    return fetch(url.href, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("places " + response.status);
      return response.json();
    });
  }

  function chooseLocation(prefix, place) {
    var select = input(prefix, "location");
    if (!select) return;
    var option = Array.prototype.find.call(select.options, function (candidate) {
      return candidate.value === String(place.id);
    });
    if (!option) {
      option = new Option(place.name, String(place.id), true, true);
      select.appendChild(option);
    }
    select.value = String(place.id);
    if ($) $(select).trigger("change");
    else select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function showNearby(prefix, container, places) {
    container.textContent = "";
    if (!places.length) {
      container.appendChild(document.createTextNode(container.dataset.none || ""));
      return;
    }
    var label = document.createElement("span");
    label.className = "nearby-label";
    label.textContent = form.dataset.nearbyLabel || "";
    container.appendChild(label);
    places.forEach(function (place) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button nearby-place";
      button.dir = "auto";
      button.textContent = place.name;
      button.addEventListener("click", function () { chooseLocation(prefix, place); });
      container.appendChild(button);
    });
  }

  /** Draw the gazetteer's places near `center` as small markers; clicking one makes it the incident's place. */
  function showGazetteer(map, prefix, center) {
    fetchPlaces({ lat: center[0], lon: center[1], limit: 12 }).then(function (data) {
      data.places.forEach(function (place) {
        if (place.lat === null) return;
        var spot = L.circleMarker([place.lat, place.lon], {
          radius: 5,
          color: "#2f5f8a",
          weight: 1,
          fillOpacity: 0.6,
          className: "gazetteer-place",
          bubblingMouseEvents: false, // a click chooses the place, it does not pick a point
        }).addTo(map);
        var label = document.createElement("span");
        label.dir = "auto";
        label.textContent = place.name;
        spot.bindTooltip(label);
        spot.getElement().setAttribute("data-place-id", String(place.id));
        spot.on("click", function () {
          chooseLocation(prefix, place);
        });
      });
    }).catch(function () { /* the map still picks points */ });
  }

  function initMap(node) {
    var prefix = node.dataset.prefix;
    var lat = input(prefix, "lat"), lon = input(prefix, "lon"), picked = input(prefix, "point_picked");
    var nearby = document.getElementById(node.id.replace(/-map$/, "-nearby"));
    var start = lat.value && lon.value ? [Number(lat.value), Number(lon.value)] : null;
    var map = L.map(node, { zoomControl: true }).setView(start || [34.0, 41.5], start ? 8 : 5);
    node.leafletMap = map;
    map.attributionControl.setPrefix(false);
    if (form.dataset.tileUrl) {
      // The attribution comes from the site's settings (LEAFLET_CONFIG), never from an article.
      L.tileLayer(form.dataset.tileUrl, { maxZoom: 18, attribution: form.dataset.tileAttribution || "" }).addTo(map);
    }
    window.MarsadBasemap.addOutlines(map, form.dataset.basemapUrl).catch(function () {
      /* the map works without its outlines */
    });
    var marker = start ? L.circleMarker(start, { radius: 7, color: "#b3261e", weight: 2 }).addTo(map) : null;
    if (start) showGazetteer(map, prefix, start);

    function place(latlng) {
      if (marker) marker.setLatLng(latlng);
      else marker = L.circleMarker(latlng, { radius: 7, color: "#b3261e", weight: 2 }).addTo(map);
    }

    map.on("click", function (event) {
      var latlng = event.latlng.wrap();
      place(latlng);
      lat.value = latlng.lat.toFixed(5);
      lon.value = latlng.lng.toFixed(5);
      picked.value = "True";
      refreshDuplicates(node.closest(".review-incident"));
      fetchPlaces({ lat: lat.value, lon: lon.value }).then(function (data) {
        showNearby(prefix, nearby, data.places);
      }).catch(function () { nearby.textContent = ""; });
    });

    // Another place chosen in the search box: show it, unless the editor picked a point.
    var select = input(prefix, "location");
    if (select && $) {
      $(select).on("change", function () {
        if (!select.value || picked.value === "True") return;
        fetchPlaces({ id: select.value }).then(function (data) {
          var found = data.places[0];
          if (!found || found.lat === null) return;
          place([found.lat, found.lon]);
          map.setView([found.lat, found.lon], Math.max(map.getZoom(), 8));
          lat.value = found.lat;
          lon.value = found.lon;
          refreshDuplicates(node.closest(".review-incident"));
        }).catch(function () {});
      });
    }
  }

  form.querySelectorAll(".review-map").forEach(initMap);
})();
