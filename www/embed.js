/*
 * news-infographic embed loader (classic script, no bundler).
 *
 *   <script src="embed.js" data-chart="champions-by-year" async></script>
 *
 * renders that chart where the tag stands, inside an open shadow root. data-chart="overview"
 * renders the key figures and every chart. The wasm module and the dataset are fetched once per
 * page however many widgets there are. All numbers, labels, layout and hit-testing come from
 * the Rust core; this file only builds DOM, forwards events and schedules redraws.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var NI = (window.NewsInfographic = window.NewsInfographic || {});

  if (!NI.mount) {
    // Resolved against this script's own URL, so the widget works from any page path.
    var base = new URL(".", (script && script.src) || document.baseURI).href;
    NI.version = "0.1.0";
    NI.baseUrl = base;

    var corePromise = null;
    /** Loads and instantiates the wasm module once per page. */
    NI.core = function () {
      if (!corePromise) {
        corePromise = import(base + "pkg/news_infographic.js").then(function (mod) {
          return mod.default({ module_or_path: base + "pkg/news_infographic_bg.wasm" }).then(function () {
            return mod;
          });
        });
      }
      return corePromise;
    };

    var stories = new Map();
    /** Fetches and validates a dataset once per URL. */
    NI.story = function (url) {
      if (!stories.has(url)) {
        var p = Promise.all([NI.core(), fetchJson(url)]).then(function (r) {
          return new r[0].Story(r[1]);
        });
        stories.set(url, p);
        p.catch(function () {
          stories.delete(url);
        });
      }
      return stories.get(url);
    };

    NI.mount = mount;
  }

  if (script && script.dataset && !script.__niMounted) {
    script.__niMounted = true;
    var host = document.createElement("div");
    script.parentNode.insertBefore(host, script.nextSibling);
    NI.mount(host, {
      chart: script.dataset.chart || "overview",
      lang: script.dataset.lang || "en",
      theme: script.dataset.theme || "",
    });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "omit" }).then(function (res) {
      if (!res.ok) throw new Error("could not load the dataset " + url + ": HTTP " + res.status);
      return res.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (e) {
          throw new Error("the dataset " + url + " is not valid JSON: " + e.message);
        }
      });
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /**
   * Mounts a widget into `element` (its content goes in an open shadow root).
   * options: { chart: "overview" | chart name, lang: "en" | "zh", theme: "" | "light" | "dark",
   *            data: dataset URL (default: the Binzhou dataset beside this script) }
   * Returns { ready: Promise, update(options), destroy() }.
   */
  function mount(element, options) {
    var opts = Object.assign({ chart: "overview", lang: "en", theme: "" }, options || {});
    var root = element.shadowRoot || element.attachShadow({ mode: "open" });
    var ac = new AbortController();
    var charts = [];
    var observers = [];
    var destroyed = false;

    element.classList.add("news-infographic");
    element.setAttribute("data-state", "loading");
    element.style.display = "block";
    element.style.minHeight = opts.chart === "overview" ? "1600px" : "420px";

    var link = el("link");
    link.rel = "stylesheet";
    link.href = NI.baseUrl + "embed.css";
    root.replaceChildren(link, el("div", "ni-loading", "Loading the interactive graphic…"));

    var ready = NI.story(opts.data || NI.baseUrl + "data/binzhou.json")
      .then(function (story) {
        if (destroyed) return;
        return build(story);
      })
      .then(function () {
        // "ready" once every chart has been drawn for the first time.
        if (!destroyed && element.getAttribute("data-state") === "loading") element.setAttribute("data-state", "ready");
      })
      .catch(function (err) {
        if (destroyed) return;
        showError(err);
      });

    function showError(err) {
      var msg = (err && err.message) || String(err);
      console.error("news-infographic: " + msg);
      element.setAttribute("data-state", "error");
      element.style.minHeight = "";
      var box = el("div", "ni-error");
      box.setAttribute("role", "alert");
      box.append(el("strong", null, "This graphic could not be shown. "), el("span", null, msg));
      root.replaceChildren(link, box);
    }

    function build(story) {
      var lang = opts.lang;
      var theme = opts.theme || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      var names = opts.chart === "overview" ? story.constructor.chartNames() : [opts.chart];
      var wrap = el("div", "ni-root");
      wrap.setAttribute("data-theme", theme);
      wrap.lang = lang === "zh" ? "zh-Hans" : "en";
      if (opts.chart === "overview") {
        wrap.append(el("h2", "ni-heading", story.title(lang)));
        var figs = el("div", "ni-figures");
        story.keyFigures(lang).forEach(function (f) {
          var d = el("div", "ni-figure");
          d.append(el("span", "ni-figure-value", f.value), el("span", "ni-figure-label", f.label), el("span", "ni-figure-detail", f.detail));
          figs.append(d);
        });
        wrap.append(figs);
      }
      var drawn = names.map(function (name) {
        var chart = story.chart(name, lang, theme);
        charts.push(chart);
        var f = figure(chart, story, lang);
        wrap.append(f.node);
        return f.drawn;
      });
      root.replaceChildren(link, wrap);
      element.style.minHeight = "";
      return Promise.all(drawn);
    }

    function figure(chart, story, lang) {
      var fig = el("figure", "ni-chart");
      fig.setAttribute("data-chart", chart.name());
      var head = el("div", "ni-head");
      head.append(el("h3", "ni-title", chart.title()), el("p", "ni-subtitle", chart.subtitle()));
      var plot = el("div", "ni-plot");
      var canvas = el("canvas");
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", chart.title() + ". " + chart.summary());
      var tip = el("div", "ni-tooltip");
      tip.setAttribute("role", "tooltip");
      tip.id = "ni-tip-" + chart.name();
      tip.hidden = true;
      plot.append(canvas, tip);
      var cap = el("figcaption", "ni-caption");
      story.credits(lang).forEach(function (line) {
        cap.append(el("span", null, line));
      });
      fig.append(head, plot, cap);

      var drawn = { w: 0, dpr: 0 };
      var pinned = -1;
      var frame = 0;
      var firstDraw;
      var firstDrawn = new Promise(function (resolve) {
        firstDraw = resolve;
      });
      function redraw() {
        frame = 0;
        if (destroyed) return;
        var w = Math.floor(plot.clientWidth);
        var dpr = window.devicePixelRatio || 1;
        // A hidden container (width 0) is drawn when it gets a size.
        if (w <= 0) return firstDraw();
        if (w === drawn.w && dpr === drawn.dpr) return;
        try {
          var h = chart.render(canvas, w, dpr);
          canvas.style.width = w + "px";
          canvas.style.height = h + "px";
          drawn = { w: w, dpr: dpr };
          hideTip();
          firstDraw();
        } catch (e) {
          showError(e);
        }
      }
      function schedule() {
        if (!frame) frame = requestAnimationFrame(redraw);
      }
      var ro = new ResizeObserver(schedule);
      ro.observe(plot);
      observers.push(ro, { disconnect: function () { if (frame) cancelAnimationFrame(frame); } });
      watchPixelRatio(schedule);

      function point(e) {
        var r = canvas.getBoundingClientRect();
        return chart.hit(e.clientX - r.left, e.clientY - r.top);
      }
      function showTip(i) {
        var t = chart.tooltip(i);
        if (!t) return hideTip();
        tip.replaceChildren(el("strong", null, t.title));
        t.lines.forEach(function (line) {
          tip.append(el("span", null, line));
        });
        tip.hidden = false;
        var maxX = plot.clientWidth - tip.offsetWidth;
        tip.style.left = Math.max(0, Math.min(maxX, t.x - tip.offsetWidth / 2)) + "px";
        var top = t.y - tip.offsetHeight - 8;
        tip.style.top = (top < 0 ? t.y + 12 : top) + "px";
        canvas.setAttribute("aria-describedby", tip.id);
      }
      function hideTip() {
        tip.hidden = true;
        pinned = -1;
        canvas.removeAttribute("aria-describedby");
      }
      var sig = { signal: ac.signal };
      canvas.addEventListener("pointermove", function (e) {
        if (pinned >= 0) return;
        var i = point(e);
        i >= 0 ? showTip(i) : hideTip();
      }, sig);
      canvas.addEventListener("pointerleave", function (e) {
        if (pinned < 0 && e.pointerType === "mouse") hideTip();
      }, sig);
      canvas.addEventListener("pointerdown", function (e) {
        var i = point(e);
        if (i < 0) return hideTip();
        if (e.pointerType !== "mouse") {
          pinned = -1;
          showTip(i);
          pinned = i;
        }
      }, sig);
      document.addEventListener("pointerdown", function (e) {
        if (pinned >= 0 && !e.composedPath().includes(canvas)) hideTip();
      }, sig);
      window.addEventListener("scroll", function () {
        if (pinned >= 0) hideTip();
      }, { signal: ac.signal, passive: true });
      schedule();
      return { node: fig, drawn: firstDrawn };
    }

    function watchPixelRatio(cb) {
      var mq;
      function arm() {
        if (destroyed) return;
        mq = matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
        mq.addEventListener("change", onChange, { once: true, signal: ac.signal });
      }
      function onChange() {
        cb();
        arm();
      }
      arm();
    }

    return {
      ready: ready,
      update: function (next) {
        this.destroy({ keepElement: true });
        return mount(element, Object.assign({}, opts, next || {}));
      },
      destroy: function (how) {
        if (destroyed) return;
        destroyed = true;
        ac.abort();
        observers.forEach(function (o) {
          o.disconnect();
        });
        charts.forEach(function (c) {
          c.free();
        });
        charts = [];
        root.replaceChildren();
        element.removeAttribute("data-state");
        if (!(how && how.keepElement) && element.parentNode) element.parentNode.removeChild(element);
      },
    };
  }
})();
