/*
 * Browser switch of the HR portal menus (2003).
 */
// ruleid: sniffing.app-name
var IS_IE = (navigator.appName == "Microsoft Internet Explorer");
// ruleid: sniffing.app-name
var IS_NS = navigator.appName.indexOf("Netscape") != -1;

function menuLayer(id) {
  // ruleid: sniffing.app-name
  if (navigator.appName.indexOf("Microsoft") > -1) {
    return document.getElementById(id);
  }
  return document.layers[id];
}

function browserLabel() {
  var name = navigator.appName;
  // ruleid: sniffing.app-name
  if (name === 'Microsoft Internet Explorer') {
    return "IE";
  }
  switch (name) {
    // ruleid: sniffing.app-name
    case "Microsoft Internet Explorer":
      return "IE";
    default:
      return "other";
  }
}

// ok: sniffing.app-name
var SUPPORTED_TEXT = "Tested with Microsoft Internet Explorer 6 and 7.";
// ok: sniffing.app-name
var product = navigator.product; // navigator.appName is "Netscape" everywhere now
