// Cross-browser event helpers, as shipped with an intranet portal around 2007.
var Events = {
  add: function (el, type, fn) {
    if (el.addEventListener) {
      el.addEventListener(type, fn, false);
    } else if (el.attachEvent) {
      // ruleid: events.attach-event guard=guarded
      el.attachEvent('on' + type, fn);
    }
  },
  remove: function (el, type, fn) {
    if (window.removeEventListener) el.removeEventListener(type, fn, false);
    // ruleid: events.attach-event guard=guarded
    else el.detachEvent('on' + type, fn);
  },
  target: function (e) {
    // ruleid: events.window-event guard=guarded
    e = e || window.event;
    // ruleid: events.src-element guard=guarded
    return e.target || e.srcElement;
  },
  stop: function (e) {
    // ruleid: events.window-event, events.cancel-bubble guard=guarded
    if (e.stopPropagation) { e.stopPropagation(); } else { window.event.cancelBubble = true; }
  }
};

function bindLegacy(el, fn) {
  // ruleid: events.attach-event guard=unguarded
  el.attachEvent('onclick', fn);
}
