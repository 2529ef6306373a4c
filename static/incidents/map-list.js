/* Marsad: the chronological list of the incidents that match the filters, newest first, one page at a
 * time (the API's cursor pages: "Show more" follows the `next` link). Rows and map symbols are linked:
 * hovering one highlights the other, and a row's button shows its incident on the map. */
(function () {
  "use strict";

  var M = window.Marsad;
  var PAGE_SIZE = 50;

  /** Return the list row of one incident: date, type, place and title, on a line or two. */
  function buildRow(feature, onShow) {
    var properties = feature.properties;
    var item = M.el("li", "incident-item");
    item.dataset.incidentId = String(properties.id);
    item.appendChild(M.MapSymbols.swatch("incident-swatch", properties.event_type));
    var body = M.el("div", "incident-body");
    var meta = M.el("p", "incident-meta");
    meta.appendChild(M.el("span", "incident-date", M.formatIncidentDate(properties)));
    meta.appendChild(M.breakableAtSlashes("span", "incident-type", M.label("event_type", properties.event_type)));
    var place = M.el("span", "incident-place", M.localName(properties.location));
    place.dir = "auto";
    meta.appendChild(place);
    body.appendChild(meta);
    var heading = M.el("h2", "incident-title");
    heading.dir = "auto";
    var href = M.safeHttpUrl(properties.url);
    var title = M.el(href ? "a" : "span", null, M.localTitle(properties));
    if (href) title.href = href;
    heading.appendChild(title);
    body.appendChild(heading);
    item.appendChild(body);
    if (feature.geometry) {
      var show = M.el("button", "show-on-map", M.ui("show_on_map"));
      show.type = "button";
      show.addEventListener("click", function () { onShow(feature); });
      item.appendChild(show);
    }
    return item;
  }

  /**
   * Return the list's controller. `urls.incidents` is the API list; `onHover(id|null)` when the pointer or
   * focus enters or leaves a row; `onShow(feature)` when a row asks to be shown on the map.
   */
  function MapList(listNode, statusNode, moreButton, urls, onHover, onShow) {
    var controller = null;
    var next = null;
    var rows = {};

    function append(page) {
      var fragment = document.createDocumentFragment();
      page.features.forEach(function (feature) {
        var row = buildRow(feature, onShow);
        rows[feature.properties.id] = row;
        fragment.appendChild(row);
      });
      listNode.appendChild(fragment);
      next = page.next;
      moreButton.hidden = !next;
    }

    function fetchPage(url) {
      if (controller) controller.abort();
      controller = new AbortController();
      return M.fetchJSON(url, controller.signal);
    }

    function setStatus(text, isError) {
      statusNode.textContent = text;
      statusNode.classList.toggle("is-error", Boolean(isError));
    }

    /** Show the first page for `filters`; resolve to the number of matching incidents (null if superseded). */
    function load(filters) {
      var query = M.MapState.apiQuery(filters, { ordering: "-date", page_size: PAGE_SIZE });
      return fetchPage(urls.incidents + "?" + query).then(
        function (page) {
          rows = {};
          listNode.replaceChildren();
          append(page);
          setStatus(page.count ? M.ui("newest_first") : M.ui("list_empty"));
          return page.count;
        },
        function (error) {
          if (M.isAbort(error)) return null;
          setStatus(M.ui("load_failed"), true);
          throw error;
        }
      );
    }

    function more() {
      if (!next) return;
      moreButton.disabled = true;
      fetchPage(next)
        .then(append)
        .catch(function (error) {
          if (!M.isAbort(error)) setStatus(M.ui("load_failed"), true);
        })
        .then(function () {
          moreButton.disabled = false;
        });
    }

    function rowOf(event) {
      var row = event.target.closest && event.target.closest(".incident-item");
      return row && listNode.contains(row) ? row : null;
    }

    function hoverFrom(event) {
      var row = rowOf(event);
      onHover(row ? Number(row.dataset.incidentId) : null);
    }

    listNode.addEventListener("mouseover", hoverFrom);
    listNode.addEventListener("focusin", hoverFrom);
    listNode.addEventListener("mouseleave", function () { onHover(null); });
    listNode.addEventListener("focusout", function (event) {
      if (!listNode.contains(event.relatedTarget)) onHover(null);
    });
    moreButton.addEventListener("click", more);

    return {
      load: load,
      /** Mark (or unmark) the row of incident `id`, scrolling it into view when the map asked. */
      highlight: function (id, on, reveal) {
        listNode.querySelectorAll(".incident-item.is-highlighted").forEach(function (row) {
          row.classList.remove("is-highlighted");
        });
        var row = rows[id];
        if (!row || !on) return;
        row.classList.add("is-highlighted");
        // Only where the list scrolls on its own (beside the map): on phones it would scroll the page off the map.
        if (reveal && getComputedStyle(listNode.parentElement).overflowY === "auto") row.scrollIntoView({ block: "nearest" });
      },
    };
  }

  M.MapList = MapList;
})();
