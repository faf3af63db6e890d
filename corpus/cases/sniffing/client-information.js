/*
 * Language selection for the canteen menu (2006).
 */
function menuLanguage() {
  // ruleid: sniffing.client-information
  var lang = window.clientInformation.userLanguage;
  return lang ? lang.substring(0, 2) : "en";
}

function processorClass() {
  // ruleid: sniffing.client-information
  return clientInformation.cpuClass;
}

// ok: sniffing.client-information
// clientInformation.browserLanguage gave the IE UI language.
function menuLanguageStandard(settings) {
  // ok: sniffing.client-information
  return settings.clientInformation || navigator.language;
}
