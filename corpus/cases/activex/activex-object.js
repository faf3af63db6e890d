/*
 * Badge reader and label printer on the claims desktop (intranet zone only).
 * The controls are installed by the desktop team, not downloaded.
 */
function readBadge() {
  // ruleid: activex.activex-object
  var reader = new ActiveXObject("Acme.CardReader");
  reader.Port = "COM3";
  return reader.ReadBadge(5000);
}

function printClaimLabel(claimNo) {
  // ruleid: activex.activex-object
  var printer = new window.ActiveXObject("ZebraLink.LabelPrinter.2");
  printer.PrintBarcode(claimNo, 1);
}

function openTwain() {
  var scanner;
  // ruleid: activex.activex-object
  scanner = new ActiveXObject(
      "TwainCtl.Scanner");
  return scanner;
}

function readDepartment() {
  // ruleid: activex.file-system-object
  // ok: activex.activex-object
  var fso = new ActiveXObject("Scripting.FileSystemObject");
  return fso.FileExists("H:\\claims\\dept.txt");
}
