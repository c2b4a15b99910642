/* Briefbook pictures: zoom, filter and highlight the SVG drawn at build time, and preview
 * actors and briefs on hover and focus. Without JavaScript every picture is shown whole and
 * every link works; nothing here draws. Runs on every page Material shows (document$). */
(function () {
  "use strict";

  var FACETS = ["actor", "topic", "tag"];
  var ATTRIBUTES = { actor: "data-actors", topic: "data-topics", tag: "data-tags" };
  var RELIABILITY = "ABCDEF";

  function list(element, name) {
    try {
      var value = JSON.parse(element.getAttribute(name) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [];
    }
  }

  function toggle(element, off) {
    element.classList.toggle("bb-pic-off", off);
  }

  /* -- zoom ------------------------------------------------------------------------------ */
  function setUpZoom(figure) {
    var tools = figure.querySelector(".bb-pic-tools");
    var svg = figure.querySelector("svg.bb-pic-svg");
    if (!tools || !svg || figure.dataset.bbZoom) return;
    figure.dataset.bbZoom = "1";
    var width = Number(svg.getAttribute("width"));
    var height = Number(svg.getAttribute("height"));
    var scale = 1;
    function apply() {
      svg.setAttribute("width", String(Math.round(width * scale)));
      svg.setAttribute("height", String(Math.round(height * scale)));
    }
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("[data-bb-zoom]");
      if (!button) return;
      var what = button.getAttribute("data-bb-zoom");
      if (what === "in") scale = Math.min(8, scale * 1.5);
      else if (what === "out") scale = Math.max(0.2, scale / 1.5);
      else {
        var room = figure.querySelector(".bb-pic-scroll").clientWidth;
        scale = room > 0 ? Math.min(1, room / width) : 1;
      }
      apply();
    });
    tools.hidden = false;
  }

  /* -- the timeline picture follows the list's filter, or the address --------------------- */
  function filterTimeline(figure) {
    var marks = figure.querySelectorAll("[data-bb-mark]");
    var rows = figure.querySelectorAll("tr[data-bb-row]");
    /* on the timeline page the list below has the filter form: the picture mirrors the list */
    if (document.querySelector("[data-bb-timeline] form.bb-tl-filter")) {
      marks.forEach(function (mark) {
        var item = document.getElementById("ev-" + mark.getAttribute("data-bb-mark"));
        toggle(mark, Boolean(item && item.hidden));
      });
      return;
    }
    var params = new URLSearchParams(window.location.search);
    var wanted = {};
    FACETS.forEach(function (facet) { wanted[facet] = params.get(facet) || ""; });
    var hidden = {};
    marks.forEach(function (mark) {
      var off = FACETS.some(function (facet) {
        return wanted[facet] && list(mark, ATTRIBUTES[facet]).indexOf(wanted[facet]) === -1;
      });
      toggle(mark, off);
      if (off) hidden[mark.getAttribute("data-bb-mark")] = true;
    });
    rows.forEach(function (row) { row.hidden = Boolean(hidden[row.getAttribute("data-bb-row")]); });
  }

  /* -- the grade filter (?min_grade=) on stance strips ------------------------------------ */
  function parseGrade(text) {
    var match = /^([A-Fa-f])?([1-6])?$/.exec((text || "").trim());
    if (!match || (!match[1] && !match[2])) return null;
    return { r: match[1] ? match[1].toUpperCase() : "", c: match[2] || "" };
  }

  function meets(label, min) {
    var grade = parseGrade(label) || { r: "F", c: "6" };
    if (min.r && RELIABILITY.indexOf(grade.r || "F") > RELIABILITY.indexOf(min.r)) return false;
    if (min.c && Number(grade.c || "6") > Number(min.c)) return false;
    return true;
  }

  function filterGrades() {
    var min = parseGrade(new URLSearchParams(window.location.search).get("min_grade"));
    document.querySelectorAll(".bb-pic--stances").forEach(function (figure) {
      figure.querySelectorAll(".bb-strip-point, tr[data-bb-grade]").forEach(function (item) {
        var off = Boolean(min) && !meets(item.getAttribute("data-bb-grade"), min);
        if (item.tagName.toLowerCase() === "tr") item.hidden = off;
        else toggle(item, off);
      });
    });
  }

  /* -- the network filter ----------------------------------------------------------------- */
  /* topics are written as short codes, the values of the form's topic choices */
  function codes(element) {
    return (element.getAttribute("data-topics") || "").split(" ");
  }

  function setUpNetwork(form) {
    if (form.dataset.bbReady) return;
    form.dataset.bbReady = "1";
    var figure = document.querySelector(".bb-pic--network");
    if (!figure) return;
    var nodes = Array.prototype.slice.call(figure.querySelectorAll("[data-bb-node]"));
    var edges = Array.prototype.slice.call(figure.querySelectorAll("line.bb-net-edge"));
    var rows = Array.prototype.slice.call(figure.querySelectorAll("tr[data-a]"));
    var status = form.querySelector("output");
    var template = form.getAttribute("data-showing") || "{shown} / {total}";

    function apply() {
      var kind = form.elements.namedItem("kind").value;
      var topic = form.elements.namedItem("topic").value;
      var least = Number(form.elements.namedItem("weight").value) || 1;
      var kinds = Array.prototype.filter.call(form.querySelectorAll("input[name=links]"),
        function (box) { return box.checked; }).map(function (box) { return box.value; });
      var visible = {};
      nodes.forEach(function (node) {
        var on = (!kind || node.getAttribute("data-kind") === kind) &&
          (!topic || codes(node).indexOf(topic) !== -1);
        visible[node.getAttribute("data-bb-node")] = on;
      });
      var used = {};
      var shown = 0;
      var keep = {};
      edges.forEach(function (edge) {
        var a = edge.getAttribute("data-a");
        var b = edge.getAttribute("data-b");
        var on = visible[a] && visible[b] &&
          Number(edge.getAttribute("data-weight")) >= least &&
          (edge.getAttribute("data-kinds") || "").split(" ").some(function (k) { return kinds.indexOf(k) !== -1; }) &&
          (!topic || edge.getAttribute("data-kinds").indexOf("briefs") !== -1 ||
            edge.getAttribute("data-kinds").indexOf("affiliation") !== -1 ||
            codes(edge).indexOf(topic) !== -1);
        toggle(edge, !on);
        if (on) { used[a] = used[b] = true; shown += 1; keep[a + "\u0000" + b] = true; }
      });
      var filtered = Boolean(kind || topic || least > 1 || kinds.length < 4);
      nodes.forEach(function (node) {
        var id = node.getAttribute("data-bb-node");
        toggle(node, !visible[id] || (filtered && !used[id]));
      });
      rows.forEach(function (row) {
        row.hidden = !keep[row.getAttribute("data-a") + "\u0000" + row.getAttribute("data-b")];
      });
      if (status) {
        status.textContent = filtered ? template.replace("{shown}", shown)
          .replace("{total}", form.getAttribute("data-total")) : "";
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }

  /* -- previews of actors and briefs ------------------------------------------------------ */
  var shards = {};
  var meta = null;
  var card = null;
  var current = null;

  function siteBase() {
    var config = document.getElementById("__config");
    var base = ".";
    try { if (config) base = JSON.parse(config.textContent).base || "."; } catch (error) { /* keep . */ }
    var url = new URL(base, window.location.href).href;
    return url.endsWith("/") ? url : url + "/";
  }

  function target(link) {
    var href = link.getAttribute("href") || link.getAttribute("xlink:href");
    if (!href || href.charAt(0) === "#") return null;
    var url = new URL(href, window.location.href);
    var base = siteBase();
    if (url.href.indexOf(base) !== 0) return null;
    var rest = url.pathname.slice(new URL(base).pathname.length);
    var match = /^(actors|briefs)\/([^/]+?)(?:\/index\.html|\/|\.html)?$/.exec(rest);
    if (!match || match[2] === "index" || (url.hash && match[1] === "briefs" && link.closest(".bb-pic"))) return null;
    return { kind: match[1] === "actors" ? "actor" : "brief", id: decodeURIComponent(match[2]) };
  }

  function shardOf(id, count) {
    var hash = 0;
    for (var i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
    return hash % count;
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
  }

  function lookup(what) {
    var base = siteBase() + "previews/";
    if (!meta) meta = fetchJson(base + "index.json");
    return meta.then(function (info) {
      var shard = shardOf(what.kind + ":" + what.id, info.shards || 1);
      if (!shards[shard]) shards[shard] = fetchJson(base + shard + ".json");
      return shards[shard];
    }).then(function (data) { return data[what.kind + ":" + what.id] || null; });
  }

  function line(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function show(link, info) {
    if (!card) {
      card = document.createElement("div");
      card.id = "bb-preview";
      card.className = "bb-preview";
      card.setAttribute("role", "tooltip");
      card.hidden = true;
      document.body.appendChild(card);
    }
    card.textContent = "";
    card.appendChild(line("bb-preview__title", info.title));
    if (info.meta) card.appendChild(line("bb-preview__meta", info.meta));
    (info.lines || []).forEach(function (text) { card.appendChild(line("", text)); });
    var rect = link.getBoundingClientRect();
    card.style.left = Math.max(4, Math.min(rect.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - 360)) + "px";
    card.style.top = (rect.bottom + window.scrollY + 6) + "px";
    card.hidden = false;
    link.setAttribute("aria-describedby", "bb-preview");
  }

  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    if (card) card.hidden = true;
  }

  function enter(event) {
    var link = event.target.closest && event.target.closest("a");
    if (!link || link === current || !link.closest(".md-content")) return;
    var what = target(link);
    if (!what) return;
    current = link;
    lookup(what).then(function (info) {
      if (info && current === link) show(link, info);
    }).catch(function () { /* no preview data: the link alone */ });
  }

  function leave(event) {
    var link = event.target.closest && event.target.closest("a");
    if (link && link === current && !(event.relatedTarget && link.contains(event.relatedTarget))) hide();
  }

  var listening = false;
  function setUpPreviews() {
    if (listening) return;
    listening = true;
    document.addEventListener("mouseover", enter);
    document.addEventListener("focusin", enter);
    document.addEventListener("mouseout", leave);
    document.addEventListener("focusout", leave);
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  }

  function init() {
    hide();
    document.querySelectorAll("figure.bb-pic").forEach(setUpZoom);
    /* after timeline.js has applied the address to the list (its script comes later) */
    window.setTimeout(function () {
      document.querySelectorAll("figure.bb-pic--timeline").forEach(filterTimeline);
    }, 0);
    filterGrades();
    document.querySelectorAll("form[data-bb-network-filter]").forEach(setUpNetwork);
    var timelineForm = document.querySelector("form.bb-tl-filter:not([data-bb-network-filter])");
    if (timelineForm && !timelineForm.dataset.bbPictures) {
      timelineForm.dataset.bbPictures = "1";
      ["change", "input", "reset"].forEach(function (name) {
        timelineForm.addEventListener(name, function () {
          /* twice deferred: timeline.js applies a reset in a timeout of its own */
          window.setTimeout(function () {
            window.setTimeout(function () {
              document.querySelectorAll("figure.bb-pic--timeline").forEach(filterTimeline);
            }, 0);
          }, 0);
        });
      });
    }
    var gradeForm = document.querySelector("[data-bb-grade-filter]");
    if (gradeForm && !gradeForm.dataset.bbPictures) {
      gradeForm.dataset.bbPictures = "1";
      gradeForm.addEventListener("change", function () { window.setTimeout(filterGrades, 0); });
    }
    setUpPreviews();
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
