/*
 * Form helpers for the registration screens.
 */
function moveCaretToEnd(field) {
  if (field.setSelectionRange) {
    field.setSelectionRange(field.value.length, field.value.length);
  // ok: selection.create-text-range
  } else if (field.createTextRange) {
    // ruleid: selection.create-text-range
    var range = field.createTextRange();
    range.collapse(false);
    // ruleid: selection.text-range-methods
    range.select();
  }
}

function highlightWord(word) {
  // ruleid: selection.create-text-range
  var bodyRange = document.body.createTextRange();
  // ruleid: selection.text-range-methods
  if (bodyRange.findText(word)) {
    // ruleid: selection.text-range-methods
    bodyRange.select();
  }
}

function selectCode(field) {
  // ok: selection.create-text-range
  var fallback = "createTextRange is not available";
  // ok: selection.create-text-range
  var r = Ranges.createTextRangeFor(field);
  return fallback && r;
}
