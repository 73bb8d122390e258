/*
 * The page's brand styles (--ni-bg, --ni-text, --ni-muted, --ni-accent, --ni-font on the host
 * or an ancestor), resolved to rgb() by the browser and handed to the Rust drawing, so the
 * canvas matches the DOM around it. Values Rust cannot use are logged as warnings.
 */
import { el } from "./dom.js";

const COLORS = ["--ni-bg", "--ni-text", "--ni-muted", "--ni-accent"];

/** Applies the brand styles found on `element` to every chart; `root` is its shadow root. */
export function applyBrand(element, root, charts) {
  const cs = getComputedStyle(element);
  const raw = COLORS.map((n) => cs.getPropertyValue(n).trim());
  const font = cs.getPropertyValue("--ni-font").trim();
  if (!font && !raw.some(Boolean)) return;
  // Any CSS colour syntax: let the browser resolve it on a hidden probe.
  const probe = el("span");
  probe.hidden = true;
  root.append(probe);
  const colors = raw.map((v) => {
    if (!v) return undefined;
    probe.style.color = "";
    probe.style.color = v;
    return probe.style.color ? getComputedStyle(probe).color : v;
  });
  probe.remove();
  charts.forEach((chart) => {
    chart.setStyle(colors[0], colors[1], colors[2], colors[3], font || undefined).forEach((w) => {
      console.warn("news-infographic: " + w);
    });
  });
}
