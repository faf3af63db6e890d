/*
 * Error reporting for the claims desktop (2005).
 */
function environmentInfo() {
  // ruleid: sniffing.script-engine
  var s = ScriptEngine() + " ";
  // ruleid: sniffing.script-engine
  s += ScriptEngineMajorVersion() + "." + ScriptEngineMinorVersion();
  // ruleid: sniffing.script-engine
  s += "." + window.ScriptEngineBuildVersion();
  return s;
}

function requireJScript55() {
  // ruleid: sniffing.script-engine
  if (ScriptEngineMajorVersion() < 5 || ScriptEngineMinorVersion() < 5) {
    location.href = "upgrade.html";
  }
}

// ok: sniffing.script-engine
var ENGINE_NOTE = "ScriptEngine() is JScript only";
function hasEngineInfo() {
  // ok: sniffing.script-engine
  return typeof ScriptEngine == "function";
}
