// Invariants of a built Document, checked by the document fuzz targets.
#include "fuzz/document_check.h"

#include <cstdint>
#include <string>

#include "fuzz/fuzz_input.h"
#include "scanner/decode/text_file.h"
#include "scanner/document/document.h"
#include "scanner/source/blob.h"

namespace iescan::fuzz {
namespace {

void CheckRegion(const scanner::Document& doc, const scanner::Region& region) {
  const uint32_t size = static_cast<uint32_t>(doc.file->text.size());
  IESCAN_FUZZ_CHECK(region.parent < static_cast<int>(doc.regions.size()));
  IESCAN_FUZZ_CHECK(region.element < static_cast<int>(doc.elements.size()));
  for (const scanner::Token& token : region.tokens) {
    IESCAN_FUZZ_CHECK(token.begin <= token.end && token.end <= region.text.size());
  }
  // Every position of the region text, and one past its end, maps into the file.
  const size_t n = region.text.size();
  const size_t step = n > 4096 ? n / 1024 : 1;
  for (size_t i = 0; i <= n; i += step) IESCAN_FUZZ_CHECK(region.map(i) <= size);
  IESCAN_FUZZ_CHECK(region.map(n) <= size);
}

void CheckDocument(const scanner::Document& doc) {
  const uint32_t size = static_cast<uint32_t>(doc.file->text.size());
  IESCAN_FUZZ_CHECK(doc.masked.size() == doc.file->text.size());
  for (const scanner::Region& region : doc.regions) CheckRegion(doc, region);
  for (const scanner::Element& element : doc.elements) {
    IESCAN_FUZZ_CHECK(element.offset < size);
    IESCAN_FUZZ_CHECK(element.parent < static_cast<int>(doc.elements.size()));
    for (const scanner::Attribute& attr : element.attributes) {
      IESCAN_FUZZ_CHECK(attr.name_offset <= size && attr.value_offset <= size);
    }
  }
  for (const scanner::Comment& comment : doc.comments) {
    IESCAN_FUZZ_CHECK(comment.offset < size);
  }
  for (const scanner::ServerBlock& block : doc.server_blocks) {
    IESCAN_FUZZ_CHECK(block.begin <= block.end && block.end <= size);
  }
}

}  // namespace

void BuildAndCheck(std::string_view bytes, scanner::KindInfo kind, std::string_view display,
                   scanner::HtmlReader reader) {
  scanner::Blob blob;
  blob.origin.display = std::string(display);
  blob.bytes = std::string(bytes);
  auto file = scanner::Decode(std::move(blob));
  if (!file.ok()) return;
  scanner::BuildOptions options;
  options.html_reader = reader;
  auto doc = scanner::BuildDocument(*file, kind, options);
  if (!doc.ok()) return;
  IESCAN_FUZZ_CHECK(doc->file == &*file);
  CheckDocument(*doc);
}

}  // namespace iescan::fuzz
