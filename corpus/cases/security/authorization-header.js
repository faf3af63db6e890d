function loadStockLevels(callback) {
  var xhr = new XMLHttpRequest();
  xhr.open("GET", "/services/stock/levels", true);
  // ruleid: security.authorization-header
  xhr.setRequestHeader("Authorization", "Basic c3RvY2s6V2FyZWhvdXNlMQ==");
  xhr.onreadystatechange = function () {
    if (xhr.readyState === 4) callback(xhr.responseText);
  };
  xhr.send();
}

var SERVICE_HEADERS = {
  // ruleid: security.authorization-header
  "Authorization": "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0",
  "Accept": "application/json"
};

function withUser(xhr, user, pwd) {
  // ok: security.authorization-header
  xhr.setRequestHeader("Authorization", "Basic " + btoa(user + ":" + pwd));
}

// ok: security.authorization-header
// The Authorization header is added by the proxy: Basic c3RvY2s6V2FyZWhvdXNlMQ==
function withToken(xhr, token) {
  // ok: security.authorization-header
  xhr.setRequestHeader("Authorization", token);
}
