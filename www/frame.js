/*
 * The frame page's script (classic, no dependencies): www/frame.html?chart=...&lang=...
 *
 * Renders one widget full-width from the page's query parameters, which are the script tag's
 * attributes without "data-": chart, lang, theme, src, spec, static (URLs encoded; they resolve
 * against this page, as the script tag's do against its page). Unknown parameters are ignored.
 * The chart pages the build writes (www/charts/NAME.LANG.html, each with its oEmbed discovery
 * link) give the same names as data-* attributes on this script instead.
 * Whenever the page's height changes it tells its parent, in the two forms parents already read:
 *   Pym.js:    "pymxPYMx<childId>xPYMxheightxPYMx<height>"   (childId from the query, as pym.js
 *              parents pass it; pym.js parents resize the frame with no change on their side)
 *   AMP:       {"sentinel": "amp", "type": "embed-size", "height": <height>}   (amp-iframe)
 * www/frame-resize.js is a small parent script that reads either form. Nothing is read from
 * the parent: the frame only sends.
 */
(function () {
  "use strict";

  var KEYS = ["chart", "lang", "theme", "src", "spec", "static"];
  var me = document.currentScript;
  // embed.js beside this script, whatever the page's path (www/charts/NAME.html pages too).
  var embedUrl = new URL("embed.js", (me && me.src) || document.baseURI).href;
  var query = new URLSearchParams(location.search);
  var opts = {};
  KEYS.forEach(function (k) {
    // A chart page (www/charts/) names its chart on this script's data-* attributes; the query
    // gives them on frame.html, and wins.
    var v = query.get(k);
    if (v === null || v === "") v = (me && me.getAttribute("data-" + k)) || "";
    if (v !== "") opts[k] = v;
  });
  var childId = (query.get("childId") || "").replace(/[^A-Za-z0-9_-]/g, "").slice(0, 64);
  if (opts.lang === "zh") document.documentElement.lang = "zh-Hans";

  var lastHeight = -1;
  var pending = false;
  function height() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }
  function send() {
    pending = false;
    var h = height();
    if (h === lastHeight || window.parent === window) return;
    lastHeight = h;
    window.parent.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + h, "*");
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
  }
  /** One message per animation frame however many changes it had. */
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(send);
  }

  function start() {
    // A document of its own: one main landmark, and its heading (for screen readers; the
    // widget shows the chart's title itself).
    var main = document.createElement("main");
    var h1 = document.createElement("h1");
    h1.className = "ni-frame-title";
    var host = document.createElement("div");
    host.className = "ni-frame-host";
    main.append(h1, host);
    document.body.appendChild(main);
    // A widget in a frame is what the reader came for: mounted at once, never lazily.
    var script = document.createElement("script");
    script.src = embedUrl;
    script.setAttribute("data-mount", "none");
    script.onload = function () {
      var handle = window.NewsInfographic.mount(host, {
        chart: opts.chart || "overview",
        lang: opts.lang || "en",
        theme: opts.theme || "",
        data: opts.src || "",
        spec: opts.spec || "",
        static: opts.static || "",
      });
      // The frame's own title is the chart's (screen readers announce an iframe by it).
      handle.ready.then(function () {
        var heading = host.shadowRoot && host.shadowRoot.querySelector(".ni-title, h2");
        if (heading && heading.textContent) document.title = h1.textContent = heading.textContent;
      });
    };
    document.head.appendChild(script);
    if (window.ResizeObserver) new ResizeObserver(schedule).observe(document.documentElement);
    window.addEventListener("resize", schedule);
    schedule();
  }

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
