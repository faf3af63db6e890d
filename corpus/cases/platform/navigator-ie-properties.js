/*
 * Locale selection for the expense system (2006).
 */
function pickLocale() {
  // ruleid: platform.navigator-ie-properties
  var lang = navigator.userLanguage || navigator.language;
  return lang.substring(0, 2);
}

function uiLanguage() {
  // ruleid: platform.navigator-ie-properties
  return window.navigator.browserLanguage;
}

function osLanguage() {
  // ruleid: platform.navigator-ie-properties
  return navigator.systemLanguage.toLowerCase();
}

function installerName() {
  // ruleid: platform.navigator-ie-properties
  return navigator.cpuClass == "x64" ? "setup64.exe" : "setup.exe";
}

function languageStandard(settings) {
  var first = navigator.languages ? navigator.languages[0] : navigator.language;
  // ok: platform.navigator-ie-properties
  var saved = settings.userLanguage;
  // ok: platform.navigator-ie-properties
  var note = "navigator.browserLanguage exists only in IE";
  return first + saved + note;
}
