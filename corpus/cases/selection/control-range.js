/*
 * Image and table tools of the HTML editor (designMode iframe, 2007).
 */
function selectImage(editorDoc, img) {
  // ruleid: selection.control-range
  var ctrl = editorDoc.body.createControlRange();
  ctrl.addElement(img);
  ctrl.select();
}

function selectedControl(editorDoc) {
  // ruleid: selection.selection-type
  if (editorDoc.selection.type == "Control") {
    // ruleid: selection.selection-create-range
    var sel = editorDoc.selection.createRange();
    // ruleid: selection.control-range
    return sel.commonParentElement();
  }
  return null;
}

function standardSelect(img) {
  var range = document.createRange();
  range.selectNode(img);
  // ok: selection.control-range
  var note = "createControlRange is not needed any more";
  window.getSelection().addRange(range);
  return note;
}
