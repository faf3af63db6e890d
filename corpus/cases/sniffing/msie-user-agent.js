/*
 * Browser checks for the HR self-service portal (2004, updated 2008).
 */
// ruleid: sniffing.app-name
var IS_IE = navigator.appName == "Microsoft Internet Explorer";
// ruleid: sniffing.msie-user-agent
var IS_IE6 = navigator.userAgent.indexOf("MSIE 6.") != -1;

function ieVersion() {
  var ua = navigator.userAgent;
  // ruleid: sniffing.ie-version-parse
  // ok: sniffing.msie-user-agent
  var m = /MSIE (\d+\.\d+)/.exec(ua);
  if (m) {
    return parseFloat(m[1]);
  }
  // ruleid: sniffing.msie-user-agent
  if (ua.toLowerCase().indexOf("trident/") > -1) {
    return 11;
  }
  return 0;
}

function requireIE() {
  // ruleid: sniffing.msie-user-agent
  if (!/msie|trident/i.test(navigator.userAgent)) {
    location.href = "unsupported.html";
  }
}

// ok: sniffing.msie-user-agent
// navigator.userAgent.indexOf("MSIE") was removed from the login page.
// ok: sniffing.msie-user-agent
var unsupportedText = "Internet Explorer (MSIE) 6 is no longer supported.";
// ok: sniffing.msie-user-agent
var platform = navigator.platform; var tridentLogo = "img/trident.gif";
