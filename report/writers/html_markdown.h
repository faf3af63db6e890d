// A safe subset of Markdown rendered to HTML, for the rule documentation shown in the HTML
// report (rules/catalog/<category>/<name>.md, or an organisation's own rules, which are
// treated as untrusted text).
//
// Supported: ATX headings (# .. ######, shifted down by `heading_shift` levels and capped at
// h6), paragraphs, "-", "*", "+" and "1." lists (one level; indented lines continue an
// item), fenced code blocks (``` or ~~~, the info string shown as a label), inline code
// spans, **strong** and *emphasis*, and links, written as their text followed by the URL in
// parentheses: no link element is made, so the report never loads or points at anything.
// Every other character, raw HTML included, is escaped (report/writers/html_escape.h).
// One pass over the lines, no recursion.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace iescan::report {

// HTML for `markdown`. A top-level "# Title" line becomes <h(1 + heading_shift)>.
std::string RenderSafeMarkdown(std::string_view markdown, int heading_shift);

}  // namespace iescan::report
