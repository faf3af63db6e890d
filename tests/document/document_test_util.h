// Helpers for the document tests: build a TextFile from UTF-8 text, build its Document,
// and print locations as "line:column" so expectations read like editor positions.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/document/document.h"

namespace iescan::scanner::testing {

inline std::unique_ptr<TextFile> MakeFile(std::string text) {
  auto file = std::make_unique<TextFile>();
  file->text = std::move(text);
  file->encoding = "UTF-8";
  file->lines = LineIndex(file->text);
  return file;
}

// "line:column" of a TextFile offset.
inline std::string Loc(const TextFile& file, uint32_t offset) {
  Position position = file.lines.At(file.text, offset);
  return std::to_string(position.line) + ":" + std::to_string(position.column);
}

// "line:column" of byte `i` of a region's text.
inline std::string RegionLoc(const Document& doc, const Region& region, size_t i = 0) {
  return Loc(*doc.file, region.map(i));
}

// A file with its document; the file outlives the document.
struct Built {
  std::unique_ptr<TextFile> file;
  Document doc;
};

inline Built Build(std::string text, FileKind kind, ServerDialect server = ServerDialect::kNone,
                   const BuildOptions& options = {}) {
  Built built;
  built.file = MakeFile(std::move(text));
  Result<Document> result = BuildDocument(*built.file, KindInfo{kind, server}, options);
  EXPECT_TRUE(result.ok()) << result.status().message();
  if (result.ok()) built.doc = std::move(result).value();
  return built;
}

// Regions of one language and context, in document order.
inline std::vector<const Region*> RegionsOf(const Document& doc, Language language,
                                            RegionContext context) {
  std::vector<const Region*> out;
  for (const Region& region : doc.regions) {
    if (region.language == language && region.context == context) out.push_back(&region);
  }
  return out;
}

// Elements with a tag, in document order.
inline std::vector<const Element*> ElementsNamed(const Document& doc, std::string_view tag) {
  std::vector<const Element*> out;
  for (const Element& element : doc.elements) {
    if (element.tag == tag) out.push_back(&element);
  }
  return out;
}

// Texts of a region's tokens (comments included).
inline std::vector<std::string> TokenTexts(const Region& region) {
  std::vector<std::string> out;
  for (const Token& token : region.tokens) out.emplace_back(token.Text(region.text));
  return out;
}

// Offset of the token whose text is `text` in `region`, mapped to the file; or UINT32_MAX.
inline uint32_t TokenOffset(const Region& region, std::string_view text, int nth = 0) {
  for (const Token& token : region.tokens) {
    if (token.Text(region.text) == text && nth-- == 0) return region.map(token.begin);
  }
  return UINT32_MAX;
}

}  // namespace iescan::scanner::testing
