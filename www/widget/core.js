/*
 * The Rust core on this page: the wasm module, imported and instantiated once per page (and
 * again after a panic: resetCore), and the datasets in the story schema, fetched and validated
 * once per URL (the stories cache). NewsInfographic.core/story/resetCore forward here.
 */
import { NI } from "./dom.js";
import { loadData, checkSize } from "./load.js";

let corePromise = null;
let generation = 0;
const stories = new Map();

/** Loads and instantiates the wasm module once per page (again after a panic, see resetCore). */
export function core() {
  if (!corePromise) {
    const base = NI.baseUrl;
    // Fetched and compiled since the first mount (embed.js); after a reset the same module
    // gives a fresh instance.
    const wasm = NI.wasmModule();
    // A new URL gives a fresh module instance, hence a fresh wasm instance, after a reset.
    corePromise = import(base + "pkg/news_infographic.js" + (generation ? "?instance=" + generation : ""))
      .then((mod) =>
        mod.default({ module_or_path: wasm }).then((exports) => {
          // For measurements (benchmarks, leak tests): the size of the wasm linear memory.
          NI.wasmMemoryBytes = function () {
            return exports.memory.buffer.byteLength;
          };
          return mod;
        })
      )
      .catch((e) => {
        // WebAssembly cannot run here (a CSP without 'wasm-unsafe-eval', an old browser, the
        // files missing): widgets fall back to their pre-rendered images and tables.
        const err = new Error("the interactive graphic cannot run in this browser: " + ((e && e.message) || e));
        err.niCore = true;
        throw err;
      });
  }
  return corePromise;
}

/**
 * After a panic (a WebAssembly RuntimeError) the instance's state may be inconsistent: widgets
 * mounted from now on get a new instance; the others keep theirs.
 */
export function resetCore() {
  generation++;
  corePromise = null;
  stories.clear();
}

/** Fetches and validates a dataset once per URL; a failed load is retried next time. */
export function story(url) {
  if (!stories.has(url)) {
    const p = Promise.all([core(), loadData(url)]).then((r) => {
      checkSize(r[0], r[1], url);
      if (!r[1].json) throw new Error("the dataset " + url + " must be JSON in the story schema for preset charts");
      return new r[0].Story(r[1].json);
    });
    stories.set(url, p);
    p.catch(() => {
      stories.delete(url);
    });
  }
  return stories.get(url);
}
