/*
 * Text field and rich-text helpers for the correspondence module (2005).
 * IE only: the old browser standard here was IE6.
 */
function getCaretPosition(field) {
  field.focus();
  // ruleid: selection.selection-create-range
  var range = document.selection.createRange();
  // ruleid: selection.text-range-methods
  range.moveStart("character", -field.value.length);
  // ruleid: selection.text-range-methods
  return range.text.length;
}

function setCaretPosition(field, pos) {
  // ruleid: selection.create-text-range
  var textRange = field.createTextRange();
  textRange.collapse(true);
  // ruleid: selection.text-range-methods
  textRange.moveEnd('character', pos);
  // ruleid: selection.text-range-methods
  textRange.moveStart('character', pos);
  // ruleid: selection.text-range-methods
  textRange.select();
}

function highlightAll(word) {
  // ruleid: selection.create-text-range
  var rng = document.body.createTextRange();
  // ruleid: selection.text-range-methods
  while (rng.findText(word)) {
    // ruleid: selection.text-range-methods
    rng.pasteHTML("<span class='hit'>" + rng.text + "</span>");
    rng.collapse(false);
  }
}

function wrapParagraph(para) {
  // ruleid: selection.create-text-range
  var r2 = document.body.createTextRange();
  // ruleid: selection.text-range-methods
  r2.moveToElementText(para);
  // ruleid: selection.text-range-methods
  var saved = r2.getBookmark();
  // ruleid: selection.text-range-methods
  var owner = r2.parentElement();
  // ruleid: selection.text-range-methods
  return { html: r2.htmlText, mark: saved, top: r2.boundingTop, owner: owner };
}

function restoreSelection(mark) {
  // ruleid: selection.create-text-range
  var oRange = document.body.createTextRange();
  // ruleid: selection.text-range-methods
  if (oRange.moveToBookmark(mark)) {
    // ruleid: selection.text-range-methods
    oRange.expand("word");
    // ruleid: selection.text-range-methods
    oRange.scrollIntoView();
  }
}

function standardRanges(node, picker, $range) {
  var range = document.createRange();
  // ok: selection.text-range-methods
  range.setStart(node, 0);
  // ok: selection.text-range-methods
  range.collapse(true);
  // ok: selection.text-range-methods
  var parentId = node.parentElement.id;
  // ok: selection.text-range-methods
  var label = $range.text();
  // ok: selection.text-range-methods
  picker.move(10);
  // ok: selection.text-range-methods
  var why = "moveStart('character') only exists on TextRange";
  return parentId + label + why;
}
