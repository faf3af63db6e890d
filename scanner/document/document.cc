// BuildDocument and the small value methods of document.h; the queue that drives the
// builder's parts (see build_context.h).
#include "scanner/document/document.h"

#include <algorithm>
#include <utility>

#include "scanner/document/build_context.h"
#include "scanner/document/markup_scan.h"
#include "scanner/document/server_mask.h"
#include "scanner/lex/lexers.h"

namespace iescan::scanner {

std::string_view LanguageName(Language lang) {
  switch (lang) {
    case Language::kHtml:
      return "html";
    case Language::kJs:
      return "js";
    case Language::kVbs:
      return "vbs";
    case Language::kCss:
      return "css";
    case Language::kXml:
      return "xml";
  }
  return "html";
}

OffsetMap OffsetMap::Sub(size_t start) const {
  if (!table_) return OffsetMap(base_ + static_cast<uint32_t>(start));
  if (start >= table_->size()) return OffsetMap(table_->empty() ? base_ : table_->back());
  return OffsetMap(
      std::vector<uint32_t>(table_->begin() + static_cast<ptrdiff_t>(start), table_->end()));
}

OffsetMap OffsetMap::Slice(size_t start, size_t length) const {
  if (!table_) return OffsetMap(base_ + static_cast<uint32_t>(start));
  std::vector<uint32_t> part;
  part.reserve(length + 1);
  for (size_t i = 0; i <= length; ++i) part.push_back((*this)(start + i));
  return OffsetMap(std::move(part));
}

OffsetMap OffsetMap::Compose(const std::vector<uint32_t>& inner) const {
  std::vector<uint32_t> table;
  table.reserve(inner.size());
  for (uint32_t position : inner) table.push_back((*this)(position));
  return OffsetMap(std::move(table));
}

const Attribute* Element::Find(std::string_view name) const {
  for (const Attribute& attribute : attributes) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

namespace document_internal {

int BuildContext::AddRegion(CodeSource source) {
  if (source.text.empty()) return -1;
  if (doc_.regions.size() >= options_.max_regions) {
    if (!region_budget_warned_) {
      region_budget_warned_ = true;
      Warn("more than " + std::to_string(options_.max_regions) +
           " code regions; the rest were not scanned");
    }
    return -1;
  }
  Region region;
  region.language = source.language;
  region.context = source.context;
  region.text = source.text;
  region.map = std::move(source.map);
  region.parent = source.parent_region;
  region.element = source.element;
  region.attribute = std::move(source.attribute);
  region.ie_only = source.ie_only;
  switch (region.language) {
    case Language::kJs:
      region.tokens = LexJs(region.text);
      break;
    case Language::kVbs:
      region.tokens = LexVbs(region.text);
      break;
    case Language::kCss:
      region.tokens = LexCss(region.text);
      break;
    default:
      break;
  }
  int index = static_cast<int>(doc_.regions.size());
  doc_.regions.push_back(std::move(region));
  depth_.push_back(static_cast<uint8_t>(std::min(source.depth, 255)));
  if (source.language == Language::kJs || source.language == Language::kVbs) {
    WorkItem item;
    item.region = index;
    queue_.push_back(std::move(item));
  }
  return index;
}

void BuildContext::QueueMarkup(MarkupSource source) {
  if (source.text.empty()) return;
  if (source.depth > static_cast<int>(options_.max_subdocument_depth)) {
    Warn("sub-documents nest more than " + std::to_string(options_.max_subdocument_depth) +
         " deep; the deeper ones were not scanned");
    return;
  }
  WorkItem item;
  item.is_markup = true;
  item.markup = std::move(source);
  queue_.push_back(std::move(item));
}

Status BuildContext::Run() {
  while (!queue_.empty()) {
    WorkItem item = std::move(queue_.front());
    queue_.pop_front();
    if (item.is_markup) {
      Status status = ParseHtml(*this, item.markup);
      if (!status.ok()) return status;
    } else {
      ScanStringCode(*this, item.region);
    }
  }
  return Status::Ok();
}

std::string_view BuildContext::Own(std::string text) {
  doc_.owned.push_back(std::move(text));
  return doc_.owned.back();
}

void BuildContext::Warn(std::string message) {
  if (std::find(doc_.warnings.begin(), doc_.warnings.end(), message) != doc_.warnings.end()) {
    return;
  }
  doc_.warnings.push_back(std::move(message));
}

namespace {

void AddWholeFileRegion(BuildContext& ctx, Language language) {
  CodeSource source;
  source.language = language;
  source.context = RegionContext::kFile;
  source.text = ctx.doc().masked;
  source.map = OffsetMap(0);
  ctx.AddRegion(std::move(source));
}

void SetDoctype(Document& doc) {
  DoctypeSpan span = FindDoctype(doc.masked);
  if (!span.found) return;
  doc.has_doctype = true;
  doc.doctype = std::string(doc.masked.substr(span.begin, span.end - span.begin));
}

}  // namespace
}  // namespace document_internal

Result<Document> BuildDocument(const TextFile& file, KindInfo kind,
                               const BuildOptions& options) {
  using namespace document_internal;
  Document doc;
  doc.file = &file;
  doc.kind = kind;
  doc.masked = file.text;
  if (file.text.size() >= UINT32_MAX) {
    return Status::Error("file larger than 4 GiB; not parsed");
  }
  if (kind.server != ServerDialect::kNone) {
    std::string masked;
    if (MaskServerCode(file.text, kind.server, &masked, &doc.server_blocks)) {
      doc.owned.push_back(std::move(masked));
      doc.masked = doc.owned.back();
    }
  }
  BuildContext ctx(file, doc, options);
  switch (kind.kind) {
    case FileKind::kJs:
      AddWholeFileRegion(ctx, Language::kJs);
      break;
    case FileKind::kVbs:
      AddWholeFileRegion(ctx, Language::kVbs);
      break;
    case FileKind::kCss:
      AddWholeFileRegion(ctx, Language::kCss);
      break;
    case FileKind::kXml:
    case FileKind::kXsl:
      SetDoctype(doc);
      ParseXml(ctx, doc.masked);
      break;
    case FileKind::kHtml:
    case FileKind::kHta:
    case FileKind::kHtc:
    case FileKind::kUnknown: {
      SetDoctype(doc);
      MarkupSource source;
      source.text = doc.masked;
      source.map = OffsetMap(0);
      source.is_file = true;
      ctx.QueueMarkup(std::move(source));
      break;
    }
  }
  Status status = ctx.Run();
  if (!status.ok()) return status;
  return Result<Document>(std::move(doc));
}

}  // namespace iescan::scanner
