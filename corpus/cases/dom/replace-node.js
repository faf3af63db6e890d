// Inline editing for the address book grid (2004).
function startEdit(label) {
  var edit = document.createElement("input");
  edit.value = label.innerText;
  // ruleid: dom.replace-node
  label.replaceNode(edit);
  edit.focus();
}

function endEdit(edit, label) {
  // ruleid: dom.replace-node
  edit.replaceNode(label);
}

function swapPlaceholder(placeholder, content) {
  placeholder.parentNode.replaceChild(content, placeholder);
  // ok: dom.replace-node
  replaceNode(placeholder, content);
}

function replaceNode(a, b) {
  a.parentNode.replaceChild(b, a);
}
