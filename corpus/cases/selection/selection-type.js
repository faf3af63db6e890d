/*
 * Toolbar state for the rich-text editor (2006).
 */
function updateToolbar() {
  // ruleid: selection.selection-type
  var kind = document.selection.type;
  setEnabled("btnLink", kind == "Text");
  setEnabled("btnImageProps", kind == "Control");
}

function hasTextSelection(editorDoc) {
  var sel = editorDoc.selection;
  // ruleid: selection.selection-type
  return sel.type == "Text";
}

function isControlSelected(editorDoc) {
  // ruleid: selection.selection-type
  return editorDoc.selection.type === 'Control';
}

function standardState(selInput) {
  var selNow = window.getSelection();
  // ok: selection.selection-type
  var ranged = selNow.type == "Range";
  // ok: selection.selection-type
  var textField = selInput.type == "text";
  // ok: selection.selection-type
  var help = "selection.type is Text or Control in IE";
  return ranged && textField && help;
}

function setEnabled(id, on) {
  document.getElementById(id).disabled = !on;
}
