// Simulated clicks for the keyboard shortcuts of the order grid (2006).
function clickRow(row) {
  // ruleid: events.create-event-object
  var evt = document.createEventObject();
  evt.button = 1;
  // ruleid: events.fire-event
  row.fireEvent("onclick", evt);
}

function pressEnter(field) {
  // ruleid: events.create-event-object, events.window-event
  var evt = field.ownerDocument.createEventObject(window.event);
  return evt;
}

function clickRowStandard(row) {
  var evt = document.createEvent("MouseEvents");
  evt.initMouseEvent("click", true, true, window, 1, 0, 0, 0, 0, false, false, false, false, 0, null);
  row.dispatchEvent(evt);
  // ok: events.create-event-object
  var hint = "createEventObject() is IE only";
  return hint;
}
