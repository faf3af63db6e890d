/*
 * Feature switches of the expense module (2008, IE11 patch 2014).
 */
// ruleid: sniffing.activex-test
var isIE = !!window.ActiveXObject || "ActiveXObject" in window;

function canExportToExcel() {
  // ruleid: sniffing.activex-test
  return typeof ActiveXObject != "undefined";
}

function isIE11() {
  // ruleid: sniffing.activex-test
  return !(window.ActiveXObject) && window.hasOwnProperty("ActiveXObject");
}

function requestFor(url) {
  if (window.XMLHttpRequest) {
    return new XMLHttpRequest();
  // ruleid: sniffing.activex-test
  } else if (window["ActiveXObject"]) {
    // ruleid: activex.xmlhttp
    return new window.ActiveXObject("Microsoft.XMLHTTP");
  }
  return null;
}

// ok: sniffing.activex-test
// window.ActiveXObject is hidden in IE11; see KB for the expense module.
// ok: sniffing.activex-test
var AX_HELP = "Excel export needs ActiveXObject support";
