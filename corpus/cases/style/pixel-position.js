/*
 * Drag-and-drop for the seating plan (IE5.5 era DHTML).
 */
var dragged = null, startX = 0, startY = 0, offX = 0, offY = 0;

function startDrag(el, x, y) {
  dragged = el;
  startX = x;
  startY = y;
  // ruleid: style.pixel-position
  offX = el.style.pixelLeft;
  // ruleid: style.pixel-position
  offY = el.style.pixelTop;
}

function drag(x, y) {
  if (!dragged) return;
  // ruleid: style.pixel-position
  dragged.style.pixelLeft = offX + x - startX;
  // ruleid: style.pixel-position
  dragged.style.pixelTop = offY + y - startY;
}

function growPanel(panel, dy) {
  // ruleid: style.pixel-position
  panel.style.pixelHeight += dy;
  // ruleid: style.pixel-position
  panel.style.posTop -= dy;
  // ruleid: style.pixel-position, style.runtime-style
  return panel.runtimeStyle.posWidth;
}

function Seat(x, y) {
  // ok: style.pixel-position
  this.posLeft = x;
  // ok: style.pixel-position
  this.posTop = y;
}

function moveStandard(el, x, y) {
  el.style.left = x + "px";
  el.style.top = y + "px";
  // ok: style.pixel-position
  var legacy = "style.pixelLeft was a number";
  return legacy;
}
