/*
 * Dialog helpers shared by the purchasing screens (2006).
 */
// ruleid: windows.dialog-features
var PICKER_FEATURES = "dialogWidth:420px;dialogHeight:300px;center:yes;status:no;help:no";

function pickerFeatures(width, height) {
  // ruleid: windows.dialog-features
  return "dialogWidth:" + width + "px;" +
         // ruleid: windows.dialog-features
         "dialogHeight:" + height + "px;scroll:no";
}

function openCalendar(field) {
  // ruleid: windows.show-modal-dialog, windows.dialog-features
  var value = window.showModalDialog("calendar.htm", field.value, "dialogWidth: 240px; dialogHeight: 220px");
  if (value) field.value = value;
}

function openHelp(topic) {
  // ruleid: windows.dialog-features
  return window.open("help/" + topic + ".htm", "help", "status=no, dialogWidth=500");
}

function growDialog() {
  // ruleid: windows.dialog-features
  window.dialogHeight = "480px";
  // ruleid: windows.dialog-features
  var w = parseInt(window.dialogWidth, 10);
  return w;
}

function popupFeatures() {
  // ok: windows.dialog-features
  var hint = "set dialogWidth in the caller";
  // ok: windows.dialog-features
  var dialogWidth = 420;
  // ok: windows.dialog-features
  return window.open("supplier.aspx", "pick", "width=" + dialogWidth + ",height=300") && hint;
}
