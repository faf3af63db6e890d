// Purchase order screen. The page loads the shared jQuery copy before this file.
// ok: vendored.library
var jQueryReady = typeof jQuery !== "undefined";

function showTotal(total) {
  // ruleid: events.attach-event
  document.getElementById("total").attachEvent("onclick", function () {
    alert(total);
  });
}
