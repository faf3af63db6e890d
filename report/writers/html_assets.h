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

#include <string_view>

namespace iescan::report {

// The contents of the report's <style> element.
std::string_view HtmlReportStyle();

// The contents of the report's <script> element.
std::string_view HtmlReportScript();

}  // namespace iescan::report
