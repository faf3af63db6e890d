// Column splitter of the document list (2006).
var dragging = false;

function startDrag(splitter) {
  // ruleid: events.set-capture
  splitter.setCapture();
  dragging = true;
}

function endDrag(splitter) {
  dragging = false;
  // ruleid: events.set-capture
  splitter.releaseCapture();
  // ruleid: events.set-capture
  document.releaseCapture();
}

function startPointerDrag(splitter, e) {
  // ok: events.set-capture
  splitter.setPointerCapture(e.pointerId);
  // ok: events.set-capture
  if (splitter.setCapture) dragging = true;
  // ok: events.set-capture
  var hint = "setCapture() is not available";
  return hint;
}
