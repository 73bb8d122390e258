/*
 * TypeScript declarations for the news-infographic embed loader (`embed.js`), a classic script
 * that defines the global `window.NewsInfographic` and imports the widget's ES modules from
 * `widget/` beside it. In the npm package this file is `embed.d.ts` and sits beside `embed.js`,
 * `widget/` and `pkg/`, as here in `www/`. To use it in a TypeScript project:
 *
 *   /// <reference types="news-infographic/embed" />
 *
 * The wasm module's own classes (`Story`, `Chart`) are declared by wasm-bindgen in
 * `pkg/news_infographic.d.ts` (the package's "types").
 *
 * Options accepted by `mount(element, options)` and `handle.update(options)`, all optional:
 *   chart  "overview" (default: key figures and every chart) | "champions-by-year"
 *          | "champions-by-industry" | "claims-check" | "custom" (a chart of your own data)
 *          | "vega-lite" (a Vega-Lite spec, drawn by the Rust core)
 *   lang   "en" (default) | "zh" (Simplified Chinese)
 *   theme  "" (default: follows prefers-color-scheme, live) | "light" | "dark"
 *   data   dataset: a URL or "#element-id" (default: `data/binzhou.json` beside embed.js;
 *          required for "custom")
 *   spec   chart spec for "custom" or "vega-lite": an object, a URL, "#element-id" or a bare
 *          element id
 * The script tag's auto-mount reads data-chart, data-lang, data-theme, data-src (-> data),
 * data-spec (-> spec) and data-target (a CSS selector of an existing element to render into
 * instead of a new <div> after the tag); data-mount="none" mounts nothing (API only) and
 * starts loading the wasm.
 * A chart mounted with in-memory data (`columns`, or a spec object) has no "Embed" action.
 * A bad option is not thrown: the widget shows its error alert.
 *
 * Keep in step with www/embed.js and www/widget/.
 */

declare namespace NewsInfographic {
  /** Charts this build draws (the wasm's `Story.chartNames()`). */
  type ChartName = "champions-by-year" | "champions-by-industry" | "claims-check";

  interface MountOptions {
    /**
     * "overview" (the default) renders the story's heading, key figures and every chart;
     * "custom" renders one chart of `data` as `spec` describes it; "vega-lite" renders the
     * Vega-Lite `spec` (its data inline or at `data.url`, resolved against the page).
     */
    chart?: "overview" | ChartName | "custom" | "vega-lite";
    /** Language of every text in the widget. Default "en". */
    lang?: "en" | "zh";
    /**
     * "light" or "dark"; "" or unset (the default) follows the reader's
     * `prefers-color-scheme` and redraws when it changes.
     */
    theme?: "" | "light" | "dark";
    /**
     * The dataset: a URL, or "#id" of an element in the page holding it (e.g. a
     * `<script type="application/json">`; a `type` containing "csv" means CSV). Preset charts
     * take JSON in the story schema (README: data contract), default `data/binzhou.json` beside
     * embed.js, fetched once per page and URL. "custom" takes CSV with a header row (a URL
     * ending in .csv or served as CSV) or JSON rows (an array of row objects or `{rows: [...]}`).
     * A relative URL is resolved against the page, not against embed.js.
     */
    data?: string;
    /**
     * "custom" and "vega-lite": the chart spec (for "custom" see schema/chart-spec.schema.json;
     * for "vega-lite" a Vega-Lite spec, README "Vega-Lite charts"), as an object, a URL,
     * "#id" or a bare id of an element holding its JSON.
     */
    spec?: string | object;
    /**
     * "custom" only, instead of `data`: a large numeric series as two number columns of equal
     * length (Float64Array or arrays of numbers; NaN in `y` = not reported). Line and dot charts
     * only, no colour column; x finite and ascending (or `"sort": "x"` in the spec); up to
     * 5,000,000 points, drawn decimated per pixel column. The numbers are copied into the
     * wasm; the arrays can be reused.
     */
    columns?: { x: ArrayLike<number>; y: ArrayLike<number> };
    /**
     * First pixels, shown in the chart's place until the interactive chart is ready: the URL of
     * an index written by `render --vega-lite SPEC --static-dir DIR` (or `--custom ...
     * --static-dir DIR`), ending in .json, or of a single SVG written by `render`. Preset charts
     * on the shipped dataset use their static/ files without it. README "First pixels".
     */
    static?: string;
  }

  interface DestroyOptions {
    /** Keep the host element in the document (only its content is removed). Default false. */
    keepElement?: boolean;
  }

  /** Returned by `mount()` and `update()`; also kept on `element.newsInfographic`. */
  interface Handle {
    /**
     * Settles once the widget has finished loading; it never rejects. The element's
     * `data-state` then tells how: "ready" (every chart drawn), "fallback" (WebAssembly cannot
     * run here: the pre-rendered images and tables from static/ are shown, preset charts only)
     * or "error" (the error alert is shown).
     */
    readonly ready: Promise<void>;
    /**
     * Re-mounts the same element with these options merged over the current ones and returns
     * the new handle; this handle is destroyed (keeping the element).
     */
    update(options?: MountOptions): Handle;
    /**
     * Removes every listener and observer, frees the wasm objects and empties the shadow root.
     * Unless `keepElement` is true the host element is also removed from the document.
     * Calling it again does nothing.
     */
    destroy(options?: DestroyOptions): void;
    /**
     * What may mislead the chart's readers, for its author and tools (the honest-chart checks
     * of the Rust core; each is also written to the console once): empty until `ready`, and
     * for the story's own charts.
     */
    warnings(): Warning[];
  }

  /** One honest-chart warning. */
  interface Warning {
    /** `zero-baseline`, `log-length`, `pie-whole`, `pie-slices`, `close-colours`, `rows-filtered`, `rows-missing` or `cells-unreadable`. */
    code: string;
    /** The spec's JSON path it is about, e.g. `encoding.y.scale`. */
    path: string;
    /** The reason and the fix. */
    message: string;
  }

  interface Api {
    /**
     * Renders a widget into `element`, inside its open shadow root (created if missing), and
     * returns its handle. A widget already mounted on the element is destroyed first.
     * The element must be one that can have a shadow root (e.g. div, section, article, span).
     */
    mount(element: HTMLElement, options?: MountOptions): Handle;
    /**
     * Like `mount`, but waits until the element comes within a viewport and a half of what the
     * reader sees (its space reserved, `data-state="lazy"`, nothing fetched); what script tags
     * and `<news-infographic>` do unless `lazy` is "false".
     */
    mountLazily(element: HTMLElement, options?: MountOptions): Handle;
    /** The loader's version (the npm package and crate version). */
    readonly version: string;
    /** Absolute URL of the folder holding embed.js, with a trailing slash. */
    readonly baseUrl: string;
    /**
     * Imports and instantiates the wasm module once per page; resolves to its exports, rejects
     * when WebAssembly cannot run here.
     */
    core(): Promise<typeof import("./pkg/news_infographic.js")>;
    /**
     * Loads (URL or "#element-id") and validates a dataset in the story schema, once per
     * reference; a failed load is retried next time.
     */
    story(ref: string): Promise<import("./pkg/news_infographic.js").Story>;
  }
}

/**
 * Defined by embed.js when it runs. With `<script async>` it does not exist before then:
 * check `window.NewsInfographic` or listen for the script's load event.
 */
declare var NewsInfographic: NewsInfographic.Api;

interface HTMLElement {
  /** The handle of the news-infographic widget mounted on this element, if any. */
  newsInfographic?: NewsInfographic.Handle;
}

/** `<news-infographic chart src spec lang theme lazy>`, registered by embed.js. */
interface HTMLElementTagNameMap {
  "news-infographic": HTMLElement & { newsInfographic?: NewsInfographic.Handle };
}
