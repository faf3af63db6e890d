/*
 * Opens the wallboard and presentation screens of the call-centre system.
 */
function openWallboard() {
  // ruleid: windows.open-ie-features
  window.open("wallboard.aspx", "wall", "fullscreen=yes,scrollbars=no");
}

function openPresentation(url) {
  // ruleid: windows.open-ie-features
  return window.open(url, "show", "toolbar=no, location=no, channelmode=1");
}

function openKiosk() {
  // ruleid: windows.open-ie-features
  var features = 'status=no,fullscreen=1';
  return window.open("kiosk.aspx", "kiosk", features);
}

function openViewer(id) {
  // ok: windows.open-ie-features
  window.open("viewer.aspx?id=" + id + "&fullscreen=1", "viewer", "width=800,height=600");
  // ok: windows.open-ie-features
  window.open("print.aspx", "print", "fullscreen=no,resizable=yes");
  // ok: windows.open-ie-features
  document.getElementById("fullscreen").disabled = true;
}
