// Finding: one IE-only construct at one place in one file.
//
// Thread-safety: plain value.
#pragma once

#include <cstdint>
#include <string>

#include "rules/engine/rule.h"
#include "scanner/document/document.h"

namespace iescan::rules {

// How a JavaScript finding is protected (see docs/guards.md). Non-JS findings are kNone.
enum class Guard : uint8_t {
  kNone,          // not analysed (markup, CSS, VBScript)
  kUnguarded,     // runs outside IE and fails there
  kGuarded,       // a standard path is tried first or a fallback exists
  kIeOnlyBranch,  // inside an IE-only branch with no standard alternative
};
std::string_view GuardName(Guard g);  // "", "unguarded", "guarded", "ie-only-branch"

struct Finding {
  const Rule* rule = nullptr;   // borrowed from the Catalog, which outlives findings
  std::string message;          // rule message with placeholders filled
  uint32_t offset = 0;          // TextFile offsets of the matched construct
  uint32_t end_offset = 0;
  scanner::Position begin;      // original line:column
  scanner::Position end;
  std::string snippet;          // the source line, trimmed, at most 200 characters
  scanner::Language language = scanner::Language::kHtml;
  Guard guard = Guard::kNone;
  std::string detail;           // e.g. the ProgID or CLSID named by the construct
};

}  // namespace iescan::rules
