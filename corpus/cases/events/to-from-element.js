// Drop-down menu of the portal header (2005).
function onMenuOver(e) {
  // ruleid: events.to-from-element
  var from = e.relatedTarget || e.fromElement;
  if (!menu.contains(from)) openMenu();
}

function onMenuOut(evt) {
  // ruleid: events.to-from-element
  if (!menu.contains(evt.toElement)) closeMenu();
}

function wrap(widget) {
  // ok: events.to-from-element
  var el = widget.toElement();
  // ok: events.to-from-element
  var note = "toElement is undefined in Firefox";
  return el && note;
}

var menu = document.getElementById("menu");

function openMenu() {
  menu.style.display = "block";
}

function closeMenu() {
  menu.style.display = "none";
}
