function submitOrder(orderXml) {
  var http = new XMLHttpRequest();
  // ruleid: security.xmlhttp-open-credentials
  http.open("POST", "/erp/orders/submit.asp", false, "erp_batch", "Batch#2011");
  http.send(orderXml);
  return http.status == 200;
}

function priceOf(code) {
  var http = new XMLHttpRequest();
  // ruleid: security.xmlhttp-open-credentials
  http.open("GET", "/erp/prices.asp?code=" + encodeURIComponent(code), false, "", "Kakaku99");
  http.send(null);
  return http.responseText;
}

function submitAs(user, password, orderXml) {
  var http = new XMLHttpRequest();
  // ok: security.xmlhttp-open-credentials
  http.open("POST", "/erp/orders/submit.asp", false, user, password);
  http.send(orderXml);
}

function status() {
  var http = new XMLHttpRequest();
  // ok: security.xmlhttp-open-credentials
  http.open("GET", "/erp/status.asp", false, "guest", "");
  http.send(null);
  return http.responseText;
}

function showHelp() {
  // ok: security.xmlhttp-open-credentials
  window.open("/erp/help.htm", "help", "width=600,height=400");
}
