/* Briefbook: filter the actors index by name or alias as you type.
   Without JavaScript the field stays hidden and every actor is listed. Runs on every page
   load, including Material's instant navigation (document$), and does nothing elsewhere. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp() {
    var box = document.querySelector("[data-bb-filter]");
    if (!box || box.dataset.bbReady) return;
    box.dataset.bbReady = "1";
    var input = box.querySelector("input");
    var empty = box.querySelector(".bb-filter__empty");
    var groups = Array.prototype.slice.call(document.querySelectorAll("[data-bb-group]"));
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-bb-names]"));
    var names = items.map(function (item) { return fold(item.getAttribute("data-bb-names")); });

    function apply() {
      var query = fold(input.value.trim());
      var shown = 0;
      items.forEach(function (item, i) {
        var match = !query || names[i].indexOf(query) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-bb-names]:not([hidden])");
      });
      if (empty) empty.hidden = shown > 0;
    }

    box.hidden = false;
    input.addEventListener("input", apply);
    apply();
  }

  // Material's instant navigation swaps pages without reloading: set up on each of them
  // (subscribed once, though this script runs again on every page of the site that loads it).
  if (typeof document$ !== "undefined" && document$.subscribe && !window.briefbookActorsFilter) {
    window.briefbookActorsFilter = true;
    document$.subscribe(setUp);
  }
  // Also on a plain load (and from file://, where Material's observables may not run).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
