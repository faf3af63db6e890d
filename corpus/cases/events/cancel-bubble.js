// Cell editing in the project plan grid (2005).
function onCellClick(e) {
  // ruleid: events.cancel-bubble
  e.cancelBubble = true;
  if (e.stopPropagation) e.stopPropagation();
  editCell(e.target);
}

function onMenuClick(evt) {
  // ruleid: events.cancel-bubble
  evt["cancelBubble"] = true;
}

function wasStopped(e) {
  // ok: events.cancel-bubble
  return e.cancelBubble == true;
}

function editCell(cell) {
  // ok: events.cancel-bubble
  cell.title = "cancelBubble stops the row click";
}
