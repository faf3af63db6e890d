// Builds the answer options of the survey form (2003).
function addOption(container, group, value, label) {
  // ruleid: dom.create-element-html
  var radio = document.createElement("<input type='radio' name='" + group + "'>");
  radio.value = value;
  container.appendChild(radio);
  container.appendChild(document.createTextNode(label));
}

function addHidden(form, name, value) {
  var field;
  try {
    // ruleid: dom.create-element-html
    field = document.createElement('  <input type="hidden" name="' + name + '">');
  } catch (e) {
    // ok: dom.create-element-html
    field = document.createElement("input");
    field.type = "hidden";
    field.name = name;
  }
  field.value = value;
  form.appendChild(field);
}

function addFrame(parent, html) {
  // ok: dom.create-element-html
  var frame = document.createElement(html);
  // ok: dom.create-element-html
  var note = "createElement('<iframe name=x>') is IE only";
  parent.appendChild(frame);
  return note;
}
