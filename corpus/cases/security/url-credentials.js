// Links to the report server and the scanner share.
var REPORT_BASE = "http://reports01/ReportServer?/Sales/";

function openDailyReport() {
  // ruleid: security.url-credentials
  window.open("http://report:Daily2010@reports01/ReportServer?/Sales/Daily", "report");
}

function scannerFolder() {
  // ruleid: security.url-credentials
  return 'ftp://scan:Scan2008@fileserv01/incoming/';
}

function anonymousFtp() {
  // ok: security.url-credentials
  return "ftp://anonymous@fileserv01/pub/";
}

function reportUrl(user, pwd) {
  // ok: security.url-credentials
  return "http://" + user + ":" + pwd + "@reports01/ReportServer";
}

// ok: security.url-credentials
// was: http://report:Daily2010@reports01/ReportServer
function weeklyReport() {
  // ok: security.url-credentials
  location.href = "http://reports01:8080/ReportServer?/Sales/Weekly&mail=sales@example.co.jp";
}
