// Suppressions in an old intranet menu script.

// ruleid: suppression.unused
// iescan-disable-next-line dom.document-all -- the menu was rewritten in 2019
var menu = document.getElementById('menu');

// ok: suppression.unused
// iescan-disable-next-line dom.document-all -- kept until the menu rewrite in 2027
var legacy = document.all('menu');

function closeMenu() {
  /* iescan-disable events.attach-event -- reviewed: runs only in IE mode pages */
  window.attachEvent('onunload', closeMenu);
  document.body.attachEvent('onclick', closeMenu);
  /* iescan-enable events.attach-event */
}

// ok: events.attach-event
var later = 'attachEvent is gone after the enable comment';
