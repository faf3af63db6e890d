/*
 * Workstation registration for the licence server (2008).
 */
function biosSerial() {
  // ruleid: activex.wmi
  var wmi = GetObject("winmgmts:{impersonationLevel=impersonate}!\\\\.\\root\\cimv2");
  var items = new Enumerator(wmi.ExecQuery("SELECT SerialNumber FROM Win32_BIOS"));
  return items.item().SerialNumber;
}

function macAddresses(host) {
  // ruleid: activex.wmi
  var locator = new ActiveXObject("WbemScripting.SWbemLocator");
  var service = locator.ConnectServer(host, "root\\cimv2");
  return service.ExecQuery("SELECT MACAddress FROM Win32_NetworkAdapter WHERE NetEnabled = True");
}

// ok: activex.wmi
// winmgmts queries need the client to be in the trusted-sites zone.
function registerWorkstation(serial) {
  // ok: activex.wmi
  var note = "serial read via WbemScripting on IE only";
  return fetch("/api/workstations/" + encodeURIComponent(serial) + "?note=" + encodeURIComponent(note));
}
