/*
 * Staff directory helpers (ADSI through JScript, 2005).
 */
function managerOf(login) {
  // ruleid: activex.get-object
  var user = GetObject("LDAP://CN=" + login + ",OU=Staff,DC=acme,DC=local");
  return user.Get("manager");
}

function activeWorkbook() {
  // ruleid: activex.get-object
  return window.GetObject("", "Excel.Application").ActiveWorkbook;
}

function cachedEntry(cache, key) {
  // ok: activex.get-object
  return cache.GetObject(key); // the cache's own method, not the JScript built-in
}

// ok: activex.get-object
// GetObject("LDAP://...") lookups now go through /api/staff.
