// Show password and column count on the account screen (2005).
function showPassword(field) {
  // ruleid: dom.outer-html-rewrite
  field.outerHTML = field.outerHTML.replace("type=password", "type=text");
}

function columnCount(row) {
  // ruleid: dom.outer-html-rewrite
  return row.innerHTML.split("<TD>").length - 1;
}

function hasBreak(cell) {
  // ruleid: dom.outer-html-rewrite
  return cell.innerHTML.search(/<BR>/) >= 0;
}

function fillTemplate(tpl, name) {
  // ok: dom.outer-html-rewrite
  var html = tpl.innerHTML.replace("{name}", name);
  // ok: dom.outer-html-rewrite
  var lower = tpl.innerHTML.indexOf("<td");
  // ok: dom.outer-html-rewrite
  var copy = tpl.outerHTML;
  return html + lower + copy;
}
