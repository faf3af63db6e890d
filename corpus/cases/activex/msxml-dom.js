/*
 * Depot configuration: read once per page from config/depots.xml.
 */
var DEPOT_CONFIG = "config/depots.xml";

function loadDepotConfig() {
  // ruleid: activex.msxml-dom
  var doc = new ActiveXObject("Microsoft.XMLDOM");
  doc.async = false;
  doc.load(DEPOT_CONFIG);
  return doc;
}

function newOrderDocument() {
  var doc;
  try {
    // ruleid: activex.msxml-dom
    doc = new ActiveXObject("Msxml2.DOMDocument.6.0");
  } catch (e) {
    // ruleid: activex.msxml-dom
    doc = new ActiveXObject("MSXML2.DOMDocument.3.0");
  }
  doc.appendChild(doc.createElement("order"));
  return doc;
}

function validator() {
  // ruleid: activex.msxml-dom
  var cache = new ActiveXObject("Msxml2.XMLSchemaCache.6.0");
  cache.add("urn:acme:order", "schemas/order.xsd");
  return cache;
}

function depotNames(text) {
  // ok: activex.msxml-dom
  var doc = new DOMParser().parseFromString(text, "application/xml"); // no XMLDOM needed
  var names = [];
  var nodes = doc.getElementsByTagName("depot");
  for (var i = 0; i < nodes.length; i++) {
    names.push(nodes[i].getAttribute("name"));
  }
  return names;
}

// ok: activex.msxml-dom
// Microsoft.XMLDOM is the MSXML 2 name; keep it in sync with the ops handbook.
// ok: activex.msxml-dom
var DOM_PROGID_NOTE = "Msxml2.DOMDocument.6.0 is installed by the client package";
