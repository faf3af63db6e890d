// Search hit highlighting for the document archive (2005).
function highlightCell(cell) {
  var mark = document.createElement("span");
  mark.className = "hit";
  // ruleid: dom.apply-element
  cell.applyElement(mark, "inside");
}

function boxField(field) {
  var box = document.createElement("div");
  box.className = "required";
  // ruleid: dom.apply-element
  field.applyElement(box);
}

function wrapAll(cells) {
  // ok: dom.apply-element
  applyElement(cells, "span");
  // ok: dom.apply-element
  var note = "applyElement wraps in IE only";
  return note;
}

function applyElement(list, tag) {
  for (var i = 0; i < list.length; i++) {
    var w = document.createElement(tag);
    list[i].parentNode.insertBefore(w, list[i]);
    w.appendChild(list[i]);
  }
}
