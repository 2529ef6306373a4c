/* Marsad: one incident's page. Fetches the incident from the API and shows its facts, actors and sources. */
(function () {
  "use strict";

  var M = window.Marsad;
  var script = document.currentScript;
  var apiUrl = script.dataset.apiUrl;
  var basemapUrl = script.dataset.basemapUrl;

  var article = document.getElementById("incident");
  var titleNode = document.getElementById("incident-title");
  var statusNode = document.getElementById("incident-status");
  var factsNode = document.getElementById("incident-facts");
  var actorsNode = document.getElementById("incident-actors");
  var sourcesNode = document.getElementById("incident-sources");

  var mapReady = new Promise(function (resolve) {
    M.onMapInit("incident-map", resolve);
  });

  /** Add a term and its value to the facts; `vocabulary` marks a label from a fixed list (capitalized). */
  function fact(term, value, vocabulary) {
    if (value === null || value === undefined || value === "") return;
    var row = M.el("div", "fact");
    row.appendChild(M.el("dt", null, term));
    var description = M.breakableAtSlashes("dd", vocabulary ? "is-vocabulary" : null, value);
    description.dir = "auto";
    row.appendChild(description);
    factsNode.appendChild(row);
  }

  function showFacts(properties) {
    var type = M.label("event_type", properties.event_type);
    if (properties.sub_event_type) type += " — " + M.label("sub_event_type", properties.sub_event_type);
    fact(M.ui("date"), M.formatIncidentDate(properties));
    fact(M.ui("type"), type, true);
    if (properties.weapon && properties.weapon !== "unknown") fact(M.ui("weapon"), M.label("weapon", properties.weapon), true);
    if (properties.outcome && properties.outcome !== "unknown") fact(M.ui("outcome"), M.label("outcome", properties.outcome), true);
    fact(M.ui("location"), M.localName(properties.location));
    if (properties.count > 1) fact(M.ui("count"), M.formatNumber(properties.count));
    fact(M.ui("killed"), M.formatCasualties(properties.killed_best), true);
    fact(M.ui("injured"), M.formatCasualties(properties.injured_best), true);
    fact(M.ui("verification"), M.label("verification", properties.verification), true);
  }

  function showActors(actors) {
    if (!actors.length) {
      actorsNode.appendChild(M.el("li", "empty", M.ui("no_actors")));
      return;
    }
    actors.forEach(function (actor) {
      var item = M.el("li", "actor");
      var name = M.el("span", "actor-name", M.localName(actor));
      name.dir = "auto";
      item.appendChild(name);
      item.appendChild(M.el("span", "actor-role is-vocabulary", M.label("role", actor.role)));
      actorsNode.appendChild(item);
    });
  }

  function showSources(sources) {
    if (!sources.length) {
      sourcesNode.appendChild(M.el("li", "empty", M.ui("no_sources")));
      return;
    }
    sources.forEach(function (source) {
      var item = M.el("li", "source");
      var href = M.safeHttpUrl(source.url);
      var title = M.el(href ? "a" : "span", "source-title", source.title);
      title.dir = "auto";
      if (href) {
        title.href = href;
        title.rel = "noopener noreferrer nofollow";
      }
      item.appendChild(title);
      var meta = M.el("span", "source-meta");
      if (source.publisher) {
        var publisher = M.el("span", "source-publisher", source.publisher);
        publisher.dir = "auto";
        meta.appendChild(publisher);
      }
      if (source.published) {
        if (source.publisher) meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(M.el("span", "source-date", M.formatIncidentDate({ date_start: source.published })));
      }
      if (meta.childNodes.length) item.appendChild(meta);
      sourcesNode.appendChild(item);
    });
  }

  function showOnMap(map, feature) {
    M.mirrorControls(map);
    M.addBasemap(map, basemapUrl).catch(function (error) {
      console.error("Basemap not loaded", error);
    });
    var coordinates = feature.geometry.coordinates; // GeoJSON: longitude, latitude
    var dot = M.el("span", "incident-marker-dot");
    L.marker([coordinates[1], coordinates[0]], {
      icon: L.divIcon({ className: "incident-marker", html: dot, iconSize: [16, 16] }),
      keyboard: false,
      interactive: false,
    }).addTo(map);
    map.setView([coordinates[1], coordinates[0]], 7);
  }

  M.fetchJSON(apiUrl)
    .then(function (feature) {
      var properties = feature.properties;
      var title = M.localTitle(properties);
      titleNode.textContent = title;
      titleNode.dir = "auto";
      document.title = title + " — " + M.ui("site_name");
      statusNode.textContent = "";
      statusNode.hidden = true;
      showFacts(properties);
      showActors(properties.actors || []);
      showSources(properties.sources || []);
      article.removeAttribute("aria-busy");
      document.body.dataset.incidentLoaded = "true";
      if (feature.geometry) {
        mapReady.then(function (map) {
          showOnMap(map, feature);
        });
      }
    })
    .catch(function (error) {
      console.error(error);
      statusNode.textContent = M.ui("incident_load_failed");
      statusNode.classList.add("is-error");
      article.removeAttribute("aria-busy");
      document.body.dataset.incidentLoaded = "error";
    });
})();
