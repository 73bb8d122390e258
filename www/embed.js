/*
 * news-infographic embed loader (classic script, no bundler).
 *
 *   <script src="embed.js" data-chart="champions-by-year" async></script>
 *
 * renders that chart where the tag stands, inside an open shadow root. data-chart="overview"
 * renders the key figures and every chart. The wasm module and the dataset are fetched once per
 * page however many widgets there are. All numbers, words, layout and hit-testing come from the
 * Rust core; this file only builds DOM, forwards events and schedules redraws.
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
    var generation = 0;
    /** Loads and instantiates the wasm module once per page (again after a panic, see resetCore). */
    NI.core = function () {
      if (!corePromise) {
        // Start fetching the wasm now, in parallel with the JS glue, instead of after it.
        var wasm = fetch(base + "pkg/news_infographic_bg.wasm");
        // A new URL gives a fresh module instance, hence a fresh wasm instance, after a reset.
        corePromise = import(base + "pkg/news_infographic.js" + (generation ? "?instance=" + generation : ""))
          .then(function (mod) {
            return mod.default({ module_or_path: wasm }).then(function (exports) {
              // For measurements (benchmarks, leak tests): the size of the wasm linear memory.
              NI.wasmMemoryBytes = function () {
                return exports.memory.buffer.byteLength;
              };
              return mod;
            });
          })
          .catch(function (e) {
            // WebAssembly cannot run here (a CSP without 'wasm-unsafe-eval', an old browser, the
            // files missing): widgets fall back to their pre-rendered images and tables.
            var err = new Error("the interactive graphic cannot run in this browser: " + ((e && e.message) || e));
            err.niCore = true;
            throw err;
          });
      }
      return corePromise;
    };

    /**
     * After a panic (a WebAssembly RuntimeError) the instance's state may be inconsistent: widgets
     * mounted from now on get a new instance; the others keep theirs.
     */
    NI.resetCore = function () {
      generation++;
      corePromise = null;
      stories.clear();
    };

    var stories = new Map();
    /** Fetches and validates a dataset once per URL. */
    NI.story = function (url) {
      if (!stories.has(url)) {
        var p = Promise.all([NI.core(), loadData(url)]).then(function (r) {
          checkSize(r[0], r[1], url);
          if (!r[1].json) throw new Error("the dataset " + url + " must be JSON in the story schema for preset charts");
          return new r[0].Story(r[1].json);
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

  if (script && script.dataset && script.dataset.mount === "none") {
    // API only (data-mount="none"): the page mounts widgets itself; start loading the wasm now.
    NI.core().catch(function () {});
  } else if (script && script.dataset && !script.__niMounted) {
    script.__niMounted = true;
    var d = script.dataset;
    var host = document.createElement("div");
    var target = null;
    if (d.target) {
      try {
        target = document.querySelector(d.target);
      } catch (e) {
        target = null;
      }
    }
    if (target) {
      host = target;
    } else {
      script.parentNode.insertBefore(host, script.nextSibling);
    }
    NI.mount(host, {
      chart: d.chart || "overview",
      lang: d.lang || "en",
      theme: d.theme || "",
      data: d.src || "",
      spec: d.spec || "",
      // Reported by mount() as the widget's error, so a mistyped selector is visible.
      missingTarget: d.target && !target ? d.target : "",
    });
  }

  /** Refuses a dataset over the core's size limit, naming the limit. */
  function checkSize(core, data, where) {
    var limit = core.maxDataBytes();
    if (data.bytes > limit) throw new Error("the dataset " + where + " is " + data.bytes + " bytes; the limit is " + limit + " bytes");
  }

  /** Inline JSON or CSV in the page: "#id" (or a bare id for data-spec). */
  function inline(ref) {
    var id = ref.charAt(0) === "#" ? ref.slice(1) : ref;
    var node = document.getElementById(id);
    if (!node) throw new Error('no element with id "' + id + '" holds the data');
    return node;
  }

  /** Loads a dataset reference: { csv: text } or { json: value }. */
  function loadData(ref) {
    if (ref.charAt(0) === "#") {
      var node = inline(ref);
      var type = (node.getAttribute("type") || "").toLowerCase();
      var inlineText = node.textContent;
      if (type.indexOf("csv") >= 0) return Promise.resolve({ csv: inlineText, bytes: inlineText.length });
      return Promise.resolve({ json: parseJson(inlineText, ref), bytes: inlineText.length });
    }
    return fetchText(ref).then(function (r) {
      var isCsv = /\.csv(\?|#|$)/i.test(ref) || /csv/i.test(r.type);
      // Size first: a huge JSON text is not parsed at all.
      if (r.text.length > 64 * 1024 * 1024) throw new Error("the dataset " + ref + " is " + r.text.length + " bytes, far over the limit");
      return isCsv ? { csv: r.text, bytes: r.text.length } : { json: r.text.length > 8 * 1024 * 1024 ? null : parseJson(r.text, ref), bytes: r.text.length };
    });
  }

  /** Loads a chart spec: an object, "#id", a bare element id, or a URL. */
  function loadSpec(ref) {
    if (typeof ref === "object" && ref) return Promise.resolve(ref);
    if (!ref) return Promise.reject(new Error('data-chart="custom" needs a chart spec in data-spec (a URL or an element id)'));
    if (ref.charAt(0) === "#" || (/^[A-Za-z][\w-]*$/.test(ref) && document.getElementById(ref))) {
      return Promise.resolve(parseJson(inline(ref).textContent, "spec " + ref));
    }
    return fetchText(ref).then(function (r) {
      return parseJson(r.text, ref);
    });
  }

  function parseJson(text, where) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new Error(where + " is not valid JSON: " + e.message);
    }
  }

  /** Fetches text with a time limit; errors say what failed and where. */
  function fetchText(url, timeoutMs) {
    var ms = timeoutMs || NI.timeoutMs || 15000;
    var ac = new AbortController();
    var timer = setTimeout(function () {
      ac.abort();
    }, ms);
    return fetch(url, { credentials: "omit", signal: ac.signal })
      .then(
        function (res) {
          if (!res.ok) throw new Error("could not load " + url + ": HTTP " + res.status);
          return res.text().then(function (text) {
            return { text: text, type: res.headers.get("content-type") || "" };
          });
        },
        function (e) {
          if (ac.signal.aborted) throw new Error("could not load " + url + ": no answer within " + ms / 1000 + " s");
          throw new Error("could not load " + url + ": the request failed (offline, or another site that does not allow it (CORS)): " + e.message);
        }
      )
      .then(
        function (r) {
          clearTimeout(timer);
          return r;
        },
        function (e) {
          clearTimeout(timer);
          if (ac.signal.aborted && !/no answer/.test(e.message)) throw new Error("could not load " + url + ": no answer within " + ms / 1000 + " s");
          throw e;
        }
      );
  }

  function fetchJson(url) {
    return fetchText(url).then(function (r) {
      return parseJson(r.text, "the dataset " + url);
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
   * options: { chart: "overview" | preset chart name | "custom" | "vega-lite", lang: "en" | "zh",
   *            theme: "" | "light" | "dark", data: dataset URL or "#element-id" (JSON, or CSV
   *            for custom charts; default: the Binzhou dataset beside this script),
   *            spec: chart spec object, URL or element id (custom and vega-lite charts) }
   * Returns a handle { ready: Promise, update(options), destroy() }, also kept on
   * `element.newsInfographic`.
   */
  function mount(element, options) {
    if (element.newsInfographic) element.newsInfographic.destroy({ keepElement: true });
    var opts = Object.assign({ chart: "overview", lang: "en", theme: "" }, options || {});
    var root = element.shadowRoot || element.attachShadow({ mode: "open" });
    var life = new AbortController(); // listeners for the widget's lifetime
    var view = null; // { abort: AbortController, charts, observers } for the current build
    var destroyed = false;
    var schemeQuery = matchMedia("(prefers-color-scheme: dark)");

    element.classList.add("news-infographic");
    element.setAttribute("data-state", "loading");
    element.style.display = "block";
    element.style.minHeight = opts.chart === "overview" ? "1600px" : "420px";

    var link = el("link");
    link.rel = "stylesheet";
    link.href = NI.baseUrl + "embed.css";
    root.replaceChildren(link, el("div", "ni-loading", opts.lang === "zh" ? "正在加载互动图表…" : "Loading the interactive graphic…"));

    var custom = opts.chart === "custom";
    var vegaLite = opts.chart === "vega-lite";
    var source = null; // { story } for presets, { core, data, spec } for custom charts, { core, spec, texts } for Vega-Lite
    var ready = Promise.resolve()
      .then(function () {
        if (opts.missingTarget) throw new Error('data-target "' + opts.missingTarget + '" matches no element on the page');
        if (vegaLite) {
          if (!opts.spec) throw new Error('data-chart="vega-lite" needs a Vega-Lite spec in data-spec (a URL or the id of an inline <script type="application/json">)');
          return Promise.all([NI.core(), loadSpec(opts.spec)]).then(function (r) {
            // Relative data URLs resolve against the page, as in vega-embed.
            var urls = r[0].vegaLiteUrls(r[1]);
            return Promise.all(urls.map(function (u) {
              return fetchText(new URL(u, document.baseURI).href).then(function (t) {
                if (t.text.length > 64 * 1024 * 1024) throw new Error("the data " + u + " is " + t.text.length + " bytes, far over the limit");
                return [u, t.text];
              });
            })).then(function (texts) {
              source = { core: r[0], spec: r[1], texts: texts };
            });
          });
        }
        if (!custom) {
          return NI.story(opts.data || NI.baseUrl + "data/binzhou.json").then(function (s) {
            source = { story: s };
          });
        }
        if (opts.columns) {
          // A large numeric series as two number columns (typed arrays): no text to parse.
          return Promise.all([NI.core(), loadSpec(opts.spec)]).then(function (r) {
            source = { core: r[0], columns: opts.columns, spec: r[1] };
          });
        }
        if (!opts.data) throw new Error('data-chart="custom" needs a dataset in data-src (a URL or "#element-id")');
        return Promise.all([NI.core(), loadData(opts.data), loadSpec(opts.spec)]).then(function (r) {
          checkSize(r[0], r[1], opts.data);
          source = { core: r[0], data: r[1], spec: r[2] };
        });
      })
      .then(function () {
        if (destroyed) return;
        return build();
      })
      .then(function () {
        if (!destroyed && element.getAttribute("data-state") === "loading") element.setAttribute("data-state", "ready");
      })
      .catch(function (err) {
        if (destroyed) return;
        if (err && err.niCore && !custom && !vegaLite) return showFallback(err);
        showError(err);
      });

    // Follow the reader's colour scheme unless the embed fixes a theme.
    schemeQuery.addEventListener("change", function () {
      if (!opts.theme && source && view) build();
    }, { signal: life.signal });
    // Canvas text is drawn with whatever font is there: redraw once web fonts arrive.
    if (document.fonts) {
      document.fonts.addEventListener("loadingdone", function () {
        if (view) view.redrawAll();
      }, { signal: life.signal });
    }

    function showError(err) {
      var msg = (err && err.message) || String(err);
      if (err instanceof WebAssembly.RuntimeError) {
        // A panic in Rust: this widget shows it; widgets mounted later get a fresh instance.
        msg = "internal error in the chart code (" + msg + "); please report it";
        NI.resetCore();
      }
      console.error("news-infographic: " + msg);
      teardownView();
      element.setAttribute("data-state", "error");
      element.style.minHeight = "";
      var box = el("div", "ni-error");
      box.setAttribute("role", "alert");
      box.append(el("strong", null, opts.lang === "zh" ? "无法显示此图表。" : "This graphic could not be shown."), el("span", null, " " + msg));
      root.replaceChildren(link, box);
    }

    /** Pre-rendered SVG and data table for each chart, built at release time (www/static/). */
    function showFallback(err) {
      console.warn("news-infographic: " + err.message + "; showing the static version");
      teardownView();
      var lang = opts.lang === "zh" ? "zh" : "en";
      var theme = opts.theme || (schemeQuery.matches ? "dark" : "light");
      var names = opts.chart === "overview" ? ["champions-by-year", "champions-by-industry", "claims-check"] : [opts.chart];
      var wrap = el("div", "ni-root ni-static");
      wrap.setAttribute("data-theme", theme);
      wrap.lang = lang === "zh" ? "zh-Hans" : "en";
      return Promise.all(
        names.map(function (name) {
          return fetchText(NI.baseUrl + "static/" + name + "." + lang + ".json").then(function (r) {
            return { name: name, meta: parseJson(r.text, name) };
          });
        })
      ).then(function (parts) {
        if (destroyed) return;
        parts.forEach(function (p) {
          var fig = el("figure", "ni-chart");
          fig.setAttribute("data-chart", p.name);
          var head = el("div", "ni-head");
          head.append(el(opts.chart === "overview" ? "h3" : "h2", "ni-title", p.meta.title), el("p", "ni-subtitle", p.meta.subtitle));
          var img = el("img", "ni-static-img");
          img.src = NI.baseUrl + "static/" + p.name + "." + lang + "." + theme + ".svg";
          img.alt = p.meta.title + ". " + p.meta.summary;
          var tableWrap = el("div", "ni-table-wrap");
          tableWrap.append(dataTable(p.meta.table));
          var cap = el("figcaption", "ni-caption");
          cap.append(el("span", "ni-summary", p.meta.summary));
          (p.meta.credits || []).forEach(function (line) {
            cap.append(el("span", null, line));
          });
          fig.append(head, img, tableWrap, cap);
          wrap.append(fig);
        });
        root.replaceChildren(link, wrap);
        element.style.minHeight = "";
        element.setAttribute("data-state", "fallback");
      }, function (e2) {
        showError(new Error(err.message + " (and the static version could not be loaded: " + e2.message + ")"));
      });
    }

    function teardownView() {
      if (!view) return;
      view.abort.abort();
      view.observers.forEach(function (o) {
        o.disconnect();
      });
      view.charts.forEach(function (c) {
        c.free();
      });
      view = null;
    }

    /** Builds (or rebuilds) the widget's DOM; resolves once every chart has been drawn. */
    function build() {
      teardownView();
      var lang = opts.lang;
      var ui = (source.story ? source.story.constructor : source.core.Story).ui(lang);
      var theme = opts.theme || (schemeQuery.matches ? "dark" : "light");
      var charts;
      if (source.story) {
        var names = opts.chart === "overview" ? source.story.constructor.chartNames() : [opts.chart];
        charts = names.map(function (name) {
          return source.story.chart(name, lang, theme);
        });
      } else if (source.texts) {
        charts = [source.core.vegaLiteChart(source.spec, source.texts, lang, theme)];
      } else if (source.columns) {
        var c = source.columns;
        if (!c.x || !c.y || typeof c.x.length !== "number" || typeof c.y.length !== "number") {
          throw new Error("columns must be { x, y }: two arrays of numbers (Float64Array or Array)");
        }
        charts = [source.core.xyChart(source.spec, c.x, c.y, lang, theme)];
      } else {
        var d = source.data;
        charts = [source.core.customChart(d.csv === undefined ? undefined : d.csv, d.json, source.spec, lang, theme)];
      }
      view = { abort: new AbortController(), charts: charts, observers: [], redraws: [] };
      view.redrawAll = function () {
        view.redraws.forEach(function (f) {
          f(true);
        });
      };
      var wrap = el("div", "ni-root");
      wrap.setAttribute("data-theme", theme);
      wrap.lang = lang === "zh" ? "zh-Hans" : "en";
      if (opts.chart === "overview") {
        wrap.append(el("h2", "ni-heading", source.story.title(lang)));
        var figs = el("ul", "ni-figures");
        figs.setAttribute("aria-label", ui.key_figures);
        source.story.keyFigures(lang).forEach(function (f) {
          var d = el("li", "ni-figure");
          d.append(el("span", "ni-figure-value", f.value), el("span", "ni-figure-label", " " + f.label), el("span", "ni-figure-detail", " " + f.detail));
          figs.append(d);
        });
        wrap.append(figs);
      }
      var drawn = charts.map(function (chart) {
        var f = figure(chart, lang, ui);
        wrap.append(f.node);
        return f.drawn;
      });
      root.replaceChildren(link, wrap);
      applyBrand(charts);
      element.style.minHeight = "";
      return Promise.all(drawn);
    }

    /**
     * The page's brand styles (--ni-bg, --ni-text, --ni-muted, --ni-accent, --ni-font on the
     * host or an ancestor), resolved to rgb() by the browser and handed to the Rust drawing,
     * so the canvas matches the DOM around it. Values Rust cannot use are logged as warnings.
     */
    function applyBrand(charts) {
      var cs = getComputedStyle(element);
      var raw = ["--ni-bg", "--ni-text", "--ni-muted", "--ni-accent"].map(function (n) {
        return cs.getPropertyValue(n).trim();
      });
      var font = cs.getPropertyValue("--ni-font").trim();
      if (!font && !raw.some(Boolean)) return;
      var probe = el("span");
      probe.hidden = true;
      root.append(probe);
      var colors = raw.map(function (v) {
        if (!v) return undefined;
        probe.style.color = "";
        probe.style.color = v;
        return probe.style.color ? getComputedStyle(probe).color : v;
      });
      probe.remove();
      charts.forEach(function (chart) {
        chart.setStyle(colors[0], colors[1], colors[2], colors[3], font || undefined).forEach(function (w) {
          console.warn("news-infographic: " + w);
        });
      });
    }

    function figure(chart, lang, ui) {
      var name = chart.name();
      var sig = { signal: view.abort.signal };
      var fig = el("figure", "ni-chart");
      fig.setAttribute("data-chart", name);
      fig.setAttribute("aria-labelledby", "ni-title-" + name);
      var head = el("div", "ni-head");
      // Under the overview's own h2 a chart heading is h3; a chart embedded alone starts at h2.
      var title = el(opts.chart === "overview" ? "h3" : "h2", "ni-title", chart.title());
      title.id = "ni-title-" + name;
      head.append(title, el("p", "ni-subtitle", chart.subtitle()));

      var plot = el("div", "ni-plot");
      var canvas = el("canvas");
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", chart.title() + ". " + chart.summary());
      canvas.setAttribute("aria-describedby", "ni-keys-" + name);
      canvas.tabIndex = 0;
      var focusRing = el("div", "ni-focus");
      focusRing.hidden = true;
      var tip = el("div", "ni-tooltip");
      tip.setAttribute("role", "tooltip");
      tip.id = "ni-tip-" + name;
      tip.hidden = true;
      plot.append(canvas, focusRing, tip);

      var keys = el("p", "ni-sr", ui.keys);
      keys.id = "ni-keys-" + name;
      var live = el("p", "ni-sr ni-live");
      live.setAttribute("aria-live", "polite");

      var tableWrap = el("div", "ni-table-wrap ni-sr");
      tableWrap.id = "ni-table-" + name;
      tableWrap.append(dataTable(chart.table()));
      var toggle = el("button", "ni-toggle", ui.show_table);
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", tableWrap.id);
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? ui.hide_table : ui.show_table;
        tableWrap.classList.toggle("ni-sr", !open);
        // Shown, the table may scroll sideways: let keyboard users reach it.
        if (open) {
          tableWrap.tabIndex = 0;
          tableWrap.setAttribute("role", "region");
          tableWrap.setAttribute("aria-label", chart.title());
        } else {
          tableWrap.removeAttribute("tabindex");
          tableWrap.removeAttribute("role");
          tableWrap.removeAttribute("aria-label");
        }
      }, sig);

      var cap = el("figcaption", "ni-caption");
      cap.append(el("span", "ni-summary", chart.summary()));
      chart.credits().forEach(function (line) {
        cap.append(el("span", null, line));
      });
      var actions = readerActions(chart, name, ui, sig);
      var tools = el("div", "ni-tools");
      tools.append(toggle, actions.buttons);
      fig.append(head, plot, keys, live, tools, tableWrap, actions.panel, cap);

      var drawn = { w: 0, dpr: 0 };
      var pinned = -1;
      var focused = -1;
      var focusedPart = -1; // a bar of the focused item (a segment of a stack), or -1 for all of it
      var frame = 0;
      var firstDraw;
      var firstDrawn = new Promise(function (resolve) {
        firstDraw = resolve;
      });
      function redraw(force) {
        frame = 0;
        if (!view || view.charts.indexOf(chart) < 0) return;
        var w = Math.floor(plot.clientWidth);
        var dpr = window.devicePixelRatio || 1;
        // A hidden container (width 0) is drawn when it gets a size.
        if (w <= 0) return firstDraw();
        if (!force && w === drawn.w && dpr === drawn.dpr) return;
        try {
          var h = chart.render(canvas, w, dpr);
          canvas.style.width = w + "px";
          canvas.style.height = h + "px";
          drawn = { w: w, dpr: dpr };
          tipItem = -1; // positions changed with the new layout
          if (focused >= 0 && focused < chart.itemCount()) select(focused, false, focusedPart < chart.partCount(focused) ? focusedPart : -1);
          else hideTip();
          firstDraw();
        } catch (e) {
          showError(e);
        }
      }
      function schedule(force) {
        if (force === true) drawn = { w: 0, dpr: 0 };
        if (!frame) frame = requestAnimationFrame(function () {
          redraw(false);
        });
      }
      view.redraws.push(schedule);
      var ro = new ResizeObserver(function () {
        schedule(false);
      });
      ro.observe(plot);
      view.observers.push(ro, {
        disconnect: function () {
          if (frame) cancelAnimationFrame(frame);
        },
      });
      watchPixelRatio(function () {
        schedule(false);
      }, view.abort.signal);

      function point(e) {
        var r = canvas.getBoundingClientRect();
        return chart.hit(e.clientX - r.left, e.clientY - r.top);
      }
      /** Runs an event handler; an error (a panic included) becomes this widget's error. */
      function safe(fn) {
        return function (e) {
          try {
            return fn(e);
          } catch (err) {
            showError(err);
          }
        };
      }
      var tipItem = -1;
      var tipData = null;
      /** Tooltip for item i, or for its bar j when j >= 0. */
      function showTip(i, j) {
        var key = j >= 0 ? i + ":" + j : i;
        // Moving within one bar: the tooltip is already right; do no DOM work.
        if (key === tipItem && !tip.hidden) return tipData;
        var t = j >= 0 ? chart.partTooltip(i, j) : chart.tooltip(i);
        if (!t) return hideTip();
        tipItem = key;
        tipData = t;
        tip.replaceChildren(el("strong", null, t.title));
        t.lines.forEach(function (line) {
          tip.append(el("span", null, line));
        });
        tip.hidden = false;
        var maxX = plot.clientWidth - tip.offsetWidth;
        tip.style.left = Math.max(0, Math.min(maxX, t.x - tip.offsetWidth / 2)) + "px";
        var top = t.y - tip.offsetHeight - 8;
        tip.style.top = (top < 0 ? t.y + 12 : top) + "px";
        return t;
      }
      function hideTip() {
        tipItem = -1;
        tip.hidden = true;
        focusRing.hidden = true;
        pinned = -1;
      }
      /** Keyboard selection of item i (or its bar j): tooltip, focus ring and an announcement. */
      function select(i, announce, j) {
        j = j >= 0 ? j : -1;
        focused = i;
        focusedPart = j;
        var t = showTip(i, j);
        if (!t) return;
        var b = t.box;
        focusRing.style.left = b[0] - 3 + "px";
        focusRing.style.top = b[1] - 3 + "px";
        focusRing.style.width = b[2] + 6 + "px";
        focusRing.style.height = b[3] + 6 + "px";
        focusRing.hidden = false;
        if (announce) live.textContent = j >= 0 ? chart.describePart(i, j) : chart.describe(i);
      }
      // Arrow keys: along the items (left-right when they run across, up-down when they are
      // rows) step between items; the other two step into an item's bars (up a stack, along a
      // row's bars) and back out. An item without several bars takes every arrow as a step.
      canvas.addEventListener("keydown", safe(function (e) {
        var n = chart.itemCount();
        if (!n) return;
        var next = focused;
        var part = -1;
        var across = chart.across();
        var partNext = across ? "ArrowUp" : "ArrowRight";
        var partPrev = across ? "ArrowDown" : "ArrowLeft";
        var parts = focused >= 0 ? chart.partCount(focused) : 0;
        switch (e.key) {
          case "ArrowRight":
          case "ArrowDown":
          case "ArrowLeft":
          case "ArrowUp":
            if (focused < 0) next = 0;
            else if (parts > 1 && e.key === partNext) part = Math.min(parts - 1, focusedPart + 1);
            else if (parts > 1 && e.key === partPrev) part = focusedPart - 1;
            else if (e.key === "ArrowRight" || e.key === "ArrowDown") next = Math.min(n - 1, focused + 1);
            else next = Math.max(0, focused - 1);
            break;
          case "Home":
            next = 0;
            break;
          case "End":
            next = n - 1;
            break;
          case "Escape":
            if (focused < 0 && tip.hidden) return;
            focused = -1;
            focusedPart = -1;
            hideTip();
            live.textContent = "";
            e.preventDefault();
            return;
          default:
            return;
        }
        e.preventDefault();
        select(next, true, part);
      }), sig);
      canvas.addEventListener("blur", function () {
        focused = -1;
        focusedPart = -1;
        hideTip();
      }, sig);
      canvas.addEventListener("pointermove", safe(function (e) {
        if (pinned >= 0 || focused >= 0) return;
        var i = point(e);
        i >= 0 ? showTip(i) : hideTip();
      }), sig);
      canvas.addEventListener("pointerleave", function (e) {
        if (pinned < 0 && focused < 0 && e.pointerType === "mouse") hideTip();
      }, sig);
      canvas.addEventListener("pointerdown", safe(function (e) {
        var i = point(e);
        if (i < 0) return hideTip();
        if (e.pointerType !== "mouse") {
          showTip(i);
          pinned = i;
        }
      }), sig);
      document.addEventListener("pointerdown", function (e) {
        if (pinned >= 0 && e.composedPath().indexOf(canvas) < 0) hideTip();
      }, sig);
      window.addEventListener("scroll", function () {
        if (pinned >= 0) hideTip();
      }, { signal: view.abort.signal, passive: true });
      // Canvas text uses whatever fonts are loaded when it is drawn: wait for them first.
      // (Drawing at once here instead of in the next animation frame was tried: it saves at
      // most one frame but left ~150 bytes of JS heap per mount and destroy in the lifecycle
      // test, so every drawing goes through the frame.)
      (document.fonts ? document.fonts.ready : Promise.resolve()).then(function () {
        schedule(false);
      });
      return { node: fig, drawn: firstDrawn };
    }

    /** "Get the data", "Download image" (PNG at 2x, SVG) and "Embed" for one chart. */
    function readerActions(chart, name, ui, sig) {
      var buttons = document.createDocumentFragment();
      function button(label, onClick) {
        var b = el("button", "ni-action", label);
        b.type = "button";
        b.addEventListener("click", onClick, sig);
        buttons.append(b);
        return b;
      }
      var file = name === "custom" || name === "vega-lite" ? (opts.spec && typeof opts.spec === "string" ? opts.spec.replace(/^.*[\/#]/, "").replace(/(\.vl)?\.json$/, "") : "chart") : name;
      button(ui.get_data, function () {
        save(new Blob(["\ufeff" + chart.csv()], { type: "text/csv;charset=utf-8" }), file + ".csv");
      });
      button(ui.download_png, function () {
        var c = document.createElement("canvas");
        var w = Math.max(320, Math.floor(element.clientWidth) || 640);
        chart.render(c, w, 2);
        c.toBlob(function (blob) {
          if (blob) save(blob, file + ".png");
        }, "image/png");
        // The on-screen canvas keeps its own layout: redraw it at its size.
        if (view) view.redrawAll();
      });
      button(ui.download_svg, function () {
        var w = Math.max(320, Math.floor(element.clientWidth) || 640);
        save(new Blob([chart.svg(w)], { type: "image/svg+xml" }), file + ".svg");
      });
      var panel = el("div", "ni-embed");
      panel.hidden = true;
      // A chart mounted from script with in-memory data (number columns, or a spec object)
      // has no snippet that would show it elsewhere: no Embed action.
      if (opts.columns || ((opts.chart === "custom" || opts.chart === "vega-lite") && typeof opts.spec !== "string")) return { buttons: buttons, panel: panel };
      panel.id = "ni-embed-" + name;
      var code = el("textarea", "ni-embed-code");
      code.readOnly = true;
      code.rows = 3;
      code.setAttribute("aria-label", ui.embed_code);
      code.value = snippet(name);
      var copy = el("button", "ni-action", ui.copy);
      copy.type = "button";
      copy.addEventListener("click", function () {
        code.select();
        var done = function () {
          copy.textContent = ui.copied;
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(code.value).then(done, function () {});
        }
      }, sig);
      panel.append(code, copy);
      var embedBtn = button(ui.embed, function () {
        panel.hidden = !panel.hidden;
        embedBtn.setAttribute("aria-expanded", String(!panel.hidden));
        if (!panel.hidden) code.focus();
      });
      embedBtn.setAttribute("aria-expanded", "false");
      embedBtn.setAttribute("aria-controls", panel.id);
      return { buttons: buttons, panel: panel };
    }

    function snippet(name) {
      var attrs = ' data-chart="' + (opts.chart === "overview" ? name : opts.chart) + '"';
      if (opts.lang && opts.lang !== "en") attrs += ' data-lang="' + opts.lang + '"';
      if (opts.theme) attrs += ' data-theme="' + opts.theme + '"';
      if (opts.data) attrs += ' data-src="' + absolute(opts.data) + '"';
      if (typeof opts.spec === "string" && opts.spec) attrs += ' data-spec="' + absolute(opts.spec) + '"';
      return '<script src="' + NI.baseUrl + 'embed.js"' + attrs.replace(/[<>]/g, "") + " async></" + "script>";
    }

    function absolute(ref) {
      if (ref.charAt(0) === "#") return ref;
      try {
        return new URL(ref, document.baseURI).href;
      } catch (e) {
        return ref;
      }
    }

    function save(blob, filename) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = filename;
      a.hidden = true;
      root.append(a);
      a.click();
      a.remove();
      setTimeout(function () {
        URL.revokeObjectURL(a.href);
      }, 10000);
    }

    function dataTable(t) {
      var table = el("table", "ni-table");
      if (t.note) {
        var frag = document.createDocumentFragment();
        frag.append(table, el("p", "ni-table-note", t.note));
        fillTable(table, t);
        return frag;
      }
      fillTable(table, t);
      return table;
    }

    function fillTable(table, t) {
      table.append(el("caption", null, t.caption));
      var thead = el("thead");
      var hr = el("tr");
      t.columns.forEach(function (c) {
        var th = el("th", null, c);
        th.scope = "col";
        hr.append(th);
      });
      thead.append(hr);
      var tbody = el("tbody");
      t.rows.forEach(function (row) {
        var tr = el("tr");
        row.forEach(function (cell, k) {
          var c = el(k === 0 ? "th" : "td", null, cell);
          if (k === 0) c.scope = "row";
          tr.append(c);
        });
        tbody.append(tr);
      });
      table.append(thead, tbody);
    }

    function watchPixelRatio(cb, signal) {
      function arm() {
        if (signal.aborted) return;
        var mq = matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
        mq.addEventListener("change", function () {
          cb();
          arm();
        }, { once: true, signal: signal });
      }
      arm();
    }

    var handle = {
      ready: ready,
      /** Test hook: makes the Rust core panic inside this widget (see tests/e2e/hostile.test.mjs). */
      __panicForTests: function () {
        return NI.core().then(function (core) {
          try {
            core.__panicForTests();
          } catch (e) {
            showError(e);
          }
        });
      },
      update: function (next) {
        return mount(element, Object.assign({}, opts, next || {}));
      },
      destroy: function (how) {
        if (destroyed) return;
        destroyed = true;
        life.abort();
        teardownView();
        root.replaceChildren();
        element.removeAttribute("data-state");
        if (element.newsInfographic === handle) delete element.newsInfographic;
        if (!(how && how.keepElement) && element.parentNode) element.parentNode.removeChild(element);
      },
    };
    element.newsInfographic = handle;
    return handle;
  }
})();
