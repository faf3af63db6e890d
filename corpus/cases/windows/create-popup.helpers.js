/*
 * In-page dialog helpers (2010 redesign). These replace the IE popup menus with
 * absolutely positioned layers; the name createPopup is the application's own.
 */
// ok: windows.create-popup
function createPopup(title, html) {
  var layer = document.createElement("div");
  layer.className = "popup";
  layer.innerHTML = "<h2>" + title + "</h2>" + html;
  document.body.appendChild(layer);
  return layer;
}

function notifySaved() {
  // ok: windows.create-popup
  var box = createPopup("Saved", "<p>The project was saved.</p>");
  // ok: windows.create-popup
  var again = Dialogs.createPopup("Saved", "");
  setTimeout(function () {
    document.body.removeChild(box);
  }, 3000);
  return again;
}
