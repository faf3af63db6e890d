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
