/*
 * Request factory and JSON support for the leave planner (2007).
 */
var createRequest = function () { return new XMLHttpRequest(); };
var nativeJson = false;

// ruleid: conditional.jscript-cc-on
/*@cc_on
  // ruleid: conditional.jscript-version
  @if (@_jscript_version >= 5)
    createRequest = function () {
      // ruleid: activex.xmlhttp
      return new ActiveXObject("Msxml2.XMLHTTP");
    };
  @end
  // ruleid: conditional.jscript-version
  nativeJson = @_jscript_version >= 5.8;
@*/

function engineInfo() {
  var info = "";
  // ruleid: conditional.jscript-cc-on, conditional.jscript-version
  /*@cc_on info = "JScript " + @_jscript_version + " build " + @_jscript_build; @*/
  return info;
}

// ok: conditional.jscript-version
// IE8 reports @_jscript_version 5.8; see the support matrix.
// ok: conditional.jscript-version
var VERSION_NOTE = "checked with @_jscript_version before 2012";
