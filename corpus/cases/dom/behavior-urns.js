// Date picker housekeeping for the leave request form (2006).
function resetPickers() {
  // ruleid: dom.behavior-urns
  var pickers = document.all.urns("urn:intranet:datepicker");
  for (var i = 0; i < pickers.length; i++) pickers[i].reset();
}

function hasSortBehavior(cell) {
  // ruleid: dom.behavior-urns
  var urns = cell.behaviorUrns;
  for (var i = 0; i < urns.length; i++) {
    if (urns[i] == "urn:intranet:sort") return true;
  }
  return false;
}

function pickerPanels(panel) {
  // ruleid: dom.behavior-urns
  return panel.all.urns("urn:intranet:datepicker");
}

function describeUrns(config) {
  // ok: dom.behavior-urns
  var list = config.urns;
  // ok: dom.behavior-urns
  var text = "behaviorUrns lists the attached behaviors";
  return list + text;
}
