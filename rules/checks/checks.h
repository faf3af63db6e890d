// C++ checks: the rules whose matching cannot be said with data matchers (document mode
// from doctype and X-UA-Compatible, ...). A rule uses one with the matcher
// {"check": "<name>"}; the check reports raw hits and the engine turns them into findings
// with the rule's message, severity and positions.
//
// The registry is an explicit table sorted by name (rules/checks/registry.cc): adding a
// check means adding its function and one line there. No static registration.
//
// Thread-safety: checks are pure functions of their input; the registry is immutable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/decode/text_file.h"
#include "scanner/document/document.h"
#include "scanner/source/file_kind.h"

namespace iescan::rules {

// One construct found by a check, in TextFile offsets.
struct CheckHit {
  uint32_t offset = 0;
  uint32_t end_offset = 0;
  std::string match;  // fills {match}
  std::string arg;    // fills {arg} and Finding::detail; may be empty
  scanner::Language language = scanner::Language::kHtml;
};

struct VendoredLibrary;  // rules/checks/vendored.h

struct CheckInput {
  const scanner::TextFile& file;
  const scanner::Document& doc;
  // The engine's own answer of DetectVendoredLibrary for this file when it already asked
  // (null when it did not), so the vendored-library check does not detect twice.
  const std::optional<VendoredLibrary>* library = nullptr;
};

// Appends the check's hits for one built document to *hits.
using CheckFunction = void (*)(const CheckInput& input, std::vector<CheckHit>* hits);

struct CheckInfo {
  std::string_view name;         // the value of the "check" matcher key
  std::string_view description;  // one line, for `iescan rules` and the docs
  // Bit (1 << FileKind) set for every file kind on which the check must run even when
  // none of its rule's prefilter words occurs (a missing doctype has no word to find).
  uint32_t structural_kinds;
  CheckFunction run;
};

constexpr uint32_t KindBit(scanner::FileKind kind) { return 1u << static_cast<uint32_t>(kind); }

// Every check, sorted by name.
const std::vector<CheckInfo>& AllChecks();
// The check of that name, or null.
const CheckInfo* FindCheck(std::string_view name);

// True when a raw <!DOCTYPE ...> selects quirks mode in every browser (no system
// identifier on HTML 4.01 Transitional/Frameset, HTML 4.0 Transitional, HTML 3.2, ...).
bool IsQuirksDoctype(std::string_view raw);

// The checks themselves (one file each in rules/checks/).
void CheckDocumentMode(const CheckInput& input, std::vector<CheckHit>* hits);
void CheckQuirksMode(const CheckInput& input, std::vector<CheckHit>* hits);
// Reports nothing itself: the suppression.* rules are reported by the engine's suppression
// pass (rules/engine/suppressions.h), which sees every other finding first.
void CheckSuppressionDirectives(const CheckInput& input, std::vector<CheckHit>* hits);

}  // namespace iescan::rules
