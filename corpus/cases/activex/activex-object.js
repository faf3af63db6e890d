/*
 * Local settings for the claims desktop (intranet zone only).
 * Reads the department code from a file on the user's H: drive.
 */
function readDepartment() {
  // ruleid: activex.activex-object
  var fso = new ActiveXObject("Scripting.FileSystemObject");
  var path = "H:\\claims\\dept.txt";
  if (!fso.FileExists(path)) {
    return "";
  }
  var file = fso.OpenTextFile(path, 1);
  var dept = file.ReadLine();
  file.Close();
  return dept;
}

function currentUser() {
  // ruleid: activex.activex-object
  var net = new window.ActiveXObject("WScript.Network");
  return net.UserName;
}

function openManual() {
  var shell;
  // ruleid: activex.activex-object
  shell = new ActiveXObject(
      "WScript.Shell");
  shell.Run("\\\\fileserv\\manuals\\claims.pdf");
}
