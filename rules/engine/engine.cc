// Engine: prefilter -> document -> one traversal per region -> findings.
#include "rules/engine/engine.h"
#include "rules/engine/suppressions.h"

#include <algorithm>
#include <chrono>

#include "rules/checks/checks.h"
#include "rules/engine/engine_internal.h"
#include "rules/engine/page_facts.h"
#include "rules/engine/prefilter.h"

namespace iescan::rules {
namespace {

// The prefilter's groups: one per rule, in catalogue order, then the words that tell
// whether a file may hold suppression directives or references (kExtraGroups), then the
// vendored-library signature words, then the regex gate's atoms (regex_gate.h), so that
// one pass over the text answers every literal question the engine asks of it.
enum ExtraGroup : size_t {
  kDirectiveWords,
  kMarkupReferenceWords,
  kCssReferenceWords,
  kIncludeWords,  // one group per server-side include form (kIncludeFormWords)
  kExtraGroups = kIncludeWords + kIncludeFormWords.size()
};

std::vector<std::vector<std::string>> PrefilterGroups(const DispatchTables& tables) {
  std::vector<std::vector<std::string>> groups;
  groups.reserve(tables.rules.size() + kExtraGroups);
  for (const Rule* rule : tables.rules) groups.push_back(rule->prefilter);
  groups.push_back({std::string(kDirectiveWord)});
  groups.push_back(ReferenceWords(/*css=*/false));
  groups.push_back(ReferenceWords(/*css=*/true));
  for (std::string_view word : kIncludeFormWords) groups.push_back({std::string(word)});
  for (std::vector<std::string>& words : VendoredSignatureGroups()) {
    groups.push_back(std::move(words));
  }
  if (tables.regex_gate) {
    for (const std::string& atom : tables.regex_gate->atoms()) groups.push_back({atom});
  }
  return groups;
}

// One traversal per region, then markup, regexes and checks; the hits become findings.
std::vector<Finding> Match(const DispatchTables& tables, const scanner::TextFile& file,
                           const scanner::Document& doc, const std::vector<uint8_t>& candidate,
                           const std::vector<uint8_t>* file_atom_hits, EngineStats* stats,
                           const std::optional<VendoredLibrary>* library) {
  std::vector<Hit> hits;
  JsGuardAnalyzer guards;
  const ScanContext ctx{tables,  file,           doc,   candidate, &hits,
                        &guards, file_atom_hits, stats, library};
  const bool timed = stats != nullptr;
  uint64_t unused = 0;
  uint64_t start = timed ? NowNs() : 0;
  for (const scanner::Region& region : doc.regions) {
    switch (region.language) {
      case scanner::Language::kJs:
        MatchJsRegion(ctx, region);
        Lap(timed, &start, timed ? &stats->js_ns : &unused);
        break;
      case scanner::Language::kVbs:
        MatchVbsRegion(ctx, region);
        Lap(timed, &start, timed ? &stats->vbs_ns : &unused);
        break;
      case scanner::Language::kCss:
        MatchCssRegion(ctx, region);
        Lap(timed, &start, timed ? &stats->css_ns : &unused);
        break;
      case scanner::Language::kHtml:
      case scanner::Language::kXml:
        break;  // elements and comments: MatchMarkup
    }
  }
  MatchMarkup(ctx);
  Lap(timed, &start, timed ? &stats->markup_ns : &unused);
  MatchRegexes(ctx);
  Lap(timed, &start, timed ? &stats->regex_ns : &unused);
  MatchChecks(ctx);
  Lap(timed, &start, timed ? &stats->checks_ns : &unused);
  std::vector<Finding> findings = MakeFindings(tables, file, std::move(hits));
  Lap(timed, &start, timed ? &stats->findings_ns : &unused);
  return findings;
}

// Indices of the rules using the vendored-library check.
std::vector<uint32_t> VendoredRules(const std::vector<const Rule*>& rules) {
  std::vector<uint32_t> out;
  for (uint32_t r = 0; r < rules.size(); ++r) {
    for (const Matcher& m : rules[r]->matchers) {
      if (m.kind == MatcherKind::kCheck && m.name == "vendored-library") out.push_back(r);
    }
  }
  return out;
}

// Drops the findings inside a vendored library but its own, counting them, and says so in
// the library finding's message.
void FoldVendored(FileScan* out) {
  std::vector<Finding> kept;
  for (Finding& f : out->findings) {
    if (f.rule->category == "vendored") {
      kept.push_back(std::move(f));
    } else {
      ++out->folded_findings;
    }
  }
  out->findings = std::move(kept);
  if (out->folded_findings == 0) return;
  for (Finding& f : out->findings) {
    f.message = SharedText(f.message + " (" + std::to_string(out->folded_findings) +
                           " finding(s) inside this library are folded under this one; "
                           "--include-vendored lists them)");
  }
}

// Marks the rules whose words occur in a text the document decoded (Document::owned, but
// the copy with server code blanked, which holds no word the file lacks). Returns true
// when it marked one.
bool AddDecodedCandidates(const Prefilter& prefilter, const scanner::Document& doc,
                          std::vector<uint8_t>* candidate) {
  std::vector<uint8_t> hits;
  bool scanned = false;
  for (const std::string& text : doc.owned) {
    if (text.data() == doc.masked.data()) continue;
    prefilter.Scan(text, &hits);
    scanned = true;
  }
  if (!scanned) return false;
  bool added = false;
  for (size_t r = 0; r < candidate->size(); ++r) {
    if (hits[r] && !(*candidate)[r]) {
      (*candidate)[r] = 1;
      added = true;
    }
  }
  return added;
}

}  // namespace

struct Engine::Impl {
  explicit Impl(const Catalog& catalog)
      : tables(catalog.rules()),
        prefilter(PrefilterGroups(tables)),
        vendored_rules(VendoredRules(tables.rules)),
        signature_groups(VendoredSignatureGroups().size()) {}
  DispatchTables tables;
  Prefilter prefilter;
  std::vector<uint32_t> vendored_rules;
  size_t signature_groups;  // after the rules and kExtraGroups; the gate's atoms follow
};

Engine::Engine(const Catalog& catalog, EngineOptions options)
    : catalog_(catalog), options_(options), impl_(std::make_unique<Impl>(catalog)) {}

Engine::~Engine() = default;

Result<FileScan> Engine::ScanFile(const scanner::TextFile& file, scanner::KindInfo kind) const {
  return ScanFile(file, kind, nullptr);
}

Result<FileScan> Engine::ScanFile(const scanner::TextFile& file, scanner::KindInfo kind,
                                  EngineStats* stats) const {
  FileScan out;
  const DispatchTables& tables = impl_->tables;
  const bool timed = stats != nullptr;
  EngineStats local;  // the laps of a call that is not timed land here, unread
  EngineStats& sum = timed ? *stats : local;
  if (timed) {
    ++sum.files;
    sum.bytes += file.text.size();
    sum.rule_ns.resize(tables.rules.size(), 0);
  }
  uint64_t start = timed ? NowNs() : 0;
  const size_t rule_count = tables.rules.size();
  std::vector<uint8_t> candidate;
  impl_->prefilter.Scan(file.text, &candidate);
  const bool directive_words = candidate[rule_count + kDirectiveWords] != 0;
  const bool markup_reference_words = candidate[rule_count + kMarkupReferenceWords] != 0;
  const bool css_reference_words = candidate[rule_count + kCssReferenceWords] != 0;
  uint8_t include_forms = 0;
  for (size_t i = 0; i < kIncludeFormWords.size(); ++i) {
    if (candidate[rule_count + kIncludeWords + i]) include_forms |= static_cast<uint8_t>(1u << i);
  }
  const size_t signatures_at = rule_count + kExtraGroups;
  const size_t atoms_at = signatures_at + impl_->signature_groups;
  const std::vector<uint8_t> signature_hits(candidate.begin() + signatures_at,
                                            candidate.begin() + atoms_at);
  // Which of the regex gate's atoms the file holds: Match answers from them for the regions
  // cut from it instead of a literal pass of their own.
  const bool regex_gate = options_.regex_gate && tables.regex_gate != nullptr;
  const std::vector<uint8_t> atom_hits(regex_gate ? candidate.begin() + atoms_at : candidate.end(),
                                       candidate.end());
  candidate.resize(rule_count);
  if (!options_.prefilter) std::fill(candidate.begin(), candidate.end(), 1);
  // A vendored library: its rule is tried whatever the prefilter says.
  if (MayBeVendored(kind.kind)) {
    out.library = DetectVendoredLibrary(file.origin.display, file.text, &signature_hits);
  }
  if (out.library) {
    for (uint32_t r : impl_->vendored_rules) candidate[r] = 1;
  }
  const uint32_t kind_bit = KindBit(kind.kind);
  for (size_t r = 0; r < candidate.size(); ++r) {
    if (tables.structural_kinds[r] & kind_bit) candidate[r] = 1;
  }
  bool any_rule = std::find(candidate.begin(), candidate.end(), 1) != candidate.end();
  // Pages always get their document mode; files that may load others, their references.
  const bool page = IsPageKind(kind);
  const bool references = MayHaveReferences(kind, markup_reference_words, css_reference_words);
  Lap(timed, &start, &sum.prefilter_ns);
  if (!any_rule && !page && !references && !directive_words) return out;

  Result<scanner::Document> doc = scanner::BuildDocument(file, kind, options_.build);
  Lap(timed, &start, &sum.document_ns);
  if (!doc.ok()) return doc.status();
  out.built = true;
  if (timed) ++sum.built;
  out.warnings.insert(out.warnings.end(), doc->warnings.begin(), doc->warnings.end());
  // Texts the document decoded (attribute values with character references, strings read
  // as sub-documents, XML content) can spell a rule's word that the file's text hides
  // (onclick="el.&#97;ttachEvent(...)"): their words make candidates too.
  if (options_.prefilter && AddDecodedCandidates(impl_->prefilter, *doc, &candidate)) {
    any_rule = true;
  }
  if (page) out.doc_mode = ComputeDocumentMode(file, *doc);
  if (references) out.references = ExtractReferences(file, *doc, include_forms);
  Lap(timed, &start, &sum.facts_ns);
  if (any_rule) {
    out.findings = Match(tables, file, *doc, candidate, regex_gate ? &atom_hits : nullptr, stats,
                         MayBeVendored(kind.kind) ? &out.library : nullptr);
    if (timed) start = NowNs();
  }
  if (directive_words) ApplySuppressions(catalog_, file, FindDirectives(file, *doc), &out.findings);
  if (out.library && !options_.include_vendored) FoldVendored(&out);
  Lap(timed, &start, &sum.findings_ns);
  return out;
}

uint64_t NowNs() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count());
}

void EngineStats::Add(const EngineStats& other) {
  files += other.files;
  built += other.built;
  bytes += other.bytes;
  prefilter_ns += other.prefilter_ns;
  document_ns += other.document_ns;
  facts_ns += other.facts_ns;
  js_ns += other.js_ns;
  vbs_ns += other.vbs_ns;
  css_ns += other.css_ns;
  markup_ns += other.markup_ns;
  regex_ns += other.regex_ns;
  checks_ns += other.checks_ns;
  findings_ns += other.findings_ns;
  if (rule_ns.size() < other.rule_ns.size()) rule_ns.resize(other.rule_ns.size(), 0);
  for (size_t r = 0; r < other.rule_ns.size(); ++r) rule_ns[r] += other.rule_ns[r];
}

}  // namespace iescan::rules
