/*
 * Opacity helper for the dashboard tiles (IE8 compatibility view era).
 */
function setOpacity(el, value) {
  // ruleid: sniffing.document-mode
  if (document.documentMode && document.documentMode < 9) {
    el.style.zoom = 1;
  }
  el.style.opacity = value;
}

function renderingMode() {
  // ruleid: sniffing.document-mode
  var mode = document.documentMode || 5;
  return mode >= 8 ? "standards" : "quirks";
}

function frameMode(frame) {
  // ruleid: sniffing.document-mode
  return frame.contentWindow.document["documentMode"];
}

// ok: sniffing.document-mode
// documentMode 7 means the page fell back to compatibility view.
// ok: sniffing.document-mode
var MODE_HELP = "documentMode is only defined in IE8 to IE11";
