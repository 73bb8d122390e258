/*
 * Loading what a widget draws: text over the network with a time limit (fetchText), datasets
 * from a URL or an inline element (loadData), chart specs (loadSpec), JSON parsing whose errors
 * say where (parseJson), and the size checks. Every error names what failed and where.
 */
import { NI } from "./dom.js";

/** Over this many bytes a text is refused before it is parsed at all. */
const FAR_OVER = 64 * 1024 * 1024;

/** Refuses a dataset over the core's size limit (or `max`, when given), naming the limit. */
export function checkSize(core, data, where, max) {
  const limit = max === undefined ? core.maxDataBytes() : max;
  if (data.bytes > limit) throw new Error("the dataset " + where + " is " + data.bytes + " bytes; the limit is " + limit + " bytes");
}

/** Inline JSON or CSV in the page: "#id" (or a bare id for data-spec). */
export function inline(ref) {
  const id = ref.charAt(0) === "#" ? ref.slice(1) : ref;
  const node = document.getElementById(id);
  if (!node) throw new Error('no element with id "' + id + '" holds the data');
  return node;
}

/** Loads a dataset reference: { csv: text } or { json: value }, with its size in `bytes`. */
export function loadData(ref) {
  if (ref.charAt(0) === "#") {
    const node = inline(ref);
    const type = (node.getAttribute("type") || "").toLowerCase();
    const text = node.textContent;
    if (type.indexOf("csv") >= 0) return Promise.resolve({ csv: text, bytes: text.length });
    return Promise.resolve({ json: parseJson(text, ref), bytes: text.length });
  }
  return fetchText(ref).then((r) => {
    const isCsv = /\.csv(\?|#|$)/i.test(ref) || /csv/i.test(r.type);
    // Size first: a huge JSON text is not parsed at all.
    if (r.text.length > FAR_OVER) throw new Error("the dataset " + ref + " is " + r.text.length + " bytes, far over the limit");
    return isCsv ? { csv: r.text, bytes: r.text.length } : { json: r.text.length > 8 * 1024 * 1024 ? null : parseJson(r.text, ref), bytes: r.text.length };
  });
}

/** Loads a chart spec: an object, "#id", a bare element id, or a URL. */
export function loadSpec(ref) {
  if (typeof ref === "object" && ref) return Promise.resolve(ref);
  if (!ref) return Promise.reject(new Error('data-chart="custom" needs a chart spec in data-spec (a URL or an element id)'));
  if (ref.charAt(0) === "#" || (/^[A-Za-z][\w-]*$/.test(ref) && document.getElementById(ref))) {
    return Promise.resolve(parseJson(inline(ref).textContent, "spec " + ref));
  }
  return fetchText(ref).then((r) => parseJson(r.text, ref));
}

/** The data files a Vega-Lite spec names, as [url, text] pairs; relative URLs resolve against the page. */
export function loadTexts(urls) {
  // A URL that cannot be fetched is handed to Rust as [url, null, reason]: the error the widget
  // shows then names the spec path that asked for it (data.url, transform[i].from.data.url).
  return Promise.all(
    urls.map((u) =>
      fetchText(new URL(u, document.baseURI).href).then(
        (t) => {
          if (t.text.length > FAR_OVER) return [u, null, "it is " + t.text.length + " bytes, far over the limit"];
          return [u, t.text, null];
        },
        (e) => [u, null, e.message]
      )
    )
  );
}

export function parseJson(text, where) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(where + " is not valid JSON: " + e.message);
  }
}

/** Fetches text with a time limit (NI.timeoutMs, default 15 s); errors say what failed and where. */
export function fetchText(url, timeoutMs) {
  const ms = timeoutMs || NI.timeoutMs || 15000;
  const ac = new AbortController();
  const timer = setTimeout(() => {
    ac.abort();
  }, ms);
  // Requested already at mount (embed.js), or now; either way within the time limit.
  let href = url;
  try {
    href = new URL(url, document.baseURI).href;
  } catch (e) {
    // fetch() reports it below
  }
  const early = NI.takeEarly && NI.takeEarly(href);
  const aborted = new Promise((resolve, reject) => {
    ac.signal.addEventListener("abort", () => reject(new Error("aborted")));
  });
  return Promise.race([early || fetch(url, { credentials: "omit", signal: ac.signal }), aborted])
    .then(
      (res) => {
        if (!res.ok) throw new Error("could not load " + url + ": HTTP " + res.status);
        // (The body of a response requested at mount is not tied to this signal: raced too.)
        return Promise.race([res.text(), aborted]).then((text) => ({ text: text, type: res.headers.get("content-type") || "" }));
      },
      (e) => {
        if (ac.signal.aborted) throw new Error("could not load " + url + ": no answer within " + ms / 1000 + " s");
        throw new Error("could not load " + url + ": the request failed (offline, or another site that does not allow it (CORS)): " + e.message);
      }
    )
    .then(
      (r) => {
        clearTimeout(timer);
        return r;
      },
      (e) => {
        clearTimeout(timer);
        if (ac.signal.aborted && !/no answer/.test(e.message)) throw new Error("could not load " + url + ": no answer within " + ms / 1000 + " s");
        throw e;
      }
    );
}
