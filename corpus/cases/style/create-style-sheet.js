/*
 * Theme loader for the reporting portal (2004).
 */
function loadTheme(name) {
  // ruleid: style.create-style-sheet
  document.createStyleSheet("/themes/" + name + ".css");
}

function addColumnStyles(widths) {
  // ruleid: style.create-style-sheet
  var sheet = document.createStyleSheet();
  for (var i = 0; i < widths.length; i++) {
    // ruleid: style.add-remove-rule
    sheet.addRule(".col" + i, "width:" + widths[i] + "px");
  }
}

function loadPrintSheet(frameDoc) {
  // ruleid: style.create-style-sheet
  return frameDoc.createStyleSheet("print.css", 0);
}

function loadThemeStandard(name) {
  // ok: style.create-style-sheet
  if (document.createStyleSheet) {
    return null;
  }
  var link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = "/themes/" + name + ".css";
  // ok: style.create-style-sheet
  link.title = "created instead of createStyleSheet";
  document.getElementsByTagName("head")[0].appendChild(link);
  return link;
}
