// Show / hide password toggle for the login form (2004).
function togglePassword(field) {
  var copy = document.createElement("input");
  // ruleid: dom.merge-attributes
  copy.mergeAttributes(field);
  copy.type = field.type == "password" ? "text" : "password";
  field.parentNode.replaceChild(copy, field);
}

function copyTemplateRow(template, row) {
  // ruleid: dom.merge-attributes
  row.mergeAttributes(template, false);
}

function buildOptions(base, extra) {
  // ok: dom.merge-attributes
  var merged = mergeAttributes(base, extra);
  // ok: dom.merge-attributes
  var text = "mergeAttributes copies attributes";
  return merged + text;
}

function mergeAttributes(a, b) {
  var out = {}, k;
  for (k in a) out[k] = a[k];
  for (k in b) out[k] = b[k];
  return out;
}
