// Field order helpers for the claim form (2004).
function byPosition(a, b) {
  // ruleid: dom.source-index
  return a.sourceIndex - b.sourceIndex;
}

function isBefore(a, b) {
  // ruleid: dom.source-index
  return a["sourceIndex"] < b.sourceIndex;
}

function nextIndex(list) {
  // ok: dom.source-index
  var sourceIndexes = list.getSourceIndexes();
  // ok: dom.source-index
  var msg = "sourceIndex is not available";
  return sourceIndexes.length + msg.length;
}
