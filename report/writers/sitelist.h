// The Enterprise Mode site list writer: the apps that need IE mode, as an Enterprise Mode
// Site List v.2 XML file that Microsoft Edge (IE mode) reads through its
// InternetExplorerIntegrationSiteList policy. Written with libxml2's xmlTextWriter.
//
//   <site-list version="N">
//     <created-by><tool>iescan</tool><version>V</version>
//       <date-created>YYYYMMDD.HHMMSS</date-created></created-by>     (UTC, Plan::created)
//     <!-- evidence: app, status, IE-mode dependencies, document modes of its pages -->
//     <site url="host/path">                      PlanApp::site_url: no protocol, no
//       <compat-mode>IE8Enterprise</compat-mode>     wildcard, no query string
//       <open-in>IE11</open-in>
//     </site>
//   </site-list>
//
// One <site> per distinct URL of a Blocked app (status "Blocked: needs IE mode"), in URL
// byte order; its compat-mode is the app's (PlanApp::compat_mode: the most common among
// its pages, ties to the most legacy; "Default" without evidence). A blocked app without a
// known URL (a file-tree scan whose app map gives no `urls`) gets only a comment saying
// so, after the sites. With `include_non_blocked`, every other app with a URL is listed
// too, with compat-mode Default and <open-in>MSEdge</open-in>. Comments are made safe
// (no "--"); text from scanned files is made XML-safe.
//
// Thread-safety: re-entrant; writes only to `out`.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

struct SiteListOptions {
  uint32_t version = 1;              // <site-list version="N">: bump on every published change
  bool include_non_blocked = false;  // also list apps that do not need IE mode (MSEdge)
};

// Writes the list. Fails when libxml2 or `out` reports an error.
Status WriteSiteList(const Plan& plan, const SiteListOptions& options, std::ostream& out);

// `seconds` since 1970-01-01 UTC as the site list's date-created: "YYYYMMDD.HHMMSS".
std::string SiteListDate(int64_t seconds);

}  // namespace iescan::report
