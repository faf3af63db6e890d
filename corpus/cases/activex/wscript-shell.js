/*
 * Toolbar actions of the dispatch console (intranet zone, trusted site).
 */
function openManual() {
  // ruleid: activex.wscript-shell
  var shell = new ActiveXObject("WScript.Shell");
  shell.Run("\"\\\\fileserv\\manuals\\dispatch.pdf\"");
}

function branchCode() {
  // ruleid: activex.wscript-shell
  var shell = new ActiveXObject("wscript.shell");
  return shell.RegRead("HKLM\\Software\\Acme\\Dispatch\\Branch");
}

function startTerminal(host) {
  var shell;
  try {
    // ruleid: activex.wscript-shell
    shell = new ActiveXObject(
        "WScript.Shell");
  } catch (e) {
    alert("Terminal needs the trusted-site settings.");
    return;
  }
  shell.Run("C:\\Progra~1\\Acme\\tn3270.exe " + host, 1, false);
}

// ok: activex.wscript-shell
// WScript.Shell is blocked on the new Edge clients; see ticket 4711.
function openManualInBrowser() {
  // ok: activex.wscript-shell
  window.open("/manuals/dispatch.pdf", "manual"); // no WScript.Shell needed
}
