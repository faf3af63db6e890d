// Tooltip helper for the personnel list (2006).
var tipTimer = null;

function attachTip(el) {
  // ruleid: dom.unique-id
  if (!el.id) el.id = el.uniqueID;
}

function scheduleHide(el) {
  // ruleid: dom.unique-id
  var key = el.uniqueID;
  tipTimer = window.setTimeout("hideTip('" + key + "')", 3000);
}

function newTipId() {
  // ruleid: dom.unique-id
  return document.uniqueID;
}

function lookup(record) {
  // ok: dom.unique-id
  var id = record.uniqueId;
  // ok: dom.unique-id
  var label = "uniqueID of the tooltip";
  return id + label;
}
