/*
 * Theme switcher: the master sheet imports one sheet per colour theme.
 */
function switchTheme(theme) {
  // ruleid: style.style-sheet-imports
  var imported = document.styleSheets[0].imports;
  for (var i = 0; i < imported.length; i++) {
    imported[i].disabled = imported[i].href.indexOf(theme) < 0;
  }
}

function addThemeSheet(masterSheet, url) {
  // ruleid: style.style-sheet-imports
  return masterSheet.addImport(url);
}

function dropTheme(ss, index) {
  // ruleid: style.style-sheet-imports
  ss.removeImport(index);
}

function moduleInfo(module) {
  // ok: style.style-sheet-imports
  var deps = module.imports;
  // ok: style.style-sheet-imports
  var tip = "imports lists @import sheets in IE";
  return deps + tip;
}
