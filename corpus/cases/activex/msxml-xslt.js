/*
 * Renders the weekly report with a compiled stylesheet (MSXML 4+).
 */
var reportTemplate = null;

function compileReport(styleUrl) {
  // ruleid: activex.msxml-dom
  var styleDoc = new ActiveXObject("Msxml2.FreeThreadedDOMDocument.6.0");
  styleDoc.async = false;
  styleDoc.load(styleUrl);
  // ruleid: activex.msxml-xslt
  reportTemplate = new ActiveXObject("Msxml2.XSLTemplate.6.0");
  reportTemplate.stylesheet = styleDoc;
}

function renderReport(dataDoc, week, target) {
  var proc = reportTemplate.createProcessor();
  proc.input = dataDoc;
  proc.addParameter("week", week);
  proc.transform();
  target.innerHTML = proc.output;
}

function renderWithBrowser(dataDoc, styleDoc, target) {
  // ok: activex.msxml-xslt
  var xslt = new XSLTProcessor(); // replaces Msxml2.XSLTemplate on the new portal
  xslt.importStylesheet(styleDoc);
  target.appendChild(xslt.transformToFragment(dataDoc, document));
}
