/*
 * Claims desktop: drafts are kept on the user's H: drive between sessions.
 */
var DRAFT_FOLDER = "H:\\claims\\drafts\\";

function saveDraft(claimNo, text) {
  // ruleid: activex.file-system-object
  var fso = new ActiveXObject("Scripting.FileSystemObject");
  if (!fso.FolderExists(DRAFT_FOLDER)) {
    fso.CreateFolder(DRAFT_FOLDER);
  }
  var file = fso.CreateTextFile(DRAFT_FOLDER + claimNo + ".txt", true);
  file.Write(text);
  file.Close();
}

function draftExists(claimNo) {
  // ruleid: activex.file-system-object
  var fso = new ActiveXObject("scripting.filesystemobject");
  return fso.FileExists(DRAFT_FOLDER + claimNo + ".txt");
}

// ok: activex.file-system-object
// Scripting.FileSystemObject needs "Initialize and script ActiveX controls not marked as safe".
function readAttachment(input, done) {
  // ok: activex.file-system-object
  var reader = new FileReader(); // the File API replaces FileSystemObject here
  reader.onload = function () { done(reader.result); };
  reader.readAsText(input.files[0]);
}
