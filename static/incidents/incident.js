/* Marsad: one incident's page. Fetches the incident and the statements about it from the API and shows
 * its facts, actors, sources (each once, with its evidence excerpts), statements and place.
 *
 * Everything from the API is untrusted article text: it enters the page through textContent (M.el) only.
 */
(function () {
  "use strict";

  var M = window.Marsad;
  var script = document.currentScript;
  var apiUrl = script.dataset.apiUrl;
  var statementsUrl = script.dataset.statementsUrl;
  var basemapUrl = script.dataset.basemapUrl;

  var EXACT_PLACE = 1;
  // The radius drawn around a place known only approximately (ACLED geo-precision 2 and 3) when no outline
  // of the area is at hand: an area, so that the map never shows a fake exact pin.
  var AREA_RADIUS_METRES = { 2: 25000, 3: 90000 };

  var article = document.getElementById("incident");
  var titleNode = document.getElementById("incident-title");
  var statusNode = document.getElementById("incident-status");
  var factsNode = document.getElementById("incident-facts");
  var actorsNode = document.getElementById("incident-actors");
  var sourcesNode = document.getElementById("incident-sources");
  var statementsNode = document.getElementById("incident-statements");

  var mapReady = new Promise(function (resolve) {
    M.onMapInit("incident-map", resolve);
  });

  /** Return an element holding untrusted text, its direction taken from the text itself. */
  function textEl(tag, className, text) {
    var node = M.el(tag, className, text);
    node.dir = "auto";
    return node;
  }

  /** Add a term and its value to the facts; `vocabulary` marks a label from a fixed list (capitalized). */
  function fact(term, value, vocabulary, className) {
    if (value === null || value === undefined || value === "") return;
    var row = M.el("div", "fact" + (className ? " " + className : ""));
    row.appendChild(M.el("dt", null, term));
    var description = M.breakableAtSlashes("dd", vocabulary ? "is-vocabulary" : null, value);
    description.dir = "auto";
    row.appendChild(description);
    factsNode.appendChild(row);
  }

  /** Return where the incident happened, as precisely as it is known: "somewhere in <governorate>" if not exact. */
  function placeText(properties) {
    var location = properties.location || {};
    var area = location.admin1 || location;
    if (properties.geo_precision === EXACT_PLACE) {
      var name = M.localName(location);
      var governorate = M.localName(location.admin1);
      return governorate && governorate !== name ? name + (M.isArabic ? "، " : ", ") + governorate : name;
    }
    return M.ui("somewhere_in", { place: M.localName(area) });
  }

  function showFacts(properties) {
    var type = M.label("event_type", properties.event_type);
    if (properties.sub_event_type) type += " — " + M.label("sub_event_type", properties.sub_event_type);
    fact(M.ui("date"), M.formatIncidentDate(properties), false, "fact-date");
    fact(M.ui("date_precision"), M.label("date_precision", properties.date_precision), true, "fact-date-precision");
    fact(M.ui("type"), type, true, "fact-type");
    if (properties.weapon && properties.weapon !== "unknown") fact(M.ui("weapon"), M.label("weapon", properties.weapon), true);
    if (properties.outcome && properties.outcome !== "unknown") fact(M.ui("outcome"), M.label("outcome", properties.outcome), true);
    fact(M.ui("location"), placeText(properties), false, "fact-place");
    var recordedAt = M.localName(properties.location);
    if (properties.geo_precision !== EXACT_PLACE && recordedAt !== M.localName(properties.location.admin1)) {
      fact(M.ui("recorded_at"), recordedAt, false, "fact-recorded-at");
    }
    fact(M.ui("place_precision"), M.label("geo_precision", properties.geo_precision), true, "fact-place-precision");
    if (properties.count > 1) fact(M.ui("count"), M.formatNumber(properties.count));
    fact(M.ui("killed"), M.formatCasualties(properties.killed_best), true, "fact-killed");
    fact(M.ui("injured"), M.formatCasualties(properties.injured_best), true, "fact-injured");
    fact(M.ui("verification"), M.label("verification", properties.verification), true, "fact-verification");
  }

  /** Fill `list` with one item per entry, or with the `emptyKey` message when there are none. */
  function fillList(list, entries, emptyKey, render) {
    if (!entries.length) {
      list.appendChild(M.el("li", "empty", M.ui(emptyKey)));
      return;
    }
    entries.forEach(function (entry) {
      list.appendChild(render(entry));
    });
  }

  function actorItem(actor) {
    var item = M.el("li", "actor");
    item.appendChild(textEl("span", "actor-name", M.localName(actor)));
    item.appendChild(M.el("span", "actor-role is-vocabulary", M.label("role", actor.role)));
    return item;
  }

  /** Return the source's title, a link when its address is http(s): a javascript: URL is never a link. */
  function sourceTitle(tag, className, source) {
    var href = M.safeHttpUrl(source.url);
    var title = textEl(href ? "a" : tag, className, source.title);
    if (href) {
      title.href = href;
      title.rel = "noopener noreferrer nofollow";
    }
    return title;
  }

  function sourceItem(source) {
    var item = M.el("li", "source");
    item.appendChild(sourceTitle("span", "source-title", source));
    var meta = M.el("span", "source-meta");
    if (source.publisher) meta.appendChild(textEl("span", "source-publisher", source.publisher));
    if (source.published) {
      if (source.publisher) meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(M.el("span", "source-date", M.formatIncidentDate({ date_start: source.published })));
    }
    if (meta.childNodes.length) item.appendChild(meta);
    var excerpts = source.excerpts || [];
    if (excerpts.length) {
      var list = M.el("ul", "source-excerpts");
      list.setAttribute("aria-label", M.ui("evidence"));
      excerpts.forEach(function (excerpt) {
        var entry = M.el("li", "source-excerpt");
        entry.appendChild(textEl("blockquote", null, excerpt));
        list.appendChild(entry);
      });
      item.appendChild(list);
    }
    return item;
  }

  function speakerName(statement) {
    var speaker = statement.speaker || {};
    return M.localName(speaker.actor) || speaker.description || M.ui("speaker_unknown");
  }

  function statementItem(statement) {
    var item = M.el("li", "statement");
    var head = M.el("p", "statement-head");
    head.appendChild(textEl("span", "statement-speaker", speakerName(statement)));
    head.appendChild(M.el("span", "statement-kind is-vocabulary", M.label("statement_kind", statement.kind)));
    if (statement.date) head.appendChild(M.el("span", "statement-date", M.formatIncidentDate({ date_start: statement.date })));
    item.appendChild(head);
    var text = textEl("blockquote", "statement-text", statement.text);
    if (statement.language) text.lang = statement.language;
    item.appendChild(text);
    if (statement.translation) {
      var translation = M.el("p", "statement-translation");
      translation.appendChild(M.el("span", "statement-translation-label", M.ui("translation") + ": "));
      translation.appendChild(textEl("span", null, statement.translation));
      item.appendChild(translation);
    }
    if (statement.source) {
      var where = M.el("p", "statement-source");
      where.appendChild(document.createTextNode(M.ui("in_source") + " "));
      where.appendChild(sourceTitle("cite", "statement-source-title", statement.source));
      item.appendChild(where);
    }
    return item;
  }

  /** Return every statement about the incident, following the API's `next` links. */
  function fetchStatements(url, collected) {
    return M.fetchJSON(url).then(function (page) {
      var all = (collected || []).concat(page.results || []);
      return page.next ? fetchStatements(page.next, all) : all;
    });
  }

  /** Return whether the incident is known only to its country (no governorate, regional precision). */
  function knownOnlyToCountry(properties) {
    return properties.geo_precision === 3 && properties.location && !properties.location.admin1;
  }

  function drawPin(map, centre) {
    L.marker(centre, {
      icon: L.divIcon({ className: "incident-marker", html: M.el("span", "incident-marker-dot"), iconSize: [16, 16] }),
      keyboard: false,
      interactive: false,
    }).addTo(map);
    map.setView(centre, 8, { animate: false });
  }

  function drawCircle(map, centre, radius) {
    var area = L.circle(centre, { radius: radius, className: "incident-area", interactive: false }).addTo(map);
    // Zoomed out enough to see where it is; no animation, so that the view is final once drawn.
    map.fitBounds(area.getBounds(), { padding: [16, 16], maxZoom: 7, animate: false });
  }

  /** Outline the whole country from the offline basemap; a circle if the basemap does not have it. */
  function drawCountry(map, centre, countryCode) {
    return window.MarsadBasemap.load(basemapUrl).then(function (collection) {
      var country = collection.features.filter(function (feature) {
        return feature.properties.iso === countryCode;
      })[0];
      if (!country) return drawCircle(map, centre, AREA_RADIUS_METRES[3]);
      var area = L.geoJSON(country, { className: "incident-area", interactive: false }).addTo(map);
      map.fitBounds(area.getBounds(), { padding: [8, 8], animate: false });
    });
  }

  /** Draw the place: a pin when it is exact, else the area it is known to (the country, or a circle). */
  function showOnMap(map, properties, geometry) {
    M.mirrorControls(map);
    M.addBasemap(map, basemapUrl).catch(function (error) {
      console.error("Basemap not loaded", error);
    });
    var centre = L.latLng(geometry.coordinates[1], geometry.coordinates[0]); // GeoJSON: longitude, latitude
    var drawn;
    if (properties.geo_precision === EXACT_PLACE) drawn = drawPin(map, centre);
    else if (knownOnlyToCountry(properties)) drawn = drawCountry(map, centre, properties.location.country_code);
    else drawn = drawCircle(map, centre, AREA_RADIUS_METRES[properties.geo_precision] || AREA_RADIUS_METRES[3]);
    return Promise.resolve(drawn).then(function () {
      document.body.dataset.incidentMapDrawn = properties.geo_precision === EXACT_PLACE ? "pin" : "area";
    });
  }

  function showIncident(feature) {
    var properties = feature.properties;
    var title = M.localTitle(properties);
    titleNode.textContent = title;
    titleNode.dir = "auto";
    document.title = title + " — " + M.ui("site_name");
    showFacts(properties);
    fillList(actorsNode, properties.actors || [], "no_actors", actorItem);
    fillList(sourcesNode, properties.sources || [], "no_sources", sourceItem);
    if (feature.geometry) {
      mapReady.then(function (map) {
        showOnMap(map, properties, feature.geometry);
      });
    }
  }

  function showError(error) {
    console.error(error);
    statusNode.hidden = false;
    statusNode.textContent = M.ui("incident_load_failed");
    statusNode.classList.add("is-error");
  }

  /** Show the statements; if they could not be loaded, say so in their list and keep the rest of the page. */
  function showStatements(answer) {
    if (answer.error) {
      console.error(answer.error);
      statementsNode.appendChild(M.el("li", "empty is-error", M.ui("statements_load_failed")));
      return;
    }
    fillList(statementsNode, answer.statements, "no_statements", statementItem);
  }

  // Asked for at once, alongside the incident; a failure is kept as an answer, shown once the incident is.
  var statements = fetchStatements(statementsUrl).then(
    function (entries) {
      return { statements: entries };
    },
    function (error) {
      return { error: error };
    }
  );
  M.fetchJSON(apiUrl)
    .then(function (feature) {
      showIncident(feature);
      statusNode.textContent = "";
      statusNode.hidden = true;
      return statements.then(showStatements);
    })
    .then(function () {
      document.body.dataset.incidentLoaded = "true";
    })
    .catch(function (error) {
      showError(error);
      document.body.dataset.incidentLoaded = "error";
    })
    .then(function () {
      article.removeAttribute("aria-busy");
    });
})();
