// Finding: one IE-only construct at one place in one file.
//
// Thread-safety: plain value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "rules/engine/rule.h"
#include "scanner/core/inline_text.h"
#include "scanner/core/shared_text.h"
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

// Whether a finding was already recorded in the baseline given with --baseline.
enum class BaselineState : uint8_t { kNone, kNew, kUnchanged };
std::string_view BaselineStateName(BaselineState s);  // "", "new", "unchanged"

// A snippet: 200 characters of ASCII or Latin text fit in place, so that the snippets of a
// large scan's findings, which rarely repeat in real code, stay with the findings (and their
// spill file) instead of growing the SharedText pool; longer UTF-8 is pooled.
using SnippetText = BasicInlineText<254>;

struct Finding {
  const Rule* rule = nullptr;   // borrowed from the Catalog, which outlives findings
  SharedText message;           // rule message with placeholders filled
  SharedText match;             // the text that filled "{match}" (messages re-render from it)
  uint32_t offset = 0;          // TextFile offsets of the matched construct
  uint32_t end_offset = 0;
  scanner::Position begin;      // original line:column
  scanner::Position end;
  // The source line, trimmed, at most 200 characters; held in place (see SnippetText).
  SnippetText snippet;
  scanner::Language language = scanner::Language::kHtml;
  Guard guard = Guard::kNone;
  SharedText detail;            // e.g. the ProgID or CLSID named by the construct
  // Set when this finding costs more (or less) than its rule says: an in-house ActiveX
  // control named by a generic rule is large. Readers use effort.value_or(rule->effort).
  std::optional<Effort> effort;

  // Set after the scan, by the run (not the engine):
  // A stable identity that survives edits elsewhere in the file and line moves: a hash of
  // rule id, root-relative path and normalised snippet, then ":<n>" for the n-th identical
  // one in the file. Used by baselines, SARIF partialFingerprints and merges.
  InlineText fingerprint;  // held in place: a Finding is copied as bytes (report/record_store.h)
  BaselineState baseline = BaselineState::kNone;
  bool suppressed = false;         // an iescan-disable comment covers it
  SharedText suppression_reason;  // the text after "--" in that comment
};
static_assert(std::is_trivially_copyable_v<Finding>, "a large scan spills findings as bytes");

}  // namespace iescan::rules
