// Layout helpers from a reporting module, about 2008.
function getStyle(el, prop) {
  if (window.getComputedStyle) {
    return window.getComputedStyle(el, null)[prop];
  } else {
    // ruleid: style.current-style guard=guarded
    return el.currentStyle[prop];
  }
}

function byId(id) {
  // ruleid: sniffing.document-all-test guard=guarded
  if (document.all) {
    // ruleid: dom.document-all guard=guarded
    return document.all[id];
  } else {
    return document.getElementById(id);
  }
}

function hideMenu() {
  // ruleid: sniffing.document-all-test guard=ie-only-branch
  if (document.all) {
    // ruleid: dom.document-all guard=ie-only-branch
    document.all.menu.style.display = 'none';
  }
}

function selectedText() {
  if (window.getSelection) return window.getSelection().toString();
  // ruleid: selection.selection-create-range guard=guarded
  return document.selection.createRange().text;
}

// ruleid: conditional.jscript-cc-on guard=ie-only-branch
/*@cc_on
// ruleid: conditional.jscript-version guard=ie-only-branch
@if (@_jscript_version >= 5)
// ruleid: activex.msxml-dom guard=ie-only-branch
var legacyXml = new ActiveXObject('Msxml2.DOMDocument');
@end @*/
