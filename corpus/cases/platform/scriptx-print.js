/*
 * Printing helpers for the resident certificate pages (2009).
 * The pages embed the ScriptX object as "factory".
 */
function setupPrint(title) {
  // ruleid: platform.scriptx-print
  factory.printing.header = title;
  // ruleid: platform.scriptx-print
  factory.printing.footer = "&b&p / &P";
  // ruleid: platform.scriptx-print
  factory.printing.portrait = false;
  // ruleid: platform.scriptx-print
  factory.printing.leftMargin = 10;
}

function printNow(silent) {
  // ruleid: platform.scriptx-print
  factory.printing.Print(!silent);
  // ruleid: platform.scriptx-print
  factory.printing.WaitForSpoolingComplete();
}

function previewLabels(printObj) {
  // ruleid: platform.scriptx-print
  printObj.printing.Preview();
}

function printStandard(report) {
  // ok: platform.scriptx-print
  report.printing = true;
  // ok: platform.scriptx-print
  var status = "printing...";
  window.print();
  return status;
}
