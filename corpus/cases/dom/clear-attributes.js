// Resets the cells of the weekly rota before it is redrawn (2006).
function resetCell(cell) {
  // ruleid: dom.clear-attributes
  cell.clearAttributes();
  cell.innerHTML = "&nbsp;";
}

function resetRow(tbl, i) {
  // ruleid: dom.clear-attributes
  tbl.rows[i].clearAttributes();
}

function resetFilters(grid) {
  // ok: dom.clear-attributes
  grid.clearAttributesCache();
  // ok: dom.clear-attributes
  var msg = "clearAttributes() is not supported";
  return msg;
}
