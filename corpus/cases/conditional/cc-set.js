/*
 * Trace switch for the dispatch board (set to 1 on the test server).
 */
// ruleid: conditional.jscript-cc-on, conditional.cc-set
/*@cc_on @set @trace = 0 @*/

function trace(msg) {
  // ruleid: conditional.jscript-cc-on
  /*@if (@trace)
    window.status = msg;
  @end @*/
}

/*@
  // ruleid: conditional.cc-set
  @set @pollSeconds = 30
@*/

// ok: conditional.cc-set
// Do not @set anything new here: IE11 ignores it.
// ok: conditional.cc-set
var SET_HELP = "use @set @trace = 1 on the test server";
