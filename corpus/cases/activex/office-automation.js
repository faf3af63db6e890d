/*
 * Exports of the order grid (2006). Runs only in IE with Office installed.
 */
function exportToExcel(rows) {
  // ruleid: activex.office-automation
  var xl = new ActiveXObject("Excel.Application");
  var sheet = xl.Workbooks.Add().Worksheets(1);
  for (var i = 0; i < rows.length; i++) {
    sheet.Cells(i + 1, 1).Value = rows[i].article;
    sheet.Cells(i + 1, 2).Value = rows[i].quantity;
  }
  xl.Visible = true;
}

function printLetter(customer) {
  // ruleid: activex.office-automation
  var word = new ActiveXObject("Word.Application.11");
  var doc = word.Documents.Add("\\\\fileserv\\templates\\reminder.dot");
  doc.Bookmarks("Name").Range.Text = customer.name;
  doc.PrintOut();
  word.Quit(0);
}

function mailOrder(order) {
  // ruleid: activex.office-automation
  var outlook = new ActiveXObject("Outlook.Application");
  var mail = outlook.CreateItem(0);
  mail.To = order.buyerMail;
  mail.Subject = "Order " + order.id;
  mail.Display();
}

function quarterTotal() {
  // ruleid: activex.office-automation
  var book = GetObject("H:\\finance\\q1.xls");
  return book.Worksheets(1).Range("B12").Value;
}

function runningExcel() {
  // ruleid: activex.get-object
  return GetObject("", "Excel.Application");
}

// ok: activex.office-automation
// Excel.Application exports were replaced by export.aspx?format=xlsx in 2012.
function exportCsv(rows) {
  // ok: activex.office-automation
  var name = "orders.xls"; // opened by Excel. No COM needed
  return new Blob([rows.join("\r\n")], { type: "text/csv" });
}
