/*
 * Shared by the Vega-Lite spec pages (vl-ours.html, vl-vega.html): the spec name from the query
 * (?spec=bar), and the pointer sweep the runner makes: a horizontal line through the middle of
 * the chart's canvas, which the page names in __vl.canvas().
 */
(function () {
  "use strict";
  var name = new URLSearchParams(location.search).get("spec") || "bar";
  if (!/^[a-z-]+$/.test(name)) name = "bar";
  window.__vl = { name: name, canvas: function () { return null; } };
  window.__sweep = function () {
    var r = window.__vl.canvas().getBoundingClientRect();
    return { x0: r.left + 1, x1: r.right - 1, y: r.top + r.height * 0.55 };
  };
})();
