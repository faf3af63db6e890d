// Shared helpers of the JSON-based writers (JSON report, SARIF): stable text for a JSON
// value nested in a larger document, so that big arrays can be written one element at a
// time with exactly the bytes a whole-document dump would give.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace iescan::report {

using OrderedJson = nlohmann::ordered_json;

inline constexpr int kJsonIndent = 2;

// `value` dumped with two-space indentation as it appears `depth` levels deep. Invalid
// UTF-8 in strings becomes U+FFFD; non-ASCII is written as is.
std::string DumpAt(const OrderedJson& value, int depth);

}  // namespace iescan::report
