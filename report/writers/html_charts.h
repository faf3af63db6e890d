// Inline SVG bar charts for the HTML report: no script, no external resource, every label
// escaped. A chart is drawn as one horizontal bar per row, each with its label on the left
// and its value on the right; long labels are cut (the full text is the bar's <title>).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iescan::report {

struct ChartBar {
  std::string label;       // untrusted text (an app name, a category)
  double value = 0;        // bar length relative to the chart's maximum
  std::string value_text;  // shown right of the bar
  std::string css_class;   // fill class: "fill-blocked", "fill-high", ... (trusted)
};

// An <svg> element with one bar per entry, scaled so that `max_value` fills the track
// (the largest value when `max_value` <= 0). `title` names the chart for assistive
// technology. An empty `bars` gives a short paragraph saying `empty_note` instead (trusted
// text, escaped all the same).
std::string BarChart(const std::vector<ChartBar>& bars, double max_value, std::string_view title,
                     std::string_view empty_note = "Nothing to show.");

}  // namespace iescan::report
