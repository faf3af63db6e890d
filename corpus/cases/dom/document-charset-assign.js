// Fixes the encoding of report pages served without a charset (2003).
function fixEncoding() {
  // ok: dom.document-charset-assign
  if (document.charset != "shift_jis") {
    // ruleid: dom.document-charset-assign
    document.charset = "shift_jis";
    location.reload();
  }
}

function userEncoding() {
  // ruleid: dom.document-charset-assign
  return document.defaultCharset;
}

function loadScript(src) {
  var s = document.createElement("script");
  // ok: dom.document-charset-assign
  s.charset = "utf-8";
  s.src = src;
  document.getElementsByTagName("head")[0].appendChild(s);
}
