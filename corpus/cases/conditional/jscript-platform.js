/*
 * Keyboard shortcuts for the order screens.
 */
var isWinIE = false;

// ruleid: conditional.jscript-cc-on, conditional.jscript-platform
/*@cc_on @if (@_win32) isWinIE = true; @end @*/

function shortcutHint() {
  var hint = "Ctrl+S to save";
  // ruleid: conditional.jscript-cc-on
  /*@cc_on
    // ruleid: conditional.jscript-platform
    @if (@_mac)
      hint = "Command+S to save";
    // ruleid: conditional.jscript-platform
    @elif (@_x86 && @_win16)
      hint = "Alt+S to save";
    @end
  @*/
  return hint;
}

// ok: conditional.jscript-platform
// @_win32 was the IE-on-Windows test; the Edge build has no platform branch.
// ok: conditional.jscript-platform
var PLATFORM_NOTE = "@_mac is never defined outside IE for Mac";
