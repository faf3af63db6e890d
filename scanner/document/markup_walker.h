// MarkupWalker: turns what an HTML reader found in one markup text (start tags with their
// attributes, comments, the content of <script> and <style>) into the Document's
// elements, comments and regions. Both HTML readers feed it, in document order: the
// default token reader (html_tokens.cc) and the Gumbo tree walk (html_markup.cc), so the
// two differ only in which tags they report, never in what a tag becomes.
//
// It also carries IE's reading of downlevel-hidden conditional comments: the markup
// inside one is queued as an ie_only sub-document, and when that markup holds a "-->" of
// its own, the text up to <![endif]> is IE's alone and what the reader reports there is
// dropped (Skipped).
//
// Not thread-safe: one walker per markup text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scanner/document/build_context.h"
#include "scanner/document/element_regions.h"

namespace iescan::scanner::document_internal {

// One attribute as a reader found it. Positions are in MarkupSource::text.
struct TagAttribute {
  std::string_view name;   // as written
  size_t name_local = 0;
  bool has_value = false;  // "=" followed the name
  std::string_view raw;    // the value as written, without quotes
  size_t value_local = 0;  // position of raw[0]
  std::string value;       // character references decoded
};

class MarkupWalker {
 public:
  MarkupWalker(BuildContext& ctx, const MarkupSource& src) : ctx_(ctx), src_(src) {}

  // Records an element whose start tag begins at `local` ('<'), with its regions. Returns
  // its index in Document::elements, or -1 when the tag lies in a skipped range.
  int AddElement(std::string tag, size_t local, int parent, std::vector<TagAttribute>& attributes);
  // Records a comment (or a processing instruction, "<?...>") whose raw text, delimiters
  // included, begins at `local`.
  void AddComment(std::string_view raw, size_t local, int parent);
  // Adds the region of a <script> (style false) or <style> element's content, given as
  // the range [begin, end) of the source text.
  void AddContent(int element, size_t begin, size_t end, bool style);
  // True when `local` lies in text IE reads as part of a conditional comment.
  bool Skipped(size_t local) const;

  const MarkupSource& source() const { return src_; }

 private:
  void AddProcessingInstruction(std::string_view raw, size_t local, int parent);
  void HiddenComment(const struct ConditionalInfo& info, size_t content_local, size_t comment_end,
                     int parent);
  size_t NextEndif(size_t from);

  BuildContext& ctx_;
  const MarkupSource& src_;
  std::vector<std::pair<size_t, size_t>> skip_;
  std::vector<AttrSpan> spans_;  // AddElement's, kept for the next element
  size_t endif_from_ = std::string::npos;
  size_t endif_at_ = std::string::npos;
};

// Reads one markup text with the token reader (html_tokens.cc) and feeds a MarkupWalker.
// Sets the context's handler language from the first <script> naming one when the text is
// the file itself.
// `opens` is the number of '<' in source.text (the caller has counted them).
void ReadHtmlTokens(BuildContext& ctx, const MarkupSource& source, size_t opens);

}  // namespace iescan::scanner::document_internal
