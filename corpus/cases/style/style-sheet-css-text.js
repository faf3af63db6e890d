/*
 * Injects the user's colour settings as CSS (2008).
 */
function addCss(css) {
  var style = document.createElement("style");
  style.type = "text/css";
  document.getElementsByTagName("head")[0].appendChild(style);
  if (style.styleSheet) {
    // ruleid: style.style-sheet-css-text
    style.styleSheet.cssText = css;
  } else {
    style.appendChild(document.createTextNode(css));
  }
}

function appendCss(css) {
  // ruleid: style.style-sheet-css-text
  document.styleSheets[0].cssText += css;
}

function dumpSheet(sheet) {
  // ruleid: style.style-sheet-css-text
  return sheet.cssText;
}

function inlineStyles(el, rule) {
  // ok: style.style-sheet-css-text
  el.style.cssText = "color: red; font-weight: bold";
  // ok: style.style-sheet-css-text
  var text = rule.style.cssText;
  // ok: style.style-sheet-css-text
  var note = "styleSheet.cssText is IE only";
  return text + note;
}
