// Document: one decoded file split into the regions that rules look at.
//
// A Document is built from a TextFile (which must outlive it: regions and views borrow its
// text). Every offset stored here is a byte offset into TextFile::text, so a location is
// always in the original file's coordinates, whatever the embedding: a handler attribute,
// a script block, or a string that is code (`document.write('<object ...>')`) scanned as a
// sub-document.
//
// Thread-safety: a built Document is immutable; share it read-only.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/decode/text_file.h"
#include "scanner/lex/token.h"
#include "scanner/source/file_kind.h"

namespace iescan::scanner {

enum class Language : uint8_t { kHtml, kJs, kVbs, kCss, kXml };
std::string_view LanguageName(Language lang);  // "html", "js", "vbs", "css", "xml"

// Maps a byte position in a derived text (a region's text) to a byte offset in the
// TextFile's text. Identity-plus-base for plain slices; a table for unescaped strings.
class OffsetMap {
 public:
  OffsetMap() = default;
  explicit OffsetMap(uint32_t base) : base_(base) {}
  // table[i] = original offset of derived byte i; must hold derived.size() + 1 entries.
  explicit OffsetMap(std::vector<uint32_t> table)
      : table_(std::make_shared<const std::vector<uint32_t>>(std::move(table))) {}

  uint32_t operator()(size_t i) const {
    if (!table_) return base_ + static_cast<uint32_t>(i);
    if (table_->empty()) return base_;
    return i < table_->size() ? (*table_)[i] : table_->back();
  }
  // The map of the derived substring starting at `start`.
  OffsetMap Sub(size_t start) const;
  // The map of the derived substring [start, start + length): like Sub, but copies at most
  // length + 1 table entries, so slicing many regions out of a large text stays linear.
  OffsetMap Slice(size_t start, size_t length) const;
  // Composition: the map of a text derived from this one through `inner` (inner maps
  // positions in the new text to positions in this map's derived text).
  OffsetMap Compose(const std::vector<uint32_t>& inner) const;

 private:
  uint32_t base_ = 0;
  std::shared_ptr<const std::vector<uint32_t>> table_;
};

// Where a region sits in its host.
enum class RegionContext : uint8_t {
  kFile,          // the whole file is this language (.js, .vbs, .css)
  kScriptBlock,   // <script> content, <PUBLIC:...> script in .htc, msxsl:script
  kEventHandler,  // on* attribute value
  kScriptUrl,     // javascript: / vbscript: URL in an attribute
  kStyleBlock,    // <style> content
  kStyleAttr,     // style="" attribute value
  kStringCode,    // a string that is code, scanned as a sub-document
};

// A span of code in one language.
struct Region {
  Language language = Language::kHtml;
  RegionContext context = RegionContext::kFile;
  std::string_view text;   // borrowed from TextFile::text or Document::owned
  OffsetMap map;           // text position -> TextFile offset
  Tokens tokens;           // filled for kJs, kVbs and kCss regions
  int parent = -1;         // index of the region this one was derived from (sub-documents)
  int element = -1;        // index in Document::elements of the host element, -1 if none
  std::string attribute;   // host attribute name for handlers/style attrs ("onclick")
  // The region is only seen by old IE: inside a downlevel-hidden conditional comment
  // (<!--[if IE]> ... <![endif]-->) or a JScript @cc_on block.
  bool ie_only = false;
};

struct Attribute {
  std::string name;          // lower-case, with any prefix ("xmlns:v")
  std::string value;         // character references decoded
  uint32_t name_offset = 0;  // TextFile offset of the name's first byte
  uint32_t value_offset = 0; // TextFile offset of the value's first byte (name_offset if none)
  bool has_value = false;
};

struct Element {
  std::string tag;           // lower-case, with any prefix ("hta:application", "v:shape")
  uint32_t offset = 0;       // TextFile offset of '<'
  std::vector<Attribute> attributes;
  int parent = -1;           // index of the parent element, -1 at top level
  bool ie_only = false;      // inside a downlevel-hidden conditional comment
  const Attribute* Find(std::string_view name) const;  // lower-case name
  // Compares lengths first (std::string == "literal" calls memcmp for every element).
  bool TagIs(std::string_view name) const { return std::string_view(tag) == name; }
};

enum class CommentKind : uint8_t {
  kPlain,
  kDownlevelHidden,     // <!--[if IE]> ... <![endif]-->: the opening part
  kDownlevelRevealed,   // <![if !IE]> or <!--[if !IE]><!--> : the opening part
  kEndif,               // <![endif]--> or <!--<![endif]-->
};

struct Comment {
  CommentKind kind = CommentKind::kPlain;
  std::string_view text;     // the comment's content (between <!-- and -->), borrowed
  uint32_t offset = 0;       // TextFile offset of "<!--" (or "<![")
  std::string condition;     // "IE", "lt IE 9", "!IE" ... for conditional comments
};

// Server-side code masked out of the markup view.
struct ServerBlock {
  uint32_t begin = 0;   // TextFile offsets
  uint32_t end = 0;
  enum Kind : uint8_t { kCode, kExpression, kDirective, kComment, kTag } kind = kCode;
};

struct Document {
  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const TextFile* file = nullptr;
  KindInfo kind;
  // Markup text with server code blanked (same length, newlines kept). Views into
  // TextFile::text when the file has no server code, else into a string in `owned`.
  std::string_view masked;
  std::vector<Region> regions;
  std::vector<Element> elements;
  std::vector<Comment> comments;
  std::vector<ServerBlock> server_blocks;
  std::string doctype;                // the raw <!DOCTYPE ...> text, empty if none
  bool has_doctype = false;
  // Storage for derived texts (masked markup, unescaped sub-documents). A deque keeps
  // element addresses stable when it grows and when the Document is moved, so views
  // stay valid. Never copy a Document: views would point into the original.
  std::deque<std::string> owned;
  std::vector<std::string> warnings;  // non-fatal problems ("nesting capped at ...")
};

// How HTML is read (see docs/architecture notes in README.md).
//   kTokens  iescan's own tokenizer (the default): every start tag, attribute, comment and
//            script/style content as written, in document order, following the HTML
//            tokenizer's states (script data and its escapes, raw text, RCDATA, comments,
//            bogus comments) without building a tree. Building the documents of the
//            320 MB bench corpus takes a third of the time it takes with Gumbo.
//   kGumbo   Gumbo's HTML5 tree builder: the same, except for tags a tree builder drops
//            (a <td> outside a table, a second <body> whose attributes it merges, most
//            tags inside <select> or after </frameset>), which Internet Explorer's own
//            parser did not drop. The reference the token reader is tested against.
enum class HtmlReader : uint8_t { kTokens, kGumbo };

struct BuildOptions {
  HtmlReader html_reader = HtmlReader::kTokens;
  uint32_t max_nesting = 4000;        // deeper markup is not given to the HTML parser
  uint32_t max_subdocument_depth = 4; // strings-that-are-code inside strings-that-are-code
  uint32_t max_regions = 100000;      // budget per file
};

// Builds the regions, elements and comments of `file` as a `kind` resource, lexes every
// code region, and expands strings that are code into sub-documents. Fails (the file is
// then skipped with the message as reason) only when a budget is exceeded in a way that
// makes a partial result misleading, e.g. nesting deeper than max_nesting.
Result<Document> BuildDocument(const TextFile& file, KindInfo kind,
                               const BuildOptions& options = {});

}  // namespace iescan::scanner
