// BuildContext: the private working state of BuildDocument, shared by its parts (markup
// walker, XML scanner, strings-that-are-code scanner).
//
// Work is driven by a queue rather than recursion: a markup text to parse (the file, the
// inside of a downlevel-hidden conditional comment, a string written with document.write)
// and a code region to search for strings that are code are both queue items. Parsing one
// item may add more, each one level deeper; BuildOptions bounds the depth and the number
// of regions, so hostile input cannot make the work unbounded.
//
// Ownership: borrows the TextFile and the Document being built; everything derived is
// stored in Document::owned. Not thread-safe (one context per file).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/document/document.h"

namespace iescan::scanner::document_internal {

// A markup text to parse with the HTML parser.
struct MarkupSource {
  std::string_view text;    // lives in TextFile::text or Document::owned
  OffsetMap map;            // text position -> TextFile offset
  int depth = 0;            // 0 for the file itself
  bool ie_only = false;     // inside a downlevel-hidden conditional comment
  int parent_region = -1;   // the code region whose string this markup came from
  int parent_element = -1;  // element the markup's top-level elements hang under
  bool is_file = false;     // the file's own markup (nesting failures are fatal)
};

// A code region waiting to be created.
struct CodeSource {
  Language language = Language::kJs;
  RegionContext context = RegionContext::kScriptBlock;
  std::string_view text;
  OffsetMap map;
  int parent_region = -1;
  int element = -1;
  std::string attribute;
  bool ie_only = false;
  int depth = 0;
};

class BuildContext {
 public:
  BuildContext(const TextFile& file, Document& doc, const BuildOptions& options)
      : file_(file), doc_(doc), options_(options) {}

  const TextFile& file() const { return file_; }
  Document& doc() { return doc_; }
  const BuildOptions& options() const { return options_; }

  // Creates the region, lexes it and, for JavaScript and VBScript, queues the search for
  // strings that are code. Returns the region index, or -1 when the text is empty or the
  // region budget is spent (a warning is recorded once).
  int AddRegion(CodeSource source);
  // Queues a markup text; ignored (with a warning) past the sub-document depth budget.
  void QueueMarkup(MarkupSource source);
  // Runs the queue to exhaustion. Fails only for the file's own markup nesting too deep.
  Status Run();

  // Stores a derived text and returns a stable view of it.
  std::string_view Own(std::string text);
  // Records a warning once per distinct message.
  void Warn(std::string message);

  int RegionDepth(int region) const {
    return region >= 0 && static_cast<size_t>(region) < depth_.size() ? depth_[region] : 0;
  }

  // IE's language for handler attributes: that of the page's first <script> naming one.
  Language handler_language = Language::kJs;
  bool handler_language_known = false;

 private:
  struct WorkItem {
    bool is_markup = false;
    MarkupSource markup;
    int region = -1;
  };

  const TextFile& file_;
  Document& doc_;
  const BuildOptions& options_;
  std::deque<WorkItem> queue_;
  std::vector<uint8_t> depth_;  // per region
  bool region_budget_warned_ = false;
};

// --- parts of the builder, one file each ---------------------------------------------

// Parses one markup text with Gumbo and adds its elements, comments and regions
// (html_markup.cc). Returns an error only for the file's own text nesting too deep.
Status ParseHtml(BuildContext& ctx, const MarkupSource& source);

// Scans an XML or XSL file (xml_markup.cc).
void ParseXml(BuildContext& ctx, std::string_view text);

// Searches a JavaScript or VBScript region's tokens for strings that are code and queues
// them (string_code.cc).
void ScanStringCode(BuildContext& ctx, int region);

}  // namespace iescan::scanner::document_internal
