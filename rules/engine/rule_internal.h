// Helpers of the rule parser: rule id syntax and the Markdown title. Private to
// rules/engine.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace iescan::rules {

// True for "<category>.<name>" where both parts are non-empty runs of lower-case ASCII
// letters, digits and hyphens, neither starting nor ending with a hyphen.
bool IsValidRuleId(std::string_view id);

// The text of the first "# " heading of a Markdown document outside code fences, trimmed;
// empty when there is none.
std::string TitleFromDoc(std::string_view doc);

}  // namespace iescan::rules
