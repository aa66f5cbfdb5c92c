// Optional enhancement of Manage Email Preferences (B3): the page works without this file; the server applies the
// same rule on save. All communication off switches every group off; back on, the groups return to what the page
// showed; switching a group on while All communication is off switches it back on.
(function () {
  "use strict";
  function init() {
    var all = document.querySelector('input[data-testid="all-communication"]');
    if (!all) return;
    var groups = Array.prototype.slice.call(document.querySelectorAll('input[type="checkbox"][name="group"]'));
    var shown = groups.map(function (g) { return g.checked; });
    all.addEventListener("change", function () {
      groups.forEach(function (g, i) { g.checked = all.checked ? shown[i] : false; });
    });
    groups.forEach(function (g) {
      g.addEventListener("change", function () {
        if (g.checked && !all.checked) all.checked = true;
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
