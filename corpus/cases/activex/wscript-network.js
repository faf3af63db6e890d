/*
 * Pre-fills the requester on the leave form.
 */
function fillRequester(form) {
  // ruleid: activex.wscript-network
  var net = new ActiveXObject("WScript.Network");
  form.requester.value = net.UserDomain + "\\" + net.UserName;
  form.workstation.value = net.ComputerName;
}

function mapReportsDrive() {
  // ruleid: activex.wscript-network
  var net = new ActiveXObject("WScript.Network.1");
  net.MapNetworkDrive("R:", "\\\\repsrv\\reports");
}

// ok: activex.wscript-network
var LOGIN_HELP = "Your login comes from WScript.Network on IE clients only.";
function fillRequesterFromServer(form, me) {
  // ok: activex.wscript-network
  form.requester.value = me.login; // set by the server, no WScript.Network
}
