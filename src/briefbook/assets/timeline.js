/* Briefbook timeline filter: narrow the events by actor, topic, tag or text, kept in the URL
 * (?actor=nato&topic=...). Without JavaScript the form stays hidden and every event is listed.
 * Runs on every page Material shows, including after instant navigation (document$). */
(function () {
  "use strict";

  var FACETS = ["actor", "topic", "tag"];
  var ATTRIBUTES = { actor: "actors", topic: "topics", tag: "tags" };

  function readList(element, name) {
    try {
      var value = JSON.parse(element.getAttribute("data-" + name) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [];
    }
  }

  function currentFilter(form) {
    var filter = {};
    FACETS.forEach(function (facet) {
      var field = form.elements.namedItem(facet);
      filter[facet] = field ? field.value : "";
    });
    var text = form.elements.namedItem("q");
    filter.q = text ? text.value.trim() : "";
    return filter;
  }

  function queryString(filter) {
    var params = new URLSearchParams(window.location.search);
    FACETS.concat(["q"]).forEach(function (name) {
      if (filter[name]) params.set(name, filter[name]);
      else params.delete(name);
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  /* Links to other timeline pages (years, overview) carry the filter along. */
  function keepQuery(search) {
    document.querySelectorAll("a[data-bb-keep-query]").forEach(function (link) {
      if (!link.hasAttribute("data-bb-href")) {
        link.setAttribute("data-bb-href", link.getAttribute("href"));
      }
      var url = new URL(link.getAttribute("data-bb-href"), window.location.href);
      url.search = search;
      link.setAttribute("href", url.href);
    });
  }

  function selectValue(select, value) {
    if (!select) return;
    if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value + " (0)";
      select.appendChild(option);
    }
    select.value = value;
  }

  function setUp(root) {
    var form = root.querySelector("form.bb-tl-filter");
    if (!form || form.hasAttribute("data-bb-ready")) return;  // set up once per page
    form.setAttribute("data-bb-ready", "");
    var events = Array.prototype.map.call(root.querySelectorAll("li.bb-tl-event"), function (li) {
      var title = li.querySelector(".bb-event__title");
      var place = li.querySelector(".bb-event__place");
      return {
        element: li,
        actor: readList(li, ATTRIBUTES.actor),
        topic: readList(li, ATTRIBUTES.topic),
        tag: readList(li, ATTRIBUTES.tag),
        text: ((title ? title.textContent : "") + " " + (place ? place.textContent : "")).toLowerCase()
      };
    });
    var groups = Array.prototype.slice.call(root.querySelectorAll("[data-bb-group]")).reverse();
    var status = form.querySelector(".bb-tl-filter__status");
    var empty = root.querySelector(".bb-tl-empty");
    var template = form.getAttribute("data-showing") || "{shown} / {total}";

    function apply(updateUrl) {
      var filter = currentFilter(form);
      var needle = filter.q.toLowerCase();
      var shown = 0;
      events.forEach(function (event) {
        var match = FACETS.every(function (facet) {
          return !filter[facet] || event[facet].indexOf(filter[facet]) !== -1;
        }) && (!needle || event.text.indexOf(needle) !== -1);
        event.element.hidden = !match;
        if (match) shown += 1;
      });
      /* months first (reversed document order), so a year sees its months already decided */
      groups.forEach(function (group) {
        var visible = group.querySelector("li.bb-tl-event:not([hidden])") !== null;
        group.hidden = !visible;
        var id = group.getAttribute("data-bb-group");
        document.querySelectorAll('.md-nav--secondary a[href="#' + id + '"]').forEach(function (a) {
          var item = a.closest("li");
          if (item) item.hidden = !visible;
        });
      });
      var filtered = FACETS.some(function (f) { return filter[f]; }) || needle;
      if (status) {
        status.textContent = filtered
          ? template.replace("{shown}", shown).replace("{total}", events.length) : "";
      }
      if (empty) empty.hidden = shown > 0;
      var search = queryString(filter);
      if (updateUrl && search !== window.location.search) {
        var url = window.location.pathname + search + window.location.hash;
        window.history.replaceState(window.history.state, "", url);
      }
      keepQuery(search);
    }

    var params = new URLSearchParams(window.location.search);
    FACETS.forEach(function (facet) {
      selectValue(form.elements.namedItem(facet), params.get(facet) || "");
    });
    var text = form.elements.namedItem("q");
    if (text) text.value = params.get("q") || "";

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("input", function (event) {
      if (event.target && event.target.name === "q") apply(true);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () {
      /* after the browser has reset the fields */
      window.setTimeout(function () { apply(true); }, 0);
    });
    form.hidden = false;
    apply(false);
  }

  function init() {
    var roots = document.querySelectorAll("[data-bb-timeline]");
    roots.forEach(setUp);
    if (!roots.length) keepQuery(window.location.search);
  }

  // Material's instant navigation swaps pages without reloading: set up on each of them
  // (subscribed once, though this script runs again on every page of the site that loads it).
  if (typeof document$ !== "undefined" && document$.subscribe && !window.briefbookTimeline) {
    window.briefbookTimeline = true;
    document$.subscribe(init);
  }
  // Also on a plain load (and from file://, where Material's observables may not run).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
