/*
 * In-page side of the benchmark (classic script, loaded first by every bench page).
 *
 *   window.__cls                the page's layout-shift score so far (PerformanceObserver).
 *   __bench.rendered()          a page calls this when its chart is first drawn: sets
 *                               window.__rendered = performance.now() (ms since navigation
 *                               start) once, and tells the runner through the CDP binding
 *                               __benchSignal when the runner installed it.
 *   __bench.failed(message)     the chart could not be drawn (window.__failed = message).
 *   __bench.watchWidget()       for this widget's pages: first drawn is a host element's
 *                               data-state becoming "ready" (embed.js sets it right after the
 *                               first chart.render() into the canvas, inside a
 *                               requestAnimationFrame callback); "error" or "fallback" fails,
 *                               with the text of the widget's alert.
 *   __bench.armPointer()        starts recording pointer cost: for every pointermove, the time
 *                               from the event's timeStamp to the end of the next frame (a task
 *                               posted from the next requestAnimationFrame callback, so it runs
 *                               after every rAF callback of that frame, the library's included,
 *                               and after that frame's style, layout and paint).
 *   __bench.pointerSamples      those times in ms.
 *   __bench.timeIt(f, reps)     { times, out }: f() run reps times (the query pages).
 *   __bench.waitSamples(n)      resolves once n samples exist (or after 2 s without them).
 *
 * Each page also defines window.__sweep() -> {x0, x1, y} (viewport px: a horizontal line across
 * the bars) and window.__tooltipVisible() -> boolean.
 */
(function () {
  "use strict";
  var b = (window.__bench = { pointerSamples: [], tooltipShown: 0 });

  // Layout shifts from the start of the load (every page): window.__cls, the layout-shift score.
  window.__cls = 0;
  if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).indexOf("layout-shift") >= 0) {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        if (!e.hadRecentInput) window.__cls += e.value;
      });
    }).observe({ type: "layout-shift", buffered: true });
  }

  b.rendered = function () {
    if (window.__rendered !== undefined) return;
    window.__rendered = performance.now();
    performance.mark("bench-rendered"); // found in traces (lib/trace.mjs)
    if (typeof window.__benchSignal === "function") window.__benchSignal("rendered");
  };

  b.failed = function (message) {
    if (window.__failed !== undefined) return;
    window.__failed = String(message);
    if (typeof window.__benchSignal === "function") window.__benchSignal("failed");
  };

  var armed = false;
  b.armPointer = function () {
    armed = true;
  };
  window.addEventListener(
    "pointermove",
    function (e) {
      if (!armed) return;
      var t0 = e.timeStamp;
      requestAnimationFrame(function () {
        var ch = new MessageChannel();
        ch.port1.onmessage = function () {
          b.pointerSamples.push(performance.now() - t0);
          if (typeof window.__tooltipVisible === "function" && window.__tooltipVisible()) b.tooltipShown++;
          if (waiter && b.pointerSamples.length >= waiter.n) waiter.resolve(b.pointerSamples.length);
        };
        ch.port2.postMessage(0);
      });
    },
    true
  );

  // No polling (it would add main-thread work to the CPU measured during the sweep).
  var waiter = null;
  b.waitSamples = function (n) {
    return new Promise(function (resolve) {
      if (b.pointerSamples.length >= n) return resolve(b.pointerSamples.length);
      var timer = setTimeout(function () {
        waiter = null;
        resolve(b.pointerSamples.length);
      }, 2000);
      waiter = {
        n: n,
        resolve: function (k) {
          clearTimeout(timer);
          waiter = null;
          resolve(k);
        },
      };
    });
  };

  /** Runs f() `reps` times: { times: [ms per run], out: the last result }. */
  b.timeIt = function (f, reps) {
    var times = [];
    var out;
    for (var r = 0; r < reps; r++) {
      var t = performance.now();
      out = f();
      times.push(performance.now() - t);
    }
    return { times: times, out: out };
  };

  /** Minimal CSV reader for the peers' line pages: "x,y" rows after a header. */
  b.watchWidget = function () {
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        var s = r.target.getAttribute("data-state");
        if (s === "ready") b.rendered();
        else if (s === "error" || s === "fallback") {
          var alert = r.target.shadowRoot && r.target.shadowRoot.querySelector('[role="alert"]');
          b.failed(s + ": " + (alert ? alert.textContent : ""));
        }
      });
    }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  };
  b.parseXY = function (text) {
    var lines = text.split("\n");
    var xs = [],
      ys = [];
    for (var i = 1; i < lines.length; i++) {
      var line = lines[i];
      if (!line) continue;
      var c = line.indexOf(",");
      xs.push(+line.slice(0, c));
      ys.push(+line.slice(c + 1));
    }
    return { xs: xs, ys: ys };
  };
})();
