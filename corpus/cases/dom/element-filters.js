// Fading banner and dimmed panels on the portal page (2004).
function fadeIn(el) {
  // ruleid: dom.element-filters
  el.filters.alpha.opacity += 10;
  // ruleid: dom.element-filters
  if (el.filters.alpha.opacity < 100) {
    window.setTimeout(function () { fadeIn(el); }, 50);
  }
}

function nextBanner(img, src) {
  // ruleid: dom.element-filters
  img.filters[0].Apply();
  img.src = src;
  // ruleid: dom.element-filters
  img.filters[0].Play();
}

function revealPanel(panel) {
  // ruleid: dom.element-filters
  panel.filters.revealTrans.transition = 12;
  // ruleid: dom.element-filters
  panel.filters["DXImageTransform.Microsoft.Alpha"].opacity = 40;
}

function applyGridFilters(grid, rows) {
  // ok: dom.element-filters
  rows = grid.filters[0].apply(grid, [rows]);
  // ok: dom.element-filters
  var active = grid.filters.length;
  // ok: dom.element-filters
  var msg = "filters.alpha is not supported";
  return rows && active && msg;
}
