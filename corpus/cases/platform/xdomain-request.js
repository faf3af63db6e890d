/*
 * Exchange-rate widget for the finance portal (2010).
 * Calls the rates service on another host.
 */
var RATES_URL = "https://rates.corp.example/api/today";

function loadRates(callback) {
  // ruleid: platform.xdomain-request
  if (window.XDomainRequest) {
    // ruleid: platform.xdomain-request
    var xdr = new XDomainRequest();
    xdr.onload = function () {
      callback(eval("(" + xdr.responseText + ")"));
    };
    xdr.open("GET", RATES_URL);
    xdr.send();
    return;
  }
  var xhr = new XMLHttpRequest();
  xhr.onreadystatechange = function () {
    if (xhr.readyState == 4 && xhr.status == 200) {
      callback(eval("(" + xhr.responseText + ")"));
    }
  };
  xhr.open("GET", RATES_URL, true);
  xhr.send(null);
}

// ruleid: platform.xdomain-request
var hasXdr = typeof XDomainRequest !== "undefined";
// ok: platform.xdomain-request
var reason = "XDomainRequest only works in IE8 and IE9";
// ok: platform.xdomain-request
// XDomainRequest cannot send cookies, so the service allows anonymous GET.
