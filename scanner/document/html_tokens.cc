// The token reader: HTML read as a sequence of tokens, the way the HTML tokenizer reads it,
// without a tree (see HtmlReader in document.h).
//
// One pass over the text finds '<' with memchr and reads what follows: a start tag and its
// attributes (names as written, values with character references decoded, duplicates
// dropped as the tokenizer drops them), an end tag, a comment (<!-- ... -->, ending at
// "-->" or "--!>", "<!-->" being empty), a bogus comment (<!...>, <?...>, </ followed by a
// non-letter), or a doctype. After the start tag of <script> the reader follows script
// data with its escape states (<!-- ... <script> ... </script> ... -->), after <style>,
// <xmp>, <iframe>, <noembed> and <noframes> raw text, after <textarea> and <title> RCDATA,
// and <plaintext> ends all markup. A tag cut off by the end of the text is dropped, as the
// tokenizer drops it.
//
// Each token goes to the MarkupWalker as soon as it is read, so a page's tokens are never
// all in memory at once. Only the language of handler attributes waits: it is that of the
// first <script> naming one, wherever it is, so tokens from the first tag with an on*
// attribute up to that <script> (or the end) are held back, then walked in order.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "scanner/document/markup_scan.h"
#include "scanner/document/markup_walker.h"

namespace iescan::scanner::document_internal {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// What follows a start tag, by the element's name (lower case).
enum class Content : uint8_t { kMarkup, kScript, kRawText, kRcData, kPlainText };

Content ContentOf(std::string_view name) {
  switch (name.size()) {
    case 3:
      if (name == "xmp") return Content::kRawText;
      break;
    case 5:
      if (name == "style") return Content::kRawText;
      if (name == "title") return Content::kRcData;
      break;
    case 6:
      if (name == "script") return Content::kScript;
      if (name == "iframe") return Content::kRawText;
      break;
    case 7:
      if (name == "noembed") return Content::kRawText;
      break;
    case 8:
      if (name == "noframes") return Content::kRawText;
      if (name == "textarea") return Content::kRcData;
      break;
    case 9:
      if (name == "plaintext") return Content::kPlainText;
      break;
    default:
      break;
  }
  return Content::kMarkup;
}

// Elements that never hold content (their end tag, if written, closes nothing).
bool IsVoid(std::string_view name) {
  static const std::unordered_set<std::string_view> kVoid = {
      "area", "base", "basefont", "bgsound", "br",     "col",   "embed", "frame", "hr",
      "img",  "input", "keygen",  "link",    "meta",   "param", "source", "track", "wbr"};
  return kVoid.count(name) != 0;
}

struct Token {
  enum Kind : uint8_t { kStart, kEnd, kComment } kind = kStart;
  uint32_t begin = 0;  // '<'
  uint32_t end = 0;    // one past the token's last byte
  std::string name;    // tags: lower case
  uint32_t name_hash = 0;  // tags: NameHash(name)
  uint32_t first_attribute = 0;
  uint32_t attribute_count = 0;
  bool has_content = false;  // script / style: [content_begin, content_end) follows
  uint32_t content_begin = 0;
  uint32_t content_end = 0;
};

// Sets the token's name to `name` in lower case, and its NameHash, in one pass.
void SetName(std::string_view name, Token* token) {
  token->name.assign(name.data(), name.size());
  uint32_t hash = kNameHashSeed;
  for (char& c : token->name) {
    c = AsciiLower(c);
    hash = NameHashStep(hash, c);
  }
  token->name_hash = hash;
}

// The tag names of one page, numbered as first seen, with what the reader keeps of each:
// open elements are compared and counted by number, and a name is hashed once, by the
// tokenizer, not again for each set or map it is looked up in.
class TagNames {
 public:
  struct Entry {
    std::string name;
    bool is_void;
    uint32_t open;  // how many open elements have this name
  };
  // The number of the token's name, added if new; or, with add false, kNone if new.
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t Id(const Token& token, bool add) {
    if (slots_.empty()) slots_.assign(64, kNone);
    const size_t mask = slots_.size() - 1;
    size_t slot = token.name_hash & mask;
    for (uint32_t id = slots_[slot]; id != kNone; id = slots_[slot]) {
      if (hashes_[id] == token.name_hash && entries_[id].name == token.name) return id;
      slot = (slot + 1) & mask;
    }
    if (!add) return kNone;
    const auto id = static_cast<uint32_t>(entries_.size());
    entries_.push_back({token.name, IsVoid(token.name), 0});
    hashes_.push_back(token.name_hash);
    slots_[slot] = id;
    if (entries_.size() * 2 > slots_.size()) Grow();
    return id;
  }
  Entry& operator[](uint32_t id) { return entries_[id]; }

 private:
  void Grow() {
    std::vector<uint32_t> slots(slots_.size() * 2, kNone);
    const size_t mask = slots.size() - 1;
    for (uint32_t id = 0; id < entries_.size(); ++id) {
      size_t slot = hashes_[id] & mask;
      while (slots[slot] != kNone) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    slots_.swap(slots);
  }
  std::vector<uint32_t> slots_;  // open addressing over the ids, by hash
  std::vector<uint32_t> hashes_;
  std::vector<Entry> entries_;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text), n_(text.size()) {}

  // Reads the next token into *out, its attributes appended to *attributes (from
  // out->first_attribute on). Returns false at the end of the markup.
  bool Next(Token* out, std::vector<TagAttribute>* attributes);

 private:
  // What ends a tag name (white space, '/', '>') and, with '=', an attribute name: one
  // table entry a byte, as these loops run over every name of every tag.
  static constexpr uint8_t kEndsTagName = 1;
  static constexpr uint8_t kEndsAttributeName = 2;
  static constexpr std::array<uint8_t, 256> kNameEnds = [] {
    std::array<uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
      if (IsSpace(static_cast<char>(c)) || c == '/' || c == '>') {
        table[c] = kEndsTagName | kEndsAttributeName;
      }
    }
    table['='] = kEndsAttributeName;
    return table;
  }();
  static bool Delimits(char c) { return (kNameEnds[static_cast<uint8_t>(c)] & kEndsTagName) != 0; }
  static bool EndsAttributeName(char c) {
    return (kNameEnds[static_cast<uint8_t>(c)] & kEndsAttributeName) != 0;
  }
  size_t Find(char c, size_t from) const {
    if (from >= n_) return std::string_view::npos;
    const void* hit = std::memchr(text_.data() + from, c, n_ - from);
    return hit == nullptr ? std::string_view::npos
                          : static_cast<size_t>(static_cast<const char*>(hit) - text_.data());
  }
  // True when "</name" (any case) followed by a delimiter starts at `at`.
  bool EndTagAt(size_t at, std::string_view name) const {
    if (at + 2 + name.size() >= n_ || text_[at + 1] != '/') return false;
    return EqualsNoCase(text_.substr(at + 2, name.size()), name) &&
           Delimits(text_[at + 2 + name.size()]);
  }
  size_t RawTextEnd(size_t from, std::string_view name) const;
  size_t ScriptDataEnd(size_t from) const;
  // Reads attributes from `pos` to the tag's '>'; returns the position after it, or npos
  // when the text ends inside the tag.
  size_t ReadAttributes(size_t pos, std::vector<TagAttribute>* out, bool keep);
  size_t CommentEnd(size_t lt) const;

  std::string_view text_;
  size_t n_;
  size_t pos_ = 0;     // where the next token is looked for
  bool done_ = false;  // the end, <plaintext> or a tag cut off by the end was reached
};

// The end of raw text or RCDATA content: the first "</name" ending the element.
size_t Tokenizer::RawTextEnd(size_t from, std::string_view name) const {
  for (size_t lt = Find('<', from); lt != std::string_view::npos; lt = Find('<', lt + 1)) {
    if (EndTagAt(lt, name)) return lt;
  }
  return n_;
}

// The end of script data, following its escaped and double-escaped states: "<!--" escapes,
// "<script" inside the escape double-escapes (so "</script>" there does not end the
// script), "-->" returns to plain script data.
size_t Tokenizer::ScriptDataEnd(size_t from) const {
  enum { kPlain, kEscaped, kDouble } state = kPlain;
  size_t i = from;
  // The first "-->" at or after i, found once and reused while i has not passed it, so that
  // an escape with many '<' and no "-->" costs one search, not one per '<'.
  size_t close = std::string_view::npos;
  bool close_known = false;
  while (i < n_) {
    size_t lt = Find('<', i);
    if (state == kPlain) {
      if (lt == std::string_view::npos) return n_;
      if (EndTagAt(lt, "script")) return lt;
      if (text_.compare(lt + 1, 3, "!--") == 0) {
        state = kEscaped;
        i = lt + 2;  // the dashes of "<!--" may close it at once: "<!-->"
      } else {
        i = lt + 1;
      }
      continue;
    }
    if (!close_known || (close != std::string_view::npos && close < i)) {
      close = text_.find("-->", i);
      close_known = true;
    }
    if (close != std::string_view::npos && (lt == std::string_view::npos || close < lt)) {
      state = kPlain;
      i = close + 3;
      continue;
    }
    if (lt == std::string_view::npos) return n_;
    if (state == kEscaped) {
      if (EndTagAt(lt, "script")) return lt;
      if (lt + 7 < n_ && EqualsNoCase(text_.substr(lt + 1, 6), "script") &&
          Delimits(text_[lt + 7])) {
        state = kDouble;
        i = lt + 7;
        continue;
      }
    } else if (EndTagAt(lt, "script")) {
      state = kEscaped;
      i = lt + 8;
      continue;
    }
    i = lt + 1;
  }
  return n_;
}

size_t Tokenizer::ReadAttributes(size_t pos, std::vector<TagAttribute>* out, bool keep) {
  const size_t first = out->size();
  std::unordered_set<std::string> seen;  // used past a few attributes only
  while (true) {
    while (pos < n_ && IsSpace(text_[pos])) ++pos;
    if (pos >= n_) return std::string_view::npos;
    char c = text_[pos];
    if (c == '>') return pos + 1;
    if (c == '/') {
      ++pos;
      continue;
    }
    TagAttribute attribute;
    attribute.name_local = pos;
    size_t name_end = pos + 1;  // the first character may be anything, even '='
    while (name_end < n_ && !EndsAttributeName(text_[name_end])) ++name_end;
    attribute.name = text_.substr(pos, name_end - pos);
    attribute.value_local = pos;
    pos = name_end;
    size_t after = pos;
    while (after < n_ && IsSpace(text_[after])) ++after;
    if (after < n_ && text_[after] == '=') {
      pos = after + 1;
      while (pos < n_ && IsSpace(text_[pos])) ++pos;
      if (pos >= n_) return std::string_view::npos;
      attribute.has_value = true;
      if (text_[pos] == '"' || text_[pos] == '\'') {
        size_t close = Find(text_[pos], pos + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        attribute.value_local = pos + 1;
        attribute.raw = text_.substr(pos + 1, close - pos - 1);
        pos = close + 1;
      } else {
        size_t end = pos;
        while (end < n_ && !IsSpace(text_[end]) && text_[end] != '>') ++end;
        if (end >= n_) return std::string_view::npos;
        if (end == pos) {
          attribute.has_value = false;  // "name=>": no value, as Gumbo reports it
        } else {
          attribute.value_local = pos;
          attribute.raw = text_.substr(pos, end - pos);
        }
        pos = end;
      }
    }
    if (!keep) continue;
    // A repeated name is dropped: the first one wins.
    const size_t count = out->size() - first;
    bool repeated = false;
    if (count < 16) {
      for (size_t i = first; i < out->size() && !repeated; ++i) {
        repeated = EqualsNoCase((*out)[i].name, attribute.name);
      }
    } else {
      if (seen.empty()) {
        for (size_t i = first; i < out->size(); ++i) seen.insert(AsciiLowerCopy((*out)[i].name));
      }
      repeated = !seen.insert(AsciiLowerCopy(attribute.name)).second;
    }
    if (repeated) continue;
    if (attribute.has_value) {
      if (attribute.raw.find('&') == std::string_view::npos) {
        attribute.value = std::string(attribute.raw);
      } else {
        std::vector<uint32_t> unused;
        attribute.value = DecodeCharRefs(attribute.raw, &unused);
      }
    }
    out->push_back(std::move(attribute));
  }
}

// The end of the comment that starts at `lt` ("<!--"): after "-->" or "--!>"; "<!-->" and
// "<!--->" are complete, empty comments; an unclosed one runs to the end of the text.
size_t Tokenizer::CommentEnd(size_t lt) const {
  size_t q = lt + 4;
  if (q < n_ && text_[q] == '>') return q + 1;
  if (q + 1 < n_ && text_[q] == '-' && text_[q + 1] == '>') return q + 2;
  while (true) {
    size_t dashes = text_.find("--", q);
    if (dashes == std::string_view::npos) return n_;
    if (dashes + 2 < n_ && text_[dashes + 2] == '>') return dashes + 3;
    if (dashes + 3 < n_ && text_[dashes + 2] == '!' && text_[dashes + 3] == '>') return dashes + 4;
    q = dashes + 1;
  }
}

bool Tokenizer::Next(Token* out, std::vector<TagAttribute>* attributes) {
  size_t& pos = pos_;
  Token& token = *out;  // written in place: its name keeps its buffer from token to token
  while (!done_) {
    const size_t lt = Find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= n_) break;
    const char c = text_[lt + 1];
    token.kind = Token::kStart;
    token.first_attribute = 0;
    token.attribute_count = 0;
    token.has_content = false;
    token.content_begin = 0;
    token.content_end = 0;
    token.begin = static_cast<uint32_t>(lt);
    if (c == '!') {
      size_t end;
      if (text_.compare(lt + 2, 2, "--") == 0) {
        end = CommentEnd(lt);
      } else {
        size_t close = Find('>', lt + 2);
        end = close == std::string_view::npos ? n_ : close + 1;
        if (lt + 9 <= n_ && EqualsNoCase(text_.substr(lt + 2, 7), "doctype")) {
          pos = end;
          continue;
        }
      }
      token.kind = Token::kComment;
      token.end = static_cast<uint32_t>(end);
      pos = end;
      return true;
    }
    if (c == '?' || (c == '/' && lt + 2 < n_ && !IsAlpha(text_[lt + 2]) && text_[lt + 2] != '>')) {
      size_t close = Find('>', lt + 2);
      size_t end = close == std::string_view::npos ? n_ : close + 1;
      token.kind = Token::kComment;
      token.end = static_cast<uint32_t>(end);
      pos = end;
      return true;
    }
    if (c == '/' && lt + 2 < n_ && text_[lt + 2] == '>') {
      pos = lt + 3;  // "</>" is dropped
      continue;
    }
    const bool end_tag = c == '/';
    const size_t name_begin = end_tag ? lt + 2 : lt + 1;
    if (name_begin >= n_ || !IsAlpha(text_[name_begin])) {
      pos = lt + 1;  // a '<' that starts no tag is text
      continue;
    }
    size_t name_end = name_begin + 1;
    while (name_end < n_ && !Delimits(text_[name_end])) ++name_end;
    if (name_end >= n_) break;  // cut off inside the tag
    token.kind = end_tag ? Token::kEnd : Token::kStart;
    SetName(text_.substr(name_begin, name_end - name_begin), &token);
    token.first_attribute = static_cast<uint32_t>(attributes->size());
    size_t end = ReadAttributes(name_end, attributes, !end_tag);
    if (end == std::string_view::npos) {
      attributes->resize(token.first_attribute);
      break;
    }
    token.attribute_count = static_cast<uint32_t>(attributes->size() - token.first_attribute);
    token.end = static_cast<uint32_t>(end);
    pos = end;
    if (!end_tag) {
      if (token.name == "image") SetName("img", &token);  // as the tree builder renames it
      Content content = ContentOf(token.name);
      if (content == Content::kPlainText) {
        done_ = true;
        return true;
      }
      if (content != Content::kMarkup) {
        const size_t close =
            content == Content::kScript ? ScriptDataEnd(end) : RawTextEnd(end, token.name);
        token.has_content = true;
        token.content_begin = static_cast<uint32_t>(end);
        token.content_end = static_cast<uint32_t>(close);
        pos = close;
      }
    }
    return true;
  }
  done_ = true;
  return false;
}

// The language a <script> start tag names in its language or type attribute, if any.
std::optional<Language> ScriptLanguage(const Token& token,
                                       const std::vector<TagAttribute>& attributes) {
  if (token.kind != Token::kStart || token.name != "script") return std::nullopt;
  for (std::string_view wanted : {"language", "type"}) {
    for (uint32_t i = 0; i < token.attribute_count; ++i) {
      const TagAttribute& attribute = attributes[token.first_attribute + i];
      if (!EqualsNoCase(attribute.name, wanted)) continue;
      if (attribute.value.empty()) break;
      std::string_view value = attribute.value;
      std::optional<Language> named = LanguageFromName(value.substr(0, value.find(';')));
      if (named) return named;
      break;
    }
  }
  return std::nullopt;
}

// True when the start tag has an on* attribute: code in the handler language.
bool HasHandler(const Token& token, const std::vector<TagAttribute>& attributes) {
  for (uint32_t i = 0; i < token.attribute_count; ++i) {
    std::string_view name = attributes[token.first_attribute + i].name;
    if (name.size() > 2 && (name[0] == 'o' || name[0] == 'O') &&
        (name[1] == 'n' || name[1] == 'N')) {
      return true;
    }
  }
  return false;
}

}  // namespace

void ReadHtmlTokens(BuildContext& ctx, const MarkupSource& source, size_t opens) {
  // Tokens go to the walker as they are read, so a page's tokens are never all in memory.
  // The exception: IE runs on* attributes in the language of the page's first <script>
  // that names one, wherever it is; from the first tag with a handler until that language
  // is known (or the page ends), tokens are held back, then walked in order.
  thread_local std::vector<Token> held;
  thread_local std::vector<TagAttribute> attributes;
  held.clear();
  attributes.clear();
  bool deciding = source.is_file && !ctx.handler_language_known;
  if (source.is_file && ctx.doc().elements.empty()) {
    // Every element starts at a '<'. Reserving that many elements at once costs address
    // space, not memory: a large block is mapped, and only the pages written are resident.
    // Growing by doubling would instead copy the array and hold both copies at the peak.
    // The reservation stops at one element per 16 bytes, denser than real markup: a text of
    // nothing but '<' must not ask for 70 bytes of address space per byte (past that the
    // array grows by doubling as before).
    ctx.doc().elements.reserve(std::min(opens, source.text.size() / 16 + 16));
  }
  MarkupWalker walker(ctx, source);
  // Open elements by the number of their name. An end tag whose element is not open is
  // ignored after one lookup, not a walk down the stack (hostile input can hold millions of
  // such end tags under thousands of open elements).
  TagNames names;
  struct Open {
    uint32_t name;
    int element;
  };
  std::vector<Open> open;
  std::vector<TagAttribute> element_attributes;
  const auto walk = [&](Token& token) {
    const int parent = open.empty() ? source.parent_element : open.back().element;
    switch (token.kind) {
      case Token::kComment:
        walker.AddComment(source.text.substr(token.begin, token.end - token.begin), token.begin,
                          parent);
        break;
      case Token::kEnd: {
        const uint32_t id = names.Id(token, false);
        if (id == TagNames::kNone || names[id].open == 0) break;
        while (!open.empty()) {  // pops down to the innermost element of that name
          const uint32_t top = open.back().name;
          --names[top].open;
          open.pop_back();
          if (top == id) break;
        }
        break;
      }
      case Token::kStart: {
        element_attributes.assign(
            std::make_move_iterator(attributes.begin() + token.first_attribute),
            std::make_move_iterator(attributes.begin() + token.first_attribute +
                                    token.attribute_count));
        if (token.has_content) {
          const bool script = token.name == "script";
          const bool style = token.name == "style";
          int index = walker.AddElement(std::move(token.name), token.begin, parent,
                                        element_attributes);
          if (index >= 0 && (script || style)) {
            walker.AddContent(index, token.content_begin, token.content_end, style);
          }
          break;
        }
        const uint32_t id = names.Id(token, true);
        int index = walker.AddElement(std::move(token.name), token.begin, parent,
                                      element_attributes);
        if (!names[id].is_void) {
          ++names[id].open;
          open.push_back({id, index >= 0 ? index : parent});
        }
        break;
      }
    }
  };
  const auto decide = [&](Language language) {
    ctx.handler_language = language;
    ctx.handler_language_known = true;
    deciding = false;
    for (Token& token : held) walk(token);
    held.clear();
  };
  Tokenizer tokenizer(source.text);
  Token token;
  while (tokenizer.Next(&token, &attributes)) {
    if (deciding) {
      if (std::optional<Language> named = ScriptLanguage(token, attributes)) {
        decide(*named);
      } else if (!held.empty() || HasHandler(token, attributes)) {
        held.push_back(std::move(token));
        continue;
      }
    }
    walk(token);
    if (held.empty()) attributes.clear();
  }
  if (deciding) decide(Language::kJs);
  // The thread's buffers keep their capacity for the next page, within reason.
  if (held.capacity() > (size_t{1} << 16)) std::vector<Token>().swap(held);
  if (attributes.capacity() > (size_t{1} << 16)) std::vector<TagAttribute>().swap(attributes);
}

}  // namespace iescan::scanner::document_internal
