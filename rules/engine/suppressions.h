// Inline suppressions: one syntax in every host language's comment form.
//
//   iescan-disable-next-line RULE[, RULE...] -- reason   findings on the next line
//   iescan-disable-line RULE -- reason                    findings on the comment's line
//   iescan-disable RULE -- reason ... iescan-enable RULE  findings in between
//   iescan-disable-file RULE -- reason                    the whole file
//
// A rule id is required. Only directives inside real comments count (markup, JavaScript,
// CSS, VBScript and server-template comments): the same text in a string does nothing.
// Suppressed findings are kept and marked, never dropped. Problems with directives are
// reported as findings of the suppression.* rules when the catalogue has them:
// suppression.unused, suppression.unknown-rule, suppression.missing-reason.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/catalog.h"
#include "rules/engine/finding.h"
#include "scanner/decode/text_file.h"
#include "scanner/document/document.h"

namespace iescan::rules {

struct Directive {
  enum Kind : uint8_t { kNextLine, kLine, kDisable, kEnable, kFile } kind = kLine;
  std::vector<std::string> rules;
  std::string reason;
  uint32_t offset = 0;     // TextFile offset of "iescan-"
  uint32_t end_offset = 0;
  uint32_t line = 0;       // line of the directive
  uint32_t end_line = 0;   // last line of the comment holding it
};

// Every directive contains this word: a file without it holds none. (The engine's
// prefilter looks for it with the rules' words.)
inline constexpr std::string_view kDirectiveWord = "iescan-disable";

// Directives in the comments of `doc`, in file order.
std::vector<Directive> FindDirectives(const scanner::TextFile& file, const scanner::Document& doc);

// Marks the findings that directives cover, and appends findings for unused directives,
// unknown rule ids and missing reasons (rules from `catalog`, when present). Keeps
// `findings` sorted by offset then rule id.
void ApplySuppressions(const Catalog& catalog, const scanner::TextFile& file,
                       const std::vector<Directive>& directives, std::vector<Finding>* findings);

}  // namespace iescan::rules
