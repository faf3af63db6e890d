// Lazy loading of the calendar module (2006).
function loadCalendar(done) {
  var script = document.createElement("script");
  script.src = "/common/js/calendar.js";
  // ruleid: dom.script-onreadystatechange
  script.onreadystatechange = function () {
    if (this.readyState == "complete") done();
  };
  document.getElementsByTagName("head")[0].appendChild(script);
}

function loadTheme(href) {
  var link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  // ruleid: dom.script-onreadystatechange
  link.onreadystatechange = showPage;
  document.getElementsByTagName("head")[0].appendChild(link);
}

function fetchHolidays(url, done) {
  var xhr = new XMLHttpRequest();
  // ok: dom.script-onreadystatechange
  xhr.onreadystatechange = function () {
    if (xhr.readyState == 4) done(xhr.responseText);
  };
  xhr.open("GET", url, true);
  xhr.send(null);
  // ok: dom.script-onreadystatechange
  document.onreadystatechange = showPage;
}

function showPage() {
}
