/*
 * One widget's lifecycle on its host element: loads what it draws (the story for preset
 * charts; core, data and spec for custom and Vega-Lite charts), builds its figures, rebuilds
 * when the reader's colour scheme changes, redraws when web fonts arrive, and routes failures:
 * the static fallback when WebAssembly cannot run (preset charts), else the error alert.
 * embed.js owns the handle ({ ready, update, destroy }) and the host's first, synchronous state.
 */
import { NI, el } from "./dom.js";
import { core, story, resetCore } from "./core.js";
import { checkSize, loadData, loadSpec, loadTexts } from "./load.js";
import { figure } from "./view.js";
import { applyBrand } from "./brand.js";
import { showFallback } from "./fallback.js";

/**
 * Starts the widget in `element`, whose shadow root embed.js has already filled with the
 * stylesheet link and the loading line (`shell`: { root, link, styled, show }; nothing is shown
 * before `styled`, the stylesheet, has settled). `opts` are the mount options
 * with their defaults. Returns { ready, destroy(), panicForTests() }.
 */
export function mount(element, opts, shell) {
  // The widget's state, handed to the modules that build and fill it.
  const w = {
    element: element,
    opts: opts,
    root: shell.root,
    link: shell.link,
    show: shell.show, // replaces what follows the stylesheet link
    shell: shell, // firstSizes: the first pixels shown, which the canvases start at
    life: new AbortController(), // listeners for the widget's lifetime
    view: null, // the current build: { abort, charts, observers, redraws, redrawAll }
    source: null, // { story } for presets, { core, data, spec } or { core, columns, spec } for custom charts, { core, spec, texts } for Vega-Lite
    destroyed: false,
    warned: new Set(), // honest-chart warnings already written to the console
    warnings: [], // the current charts' warnings, for handle.warnings()
    schemeQuery: matchMedia("(prefers-color-scheme: dark)"),
    fail: null,
  };
  w.fail = (err) => showError(w, err);
  const custom = opts.chart === "custom";
  const vegaLite = opts.chart === "vega-lite";
  const ready = Promise.all([Promise.resolve().then(() => loadSource(opts)), shell.styled])
    .then(([source]) => {
      w.source = source;
      if (w.destroyed) return;
      return build(w);
    })
    .then(() => {
      if (!w.destroyed && element.getAttribute("data-state") === "loading") element.setAttribute("data-state", "ready");
    })
    .catch((err) => {
      if (w.destroyed) return;
      if (err && err.niCore && !custom && !vegaLite) {
        teardownView(w);
        return showFallback(w, err);
      }
      showError(w, err);
    });

  // Follow the reader's colour scheme unless the embed fixes a theme.
  w.schemeQuery.addEventListener("change", () => {
    if (!opts.theme && w.source && w.view) build(w);
  }, { signal: w.life.signal });
  // Canvas text is drawn with whatever font is there: redraw once web fonts arrive.
  if (document.fonts) {
    document.fonts.addEventListener("loadingdone", () => {
      if (w.view) w.view.redrawAll();
    }, { signal: w.life.signal });
  }

  return {
    ready: ready,
    /** The honest-chart warnings of what is shown: [{ code, path, message }]. */
    warnings() {
      return w.warnings.slice();
    },
    /** Removes the widget's listeners and observers and frees its charts (embed.js empties the DOM). */
    destroy() {
      if (w.destroyed) return;
      w.destroyed = true;
      w.life.abort();
      teardownView(w);
    },
    /** Test hook: makes the Rust core panic inside this widget (see tests/e2e/hostile.test.mjs). */
    panicForTests() {
      return core().then((c) => {
        try {
          c.__panicForTests();
        } catch (e) {
          showError(w, e);
        }
      });
    },
  };
}

/** Loads what the chart draws; resolves to the widget's `source`. */
function loadSource(opts) {
  if (opts.missingTarget) throw new Error('data-target "' + opts.missingTarget + '" matches no element on the page');
  if (opts.chart === "vega-lite") {
    if (!opts.spec) throw new Error('data-chart="vega-lite" needs a Vega-Lite spec in data-spec (a URL or the id of an inline <script type="application/json">)');
    return Promise.all([core(), loadSpec(opts.spec)]).then((r) =>
      // Relative data URLs resolve against the page, as in vega-embed.
      loadTexts(r[0].vegaLiteUrls(r[1])).then((texts) => ({ core: r[0], spec: r[1], texts: texts }))
    );
  }
  if (opts.chart !== "custom") {
    return story(opts.data || NI.baseUrl + "data/binzhou.json").then((s) => ({ story: s }));
  }
  if (opts.columns) {
    // A large numeric series as two number columns (typed arrays): no text to parse.
    return Promise.all([core(), loadSpec(opts.spec)]).then((r) => ({ core: r[0], columns: opts.columns, spec: r[1] }));
  }
  if (!opts.data) throw new Error('data-chart="custom" needs a dataset in data-src (a URL or "#element-id")');
  return Promise.all([core(), loadData(opts.data), loadSpec(opts.spec)]).then((r) => {
    // A plain line or dot chart reads a larger CSV (as number columns) than other charts.
    checkSize(r[0], r[1], opts.data, r[1].csv !== undefined ? r[0].maxCsvBytes(r[2]) : undefined);
    return { core: r[0], data: r[1], spec: r[2] };
  });
}

/**
 * The honest-chart warnings (from Rust) for the chart's author: each written to the console
 * once per widget, however often it rebuilds, and kept for handle.warnings(). Never shown to
 * readers.
 */
function warnAuthor(w, charts) {
  w.warnings = [];
  charts.forEach((c) => {
    (c.warnings() || []).forEach((x) => {
      w.warnings.push(x);
      const key = x.code + " " + x.path;
      if (w.warned.has(key)) return;
      w.warned.add(key);
      console.warn("news-infographic: " + x.code + " at `" + x.path + "`: " + x.message);
    });
  });
}

/** The error alert, and one console error; a panic also gives later widgets a fresh core. */
function showError(w, err) {
  let msg = (err && err.message) || String(err);
  if (err instanceof WebAssembly.RuntimeError) {
    // A panic in Rust: this widget shows it; widgets mounted later get a fresh instance.
    msg = "internal error in the chart code (" + msg + "); please report it";
    resetCore();
  }
  console.error("news-infographic: " + msg);
  teardownView(w);
  w.element.setAttribute("data-state", "error");
  w.element.style.minHeight = "";
  w.element.style.removeProperty("--ni-reserved");
  const box = el("div", "ni-error");
  box.setAttribute("role", "alert");
  box.append(el("strong", null, w.opts.lang === "zh" ? "无法显示此图表。" : "This graphic could not be shown."), el("span", null, " " + msg));
  w.show(box);
}

/** Ends the current build: its listeners, observers, pending frames and wasm charts. */
function teardownView(w) {
  const v = w.view;
  if (!v) return;
  v.abort.abort();
  v.observers.forEach((o) => {
    o.disconnect();
  });
  v.charts.forEach((c) => {
    c.free();
  });
  w.view = null;
}

/** The wasm charts this widget shows, in the given language and theme. */
function makeCharts(source, opts, lang, theme) {
  if (source.story) {
    const names = opts.chart === "overview" ? source.story.constructor.chartNames() : [opts.chart];
    return names.map((name) => source.story.chart(name, lang, theme));
  }
  if (source.texts) return [source.core.vegaLiteChart(source.spec, source.texts, lang, theme)];
  if (source.columns) {
    const c = source.columns;
    if (!c.x || !c.y || typeof c.x.length !== "number" || typeof c.y.length !== "number") {
      throw new Error("columns must be { x, y }: two arrays of numbers (Float64Array or Array)");
    }
    return [source.core.xyChart(source.spec, c.x, c.y, lang, theme)];
  }
  const d = source.data;
  return [source.core.customChart(d.csv === undefined ? undefined : d.csv, d.json, source.spec, lang, theme)];
}

/** Builds (or rebuilds) the widget's DOM; resolves once every chart has been drawn. */
function build(w) {
  teardownView(w);
  const opts = w.opts;
  const source = w.source;
  const lang = opts.lang;
  const ui = (source.story ? source.story.constructor : source.core.Story).ui(lang);
  const theme = opts.theme || (w.schemeQuery.matches ? "dark" : "light");
  const charts = makeCharts(source, opts, lang, theme);
  const v = { abort: new AbortController(), charts: charts, observers: [], redraws: [], redrawAll: null };
  v.redrawAll = () => {
    v.redraws.forEach((f) => {
      f(true);
    });
  };
  w.view = v;
  const wrap = el("div", "ni-root");
  wrap.setAttribute("data-theme", theme);
  wrap.lang = lang === "zh" ? "zh-Hans" : "en";
  if (opts.chart === "overview") {
    wrap.append(el("h2", "ni-heading", source.story.title(lang)));
    const figs = el("ul", "ni-figures");
    figs.setAttribute("aria-label", ui.key_figures);
    source.story.keyFigures(lang).forEach((f) => {
      const d = el("li", "ni-figure");
      d.append(el("span", "ni-figure-value", f.value), el("span", "ni-figure-label", " " + f.label), el("span", "ni-figure-detail", " " + f.detail));
      figs.append(d);
    });
    wrap.append(figs);
  }
  const drawn = charts.map((chart) => {
    const f = figure(w, v, chart, ui);
    wrap.append(f.node);
    return f.drawn;
  });
  w.show(wrap);
  applyBrand(w.element, w.root, charts);
  warnAuthor(w, charts);
  w.element.style.minHeight = "";
  w.element.style.removeProperty("--ni-reserved");
  return Promise.all(drawn);
}
