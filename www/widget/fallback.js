/*
 * The static version of preset charts, for browsers where WebAssembly cannot run (a CSP
 * without 'wasm-unsafe-eval', an old browser): the pre-rendered SVG and data table of each
 * chart, built at release time into static/ beside embed.js.
 */
import { NI, el, dataTable } from "./dom.js";
import { fetchText, parseJson } from "./load.js";

/**
 * Shows the static charts in widget `w` ({ opts, element, root, link, show, schemeQuery, destroyed,
 * fail }) after `err` (why the interactive graphic cannot run); resolves once shown, or once
 * the error alert says that the static version could not be loaded either.
 */
export function showFallback(w, err) {
  console.warn("news-infographic: " + err.message + "; showing the static version");
  const opts = w.opts;
  const lang = opts.lang === "zh" ? "zh" : "en";
  const theme = opts.theme || (w.schemeQuery.matches ? "dark" : "light");
  const names = opts.chart === "overview" ? ["champions-by-year", "champions-by-industry", "claims-check"] : [opts.chart];
  const wrap = el("div", "ni-root ni-static");
  wrap.setAttribute("data-theme", theme);
  wrap.lang = lang === "zh" ? "zh-Hans" : "en";
  return Promise.all(
    names.map((name) =>
      fetchText(NI.baseUrl + "static/" + name + "." + lang + ".json").then((r) => ({ name: name, meta: parseJson(r.text, name) }))
    )
  ).then(
    (parts) => {
      if (w.destroyed) return;
      parts.forEach((p) => {
        wrap.append(staticFigure(opts, p.name, p.meta, lang, theme));
      });
      w.show(wrap);
      w.element.style.minHeight = "";
      w.element.style.removeProperty("--ni-reserved");
      w.element.setAttribute("data-state", "fallback");
    },
    (e2) => {
      w.fail(new Error(err.message + " (and the static version could not be loaded: " + e2.message + ")"));
    }
  );
}

/** One pre-rendered chart: heading, image (its alt text the title and summary), table, caption. */
function staticFigure(opts, name, meta, lang, theme) {
  const fig = el("figure", "ni-chart");
  fig.setAttribute("data-chart", name);
  const head = el("div", "ni-head");
  head.append(el(opts.chart === "overview" ? "h3" : "h2", "ni-title", meta.title), el("p", "ni-subtitle", meta.subtitle));
  const img = el("img", "ni-static-img");
  img.src = NI.baseUrl + "static/" + name + "." + lang + "." + theme + ".svg";
  img.alt = meta.title + ". " + meta.summary;
  const tableWrap = el("div", "ni-table-wrap");
  tableWrap.append(dataTable(meta.table));
  const cap = el("figcaption", "ni-caption");
  cap.append(el("span", "ni-summary", meta.summary));
  (meta.credits || []).forEach((line) => {
    cap.append(el("span", null, line));
  });
  fig.append(head, img, tableWrap, cap);
  return fig;
}
