/*
 * Request helpers for the purchasing screens (2004, reworked 2007).
 * IE6 clients have no native XMLHttpRequest, hence the MSXML fallbacks.
 */
var PURCHASING_ROOT = "/purchasing/";

function createRequest() {
  if (window.XMLHttpRequest) {
    return new XMLHttpRequest();
  }
  try {
    // ruleid: activex.xmlhttp
    return new ActiveXObject("Msxml2.XMLHTTP.6.0");
  } catch (e1) {
  }
  try {
    // ruleid: activex.xmlhttp
    return new ActiveXObject("Microsoft.XMLHTTP");
  } catch (e2) {
  }
  return null;
}

function postOrder(xmlText) {
  // ruleid: activex.xmlhttp
  var req = new window.ActiveXObject('MSXML2.ServerXMLHTTP.3.0');
  req.open("POST", PURCHASING_ROOT + "order_save.asp", false);
  req.setRequestHeader("Content-Type", "text/xml; charset=utf-8");
  req.send(xmlText);
  return req.status == 200;
}

function checkBudget(costCentre) {
  // ruleid: activex.xmlhttp
  var http = new ActiveXObject("WinHttp.WinHttpRequest.5.1");
  http.Open("GET", "http://budget.intra/check?cc=" + costCentre, false);
  http.Send();
  return http.ResponseText == "OK";
}

// ok: activex.xmlhttp
// new ActiveXObject("Microsoft.XMLHTTP") stays only for the IE6 kiosks in the warehouse.
// ok: activex.xmlhttp
var REQUEST_HELP = "This page needs Msxml2.XMLHTTP or a native XMLHttpRequest.";

function loadRates() {
  // ok: activex.xmlhttp
  var req = new XMLHttpRequest();
  req.open("GET", PURCHASING_ROOT + "rates.asp", false);
  req.send(null);
  return req.responseText;
}
