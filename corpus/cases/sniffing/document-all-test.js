/*
 * DHTML helpers for the staff directory (2002).
 */
// ruleid: sniffing.document-all-test
var ie4 = document.all ? true : false;
// ruleid: sniffing.document-all-test
var ns4 = !document.all && document.layers;

function hide(id) {
  // ruleid: sniffing.document-all-test
  if (document.all) {
    // ruleid: dom.document-all
    document.all[id].style.visibility = "hidden";
  } else if (document.layers) {
    document.layers[id].visibility = "hide";
  }
}

function show(id) {
  // ruleid: sniffing.document-all-test
  if (typeof document.all != "undefined" && document.getElementById) {
    document.getElementById(id).style.visibility = "visible";
  }
}

function cells(table) {
  // ok: sniffing.document-all-test
  return table.getElementsByTagName("td"); // was document.all.tags("TD") on IE4
}

// ok: sniffing.document-all-test
var DOC_NOTE = "document.all tests were removed from the new directory";
