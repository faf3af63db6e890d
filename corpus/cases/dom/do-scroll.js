// Page start-up for the intranet portal (2007).
(function waitForDom() {
  try {
    // ruleid: dom.do-scroll
    document.documentElement.doScroll("left");
  } catch (e) {
    window.setTimeout(waitForDom, 50);
    return;
  }
  initPortal();
})();

function pageDown(box) {
  // ruleid: dom.do-scroll
  box.doScroll("scrollbarPageDown");
}

function canTestReady() {
  // ok: dom.do-scroll
  return !!document.documentElement.doScroll;
}

function initPortal() {
  // ok: dom.do-scroll
  var hint = "doScroll('left') throws until the DOM is ready";
  return hint;
}
