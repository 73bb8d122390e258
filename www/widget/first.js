/*
 * First pixels: while the wasm loads, the chart's pre-rendered picture in its reserved space.
 *
 * A static rendering comes from an index written by `render` (the preset charts' static/
 * files, or a newsroom's `render ... --static-dir`): the words around the chart and the chart
 * as SVG at a set of widths. The figure built here is the one the interactive chart will fill
 * (same elements, classes and button labels), with the rendering for the plot's width in place
 * of the canvas, so nothing moves when the canvas replaces it. A plain SVG (data-static="x.svg")
 * is shown in the plot's place, at most as wide as the container. Nothing here draws or
 * computes: every word and picture was made by the Rust core when the files were written.
 */

/** A new element with an optional class name and text (dom.js's el(), here so that this
 *  module needs no other to load first). */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

/**
 * Shows the first pixels of widget `opts` in `shell` (embed.js's reserved space: { root, loading,
 * styled, show }) from `first` (embed.js's firstSources(): the indexes already being fetched,
 * or one SVG), unless the interactive chart or an error got there first. Resolves to the sizes
 * shown ({ chart name: [width, height] }) or null.
 */
export function showFirst(element, opts, shell, first) {
  if (first.error) return Promise.reject(new Error(first.error));
  const lang = opts.lang === "zh" ? "zh" : "en";
  const theme = opts.theme || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  const loaded = first.svg ? Promise.resolve(null) : Promise.all([first.overview].concat(first.indexes.map(checked)));
  return Promise.all([loaded, shell.styled]).then(([parts]) => {
    // Only while the loading line is still what the widget shows.
    if (shell.root.lastChild !== shell.loading || element.getAttribute("data-state") !== "loading") return null;
    const wrap = el("div", "ni-root ni-first");
    wrap.setAttribute("data-theme", theme);
    wrap.setAttribute("aria-busy", "true");
    wrap.lang = lang === "zh" ? "zh-Hans" : "en";
    const figs = [];
    if (!parts) {
      figs.push(plainFigure(opts, lang, first.svg));
    } else {
      if (parts[0]) wrap.append.apply(wrap, overviewHead(parts[0].index));
      parts.slice(1).forEach((m) => {
        figs.push(figureOf(opts, m, theme));
      });
    }
    figs.forEach((f) => {
      wrap.append(f.node);
    });
    shell.show(wrap);
    // In the tree now: pick each rendering for its plot's width (no frame is painted between).
    const sizes = {};
    figs.forEach((f) => {
      const s = f.fit();
      if (s) sizes[f.name] = s;
    });
    // For measurements (the bench, a newsroom's own monitoring): once every picture is
    // decoded and the frame that shows them has started, the mark "ni-first-pixels".
    Promise.all([...wrap.querySelectorAll("img")].map((i) => i.decode().catch(() => {}))).then(() => {
      requestAnimationFrame(() => {
        if (wrap.isConnected) performance.mark("ni-first-pixels");
      });
    });
    if (parts) {
      // The figure has its final size: the reservation can go.
      element.style.minHeight = "";
      element.style.removeProperty("--ni-reserved");
    }
    return sizes;
  });
}

/** An index, checked to be one. */
function checked(p) {
  return p.then((m) => {
    const f = m.index && m.index.first;
    if (!f || !Array.isArray(f.sizes) || !f.sizes.length || typeof f.svg !== "string") {
      throw new Error(m.url + " is not a first-pixels index (no first.sizes or first.svg)");
    }
    return m;
  });
}

function overviewHead(o) {
  const list = el("ul", "ni-figures");
  list.setAttribute("aria-label", o.key_figures_label);
  o.key_figures.forEach((f) => {
    const d = el("li", "ni-figure");
    d.append(el("span", "ni-figure-value", f.value), el("span", "ni-figure-label", " " + f.label), el("span", "ni-figure-detail", " " + f.detail));
    list.append(d);
  });
  return [el("h2", "ni-heading", o.title), list];
}

/** The live figure's elements (view.js), with the picture in the canvas's place. */
function figureOf(opts, part, theme) {
  const m = part.index;
  const ui = m.ui;
  const node = el("figure", "ni-chart");
  node.setAttribute("data-chart", opts.chart === "overview" ? part.name : opts.chart);
  const head = el("div", "ni-head");
  head.append(el(opts.chart === "overview" ? "h3" : "h2", "ni-title", m.title), el("p", "ni-subtitle", m.subtitle));
  const plot = el("div", "ni-plot");
  const img = el("img", "ni-first-img");
  img.alt = m.title + ". " + m.summary;
  img.decoding = "sync";
  plot.append(img);
  const tools = el("div", "ni-tools");
  // The live figure's buttons, inert until the interactive chart replaces this one.
  [ui.show_table, ui.get_data, ui.download_png, ui.download_svg].concat(embeddable(opts) ? [ui.embed] : []).forEach((label, i) => {
    const b = el("button", i ? "ni-action" : "ni-toggle", label);
    b.type = "button";
    b.setAttribute("aria-disabled", "true");
    tools.append(b);
  });
  const cap = el("figcaption", "ni-caption");
  cap.append(el("span", "ni-summary", m.summary));
  (m.credits || []).forEach((line) => {
    cap.append(el("span", null, line));
  });
  // (The data table comes with the interactive chart; until then the picture's alt text is
  // the title and summary.)
  node.append(head, plot, tools, cap);
  const themes = m.first.themes || ["light"];
  const t = themes.indexOf(theme) >= 0 ? theme : themes[0];
  return {
    node: node,
    name: node.getAttribute("data-chart"),
    /** Shows the widest rendering not wider than the plot (else the narrowest); returns its size. */
    fit() {
      const w = Math.floor(plot.clientWidth);
      const sizes = m.first.sizes;
      let pick = sizes[0];
      for (let i = 0; i < sizes.length; i++) if (sizes[i][0] <= w) pick = sizes[i];
      img.width = pick[0];
      img.height = pick[1];
      img.src = new URL(m.first.svg.replace("{theme}", t).replace("{width}", String(pick[0])), part.url).href;
      return pick;
    },
  };
}

/** Live figures of in-memory specs have no Embed button (actions.js). */
function embeddable(opts) {
  return !opts.columns && !((opts.chart === "custom" || opts.chart === "vega-lite") && typeof opts.spec !== "string");
}

/** A newsroom's single SVG: in the plot's place, never wider than the container. */
function plainFigure(opts, lang, url) {
  const node = el("figure", "ni-chart");
  node.setAttribute("data-chart", opts.chart);
  const plot = el("div", "ni-plot");
  const img = el("img", "ni-first-img");
  img.alt = lang === "zh" ? "正在加载互动图表…" : "Loading the interactive graphic…";
  img.src = url;
  plot.append(img);
  node.append(plot);
  return { node: node, name: opts.chart, fit: () => null };
}
