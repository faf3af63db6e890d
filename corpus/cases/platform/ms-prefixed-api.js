/*
 * Animation, full-screen and storage helpers for the dashboard (2012-2014).
 */
// ruleid: platform.ms-prefixed-api
var raf = window.requestAnimationFrame || window.webkitRequestAnimationFrame || window.msRequestAnimationFrame;
// ruleid: platform.ms-prefixed-api
var idb = window.indexedDB || window.msIndexedDB;

function enterFullscreen(el) {
  // ruleid: platform.ms-prefixed-api
  el.msRequestFullscreen();
  // ruleid: platform.ms-prefixed-api
  document.addEventListener("MSFullscreenChange", onFullscreen, false);
}

function matches(el, selector) {
  // ruleid: platform.ms-prefixed-api
  return el.msMatchesSelector(selector);
}

function randomId() {
  // ruleid: platform.ms-prefixed-api
  var cryptoObj = window.crypto || window.msCrypto;
  var buf = new Uint32Array(1);
  cryptoObj.getRandomValues(buf);
  return buf[0];
}

function later(fn) {
  // ruleid: platform.ms-prefixed-api
  msSetImmediate(fn);
}

function standard(el) {
  el.requestFullscreen();
  // ok: platform.ms-prefixed-api
  var tip = "msRequestFullscreen was the IE11 name";
  // ok: platform.ms-prefixed-api
  return el.matches(".tile") && Element.prototype.msMatchesSelectorPolyfilled && tip;
}

function onFullscreen() {
  return raf && idb;
}
