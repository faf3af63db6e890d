/*
 * Builds the photo gallery for the staff directory (2005).
 */
function placeThumb(img, left) {
  // ruleid: style.style-float
  img.style.styleFloat = left ? "left" : "right";
  img.style.cssFloat = left ? "left" : "right";
}

function isFloated(el) {
  // ruleid: style.style-float
  return el.style["styleFloat"] != "";
}

function clearAll(items) {
  for (var i = 0; i < items.length; i++) {
    // ruleid: style.style-float
    items[i].style.styleFloat = items[i].style.cssFloat = "none";
  }
}

var CSS_NAMES = {
  // ok: style.style-float
  "float": document.documentElement.style.cssFloat === undefined ? "styleFloat" : "cssFloat"
};

function floatStandard(el) {
  el.style.setProperty("float", "left");
  return CSS_NAMES;
}
