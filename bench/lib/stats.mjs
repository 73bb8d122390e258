// Summaries: median and range of repeated measurements, and ratios to the peers.

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** {median, min, max, n} of the finite values. */
export function summary(xs) {
  const s = xs.filter((x) => Number.isFinite(x));
  if (!s.length) return { median: null, min: null, max: null, n: 0 };
  return { median: median(s), min: Math.min(...s), max: Math.max(...s), n: s.length };
}

/** ours / peer of two medians (null when either is missing). */
export function ratio(ours, peer) {
  return ours == null || peer == null || peer === 0 ? null : ours / peer;
}

/** Rotated orders so every library is loaded at every position as often as possible. */
export function interleave(libs, rounds) {
  const order = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < libs.length; i++) order.push({ round: r, lib: libs[(i + r) % libs.length] });
  }
  return order;
}
