/*
 * news-infographic embed loader (classic script, no bundler).
 *
 *   <script src="embed.js" data-chart="champions-by-year" async></script>
 *
 * renders that chart where the tag stands, inside an open shadow root. data-chart="overview"
 * renders the key figures and every chart. The wasm module and the dataset are fetched once per
 * page however many widgets there are. All numbers, words, layout and hit-testing come from the
 * Rust core.
 *
 * This script keeps only what must happen while the tag runs: document.currentScript, the host
 * element right after the tag (or data-target), and the reserved space (min-height,
 * data-state="loading", the loading line), so the page does not shift. The widget itself is a
 * set of small ES modules in widget/ beside this file, imported from this script's own URL
 * (NI.baseUrl), so it works from any page path:
 *   mount.js     a widget's lifecycle: loading, building, rebuilding, error and fallback
 *   core.js      the wasm module once per page, resetCore, the stories cache
 *   load.js      fetching with a time limit, datasets, specs, JSON, size checks
 *   view.js      one chart figure: canvas, DPR sizing, redraws per frame, table toggle
 *   interact.js  its pointer and touch tooltips, keyboard steps, live announcements
 *   actions.js   Get the data, PNG and SVG downloads, Embed snippet
 *   fallback.js  the static SVG and table when WebAssembly cannot run
 *   first.js     first pixels: the pre-rendered chart shown while the wasm loads (its index
 *                is fetched by firstSources() here, at mount)
 *   brand.js     the --ni-* brand styles      dom.js  el() and the data table
 * Served from another origin (a CDN), widget/ and pkg/ need CORS headers
 * (Access-Control-Allow-Origin): module scripts and the wasm are fetched in CORS mode. No
 * inline script, eval or blob: module, so a strict CSP (script-src 'self' 'wasm-unsafe-eval')
 * holds.
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

    // Every module is requested at once, not level by level as their imports are discovered.
    var MODULES = ["mount.js", "core.js", "load.js", "view.js", "interact.js", "actions.js", "fallback.js", "brand.js", "dom.js"];
    var widgetModules = null;
    var mountModule = null; // widget/mount.js once loaded: then mount() needs no wait
    var coreModule = null; // widget/core.js once loaded
    var loadCore = function () {
      return import(base + "widget/core.js").then(function (m) {
        return (coreModule = m);
      });
    };
    var loadWidget = function () {
      if (!widgetModules) {
        // The wasm's JS glue too (core.js imports the same URL, then from the module map).
        import(base + "pkg/news_infographic.js").catch(function () {});
        widgetModules = Promise.all(MODULES.map(function (name) {
          return name === "core.js" ? loadCore() : import(base + "widget/" + name);
        })).then(function (mods) {
          return (mountModule = mods[0]);
        });
      }
      return widgetModules;
    };

    // The wasm, fetched and compiled (streaming, off the main thread) from the first mount on,
    // while the widget's modules and the page are still loading; core.js instantiates it.
    var wasmModule = null;
    NI.wasmModule = function () {
      if (!wasmModule) {
        var url = base + "pkg/news_infographic_bg.wasm";
        var whole = function () {
          return fetch(url).then(function (r) {
            if (!r.ok) throw new Error("failed to fetch " + url + ": " + r.status);
            return r.arrayBuffer();
          }).then(function (b) {
            return WebAssembly.compile(b);
          });
        };
        wasmModule = typeof WebAssembly === "undefined"
          ? Promise.reject(new Error("WebAssembly is not available"))
          : WebAssembly.compileStreaming
            ? WebAssembly.compileStreaming(fetch(url)).catch(function (e) {
              // A server that does not send application/wasm: compile from the bytes instead.
              if (e instanceof TypeError) return whole();
              throw e;
            })
            : whole();
        wasmModule.catch(function () {}); // reported by core(), where it is used
      }
      return wasmModule;
    };

    /** Loads and instantiates the wasm module once per page (again after a panic, see resetCore). */
    NI.core = function () {
      return loadCore().then(function (m) {
        return m.core();
      });
    };
    /** After a panic: widgets mounted from now on get a new wasm instance (none exists before core.js ran). */
    NI.resetCore = function () {
      if (coreModule) coreModule.resetCore();
    };
    /** Fetches and validates a dataset once per URL. */
    NI.story = function (url) {
      return loadCore().then(function (m) {
        return m.story(url);
      });
    };
    // The data and spec a mounting widget will read, requested at mount instead of once its
    // modules have loaded; load.js's fetchText takes each response (once) by its URL. Once
    // per URL and page: later widgets share the stories cache or fetch for themselves.
    var early = {};
    var asked = {};
    NI.fetchEarly = function (ref) {
      if (!ref || typeof ref !== "string" || ref.charAt(0) === "#") return;
      var url;
      try {
        url = new URL(ref, document.baseURI).href;
      } catch (e) {
        return;
      }
      if (asked[url]) return;
      asked[url] = true;
      early[url] = fetch(url, { credentials: "omit" });
      early[url].catch(function () {}); // reported when taken
      // Not taken (the widget was destroyed or failed first): let it go.
      setTimeout(function () {
        delete early[url];
      }, 30000);
    };
    NI.takeEarly = function (url) {
      var r = early[url];
      delete early[url];
      return r;
    };
    NI.mount = mount;
    NI.mountLazily = lazy;
    defineElement();
  }

  if (script && script.dataset && script.dataset.mount === "none") {
    // API only (data-mount="none"): the page mounts widgets itself; start loading the wasm now.
    NI.core().catch(function () {});
    if (loadWidget) loadWidget().catch(function () {}); // (unset when an earlier embed.js set up NI)
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
    var tagOpts = {
      chart: d.chart || "overview",
      lang: d.lang || "en",
      theme: d.theme || "",
      data: d.src || "",
      spec: d.spec || "",
      static: d.static || "",
      // Reported by mount() as the widget's error, so a mistyped selector is visible.
      missingTarget: d.target && !target ? d.target : "",
    };
    if (d.lazy === "false") NI.mount(host, tagOpts);
    else NI.mountLazily(host, tagOpts);
  }

  /**
   * Mounts `element` once it comes within about one viewport of the visible part of the page
   * (IntersectionObserver, rootMargin 150%: it starts loading a viewport and a half before the
   * reader reaches it, so it is drawn before it comes into view): until then its space is reserved (the same
   * min-height and loading line as a mounting widget, data-state="lazy") and nothing is fetched,
   * not even the wasm. Widgets on screen or just below mount at the first observer callback.
   * Returns a handle like mount()'s: ready settles when the widget has mounted and settled;
   * update() and destroy() work while it waits. Without IntersectionObserver it mounts at once.
   */
  function lazy(element, options) {
    if (!window.IntersectionObserver) return mount(element, options);
    if (element.newsInfographic) element.newsInfographic.destroy({ keepElement: true });
    var opts = Object.assign({ chart: "overview", lang: "en", theme: "" }, options || {});
    var shell = reserve(element, opts);
    element.setAttribute("data-state", "lazy");
    var settle;
    var real = null; // mount()'s handle once mounted: this one then forwards to it
    var waiting = {
      ready: new Promise(function (r) {
        settle = r;
      }),
      update: function (next) {
        if (real) return real.update(next);
        stop();
        return lazy(element, Object.assign({}, opts, next || {}));
      },
      warnings: function () {
        return real ? real.warnings() : [];
      },
      destroy: function (how) {
        if (real) return real.destroy(how);
        stop();
        shell.root.replaceChildren();
        element.removeAttribute("data-state");
        if (!(how && how.keepElement) && element.parentNode) element.parentNode.removeChild(element);
      },
    };
    var io = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) {
          stop();
          real = mount(element, opts);
          real.ready.then(settle, settle);
          return;
        }
      }
    }, { rootMargin: "150% 0px" });
    function stop() {
      io.disconnect();
      if (element.newsInfographic === waiting) delete element.newsInfographic;
    }
    element.newsInfographic = waiting;
    // Already within the margin (above the fold as the tag runs): mount now, not at the
    // observer's first callback after the next layout, so its first pixels and wasm start
    // sooner. Anything else waits for the observer.
    if (near(element)) {
      stop();
      real = mount(element, opts);
      real.ready.then(settle, settle);
      return real;
    }
    io.observe(element);
    return waiting;
  }

  /** Whether `element` lies within the observer's margin (150 % of the viewport's height) of
   *  the visible part of the page. */
  function near(element) {
    var r = element.getBoundingClientRect();
    var h = window.innerHeight || document.documentElement.clientHeight;
    return (r.width > 0 || r.height > 0) && r.bottom >= -1.5 * h && r.top <= 2.5 * h;
  }

  /**
   * <news-infographic chart="..." src="..." spec="..." lang="..." theme="..." static="..." lazy="false">:
   * the script tag's behaviour as an element (the attributes are the tag's without "data-").
   * Attributes set or changed after creation (React and Vue set them after createElement)
   * remount it once per task, keeping its place; removing it from the page destroys the widget
   * and its listeners.
   */
  function defineElement() {
    if (!window.customElements || customElements.get("news-infographic")) return;
    var ATTRS = ["chart", "src", "spec", "lang", "theme", "lazy", "static"];
    function optionsOf(el) {
      return {
        chart: el.getAttribute("chart") || "overview",
        lang: el.getAttribute("lang") || "en",
        theme: el.getAttribute("theme") || "",
        data: el.getAttribute("src") || "",
        spec: el.getAttribute("spec") || "",
        static: el.getAttribute("static") || "",
      };
    }
    function render(el) {
      el.__niQueued = false;
      if (!el.isConnected) return;
      var opts = optionsOf(el);
      if (el.getAttribute("lazy") === "false") mount(el, opts);
      else lazy(el, opts);
    }
    class NewsInfographicElement extends HTMLElement {
      static get observedAttributes() {
        return ATTRS;
      }
      connectedCallback() {
        this.queue();
      }
      attributeChangedCallback(name, before, after) {
        if (before !== after && this.isConnected) this.queue();
      }
      disconnectedCallback() {
        // Moved within the page: connectedCallback follows at once and remounts.
        if (this.newsInfographic) this.newsInfographic.destroy({ keepElement: true });
      }
      /** Coalesces the attribute changes of one task into one mount. */
      queue() {
        if (this.__niQueued) return;
        this.__niQueued = true;
        var el = this;
        queueMicrotask(function () {
          render(el);
        });
      }
    }
    customElements.define("news-infographic", NewsInfographicElement);
  }

  /**
   * Mounts a widget into `element` (its content goes in an open shadow root).
   * options: { chart: "overview" | preset chart name | "custom" | "vega-lite", lang: "en" | "zh",
   *            theme: "" | "light" | "dark", data: dataset URL or "#element-id" (JSON, or CSV
   *            for custom charts; default: the Binzhou dataset beside this script),
   *            spec: chart spec object, URL or element id (custom and vega-lite charts),
   *            static: URL of a first-pixels index (.json, `render --static-dir`) or of an SVG,
   *            shown until the interactive chart is ready }
   * Returns at once a handle { ready: Promise, update(options), destroy(), warnings() }, also kept on
   * `element.newsInfographic`; until widget/mount.js has loaded it waits for it, then forwards.
   */
  function mount(element, options) {
    if (element.newsInfographic) element.newsInfographic.destroy({ keepElement: true });
    var opts = Object.assign({ chart: "overview", lang: "en", theme: "" }, options || {});
    var shell = reserve(element, opts);
    NI.wasmModule();
    var preset = opts.chart !== "custom" && opts.chart !== "vega-lite";
    if (opts.chart !== "vega-lite" && !opts.columns) NI.fetchEarly(opts.data || (preset ? NI.baseUrl + "data/binzhou.json" : ""));
    // A spec given as a file (a bare word may be an element's id).
    if (!preset && typeof opts.spec === "string" && /[/.]/.test(opts.spec)) NI.fetchEarly(opts.spec);
    // First pixels: a pre-rendered picture of the chart, if there is one, while the rest loads.
    // Its index is fetched now, in parallel with first.js (which builds it) and everything else.
    var first = firstSources(opts);
    if (first) {
      import(NI.baseUrl + "widget/first.js").then(function (m) {
        return m.showFirst(element, opts, shell, first);
      }).then(function (sizes) {
        shell.firstSizes = sizes;
      }, function (e) {
        console.warn("news-infographic: no first pixels: " + ((e && e.message) || e));
      });
    }
    var widget = null; // mount.js's widget: { ready, destroy(), panicForTests() }
    var destroyed = false;
    var handle = {
      ready: null,
      /** Test hook: makes the Rust core panic inside this widget (see tests/e2e/hostile.test.mjs). */
      __panicForTests: function () {
        return loadWidget().then(function () {
          if (widget) return widget.panicForTests();
        });
      },
      update: function (next) {
        return mount(element, Object.assign({}, opts, next || {}));
      },
      /** What may mislead readers, for the author and tools: [{ code, path, message }] once ready. */
      warnings: function () {
        return widget ? widget.warnings() : [];
      },
      destroy: function (how) {
        if (destroyed) return;
        destroyed = true;
        if (widget) widget.destroy();
        widget = null;
        shell.root.replaceChildren();
        element.removeAttribute("data-state");
        if (element.newsInfographic === handle) delete element.newsInfographic;
        if (!(how && how.keepElement) && element.parentNode) element.parentNode.removeChild(element);
      },
    };
    if (mountModule) {
      widget = mountModule.mount(element, opts, shell);
      handle.ready = widget.ready;
    } else {
      // Calls made meanwhile: update() mounts anew (destroying this handle), destroy() empties
      // the element at once, and the module then starts nothing.
      handle.ready = loadWidget().then(function (m) {
        if (destroyed) return;
        widget = m.mount(element, opts, shell);
        return widget.ready;
      }, function (e) {
        if (!destroyed) failed(element, shell, opts, e);
      });
    }
    element.newsInfographic = handle;
    return handle;
  }

  /**
   * Where the first pixels of `opts` come from, fetched at once: { svg: URL } for a single SVG
   * (data-static="x.svg"), or { indexes: [Promise of { url, name, index }], overview: Promise
   * or null } for indexes written by `render` (data-static="x.json", or the preset charts'
   * static/ files when they show the shipped dataset: another dataset has other numbers).
   * null when there are none.
   */
  function firstSources(opts) {
    var PRESETS = ["champions-by-year", "champions-by-industry", "claims-check"];
    var lang = opts.lang === "zh" ? "zh" : "en";
    var json = function (url, name) {
      return fetch(url, { credentials: "omit" }).then(function (r) {
        if (!r.ok) throw new Error("could not load " + url + ": HTTP " + r.status);
        return r.json();
      }).then(function (index) {
        return { url: url, name: name, index: index };
      });
    };
    var quiet = function (p) {
      p.catch(function () {}); // reported by first.js when it uses them
      return p;
    };
    if (opts.static) {
      var url;
      try {
        url = new URL(opts.static, document.baseURI).href;
      } catch (e) {
        return { error: 'data-static "' + opts.static + '" is not a URL' };
      }
      if (!/\.json(\?|#|$)/i.test(url)) return { svg: url };
      return { indexes: [quiet(json(url, "custom"))], overview: null };
    }
    if (opts.chart === "custom" || opts.chart === "vega-lite" || opts.data) return null;
    var names = opts.chart === "overview" ? PRESETS : PRESETS.indexOf(opts.chart) >= 0 ? [opts.chart] : [];
    if (!names.length) return null;
    return {
      indexes: names.map(function (n) {
        return quiet(json(NI.baseUrl + "static/" + n + "." + lang + ".json", n));
      }),
      overview: opts.chart === "overview" ? quiet(json(NI.baseUrl + "static/overview." + lang + ".json", "overview")) : null,
    };
  }

  /**
   * Reserves the widget's space at once: host class and state, min-height, the loading line.
   * Returns the shell { root, link, styled, show(node) }: `styled` settles once embed.css has loaded (or
   * failed), and nothing is shown unstyled before it, so nothing moves when the sheet lands.
   * A remount (update(), a lazy widget waking) keeps the stylesheet link it already has.
   */
  function reserve(element, opts) {
    var root = element.shadowRoot || element.attachShadow({ mode: "open" });
    element.classList.add("news-infographic");
    element.setAttribute("data-state", "loading");
    element.style.display = "block";
    element.style.minHeight = opts.chart === "overview" ? "1600px" : "420px";
    // The same height once embed.css applies (its :host resets every property, min-height too).
    element.style.setProperty("--ni-reserved", element.style.minHeight);
    var link = root.firstChild && root.firstChild.niStyled ? root.firstChild : null;
    if (!link) {
      link = document.createElement("link");
      link.rel = "stylesheet";
      link.niStyled = new Promise(function (done) {
        link.onload = link.onerror = function () {
          link.onload = link.onerror = null;
          done();
        };
      });
      link.href = NI.baseUrl + "embed.css";
    }
    var loading = document.createElement("div");
    loading.className = "ni-loading";
    loading.hidden = true;
    loading.textContent = opts.lang === "zh" ? "正在加载互动图表…" : "Loading the interactive graphic…";
    link.niStyled.then(function () {
      loading.hidden = false;
    });
    var shell = {
      root: root,
      link: link,
      loading: loading,
      firstSizes: null, // { chart name: [width, height] } of the first pixels shown, if any
      styled: link.niStyled,
      /** Puts `node` after the stylesheet link in place of what was there. The link itself stays
       *  in the tree: taking it out drops its sheet, and the content would be drawn unstyled
       *  until the browser has read it again. */
      show: function (node) {
        if (link.parentNode !== root) root.insertBefore(link, root.firstChild);
        while (root.lastChild !== link) root.removeChild(root.lastChild);
        root.appendChild(node);
      },
    };
    shell.show(loading);
    return shell;
  }

  /** The widget's modules could not be loaded (files missing, offline): the error alert. */
  function failed(element, shell, opts, e) {
    var msg = "could not load " + NI.baseUrl + "widget/: " + ((e && e.message) || e);
    console.error("news-infographic: " + msg);
    element.setAttribute("data-state", "error");
    element.style.minHeight = "";
    element.style.removeProperty("--ni-reserved");
    var box = document.createElement("div");
    box.className = "ni-error";
    box.setAttribute("role", "alert");
    var strong = document.createElement("strong");
    strong.textContent = opts.lang === "zh" ? "无法显示此图表。" : "This graphic could not be shown.";
    var span = document.createElement("span");
    span.textContent = " " + msg;
    box.append(strong, span);
    shell.show(box);
  }
})();
