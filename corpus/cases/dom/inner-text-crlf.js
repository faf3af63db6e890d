// Reads the lines of the address cell on the delivery note (2006).
function addressLines(cell) {
  // ruleid: dom.inner-text-crlf
  return cell.innerText.split("\r\n");
}

function oneLine(memo) {
  // ruleid: dom.inner-text-crlf
  return memo.innerText.replace(/\r\n/g, " / ");
}

function hasSecondLine(cell) {
  // ruleid: dom.inner-text-crlf
  return cell.innerText.indexOf('\r') >= 0;
}

function addressLinesAnyBrowser(cell) {
  // ok: dom.inner-text-crlf
  var lines = cell.innerText.split(/\r?\n/);
  // ok: dom.inner-text-crlf
  cell.innerText = lines.join("\r\n");
  // ok: dom.inner-text-crlf
  var words = cell.innerText.split(" ");
  return words.length;
}
