#include "report/writers/html_charts.h"

#include <algorithm>
#include <cstdio>

#include "report/writers/escape.h"
#include "report/writers/html_escape.h"

namespace iescan::report {
namespace {

constexpr int kWidth = 520;
constexpr int kLabelWidth = 160;
constexpr int kValueWidth = 70;
constexpr int kRowHeight = 24;
constexpr int kBarHeight = 14;
constexpr size_t kMaxLabel = 20;  // code points

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  return buffer;
}

std::string CutLabel(const std::string& label) {
  const std::string valid = ValidUtf8(label);
  size_t count = 0;
  for (size_t i = 0; i < valid.size(); ++i) {
    if ((static_cast<unsigned char>(valid[i]) & 0xC0) == 0x80) continue;
    if (count++ == kMaxLabel) return valid.substr(0, i) + "\xE2\x80\xA6";
  }
  return valid;
}

}  // namespace

std::string BarChart(const std::vector<ChartBar>& bars, double max_value, std::string_view title,
                     std::string_view empty_note) {
  if (bars.empty()) return "<p class=\"note\">" + HtmlText(empty_note) + "</p>\n";
  if (max_value <= 0) {
    for (const ChartBar& bar : bars) max_value = std::max(max_value, bar.value);
  }
  if (max_value <= 0) max_value = 1;
  const int height = static_cast<int>(bars.size()) * kRowHeight + 4;
  const int track = kWidth - kLabelWidth - kValueWidth;
  std::string out = "<svg class=\"bars\" role=\"img\" viewBox=\"0 0 " + std::to_string(kWidth) +
                    " " + std::to_string(height) + "\" aria-label=\"" + HtmlAttr(title) +
                    "\">\n";
  int y = 2;
  for (const ChartBar& bar : bars) {
    const double share = std::clamp(bar.value / max_value, 0.0, 1.0);
    const std::string text_y = std::to_string(y + kBarHeight - 2);
    const std::string bar_y = std::to_string(y + (kRowHeight - kBarHeight) / 2 - 2);
    out += "<g><title>" + HtmlText(bar.label) + ": " + HtmlText(bar.value_text) + "</title>";
    out += "<text x=\"0\" y=\"" + text_y + "\">" + HtmlText(CutLabel(bar.label)) + "</text>";
    out += "<rect class=\"track\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + bar_y +
           "\" width=\"" + std::to_string(track) + "\" height=\"" + std::to_string(kBarHeight) +
           "\" rx=\"3\"/>";
    out += "<rect class=\"" + HtmlAttr(bar.css_class) + "\" x=\"" + std::to_string(kLabelWidth) +
           "\" y=\"" + bar_y + "\" width=\"" + Number(share * track) + "\" height=\"" +
           std::to_string(kBarHeight) + "\" rx=\"3\"/>";
    out += "<text class=\"val\" x=\"" + std::to_string(kWidth - kValueWidth + 6) + "\" y=\"" +
           text_y + "\">" + HtmlText(bar.value_text) + "</text></g>\n";
    y += kRowHeight;
  }
  return out + "</svg>\n";
}

}  // namespace iescan::report
