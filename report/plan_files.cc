// PlanFiles: a plan's files as records on a budget (report/plan.h).

#include "report/plan.h"

namespace iescan::report {
namespace {

// The lists of one file as its record finds them in the text store: evidence, references,
// warnings, back to back.
size_t TextCount(const PlanFile& file) {
  return file.doc_mode.evidence.size() + file.references.size() + file.warnings.size();
}

void AppendFileTexts(const PlanFile& file, std::vector<SharedText>* out) {
  out->insert(out->end(), file.doc_mode.evidence.begin(), file.doc_mode.evidence.end());
  out->insert(out->end(), file.references.begin(), file.references.end());
  for (const std::string& warning : file.warnings) out->emplace_back(warning);
}

}  // namespace

void PlanFiles::SpillAfter(size_t bytes) {
  records_.SpillAfter(bytes);
  const size_t lists = bytes == kNeverSpill ? kNeverSpill : bytes / 4;
  texts_.SpillAfter(lists);
  loads_.SpillAfter(lists);
}

uint32_t PlanFiles::LibraryIndex(const std::shared_ptr<const rules::VendoredLibrary>& library) {
  if (!library) return 0;
  auto [it, added] = library_index_.try_emplace(library.get(), 0);
  if (added) {
    libraries_.push_back(library);
    it->second = static_cast<uint32_t>(libraries_.size());
  }
  return it->second;
}

void PlanFiles::push_back(const PlanFile& file) {
  Record record;  // no lists yet: Repack appends them
  record.texts = texts_.size();
  record.loads = loads_.size();
  Repack(file, &record);
  records_.push_back(record);
}

PlanFile PlanFiles::Unpack(const Record& r) const {
  PlanFile f;
  f.path = r.path;
  f.root = r.root;
  f.app = r.app;
  f.encoding = r.encoding;
  f.encoding_source = r.encoding_source;
  f.app_index = r.app_index;
  f.bytes = r.bytes;
  f.first_finding = r.first_finding;
  if (r.library > 0) f.library = libraries_[r.library - 1];
  f.doc_mode.built_for = r.built_for;
  f.doc_mode.compat_mode = r.compat_mode;
  uint64_t t = r.texts;
  f.doc_mode.evidence.reserve(r.evidence_count);
  for (uint32_t k = 0; k < r.evidence_count; ++k) f.doc_mode.evidence.push_back(texts_[t++]);
  f.references.reserve(r.reference_count);
  for (uint32_t k = 0; k < r.reference_count; ++k) f.references.push_back(texts_[t++]);
  f.warnings.reserve(r.warning_count);
  for (uint32_t k = 0; k < r.warning_count; ++k) f.warnings.emplace_back(texts_[t++].view());
  f.loads.reserve(r.load_count);
  for (uint32_t k = 0; k < r.load_count; ++k) f.loads.push_back(loads_[r.loads + k]);
  f.lines = r.lines;
  f.finding_count = r.finding_count;
  f.by_severity = r.by_severity;
  f.reach = r.reach;
  f.folded_findings = r.folded_findings;
  f.kind = r.kind;
  f.is_url = r.is_url;
  f.page = r.page;
  f.context_only = r.context_only;
  return f;
}

void PlanFiles::Repack(const PlanFile& f, Record* r) {
  r->path = f.path;
  r->root = f.root;
  r->app = f.app;
  r->encoding = f.encoding;
  r->encoding_source = f.encoding_source;
  r->built_for = f.doc_mode.built_for;
  r->compat_mode = f.doc_mode.compat_mode;
  r->bytes = f.bytes;
  r->first_finding = f.first_finding;
  r->app_index = static_cast<uint32_t>(f.app_index);
  r->lines = f.lines;
  r->finding_count = f.finding_count;
  r->by_severity = f.by_severity;
  r->reach = f.reach;
  r->folded_findings = f.folded_findings;
  r->kind = f.kind;
  r->is_url = f.is_url;
  r->page = f.page;
  r->context_only = f.context_only;
  r->library = LibraryIndex(f.library);

  // Texts: unchanged (the usual case) costs a read; the same count is rewritten in place;
  // another count goes to the end of the store.
  std::vector<SharedText> texts;
  texts.reserve(TextCount(f));
  AppendFileTexts(f, &texts);
  const size_t old_count = size_t{r->evidence_count} + r->reference_count + r->warning_count;
  if (texts.size() == old_count) {
    bool same = true;
    for (size_t k = 0; k < texts.size() && same; ++k) same = texts_[r->texts + k] == texts[k];
    if (!same) {
      texts_.Update(r->texts, r->texts + texts.size(),
                    [&](SharedText& text, size_t i) { text = texts[i - r->texts]; });
    }
  } else {
    r->texts = texts_.size();
    for (const SharedText& text : texts) texts_.push_back(text);
  }
  r->evidence_count = static_cast<uint32_t>(f.doc_mode.evidence.size());
  r->reference_count = static_cast<uint32_t>(f.references.size());
  r->warning_count = static_cast<uint32_t>(f.warnings.size());

  if (f.loads.size() == r->load_count) {
    bool same = true;
    for (size_t k = 0; k < f.loads.size() && same; ++k) same = loads_[r->loads + k] == f.loads[k];
    if (!same) {
      loads_.Update(r->loads, r->loads + f.loads.size(),
                    [&](uint32_t& load, size_t i) { load = f.loads[i - r->loads]; });
    }
  } else {
    r->loads = loads_.size();
    r->load_count = static_cast<uint32_t>(f.loads.size());
    for (uint32_t load : f.loads) loads_.push_back(load);
  }
}

}  // namespace iescan::report
