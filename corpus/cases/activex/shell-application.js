/*
 * Import wizard, step 1: choose the folder with the scanned invoices.
 */
function chooseFolder(field) {
  // ruleid: activex.shell-application
  var shell = new ActiveXObject("Shell.Application");
  var folder = shell.BrowseForFolder(0, "Folder with scanned invoices", 0x0041);
  if (folder != null) {
    field.value = folder.Self.Path;
  }
}

function openInExplorer(path) {
  // ruleid: activex.shell-application
  new ActiveXObject("Shell.Application").Explore(path);
}

// ok: activex.shell-application
// Shell.Application needs the trusted-site zone; the Edge version uses a file picker.
function chooseFiles(input) {
  // ok: activex.shell-application
  input.click(); // <input type="file" webkitdirectory> instead of Shell.Application
}
