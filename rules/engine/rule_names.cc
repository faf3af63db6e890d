// Names of rule attributes, rule id syntax and the Markdown title.
#include <algorithm>

#include "rules/engine/rule.h"
#include "rules/engine/rule_internal.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kBlocker:
      return "blocker";
    case Severity::kHigh:
      return "high";
    case Severity::kMedium:
      return "medium";
    case Severity::kLow:
      return "low";
  }
  return "medium";
}

std::string_view ConfidenceName(Confidence c) {
  switch (c) {
    case Confidence::kHigh:
      return "high";
    case Confidence::kMedium:
      return "medium";
    case Confidence::kLow:
      return "low";
  }
  return "high";
}

std::string_view EffortName(Effort e) {
  switch (e) {
    case Effort::kTrivial:
      return "trivial";
    case Effort::kSmall:
      return "small";
    case Effort::kMedium:
      return "medium";
    case Effort::kLarge:
      return "large";
  }
  return "small";
}

bool ParseSeverity(std::string_view name, Severity* out) {
  for (Severity s : {Severity::kBlocker, Severity::kHigh, Severity::kMedium, Severity::kLow}) {
    if (SeverityName(s) == name) {
      *out = s;
      return true;
    }
  }
  return false;
}

bool ParseConfidence(std::string_view name, Confidence* out) {
  for (Confidence c : {Confidence::kHigh, Confidence::kMedium, Confidence::kLow}) {
    if (ConfidenceName(c) == name) {
      *out = c;
      return true;
    }
  }
  return false;
}

bool ParseEffort(std::string_view name, Effort* out) {
  for (Effort e : {Effort::kTrivial, Effort::kSmall, Effort::kMedium, Effort::kLarge}) {
    if (EffortName(e) == name) {
      *out = e;
      return true;
    }
  }
  return false;
}

bool IsValidRuleId(std::string_view id) {
  size_t dot = id.find('.');
  if (dot == std::string_view::npos || id.find('.', dot + 1) != std::string_view::npos) {
    return false;
  }
  auto part_ok = [](std::string_view part) {
    if (part.empty() || part.front() == '-' || part.back() == '-') return false;
    return std::all_of(part.begin(), part.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
  };
  return part_ok(id.substr(0, dot)) && part_ok(id.substr(dot + 1));
}

std::string TitleFromDoc(std::string_view doc) {
  bool in_fence = false;
  while (!doc.empty()) {
    size_t nl = doc.find('\n');
    std::string_view line = doc.substr(0, nl);
    doc = nl == std::string_view::npos ? std::string_view() : doc.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) in_fence = !in_fence;
    if (!in_fence && line.rfind("# ", 0) == 0) return std::string(TrimAscii(line.substr(2)));
  }
  return std::string();
}

}  // namespace iescan::rules
