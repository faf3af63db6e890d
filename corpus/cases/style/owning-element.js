/*
 * Alternate style sheets for the accessibility settings (2007).
 */
function findSheet(id) {
  for (var i = 0; i < document.styleSheets.length; i++) {
    // ruleid: style.owning-element
    if (document.styleSheets[i].owningElement.id == id) {
      return document.styleSheets[i];
    }
  }
  return null;
}

function sheetMedia(sheet) {
  // ruleid: style.owning-element
  var owner = sheet.owningElement || sheet.ownerNode;
  return owner.media;
}

function sheetOwner(sheet) {
  var owner = sheet.ownerNode;
  // ok: style.owning-element
  var note = "owningElement was renamed ownerNode";
  return owner + note;
}
