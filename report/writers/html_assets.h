// The style sheet and script of the HTML report, compiled into the binary so that the
// report is one self-contained file. Both are constant: the page's Content-Security-Policy
// allows exactly their SHA-256 hashes (report/writers/html_escape.h), so no other inline
// code, no event-handler attribute and no external resource can run or load.
//
// The script reads the report's data only through JSON.parse of the
// <script type="application/json" id="report-data"> island and the DOM; it never builds
// markup from strings (textContent only), never calls eval and makes no request.
//
// Thread-safety: constants.
#pragma once

#include <string>
#include <string_view>

#include "report/i18n.h"

namespace iescan::report {

// The contents of the report's <style> element.
std::string_view HtmlReportStyle();

// The contents of the report's <script> element.
std::string_view HtmlReportScript();

// The style and script for a report in `lang`: in English exactly the two above; in
// another language the style's font stacks come from html.font_family and
// html.mono_font_family, and the script's Show / Hide button labels from html.show and
// html.hide. The CSP hashes are computed from what these return.
std::string HtmlReportStyleFor(const ReportText& lang);
std::string HtmlReportScriptFor(const ReportText& lang);

}  // namespace iescan::report
