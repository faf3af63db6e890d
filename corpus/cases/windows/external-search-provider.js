/*
 * Search box helpers for the document management system (2008).
 * Offers the DMS search to IE7 users as a search provider.
 */
var DMS_SEARCH = "http://dms.corp.example/search";

function offerSearchProvider() {
  // ruleid: windows.external-search-provider
  if (window.external && window.external.IsSearchProviderInstalled) {
    // ruleid: windows.external-search-provider
    var state = window.external.IsSearchProviderInstalled(DMS_SEARCH);
    if (state == 0) {
      // ruleid: windows.external-search-provider
      external.AddSearchProvider("/dms/opensearch.xml");
    }
  }
}

function searchLabel() {
  // ok: windows.external-search-provider
  var label = "AddSearchProvider adds the DMS to the search box";
  // ok: windows.external-search-provider
  return Dms.addSearchProvider ? label : "";
}
