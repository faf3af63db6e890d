// Light, linear text scans over markup that the document builder needs besides a real
// parser: the doctype, a nesting estimate taken before giving text to Gumbo, a start-tag
// attribute tokenizer (for processing instructions Gumbo turns into comments, and for the
// XML scanner), and character-reference decoding that remembers where each byte came from.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iescan::scanner::document_internal {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
std::string AsciiLowerCopy(std::string_view text);
bool StartsWithNoCase(std::string_view text, std::string_view prefix);
bool EqualsNoCase(std::string_view a, std::string_view b);
// FNV-1a of a tag name in lower case: how the nesting estimate and the token reader
// compare names. The token reader lowers and hashes in one pass with the same steps.
constexpr uint32_t kNameHashSeed = 2166136261u;
constexpr uint32_t NameHashStep(uint32_t hash, char lower) {
  return (hash ^ static_cast<uint8_t>(lower)) * 16777619u;
}
constexpr uint32_t NameHash(std::string_view name) {
  uint32_t hash = kNameHashSeed;
  for (char c : name) {
    hash = NameHashStep(hash, c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return hash;
}
constexpr bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
std::string_view TrimSpace(std::string_view text);

struct DoctypeSpan {
  bool found = false;
  uint32_t begin = 0;  // offset of "<!"
  uint32_t end = 0;    // one past ">"
};
// The <!DOCTYPE ...> before the first element, skipping leading whitespace, comments and
// processing instructions; an XML internal subset ([ ... ]) is included.
DoctypeSpan FindDoctype(std::string_view text);

// Estimates the deepest element nesting an HTML tree builder reaches on `text`: start tags
// push (except void elements), end tags pop to their match, elements whose end tag is
// implied (p, li, td, option ...) close an open one of their kind, raw-text elements are
// skipped. One linear pass; memory grows with the estimate.
uint32_t EstimateNesting(std::string_view text);

// The most attribute-like items (white-space separated words outside quotes) in any one
// start tag, by a cheap linear scan. The HTML parser's duplicate-attribute check is
// quadratic in this count, so a tag with 100,000 attributes must not reach it.
uint32_t EstimateMaxAttributes(std::string_view text);

// One attribute of a start tag or processing instruction, as byte positions in the text.
struct RawAttribute {
  std::string_view name;
  std::string_view value;  // without quotes; empty when there is none
  uint32_t name_pos = 0;
  uint32_t value_pos = 0;  // first byte of the value (name_pos when there is none)
  bool has_value = false;
};

// Reads attributes from `pos` (just after the tag name) up to the end of the tag. Returns
// the position just past the closing '>' (or `text.size()` when the tag is unterminated);
// *self_closing tells whether the tag ended with "/>" (or "?>" for a processing
// instruction). Quoted values may contain '>'.
size_t ReadAttributes(std::string_view text, size_t pos, std::vector<RawAttribute>* out,
                      bool* self_closing);

// Decodes character references (&amp; &quot; &#39; &#x27; and the common named ones) in
// `raw`. map->at(i) is the position in `raw` of the reference that produced output byte i;
// a final entry maps the end. Unknown references are kept as written.
std::string DecodeCharRefs(std::string_view raw, std::vector<uint32_t>* map);

// Appends the UTF-8 encoding of `code_point` (U+FFFD for invalid values).
void AppendUtf8(uint32_t code_point, std::string* out);

}  // namespace iescan::scanner::document_internal
