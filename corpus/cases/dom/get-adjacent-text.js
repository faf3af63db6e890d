// Currency unit next to the amount fields (2005).
function unitOf(field) {
  // ruleid: dom.get-adjacent-text
  return field.getAdjacentText("afterEnd");
}

function setUnit(field, unit) {
  // ruleid: dom.get-adjacent-text
  field.replaceAdjacentText("afterEnd", " " + unit);
}

function addUnit(field, unit) {
  // ok: dom.get-adjacent-text
  field.insertAdjacentText("afterEnd", " " + unit);
  // ok: dom.get-adjacent-text
  var hint = "getAdjacentText returns the text after the field";
  return hint;
}
