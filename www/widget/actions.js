/*
 * The reader actions under one chart: "Get the data" (CSV), "Download image" (PNG at 2x, SVG,
 * both drawn by the Rust chart) and "Embed" (the snippet for this chart, with a copy button).
 */
import { NI, el } from "./dom.js";

/**
 * The action buttons and the (hidden) embed panel of `chart` called `name`, for the widget `w`
 * ({ opts, element, root }) in the build `v` (its redrawAll); listeners go with `sig`.
 * Returns { buttons: DocumentFragment, panel: HTMLElement }.
 */
export function readerActions(w, v, chart, name, ui, sig) {
  const opts = w.opts;
  const buttons = document.createDocumentFragment();
  function button(label, onClick) {
    const b = el("button", "ni-action", label);
    b.type = "button";
    b.addEventListener("click", onClick, sig);
    buttons.append(b);
    return b;
  }
  const file = name === "custom" || name === "vega-lite" ? (opts.spec && typeof opts.spec === "string" ? opts.spec.replace(/^.*[\/#]/, "").replace(/(\.vl)?\.json$/, "") : "chart") : name;
  button(ui.get_data, () => {
    save(w.root, new Blob(["\ufeff" + chart.csv()], { type: "text/csv;charset=utf-8" }), file + ".csv");
  });
  button(ui.download_png, () => {
    const c = document.createElement("canvas");
    const width = Math.max(320, Math.floor(w.element.clientWidth) || 640);
    chart.render(c, width, 2);
    c.toBlob((blob) => {
      if (blob) save(w.root, blob, file + ".png");
    }, "image/png");
    // The on-screen canvas keeps its own layout: redraw it at its size.
    v.redrawAll();
  });
  button(ui.download_svg, () => {
    const width = Math.max(320, Math.floor(w.element.clientWidth) || 640);
    save(w.root, new Blob([chart.svg(width)], { type: "image/svg+xml" }), file + ".svg");
  });
  const panel = el("div", "ni-embed");
  panel.hidden = true;
  // A chart mounted from script with in-memory data (number columns, or a spec object)
  // has no snippet that would show it elsewhere: no Embed action.
  if (opts.columns || ((opts.chart === "custom" || opts.chart === "vega-lite") && typeof opts.spec !== "string")) return { buttons: buttons, panel: panel };
  panel.id = "ni-embed-" + name;
  const code = el("textarea", "ni-embed-code");
  code.readOnly = true;
  code.rows = 3;
  code.setAttribute("aria-label", ui.embed_code);
  code.value = snippet(opts, name);
  const copy = el("button", "ni-action", ui.copy);
  copy.type = "button";
  copy.addEventListener("click", () => {
    code.select();
    const done = () => {
      copy.textContent = ui.copied;
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code.value).then(done, () => {});
    }
  }, sig);
  panel.append(code, copy);
  const embedBtn = button(ui.embed, () => {
    panel.hidden = !panel.hidden;
    embedBtn.setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden) code.focus();
  });
  embedBtn.setAttribute("aria-expanded", "false");
  embedBtn.setAttribute("aria-controls", panel.id);
  return { buttons: buttons, panel: panel };
}

/** The script tag that embeds chart `name` with these options elsewhere. */
function snippet(opts, name) {
  let attrs = ' data-chart="' + (opts.chart === "overview" ? name : opts.chart) + '"';
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

/** Downloads `blob` as `filename` through a hidden link in the shadow root. */
function save(root, blob, filename) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
  }, 10000);
}
