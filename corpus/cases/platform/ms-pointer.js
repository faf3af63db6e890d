/*
 * Signature pad for the delivery tablets (Windows 8, IE10, 2013).
 */
function initPad(pad) {
  // ruleid: platform.ms-pointer
  if (window.navigator.msPointerEnabled) {
    // ruleid: platform.ms-pointer
    pad.addEventListener("MSPointerDown", startStroke, false);
    // ruleid: platform.ms-pointer
    pad.addEventListener("MSPointerMove", extendStroke, false);
    // ruleid: platform.ms-pointer
    pad.addEventListener('MSPointerUp', endStroke, false);
  } else {
    pad.addEventListener("mousedown", startStroke, false);
  }
}

function startStroke(e) {
  // ruleid: platform.ms-pointer
  if (e.pointerType == MSPointerEvent.MSPOINTER_TYPE_TOUCH) {
    // ruleid: platform.ms-pointer
    e.target.msSetPointerCapture(e.pointerId);
  }
}

// ruleid: platform.ms-pointer
var EVENTS = { down: "MSPointerDown", up: "MSPointerUp" };

function zoomSetup(viewer) {
  // ruleid: platform.ms-pointer
  var gesture = new MSGesture();
  gesture.target = viewer;
  // ruleid: platform.ms-pointer
  viewer.onmsgesturechange = function (e) { viewer.zoom *= e.scale; };
  // ruleid: platform.ms-pointer
  return navigator.msMaxTouchPoints > 1 ? gesture : null;
}

function initStandard(pad) {
  pad.addEventListener("pointerdown", startStroke);
  // ok: platform.ms-pointer
  var note = "MSPointerDown was renamed pointerdown in IE11";
  var touch = navigator.maxTouchPoints > 0;
  return note + touch;
}

function extendStroke(e) { return e; }
function endStroke(e) { return e; }
