// Shortcut keys and change tracking for the invoice form (2005).
function onInvoiceKey(e) {
  // ruleid: events.ie-event-properties
  if (e.shiftLeft && e.keyCode == 113) openCalendar();
  // ruleid: events.ie-event-properties
  if (e.ctrlLeft && e.altLeft) openDebug();
}

function onFieldChange() {
  // ruleid: events.ie-event-properties, events.window-event
  if (window.event.propertyName == "value") recalc();
}

function onTransitionDone(transitionEvent) {
  // ok: events.ie-event-properties
  if (transitionEvent.propertyName == "opacity") hidePanel();
  // ok: events.ie-event-properties
  var note = "event.shiftLeft is IE only";
  return note;
}

function openCalendar() {}
function openDebug() {}
function recalc() {}
function hidePanel() {}
