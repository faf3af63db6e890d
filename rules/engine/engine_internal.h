// Engine internals shared by the matcher files: the dispatch tables compiled from the
// catalogue, the raw hits matchers produce, and the per-call scan context. Private to
// rules/engine.
//
// Thread-safety: DispatchTables is immutable after construction; a ScanContext belongs to
// one ScanFile call.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/engine/engine.h"
#include "rules/engine/finding.h"
#include "rules/engine/guard.h"
#include "rules/engine/regex_gate.h"
#include "rules/engine/rule.h"
#include "scanner/decode/text_file.h"
#include "scanner/document/document.h"

namespace iescan::rules {

// Transparent hash so that maps keyed by std::string can be searched with string_view.
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// A map from names to dispatch entries that answers most misses without hashing: a table
// of 64 bit masks, indexed by the name's length, has a bit for the first byte of each key
// of that length (ASCII case folded, so a lower-case map can be asked with the name as
// written). Code has far more identifiers than the catalogue has names; nearly all of
// them miss on that table.
template <typename T>
class NameMap {
  using Map = std::unordered_map<std::string, T, NameHash, std::equal_to<>>;

 public:
  using const_iterator = typename Map::const_iterator;

  T& operator[](const std::string& key) {
    if (!key.empty()) filter_[Slot(key.size())] |= Bit(key[0]);
    return map_[key];
  }
  // False when no key can be `name` (or its ASCII lower case): no lookup needed.
  bool MayHold(std::string_view name) const {
    return !name.empty() && (filter_[Slot(name.size())] & Bit(name[0])) != 0;
  }
  const_iterator find(std::string_view name) const {
    return MayHold(name) ? map_.find(name) : map_.end();
  }
  const_iterator begin() const { return map_.begin(); }
  const_iterator end() const { return map_.end(); }
  bool empty() const { return map_.empty(); }
  size_t size() const { return map_.size(); }

 private:
  static size_t Slot(size_t length) { return length < 63 ? length : 63; }
  static uint64_t Bit(char first) { return uint64_t{1} << ((static_cast<uint8_t>(first) | 0x20) & 63); }

  Map map_;
  std::array<uint64_t, 64> filter_{};
};

// One matcher of one rule, as filed in a dispatch table.
struct Entry {
  uint32_t rule;           // index into DispatchTables::rules (sorted by id)
  const Matcher* matcher;  // borrowed from the Rule
};
using Entries = std::vector<Entry>;

struct JsNameEntries {
  Entries member, call, construct, identifier, string_arg;
};
struct VbsNameEntries {
  Entries call, identifier, string_arg;
};

constexpr uint8_t LanguageBit(scanner::Language lang) {
  return static_cast<uint8_t>(1u << static_cast<unsigned>(lang));
}

// Every matcher of every rule, filed by language, kind and name. A name lookup returns
// every (rule, matcher) interested in that name: one lookup per token, whatever the
// number of rules.
struct DispatchTables {
  std::vector<const Rule*> rules;                 // catalogue order (sorted by id)
  std::vector<uint8_t> rule_languages;            // per rule: LanguageBit of each listed language
  std::vector<uint32_t> structural_kinds;         // per rule: KindBit of file kinds tried always
  std::vector<std::vector<uint32_t>> superseded;  // per rule: rules it supersedes

  NameMap<JsNameEntries> js;    // case-sensitive names
  NameMap<VbsNameEntries> vbs;  // lower-case names
  Entries vbs_present;
  NameMap<Entries> html_element;    // lower-case tag
  NameMap<Entries> html_attribute;  // lower-case attribute
  Entries html_comment;
  NameMap<Entries> css_property;  // lower-case property
  NameMap<Entries> css_function;  // lower-case function name
  Entries css_value, css_at_rule;
  Entries regex;
  Entries checks;
  // Which entries of `regex` may match a text (built from their patterns).
  std::shared_ptr<const RegexGate> regex_gate;

  explicit DispatchTables(const std::vector<const Rule*>& catalogue_rules);
};

// A match before it becomes a Finding. Offsets are TextFile offsets.
struct Hit {
  uint32_t rule = 0;
  uint32_t offset = 0;
  uint32_t end_offset = 0;
  std::string match;  // {match}
  std::string arg;    // {arg} and Finding::detail
  scanner::Language language = scanner::Language::kHtml;
  Guard guard = Guard::kNone;
};

// What one ScanFile call works on.
struct ScanContext {
  const DispatchTables& tables;
  const scanner::TextFile& file;
  const scanner::Document& doc;
  const std::vector<uint8_t>& candidate;  // per rule: passed the prefilter
  std::vector<Hit>* hits;
  JsGuardAnalyzer* guards = nullptr;  // refines JavaScript guards (AddRegionHit)
  // Whether each of the regex gate's atoms (RegexGate::atoms) occurs in the file's text,
  // from the engine's prefilter pass; null when regexes are not gated. The answer holds for
  // every region whose text is a slice of Document::masked.
  const std::vector<uint8_t>* file_atom_hits = nullptr;
  EngineStats* stats = nullptr;       // per-rule regex and check time, when timed
  const std::optional<VendoredLibrary>* library = nullptr;  // see CheckInput::library

  // Skip regexes whose literals a region lacks (regex_gate.h).
  bool Gating() const { return file_atom_hits != nullptr; }
  bool Wants(const Entry& e) const { return candidate[e.rule] != 0; }
  bool WantsIn(const Entry& e, scanner::Language lang) const {
    return candidate[e.rule] != 0 && (tables.rule_languages[e.rule] & LanguageBit(lang)) != 0;
  }
};

// The matchers, one traversal each (rules/engine/*_matcher.cc).
void MatchJsRegion(const ScanContext& ctx, const scanner::Region& region);
void MatchVbsRegion(const ScanContext& ctx, const scanner::Region& region);
void MatchCssRegion(const ScanContext& ctx, const scanner::Region& region);
void MatchMarkup(const ScanContext& ctx);
void MatchRegexes(const ScanContext& ctx);
void MatchChecks(const ScanContext& ctx);

// The language elements and markup comments of this document are reported in: xml for
// XML and XSL files, html otherwise.
scanner::Language MarkupLanguage(const scanner::Document& doc);

// Adds a hit for region-relative [begin, end).
void AddRegionHit(const ScanContext& ctx, const Entry& e, const scanner::Region& region,
                  size_t begin, size_t end, std::string match, std::string arg, Guard guard);

// Adds the time since *start to *sum and moves *start to now; no-op when `on` is false.
inline void Lap(bool on, uint64_t* start, uint64_t* sum) {
  if (!on) return;
  uint64_t now = NowNs();
  *sum += now - *start;
  *start = now;
}

// Turns the hits into findings: sorted by (offset, rule id), duplicates and superseded
// hits dropped, messages, positions and snippets filled.
std::vector<Finding> MakeFindings(const DispatchTables& tables, const scanner::TextFile& file,
                                  std::vector<Hit> hits);

// The snippet for a finding at `offset`: its line, trimmed, at most 200 code points (a
// window around the match when the match lies beyond the first 200).
std::string Snippet(const scanner::TextFile& file, uint32_t offset);

// Fills {match} and {arg} in a rule message.
std::string FillMessage(std::string_view message, std::string_view match, std::string_view arg);

}  // namespace iescan::rules
