/*
 * news-infographic frame resizer (classic script, no dependencies), for the article page:
 *
 *   <iframe src="https://your.cdn/news-infographic/frame.html?chart=champions-by-year"
 *           title="Champion products, 2021 and 2023" style="width: 100%; border: 0" height="600"
 *           loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-downloads"></iframe>
 *   <script src="https://your.cdn/news-infographic/frame-resize.js" async></script>
 *
 * Sets the height of every iframe on the page whose src is a frame page (a path ending in
 * /frame.html or /charts/NAME.html) to the height the frame reports. A message is used only when
 * its source is the window of one of those iframes and its data has exactly one of the two
 * shapes the frame sends: the Pym.js string "pymxPYMx<id>xPYMxheightxPYMx<digits>" or the AMP
 * object {"sentinel": "amp", "type": "embed-size", "height": <number>}. The height is a number
 * put into style.height; nothing from a message is ever inserted as HTML or evaluated. Frames
 * added later (by a CMS, lazily) are found when their first message arrives.
 */
(function () {
  "use strict";

  if (window.__niFrameResize) return;
  window.__niFrameResize = true;

  var MAX = 50000;
  var PYM = /^pymxPYMx[A-Za-z0-9_-]{0,64}xPYMxheightxPYMx(\d{1,6})$/;

  function isFramePage(src) {
    try {
      var path = new URL(src, document.baseURI).pathname;
      return /\/frame\.html$/.test(path) || /\/charts\/[A-Za-z0-9._-]+\.html$/.test(path);
    } catch (e) {
      return false;
    }
  }

  /** The iframe whose window sent the message, if it is a frame page. */
  function frameOf(source) {
    if (!source) return null;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source && isFramePage(frames[i].src)) return frames[i];
    }
    return null;
  }

  /** The height in a message of either shape, or null. */
  function heightOf(data) {
    if (typeof data === "string") {
      var m = PYM.exec(data);
      return m ? Number(m[1]) : null;
    }
    if (data && typeof data === "object" && Object.getPrototypeOf(data) === Object.prototype) {
      var keys = Object.keys(data).sort().join(",");
      if (keys !== "height,sentinel,type" || data.sentinel !== "amp" || data.type !== "embed-size") return null;
      return typeof data.height === "number" && isFinite(data.height) ? data.height : null;
    }
    return null;
  }

  window.addEventListener("message", function (e) {
    var h = heightOf(e.data);
    if (h === null || h < 0 || h > MAX) return;
    var frame = frameOf(e.source);
    if (!frame) return;
    frame.style.height = Math.ceil(h) + "px";
  });
})();
