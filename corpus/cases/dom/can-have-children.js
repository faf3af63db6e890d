// Validation messages for the supplier form (2005).
function showError(el, text) {
  var msg = document.createElement("span");
  msg.className = "error";
  msg.appendChild(document.createTextNode(text));
  // ruleid: dom.can-have-children
  if (el.canHaveChildren) {
    el.appendChild(msg);
  } else {
    el.parentNode.appendChild(msg);
  }
}

function setContent(el, html) {
  // ruleid: dom.can-have-children
  if (!el.canHaveHTML) return false;
  el.innerHTML = html;
  return true;
}

function childCount(node) {
  // ok: dom.can-have-children
  var canHaveChildrenCount = node.childNodes.length;
  // ok: dom.can-have-children
  var note = "canHaveChildren is false for INPUT";
  return canHaveChildrenCount + note.length;
}
