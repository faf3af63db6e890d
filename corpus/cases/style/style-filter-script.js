/*
 * Fades and overlays for the approval workflow screens (2006).
 */
function setOpacity(el, percent) {
  // ruleid: style.style-filter-script
  el.style.filter = "alpha(opacity=" + percent + ")";
  el.style.opacity = percent / 100;
}

function showOverlay(overlay) {
  // ruleid: style.style-filter-script
  overlay.style.filter = "progid:DXImageTransform.Microsoft.Alpha(Opacity=40)";
  // ruleid: style.style-filter-script
  overlay.firstChild.style.filter = 'DXImageTransform.Microsoft.Gradient(startColorStr=#80000000, endColorStr=#80000000)';
}

function disableButton(btn) {
  // ruleid: style.style-filter-script
  btn.style.filter = "gray";
  // ruleid: style.style-filter-script
  btn.style.cssText = "cursor: default; filter: alpha(opacity=50)";
}

function rotateLabel(label) {
  // ruleid: style.style-filter-script
  label.style.filter = "progid:DXImageTransform.Microsoft.BasicImage(rotation=3)";
}

function clearEffects(el, rows) {
  // ok: style.style-filter-script
  el.style.filter = "";
  // ok: style.style-filter-script
  el.style.filter = "grayscale(1) blur(2px)";
  // ok: style.style-filter-script
  var visible = rows.filter(function (r) { return r.visible; });
  // ok: style.style-filter-script
  var tip = "IE used filter alpha(opacity=...) for transparency";
  return visible.length + tip;
}
