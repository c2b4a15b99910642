/* Briefbook: hide claims below a chosen source grade, on the positions matrix and actor pages.
   The choice lives in the URL (?min_grade=B3, or B, or 3) so a filtered view can be shared.
   A claim passes when its grade is at least as good on both scales; an ungraded claim counts
   as F6. In a matrix cell, the latest position that passes is shown (its earlier positions are
   in the cell, hidden). Without JavaScript the form stays hidden and every claim is shown.
   Runs on every page load, including Material's instant navigation (document$). */
(function () {
  "use strict";

  var RELIABILITY = "ABCDEF";
  var PARAM = "min_grade";

  function parse(text) {
    var match = /^([A-Fa-f])?([1-6])?$/.exec((text || "").trim());
    if (!match || (!match[1] && !match[2])) return null;
    return { r: match[1] ? match[1].toUpperCase() : "", c: match[2] || "" };
  }

  function meets(label, min) {
    var grade = parse(label) || { r: "F", c: "6" };
    var r = grade.r || "F";
    var c = grade.c || "6";
    if (min.r && RELIABILITY.indexOf(r) > RELIABILITY.indexOf(min.r)) return false;
    if (min.c && Number(c) > Number(min.c)) return false;
    return true;
  }

  function choose(select, value) {
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    select.value = known ? value : "";
  }

  function setUp() {
    var form = document.querySelector("[data-bb-grade-filter]");
    if (!form || form.dataset.bbReady) return;
    form.dataset.bbReady = "1";
    var root = form.closest(".md-content") || document;
    var reliability = form.querySelector('select[name="reliability"]');
    var credibility = form.querySelector('select[name="credibility"]');
    var status = form.querySelector("[data-bb-grade-status]");
    var template = status ? status.textContent : "";

    function apply(updateUrl) {
      var min = { r: reliability.value, c: credibility.value };
      var active = Boolean(min.r || min.c);
      var hidden = 0;
      root.querySelectorAll("[data-bb-claims]").forEach(function (cell) {
        var shown = false;
        cell.querySelectorAll(".bb-claim").forEach(function (claim, i) {
          var show = !shown && (!active || meets(claim.getAttribute("data-bb-grade"), min));
          claim.hidden = !show;
          if (show) shown = true;
          // the matrix's copy for paper follows the filter but is not counted twice
          if (i === 0 && !show && !cell.closest(".bb-matrix-print")) hidden += 1;
        });
        var none = cell.querySelector(".bb-claim-none");
        if (none) none.hidden = shown;
      });
      root.querySelectorAll("li[data-bb-grade]").forEach(function (item) {
        item.hidden = active && !meets(item.getAttribute("data-bb-grade"), min);
        if (item.hidden) hidden += 1;
      });
      if (status) {
        var text = hidden === 1 ? form.dataset.bbHiddenOne : form.dataset.bbHiddenText;
        status.textContent = active ? text.replace("{count}", hidden) : template;
      }
      if (updateUrl) {
        var url = new URL(window.location.href);
        if (active) url.searchParams.set(PARAM, min.r + min.c);
        else url.searchParams.delete(PARAM);
        window.history.replaceState(window.history.state, "", url.toString());
      }
    }

    var initial = parse(new URL(window.location.href).searchParams.get(PARAM));
    if (initial) {
      choose(reliability, initial.r);
      choose(credibility, initial.c);
    }
    form.hidden = false;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(false);
  }

  // Material's instant navigation swaps pages without reloading: set up on each of them
  // (subscribed once, though this script runs again on every page of the site that loads it).
  if (typeof document$ !== "undefined" && document$.subscribe && !window.briefbookGradeFilter) {
    window.briefbookGradeFilter = true;
    document$.subscribe(setUp);
  }
  // Also on a plain load (and from file://, where Material's observables may not run).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
