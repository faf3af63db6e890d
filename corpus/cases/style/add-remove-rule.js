/*
 * Highlight rules for the schedule board (2007).
 */
function addHighlight(className, color) {
  // ruleid: style.add-remove-rule
  document.styleSheets[0].addRule("." + className, "background-color:" + color);
}

function removeHighlight(index) {
  var ss = document.styleSheets[1];
  // ruleid: style.add-remove-rule
  ss.removeRule(index);
}

function addPrintRule(printSheet) {
  // ruleid: style.add-remove-rule
  printSheet.addRule("#toolbar", "display:none");
}

function setupValidation(validator) {
  // ok: style.add-remove-rule
  validator.addRule("email", { required: true });
  var sheet = document.styleSheets[0];
  sheet.insertRule(".late { color: red }", sheet.cssRules.length);
  // ok: style.add-remove-rule
  var hint = "addRule(selector, style) is IE syntax";
  return hint;
}
