// Corpus annotations: `ruleid:`, `ok:`, `todoruleid:` and `todook:` comments in the host
// file's own comment syntax, each naming the rules expected (or not) on the next line that
// is not itself an annotation. See corpus/README.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/decode/text_file.h"

namespace iescan::testing {

struct Annotation {
  enum Kind { kRuleId, kOk, kTodoRuleId, kTodoOk } kind;
  std::string rule;
  uint32_t annotation_line = 0;  // where the comment is
  uint32_t target_line = 0;      // the construct's line
  std::string guard;             // "guard=NAME": the expected guard class, empty if not given
};

// Annotations of a decoded file. Lines are 1-based physical lines (see LineIndex).
std::vector<Annotation> ParseAnnotations(const scanner::TextFile& file);

// The text of 1-based `line` without its terminator.
std::string_view LineText(const scanner::TextFile& file, uint32_t line);

}  // namespace iescan::testing
