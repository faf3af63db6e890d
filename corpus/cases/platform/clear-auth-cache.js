/*
 * Logout for the HR self-service site (Windows authentication, 2008).
 */
function logout() {
  try {
    // ruleid: platform.clear-auth-cache
    document.execCommand("ClearAuthenticationCache");
  } catch (e) {
    // ok: platform.clear-auth-cache
    var reason = "ClearAuthenticationCache needs IE6 SP1";
    return reason;
  }
  location.href = "/hr/login.aspx?loggedout=1";
  return "";
}

function logoutAll() {
  // ruleid: platform.clear-auth-cache
  window.document.execCommand('clearAuthenticationCache', false);
}

function logoutStandard() {
  // ok: platform.clear-auth-cache
  var cmd = "ClearAuthenticationCache";
  return fetch("/hr/logout", { method: "POST" }).then(function () { return cmd; });
}
