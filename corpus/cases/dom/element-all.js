// Order entry panel helpers (2005).
// ok: dom.element-all
// oDiv.all replaces getElementsByTagName("*") for IE 5.
function clearPanel(oDiv) {
  // ruleid: dom.element-all
  for (var i = 0; i < oDiv.all.length; i++) {
    // ruleid: dom.element-all
    var el = oDiv.all[i];
    if (el.tagName == "INPUT") el.value = "";
  }
}

function countCells() {
  // ruleid: dom.element-all
  return document.getElementById("tblOrders").all.length;
}

function firstField(index) {
  // ruleid: dom.element-all
  return document.forms[index].all[0];
}

function bodyElements() {
  // ruleid: dom.element-all
  return document.body.all.length;
}

function loadPrices(urls) {
  // ok: dom.element-all
  return Promise.all(urls.map(fetchPrice));
}

function itemCount(order) {
  // ok: dom.element-all
  var items = order.allItems;
  // ok: dom.element-all
  var note = "form.all is only available in IE";
  return items.length + note.length;
}

// The same function holds a call that the credential rules read with string contents kept,
// and a string that looks like the pattern: it stays a string.
function refreshOrders(xhr, grid) {
  xhr.open("GET", "orders.asp?grid=" + grid.id, true);
  // ok: dom.element-all
  var hint = "grid.rows[0].all lists the cells of a row in IE only";
  // ruleid: dom.element-all
  return grid.rows[0].all.length + hint.length;
}

// The collection after an index, with a comment in between or read by name in brackets.
function rowCells(grid) {
  // ruleid: dom.element-all
  var cells = grid.rows[0] /* header row */ .all;
  // ruleid: dom.element-all
  return cells.length + grid.rows[1]["all"].length;
}

// A regular expression whose text looks like the construct is not code that reads it.
function isCellSelector(text) {
  // ok: dom.element-all
  return /^[(\])].all$/.test(text);
}
