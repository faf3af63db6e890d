// Engine: prefilter -> document -> one traversal per region -> findings.
#include "rules/engine/engine.h"
#include "rules/engine/suppressions.h"

#include <algorithm>

#include "rules/checks/checks.h"
#include "rules/engine/engine_internal.h"
#include "rules/engine/page_facts.h"
#include "rules/engine/prefilter.h"

namespace iescan::rules {
namespace {

std::vector<std::vector<std::string>> PrefilterGroups(const std::vector<const Rule*>& rules) {
  std::vector<std::vector<std::string>> groups;
  groups.reserve(rules.size());
  for (const Rule* rule : rules) groups.push_back(rule->prefilter);
  return groups;
}

// One traversal per region, then markup, regexes and checks; the hits become findings.
std::vector<Finding> Match(const DispatchTables& tables, const scanner::TextFile& file,
                           const scanner::Document& doc, const std::vector<uint8_t>& candidate) {
  std::vector<Hit> hits;
  JsGuardAnalyzer guards;
  const ScanContext ctx{tables, file, doc, candidate, &hits, &guards};
  for (const scanner::Region& region : doc.regions) {
    switch (region.language) {
      case scanner::Language::kJs:
        MatchJsRegion(ctx, region);
        break;
      case scanner::Language::kVbs:
        MatchVbsRegion(ctx, region);
        break;
      case scanner::Language::kCss:
        MatchCssRegion(ctx, region);
        break;
      case scanner::Language::kHtml:
      case scanner::Language::kXml:
        break;  // elements and comments: MatchMarkup
    }
  }
  MatchMarkup(ctx);
  MatchRegexes(ctx);
  MatchChecks(ctx);
  return MakeFindings(tables, file, std::move(hits));
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
    f.message += " (" + std::to_string(out->folded_findings) +
                 " finding(s) inside this library are folded under this one; "
                 "--include-vendored lists them)";
  }
}

}  // namespace

struct Engine::Impl {
  explicit Impl(const Catalog& catalog)
      : tables(catalog.rules()),
        prefilter(PrefilterGroups(catalog.rules())),
        vendored_rules(VendoredRules(tables.rules)) {}
  DispatchTables tables;
  Prefilter prefilter;
  std::vector<uint32_t> vendored_rules;
};

Engine::Engine(const Catalog& catalog, EngineOptions options)
    : catalog_(catalog), options_(options), impl_(std::make_unique<Impl>(catalog)) {}

Engine::~Engine() = default;

Result<FileScan> Engine::ScanFile(const scanner::TextFile& file, scanner::KindInfo kind) const {
  FileScan out;
  const DispatchTables& tables = impl_->tables;
  std::vector<uint8_t> candidate(tables.rules.size(), options_.prefilter ? 0 : 1);
  if (options_.prefilter) impl_->prefilter.Scan(file.text, &candidate);
  // A vendored library: its rule is tried whatever the prefilter says.
  if (MayBeVendored(kind.kind)) out.library = DetectVendoredLibrary(file.origin.display, file.text);
  if (out.library) {
    for (uint32_t r : impl_->vendored_rules) candidate[r] = 1;
  }
  const uint32_t kind_bit = KindBit(kind.kind);
  for (size_t r = 0; r < candidate.size(); ++r) {
    if (tables.structural_kinds[r] & kind_bit) candidate[r] = 1;
  }
  const bool any_rule = std::find(candidate.begin(), candidate.end(), 1) != candidate.end();
  // Pages always get their document mode; files that may load others, their references.
  const bool page = IsPageKind(kind);
  const bool references = MayHaveReferences(file.text, kind);
  const bool directives = MayHaveDirectives(file.text);
  if (!any_rule && !page && !references && !directives) return out;

  Result<scanner::Document> doc = scanner::BuildDocument(file, kind, options_.build);
  if (!doc.ok()) return doc.status();
  out.built = true;
  out.warnings.insert(out.warnings.end(), doc->warnings.begin(), doc->warnings.end());
  if (page) out.doc_mode = ComputeDocumentMode(file, *doc);
  if (references) out.references = ExtractReferences(file, *doc);
  if (any_rule) out.findings = Match(tables, file, *doc, candidate);
  if (directives) ApplySuppressions(catalog_, file, FindDirectives(file, *doc), &out.findings);
  if (out.library && !options_.include_vendored) FoldVendored(&out);
  return out;
}

}  // namespace iescan::rules
