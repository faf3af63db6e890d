// Request factories from an order-entry screen, 2006-2010.
function createRequest() {
  // ruleid: activex.xmlhttp guard=guarded
  return window.XMLHttpRequest ? new XMLHttpRequest() : new ActiveXObject('Microsoft.XMLHTTP');
}

function createRequestOld() {
  var req = null;
  try {
    // ruleid: activex.xmlhttp guard=guarded
    req = new ActiveXObject('Msxml2.XMLHTTP');
  } catch (e) {
    req = new XMLHttpRequest();
  }
  return req;
}

function createDom() {
  if (typeof DOMParser != 'undefined') {
    return new DOMParser();
  }
  // ruleid: activex.msxml-dom guard=guarded
  return new ActiveXObject('Msxml2.DOMDocument.3.0');
}

function createCrossSite() {
  if ('XDomainRequest' in window) {
    // ruleid: platform.xdomain-request guard=ie-only-branch
    return new XDomainRequest();
  }
  return new XMLHttpRequest();
}
