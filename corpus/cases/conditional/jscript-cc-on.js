/*
 * Browser helpers for the order entry screens.
 * Written for IE6/IE7 in 2006.
 */

// ruleid: conditional.jscript-cc-on
var isIE = /*@cc_on!@*/false;

function initLayout() {
  // ruleid: conditional.jscript-cc-on
  /*@cc_on
    // ruleid: conditional.jscript-version
    // ok: conditional.jscript-cc-on
    @if (@_jscript_version < 5.7)
      document.documentElement.className += " legacy-ie";
    @else
      document.documentElement.className += " ie";
    @end
  @*/
}

// ruleid: conditional.jscript-cc-on
/*@cc_on @*/
/*@
  // ruleid: conditional.jscript-version
  var engine = "JScript " + @_jscript_version;
@*/

// ok: conditional.jscript-cc-on
/* Do not add new @cc_on blocks: IE11 ignores them. */
// ok: conditional.jscript-cc-on
var supportMail = "webmaster@if.example";
// ok: conditional.jscript-cc-on
var note = "layout tuned with @cc_on for IE6";

function isLegacy() {
  return isIE;
}
