/*
 * Version switches of the report viewer (2004-2011).
 */
// ruleid: sniffing.ie-version-parse
var IE_VERSION = parseFloat(navigator.appVersion.split("MSIE")[1]);

function ieVersion() {
  var ua = navigator.userAgent;
  // ruleid: sniffing.msie-user-agent
  var p = ua.indexOf("MSIE ");
  // ruleid: sniffing.ie-version-parse
  return p < 0 ? 0 : parseInt(ua.substring(ua.indexOf("MSIE ") + 5), 10);
}

function internetExplorerVersion() {
  var rv = -1;
  // ruleid: sniffing.ie-version-parse
  var re = new RegExp("MSIE ([0-9]{1,}[\.0-9]{0,})");
  if (re.exec(navigator.userAgent) != null) {
    rv = parseFloat(RegExp.$1);
  }
  // ruleid: sniffing.ie-version-parse
  var m = /Trident\/.*rv:([0-9.]+)/.exec(navigator.userAgent);
  return m ? parseFloat(m[1]) : rv;
}

// ok: sniffing.ie-version-parse
var VERSION_TEXT = "Needs MSIE 6 or later";
// ok: sniffing.ie-version-parse
var limit = parseInt(document.getElementById("rows").value, 10); // rows for MSIE 6 printing
