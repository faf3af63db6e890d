/*
 * Column resizer for the data grid: edits the width rules in grid.css.
 */
function findRule(selector) {
  // ruleid: style.style-sheet-rules
  var rules = document.styleSheets[0].rules;
  for (var i = 0; i < rules.length; i++) {
    if (rules[i].selectorText == selector) return rules[i];
  }
  return null;
}

function ruleCount(sheet) {
  // ruleid: style.style-sheet-rules
  return sheet.rules ? sheet.rules.length : sheet.cssRules.length;
}

function gridRule(oSheet2, n) {
  // ruleid: style.style-sheet-rules
  return oSheet2.rules[n];
}

function validate(form, validator) {
  // ok: style.style-sheet-rules
  var rules = validator.rules;
  // ok: style.style-sheet-rules
  var standard = document.styleSheets[0].cssRules;
  // ok: style.style-sheet-rules
  var label = "sheet.rules is the IE name";
  return rules && standard && label && form;
}
