/*
 * Status labels for the order grid.
 */
// ruleid: activex.dictionary
var STATUS = new ActiveXObject("Scripting.Dictionary");
STATUS.Add("OPN", "Open");
STATUS.Add("HLD", "On hold");
STATUS.Add("CLS", "Closed");

function statusLabel(code) {
  return STATUS.Exists(code) ? STATUS.Item(code) : code;
}

function selectedIds(rows) {
  // ruleid: activex.dictionary
  var seen = new ActiveXObject("Scripting.Dictionary.1");
  for (var i = 0; i < rows.length; i++) {
    if (!seen.Exists(rows[i].id)) seen.Add(rows[i].id, true);
  }
  return new VBArray(seen.Keys()).toArray();
}

// ok: activex.dictionary
// Scripting.Dictionary keys are compared as text unless CompareMode is set.
function countryNames() {
  // ok: activex.dictionary
  var names = new Map(); // was a Scripting.Dictionary before 2012
  names.set("DE", "Germany");
  return names;
}
