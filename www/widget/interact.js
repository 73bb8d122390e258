/*
 * The reader's interaction with one chart figure (the state object view.js made): pointer
 * tooltips, tap-to-pin on touch screens, keyboard steps across items and their bars with the
 * focus ring and live-region announcements. Hit-testing, tooltip text and descriptions come
 * from the Rust chart. Every listener goes with the build's AbortSignal.
 */
import { el } from "./dom.js";

/** Pointer, touch and keyboard listeners of one figure; all removed with `sig`. */
export function listen(f, sig) {
  const canvas = f.canvas;
  /** Runs an event handler; an error (a panic included) becomes this widget's error. */
  const safe = (fn) => (e) => {
    try {
      return fn(e);
    } catch (err) {
      f.w.fail(err);
    }
  };
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    return f.chart.hit(e.clientX - r.left, e.clientY - r.top);
  };
  canvas.addEventListener("keydown", safe((e) => onKey(f, e)), sig);
  canvas.addEventListener("blur", () => {
    f.focused = -1;
    f.focusedPart = -1;
    hideTip(f);
  }, sig);
  canvas.addEventListener("pointermove", safe((e) => {
    if (f.pinned >= 0 || f.focused >= 0) return;
    const i = point(e);
    i >= 0 ? showTip(f, i) : hideTip(f);
  }), sig);
  canvas.addEventListener("pointerleave", (e) => {
    if (f.pinned < 0 && f.focused < 0 && e.pointerType === "mouse") hideTip(f);
  }, sig);
  canvas.addEventListener("pointerdown", safe((e) => {
    const i = point(e);
    if (i < 0) return hideTip(f);
    if (e.pointerType !== "mouse") {
      showTip(f, i);
      f.pinned = i;
    }
  }), sig);
  document.addEventListener("pointerdown", (e) => {
    if (f.pinned >= 0 && e.composedPath().indexOf(canvas) < 0) hideTip(f);
  }, sig);
  window.addEventListener("scroll", () => {
    if (f.pinned >= 0) hideTip(f);
  }, { signal: sig.signal, passive: true });
}

// Arrow keys: along the items (left-right when they run across, up-down when they are
// rows) step between items; the other two step into an item's bars (up a stack, along a
// row's bars) and back out. An item without several bars takes every arrow as a step.
function onKey(f, e) {
  const chart = f.chart;
  const n = chart.itemCount();
  if (!n) return;
  const focused = f.focused;
  let next = focused;
  let part = -1;
  const across = chart.across();
  const partNext = across ? "ArrowUp" : "ArrowRight";
  const partPrev = across ? "ArrowDown" : "ArrowLeft";
  const parts = focused >= 0 ? chart.partCount(focused) : 0;
  switch (e.key) {
    case "ArrowRight":
    case "ArrowDown":
    case "ArrowLeft":
    case "ArrowUp":
      if (focused < 0) next = 0;
      else if (parts > 1 && e.key === partNext) part = Math.min(parts - 1, f.focusedPart + 1);
      else if (parts > 1 && e.key === partPrev) part = f.focusedPart - 1;
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
      if (focused < 0 && f.tip.hidden) return;
      f.focused = -1;
      f.focusedPart = -1;
      hideTip(f);
      f.live.textContent = "";
      e.preventDefault();
      return;
    default:
      return;
  }
  e.preventDefault();
  select(f, next, true, part);
}

/** Tooltip for item i, or for its bar j when j >= 0; returns the core's tooltip data. */
function showTip(f, i, j) {
  const key = j >= 0 ? i + ":" + j : i;
  const tip = f.tip;
  // Moving within one bar: the tooltip is already right; do no DOM work.
  if (key === f.tipItem && !tip.hidden) return f.tipData;
  const t = j >= 0 ? f.chart.partTooltip(i, j) : f.chart.tooltip(i);
  if (!t) return hideTip(f);
  f.tipItem = key;
  f.tipData = t;
  tip.replaceChildren(el("strong", null, t.title));
  t.lines.forEach((line) => {
    tip.append(el("span", null, line));
  });
  tip.hidden = false;
  const maxX = f.plot.clientWidth - tip.offsetWidth;
  tip.style.left = Math.max(0, Math.min(maxX, t.x - tip.offsetWidth / 2)) + "px";
  const top = t.y - tip.offsetHeight - 8;
  tip.style.top = (top < 0 ? t.y + 12 : top) + "px";
  return t;
}

export function hideTip(f) {
  f.tipItem = -1;
  f.tip.hidden = true;
  f.focusRing.hidden = true;
  f.pinned = -1;
}

/** Keyboard selection of item i (or its bar j): tooltip, focus ring and an announcement. */
export function select(f, i, announce, j) {
  j = j >= 0 ? j : -1;
  f.focused = i;
  f.focusedPart = j;
  const t = showTip(f, i, j);
  if (!t) return;
  const b = t.box;
  const ring = f.focusRing.style;
  ring.left = b[0] - 3 + "px";
  ring.top = b[1] - 3 + "px";
  ring.width = b[2] + 6 + "px";
  ring.height = b[3] + 6 + "px";
  f.focusRing.hidden = false;
  if (announce) f.live.textContent = j >= 0 ? f.chart.describePart(i, j) : f.chart.describe(i);
}
