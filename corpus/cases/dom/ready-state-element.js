// On-demand script loading for the report viewer (2007).
function loadScript(url, callback) {
  var script = document.createElement("script");
  script.src = url;
  document.getElementsByTagName("head")[0].appendChild(script);
  var timer = window.setInterval(function () {
    // ruleid: dom.ready-state-element
    if (script.readyState == "loaded" || script.readyState == "complete") {
      window.clearInterval(timer);
      callback();
    }
  }, 50);
}

function imageReady(img) {
  // ruleid: dom.ready-state-element
  return img.readyState == "complete";
}

function whenLoaded(node, callback) {
  node.onload = function () {
    // ruleid: dom.ready-state-element
    if (!this.readyState || /loaded|complete/.test(this.readyState)) callback();
  };
}

function controlReady(player) {
  // ruleid: dom.ready-state-element
  return "uninitialized" != player.readyState;
}

function pageReady(xhr) {
  // ok: dom.ready-state-element
  if (xhr.readyState == 4 && document.readyState == "complete") return true;
  // ok: dom.ready-state-element
  var label = "loaded";
  return label.length == 0;
}
