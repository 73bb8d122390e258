/*
 * One chart figure: heading, a canvas sized to its container at the device pixel ratio,
 * redraws coalesced into one per animation frame (on resize, DPR change, font load), the live
 * region and the "Show as table" toggle; its tooltips and keyboard steps are in interact.js.
 * Layout and every word come from the Rust chart; this module builds DOM and schedules
 * drawing. Everything it registers goes with its build's AbortController and observers.
 */
import { el, dataTable } from "./dom.js";
import { readerActions } from "./actions.js";
import { listen, select, hideTip } from "./interact.js";

/**
 * Builds the figure of `chart` for the widget `w` ({ opts, element, root, fail }) in the build
 * `v` ({ abort, charts, observers, redraws, redrawAll }). Returns { node, drawn }: `drawn`
 * resolves after the first drawing (or at once for a hidden container).
 */
export function figure(w, v, chart, ui) {
  const name = chart.name();
  const sig = { signal: v.abort.signal };
  const node = el("figure", "ni-chart");
  node.setAttribute("data-chart", name);
  node.setAttribute("aria-labelledby", "ni-title-" + name);
  const head = el("div", "ni-head");
  // Under the overview's own h2 a chart heading is h3; a chart embedded alone starts at h2.
  const title = el(w.opts.chart === "overview" ? "h3" : "h2", "ni-title", chart.title());
  title.id = "ni-title-" + name;
  head.append(title, el("p", "ni-subtitle", chart.subtitle()));

  const plot = el("div", "ni-plot");
  const canvas = el("canvas");
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", chart.title() + ". " + chart.summary());
  canvas.setAttribute("aria-describedby", "ni-keys-" + name);
  canvas.tabIndex = 0;
  const focusRing = el("div", "ni-focus");
  focusRing.hidden = true;
  const tip = el("div", "ni-tooltip");
  tip.setAttribute("role", "tooltip");
  tip.id = "ni-tip-" + name;
  tip.hidden = true;
  // Where first pixels were shown, the canvas takes their size until it is drawn (in the next
  // frame, once fonts are ready), so nothing moves meanwhile.
  const first = w.shell && w.shell.firstSizes && w.shell.firstSizes[name];
  if (first) {
    canvas.style.width = first[0] + "px";
    canvas.style.height = first[1] + "px";
  }
  plot.append(canvas, focusRing, tip);
  // On paper the canvas gives way to the chart as vector SVG in the light theme (print CSS in
  // embed.css), made when printing starts.
  const printed = el("div", "ni-print");
  printed.setAttribute("aria-hidden", "true");
  plot.append(printed);
  const forPrint = () => {
    try {
      printed.replaceChildren(svgNode(chart.printSvg(Math.max(320, Math.floor(plot.clientWidth) || 640))));
      plot.classList.add("ni-printable");
    } catch (e) {
      // The canvas prints instead.
      printed.replaceChildren();
      plot.classList.remove("ni-printable");
    }
  };

  const keys = el("p", "ni-sr", ui.keys);
  keys.id = "ni-keys-" + name;
  const live = el("p", "ni-sr ni-live");
  live.setAttribute("aria-live", "polite");

  const tableWrap = el("div", "ni-table-wrap ni-sr");
  tableWrap.id = "ni-table-" + name;
  tableWrap.append(dataTable(chart.table()));
  const toggle = tableToggle(chart, ui, tableWrap, sig);

  const cap = el("figcaption", "ni-caption");
  cap.append(el("span", "ni-summary", chart.summary()));
  chart.credits().forEach((line) => {
    cap.append(el("span", null, line));
  });
  const actions = readerActions(w, v, chart, name, ui, sig);
  const tools = el("div", "ni-tools");
  tools.append(toggle, actions.buttons);
  node.append(head, plot, keys, live, tools, tableWrap, actions.panel, cap);

  // This figure's drawing and interaction state.
  const f = {
    w: w, v: v, chart: chart, plot: plot, canvas: canvas, tip: tip, focusRing: focusRing, live: live,
    size: { w: 0, dpr: 0 }, // what was last drawn
    frame: 0, // the pending animation frame
    firstDraw: null,
    pinned: -1, // a tooltip pinned by a tap
    focused: -1, // the item selected with the keyboard
    focusedPart: -1, // a bar of the focused item (a segment of a stack), or -1 for all of it
    tipItem: -1, // what the tooltip shows: "i" or "i:j"
    tipData: null,
  };
  const drawn = new Promise((resolve) => {
    f.firstDraw = resolve;
  });
  const schedule = (force) => {
    if (force === true) f.size = { w: 0, dpr: 0 };
    if (!f.frame) f.frame = requestAnimationFrame(() => {
      redraw(f);
    });
  };
  v.redraws.push(schedule);
  const ro = new ResizeObserver(() => {
    schedule(false);
  });
  ro.observe(plot);
  v.observers.push(ro, {
    disconnect() {
      if (f.frame) cancelAnimationFrame(f.frame);
    },
  });
  watchPixelRatio(() => {
    schedule(false);
  }, v.abort.signal);
  listen(f, sig);
  window.addEventListener("beforeprint", forPrint, sig);
  matchMedia("print").addEventListener("change", (e) => {
    if (e.matches) forPrint();
  }, sig);
  // Canvas text uses whatever fonts are loaded when it is drawn: wait for them first.
  // (Drawing at once here instead of in the next animation frame was tried: it saves at
  // most one frame but left ~150 bytes of JS heap per mount and destroy in the lifecycle
  // test, so every drawing goes through the frame.)
  (document.fonts ? document.fonts.ready : Promise.resolve()).then(() => {
    schedule(false);
  });
  return { node: node, drawn: drawn };
}

/** The Rust core's SVG text as an element (parsed as SVG: it carries no script or style). */
function svgNode(text) {
  const svg = document.importNode(new DOMParser().parseFromString(text, "image/svg+xml").documentElement, true);
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  return svg;
}

/** "Show as table": reveals the figure's data table (otherwise for screen readers only). */
function tableToggle(chart, ui, tableWrap, sig) {
  const toggle = el("button", "ni-toggle", ui.show_table);
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", tableWrap.id);
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
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
  return toggle;
}

/** Draws the chart at its container's width and the screen's pixel ratio, if either changed. */
function redraw(f) {
  f.frame = 0;
  if (f.v.abort.signal.aborted) return; // a later build (or destroy) replaced this one
  const chart = f.chart;
  const w = Math.floor(f.plot.clientWidth);
  const dpr = window.devicePixelRatio || 1;
  // A hidden container (width 0) is drawn when it gets a size.
  if (w <= 0) return f.firstDraw();
  if (w === f.size.w && dpr === f.size.dpr) return;
  try {
    const h = chart.render(f.canvas, w, dpr);
    f.canvas.style.width = w + "px";
    f.canvas.style.height = h + "px";
    f.size = { w: w, dpr: dpr };
    f.tipItem = -1; // positions changed with the new layout
    if (f.focused >= 0 && f.focused < chart.itemCount()) select(f, f.focused, false, f.focusedPart < chart.partCount(f.focused) ? f.focusedPart : -1);
    else hideTip(f);
    f.firstDraw();
  } catch (e) {
    f.w.fail(e);
  }
}

/** Calls `cb` whenever devicePixelRatio changes (zoom, another screen), until `signal` aborts. */
function watchPixelRatio(cb, signal) {
  function arm() {
    if (signal.aborted) return;
    const mq = matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
    mq.addEventListener("change", () => {
      cb();
      arm();
    }, { once: true, signal: signal });
  }
  arm();
}
