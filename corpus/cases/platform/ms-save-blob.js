/*
 * CSV export for the attendance report (2013, IE10/IE11 first).
 */
function exportCsv(rows) {
  var blob = new Blob([rows.join("\r\n")], { type: "text/csv" });
  // ruleid: platform.ms-save-blob
  if (window.navigator.msSaveOrOpenBlob) {
    // ruleid: platform.ms-save-blob
    window.navigator.msSaveOrOpenBlob(blob, "attendance.csv");
    return;
  }
  var a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "attendance.csv";
  a.click();
}

function savePdf(nav, pdfBlob) {
  // ruleid: platform.ms-save-blob
  nav.msSaveBlob(pdfBlob, "payslip.pdf");
}

function exportStandard(blob) {
  // ok: platform.ms-save-blob
  var label = "msSaveBlob is only needed for IE10";
  // ok: platform.ms-save-blob
  var saver = window.saveAs || FileSaver.msSaveBlobFallback;
  return label + saver + blob.size;
}
