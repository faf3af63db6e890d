// Linear scans over markup text: doctype, nesting estimate, attributes, references.
#include "scanner/document/markup_scan.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace iescan::scanner::document_internal {

std::string AsciiLowerCopy(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsNoCase(text.substr(0, prefix.size()), prefix);
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

std::string_view TrimSpace(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

size_t FindFrom(std::string_view text, std::string_view what, size_t pos) {
  size_t found = text.find(what, pos);
  return found == std::string_view::npos ? text.size() : found;
}

// Position just past the '>' closing the doctype that starts at `pos`.
size_t DoctypeEnd(std::string_view text, size_t pos) {
  int brackets = 0;
  char quote = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      if (brackets > 0) --brackets;
    } else if (c == '>' && brackets == 0) {
      return i + 1;
    }
  }
  return text.size();
}

}  // namespace

DoctypeSpan FindDoctype(std::string_view text) {
  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < text.size()) {
    if (IsSpace(text[pos])) {
      ++pos;
    } else if (text.compare(pos, 4, "<!--") == 0) {
      pos = FindFrom(text, "-->", pos + 4) + 3;
    } else if (text.compare(pos, 2, "<?") == 0) {
      pos = FindFrom(text, ">", pos + 2) + 1;
    } else if (StartsWithNoCase(text.substr(pos), "<!doctype")) {
      DoctypeSpan span;
      span.found = true;
      span.begin = static_cast<uint32_t>(pos);
      span.end = static_cast<uint32_t>(DoctypeEnd(text, pos));
      return span;
    } else {
      break;
    }
  }
  return {};
}

size_t ReadAttributes(std::string_view text, size_t pos, std::vector<RawAttribute>* out,
                      bool* self_closing) {
  *self_closing = false;
  const size_t n = text.size();
  while (true) {
    while (pos < n && IsSpace(text[pos])) ++pos;
    if (pos >= n) return n;
    char c = text[pos];
    if (c == '>') return pos + 1;
    if ((c == '/' || c == '?') && pos + 1 < n && text[pos + 1] == '>') {
      *self_closing = true;
      return pos + 2;
    }
    if (c == '/') {
      ++pos;
      continue;
    }
    RawAttribute attribute;
    attribute.name_pos = static_cast<uint32_t>(pos);
    size_t name_end = pos + 1;  // the first character may be anything, even '='
    while (name_end < n && !IsSpace(text[name_end]) && text[name_end] != '>' &&
           text[name_end] != '=' && text[name_end] != '/' &&
           !(text[name_end] == '?' && name_end + 1 < n && text[name_end + 1] == '>')) {
      ++name_end;
    }
    attribute.name = text.substr(pos, name_end - pos);
    attribute.value_pos = attribute.name_pos;
    pos = name_end;
    size_t after = pos;
    while (after < n && IsSpace(text[after])) ++after;
    if (after < n && text[after] == '=') {
      pos = after + 1;
      while (pos < n && IsSpace(text[pos])) ++pos;
      attribute.has_value = true;
      if (pos < n && (text[pos] == '"' || text[pos] == '\'')) {
        char quote = text[pos];
        size_t close = FindFrom(text, std::string_view(&quote, 1), pos + 1);
        attribute.value_pos = static_cast<uint32_t>(pos + 1);
        attribute.value = text.substr(pos + 1, close - pos - 1);
        pos = close < n ? close + 1 : n;
      } else {
        size_t end = pos;
        while (end < n && !IsSpace(text[end]) && text[end] != '>') ++end;
        attribute.value_pos = static_cast<uint32_t>(pos);
        attribute.value = text.substr(pos, end - pos);
        pos = end;
      }
    }
    out->push_back(attribute);
  }
}

// --- nesting estimate ------------------------------------------------------------------

namespace {

// Name sets are kept as hashes computed at compile time: the estimate runs over every tag
// of every page, so it compares integers only.
template <size_t N>
using HashSet = std::array<uint32_t, N>;

template <size_t N>
constexpr HashSet<N> Hashes(const std::array<std::string_view, N>& names) {
  HashSet<N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = names[i].empty() ? 0 : NameHash(names[i]);
  return out;
}

template <size_t N>
bool HashIn(uint32_t hash, const HashSet<N>& set) {
  for (uint32_t member : set) {
    if (member == hash) return true;
  }
  return false;
}

constexpr auto kVoid =
    Hashes<20>({"area",  "base",     "br",      "col",   "embed",   "hr",     "img",
                "input", "keygen",   "link",    "meta",  "param",   "source", "track",
                "wbr",   "basefont", "bgsound", "frame", "isindex", "image"});
constexpr auto kRawText =
    Hashes<8>({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
constexpr auto kClosesP = Hashes<16>({"div", "p", "ul", "ol", "dl", "table", "h1", "h2", "h3",
                                      "h4", "h5", "h6", "form", "pre", "blockquote", "center"});
constexpr uint32_t kP = NameHash("p");
constexpr uint32_t kPlaintext = NameHash("plaintext");

// A start tag that implies the end of an open element of its family: `targets` are the
// elements it closes, `barriers` the ones that stop the search (a <li> in a nested list
// does not close the outer list's <li>). Only the nearest few open elements are searched,
// so the estimate errs towards deeper, never shallower than the real nesting.
struct ImpliedEnd {
  HashSet<3> starts;
  HashSet<3> targets;
  HashSet<8> barriers;
};

constexpr ImpliedEnd Rule(std::array<std::string_view, 3> starts,
                          std::array<std::string_view, 3> targets,
                          std::array<std::string_view, 8> barriers) {
  return {Hashes(starts), Hashes(targets), Hashes(barriers)};
}

constexpr std::array<ImpliedEnd, 9> kImpliedEnds = {
    Rule({"li"}, {"li"}, {"ul", "ol", "menu", "table", "td", "th"}),
    Rule({"dt", "dd"}, {"dt", "dd"}, {"dl", "table", "td", "th"}),
    Rule({"option"}, {"option"}, {"select", "datalist", "table"}),
    Rule({"optgroup"}, {"optgroup", "option"}, {"select", "table"}),
    Rule({"tr"}, {"tr"}, {"table"}),
    Rule({"td", "th"}, {"td", "th"}, {"tr", "table"}),
    Rule({"thead", "tbody", "tfoot"}, {"thead", "tbody", "tfoot"}, {"table"}),
    Rule({"p"}, {"p"},
         {"button", "table", "td", "th", "caption", "marquee", "object", "applet"}),
    Rule({"rt", "rp", "rb"}, {"rt", "rp", "rb"}, {"ruby"}),
};

constexpr size_t kSearchDepth = 12;

// What the estimate needs to know of a tag name, looked up once per tag instead of
// searching each name set (which cost some 200 instructions a tag on large pages).
struct NameInfo {
  uint32_t hash = 0;
  bool is_void = false;
  bool raw_text = false;
  bool closes_p = false;
  int8_t starts = -1;      // the implied-end rule this start tag applies (the last listed)
  uint16_t targets = 0;    // bit r: an open element of this name is closed by rule r
  uint16_t barriers = 0;   // bit r: an open element of this name stops rule r's search
};

static_assert(kImpliedEnds.size() <= 16);

// Every hash that some set holds, with what the sets say of it; any other hash is in none.
// (A set's unused slots hold 0, so 0 is such a hash, as it was for the set searches.)
class NameTable {
 public:
  NameTable() {
    auto add = [this](uint32_t hash) {
      size_t slot = hash & kMask;
      while (used_[slot] && slots_[slot].hash != hash) slot = (slot + 1) & kMask;
      if (used_[slot]) return;
      used_[slot] = true;
      NameInfo& info = slots_[slot];
      info.hash = hash;
      info.is_void = HashIn(hash, kVoid);
      info.raw_text = HashIn(hash, kRawText);
      info.closes_p = HashIn(hash, kClosesP);
      for (size_t r = 0; r < kImpliedEnds.size(); ++r) {
        if (HashIn(hash, kImpliedEnds[r].starts)) info.starts = static_cast<int8_t>(r);
        if (HashIn(hash, kImpliedEnds[r].targets)) info.targets |= uint16_t{1} << r;
        if (HashIn(hash, kImpliedEnds[r].barriers)) info.barriers |= uint16_t{1} << r;
      }
    };
    for (uint32_t h : kVoid) add(h);
    for (uint32_t h : kRawText) add(h);
    for (uint32_t h : kClosesP) add(h);
    for (const ImpliedEnd& rule : kImpliedEnds) {
      for (uint32_t h : rule.starts) add(h);
      for (uint32_t h : rule.targets) add(h);
      for (uint32_t h : rule.barriers) add(h);
    }
  }
  const NameInfo& Find(uint32_t hash) const {
    for (size_t slot = hash & kMask; used_[slot]; slot = (slot + 1) & kMask) {
      if (slots_[slot].hash == hash) return slots_[slot];
    }
    return none_;
  }

 private:
  static constexpr size_t kSize = 256;  // about 70 names: short probes
  static constexpr size_t kMask = kSize - 1;
  std::array<NameInfo, kSize> slots_{};
  std::array<bool, kSize> used_{};
  NameInfo none_;
};

// An open element as the estimate keeps it: its name's hash and what the implied-end
// rules say of it.
struct OpenName {
  uint32_t hash;
  uint16_t targets;
  uint16_t barriers;
};

void CloseImplied(std::vector<OpenName>* stack, const NameInfo& info) {
  if (info.starts < 0) return;
  const uint16_t bit = uint16_t{1} << info.starts;
  size_t limit = stack->size() > kSearchDepth ? stack->size() - kSearchDepth : 0;
  for (size_t i = stack->size(); i > limit; --i) {
    const OpenName& open = (*stack)[i - 1];
    if ((open.targets & bit) != 0) {
      stack->resize(i - 1);
      return;
    }
    if ((open.barriers & bit) != 0) return;
  }
}

void PopTo(std::vector<OpenName>* stack, uint32_t hash) {
  constexpr size_t kEndSearch = 64;
  size_t limit = stack->size() > kEndSearch ? stack->size() - kEndSearch : 0;
  for (size_t i = stack->size(); i > limit; --i) {
    if ((*stack)[i - 1].hash == hash) {
      stack->resize(i - 1);
      return;
    }
  }
}

// Position just past the '>' ending the tag whose attributes start at `pos`.
size_t SkipTag(std::string_view text, size_t pos) {
  const size_t n = text.size();
  while (pos < n) {
    char c = text[pos];
    if (c == '>') return pos + 1;
    if (c == '=') {
      ++pos;
      while (pos < n && IsSpace(text[pos])) ++pos;
      if (pos < n && (text[pos] == '"' || text[pos] == '\'')) {
        size_t close = text.find(text[pos], pos + 1);
        if (close == std::string_view::npos) return n;
        pos = close + 1;
      }
      continue;
    }
    ++pos;
  }
  return n;
}

size_t FindEndTag(std::string_view text, size_t pos, std::string_view name) {
  while (true) {
    size_t lt = text.find("</", pos);
    if (lt == std::string_view::npos) return text.size();
    if (StartsWithNoCase(text.substr(lt + 2), name)) return lt;
    pos = lt + 2;
  }
}

}  // namespace

uint32_t EstimateMaxAttributes(std::string_view text) {
  uint32_t best = 0;
  const size_t n = text.size();
  size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    if (pos + 1 >= n || !IsAsciiAlpha(text[pos + 1])) {
      ++pos;
      continue;
    }
    uint32_t count = 0;
    bool in_space = false;
    size_t i = pos + 1;
    for (; i < n; ++i) {
      const char c = text[i];
      if (c == '"' || c == '\'') {  // a quoted run counts nothing: jump to its end
        const void* close = std::memchr(text.data() + i + 1, c, n - i - 1);
        if (close == nullptr) {
          i = n;
          break;
        }
        i = static_cast<size_t>(static_cast<const char*>(close) - text.data());
        continue;
      }
      if (c == '>') break;
      const bool space = IsSpace(c);
      if (!space && in_space) ++count;
      in_space = space;
    }
    best = std::max(best, count);
    pos = i;
  }
  return best;
}

uint32_t EstimateNesting(std::string_view text) {
  static const NameTable names;
  std::vector<OpenName> stack;
  uint32_t deepest = 0;
  const size_t n = text.size();
  size_t pos = 0;
  while (true) {
    size_t lt = text.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    char c = text[lt + 1];
    if (c == '!') {
      pos = text.compare(lt, 4, "<!--") == 0 ? FindFrom(text, "-->", lt + 4) + 3
                                             : FindFrom(text, ">", lt + 2) + 1;
      continue;
    }
    if (c == '?') {
      pos = FindFrom(text, ">", lt + 2) + 1;
      continue;
    }
    bool end_tag = c == '/';
    size_t name_begin = lt + (end_tag ? 2 : 1);
    if (name_begin >= n || !IsAsciiAlpha(text[name_begin])) {
      pos = lt + 1;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < n && !IsSpace(text[name_end]) && text[name_end] != '/' &&
           text[name_end] != '>') {
      ++name_end;
    }
    std::string_view name = text.substr(name_begin, name_end - name_begin);
    uint32_t hash = NameHash(name);
    pos = SkipTag(text, name_end);
    if (end_tag) {
      PopTo(&stack, hash);
      continue;
    }
    const NameInfo& info = names.Find(hash);
    if (info.is_void) continue;
    if (hash == kPlaintext) break;
    if (info.raw_text) {
      pos = FindEndTag(text, pos, name);
      continue;
    }
    CloseImplied(&stack, info);
    if (!stack.empty() && stack.back().hash == kP && info.closes_p) {
      stack.pop_back();
    }
    stack.push_back({hash, info.targets, info.barriers});
    deepest = std::max(deepest, static_cast<uint32_t>(stack.size()));
  }
  return deepest;
}

// --- character references ----------------------------------------------------------

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

struct NamedRef {
  std::string_view name;
  uint32_t code_point;
  bool legacy;  // recognised without the ';'
};

constexpr std::array<NamedRef, 34> kNamedRefs = {{
    {"amp", '&', true},       {"lt", '<', true},         {"gt", '>', true},
    {"quot", '"', true},      {"apos", '\'', false},     {"nbsp", 0xA0, true},
    {"AMP", '&', true},       {"LT", '<', true},         {"GT", '>', true},
    {"QUOT", '"', true},      {"copy", 0xA9, true},      {"reg", 0xAE, true},
    {"trade", 0x2122, false}, {"hellip", 0x2026, false}, {"mdash", 0x2014, false},
    {"ndash", 0x2013, false}, {"lsquo", 0x2018, false},  {"rsquo", 0x2019, false},
    {"ldquo", 0x201C, false}, {"rdquo", 0x201D, false},  {"laquo", 0xAB, true},
    {"raquo", 0xBB, true},    {"middot", 0xB7, true},    {"bull", 0x2022, false},
    {"times", 0xD7, true},    {"divide", 0xF7, true},    {"deg", 0xB0, true},
    {"plusmn", 0xB1, true},   {"sect", 0xA7, true},      {"para", 0xB6, true},
    {"cent", 0xA2, true},     {"pound", 0xA3, true},     {"euro", 0x20AC, false},
    {"shy", 0xAD, true},
}};

// Windows-1252 meanings of numeric references 0x80-0x9F, as browsers apply them.
constexpr std::array<uint16_t, 32> kC1 = {
    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021, 0x2C6,  0x2030, 0x160,
    0x2039, 0x152,  0x8D,   0x17D,  0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

// Decodes the reference at raw[pos] == '&'. Returns its length, 0 when it is not one.
size_t DecodeOne(std::string_view raw, size_t pos, uint32_t* cp) {
  const size_t n = raw.size();
  size_t i = pos + 1;
  if (i < n && raw[i] == '#') {
    ++i;
    bool hex = i < n && (raw[i] == 'x' || raw[i] == 'X');
    if (hex) ++i;
    size_t digits_begin = i;
    uint64_t value = 0;
    while (i < n) {
      char c = raw[i];
      int digit = c >= '0' && c <= '9'          ? c - '0'
                  : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                : -1;
      if (digit < 0) break;
      if (value < 0x110000) value = value * (hex ? 16 : 10) + static_cast<uint64_t>(digit);
      ++i;
    }
    if (i == digits_begin) return 0;
    if (i < n && raw[i] == ';') ++i;
    *cp = value >= 0x80 && value <= 0x9F ? kC1[value - 0x80]
          : value > 0x10FFFF             ? 0xFFFD
                                         : static_cast<uint32_t>(value);
    return i - pos;
  }
  for (const NamedRef& ref : kNamedRefs) {
    if (raw.compare(i, ref.name.size(), ref.name) != 0) continue;
    size_t end = i + ref.name.size();
    if (end < n && raw[end] == ';') {
      *cp = ref.code_point;
      return end + 1 - pos;
    }
    bool boundary = end >= n || (!IsAsciiAlnum(raw[end]) && raw[end] != '=');
    if (ref.legacy && boundary) {
      *cp = ref.code_point;
      return end - pos;
    }
  }
  return 0;
}

}  // namespace

std::string DecodeCharRefs(std::string_view raw, std::vector<uint32_t>* map) {
  std::string out;
  out.reserve(raw.size());
  map->clear();
  map->reserve(raw.size() + 1);
  size_t pos = 0;
  while (pos < raw.size()) {
    uint32_t cp = 0;
    size_t length = raw[pos] == '&' ? DecodeOne(raw, pos, &cp) : 0;
    if (length == 0) {
      out.push_back(raw[pos]);
      map->push_back(static_cast<uint32_t>(pos));
      ++pos;
      continue;
    }
    size_t before = out.size();
    AppendUtf8(cp, &out);
    for (size_t k = before; k < out.size(); ++k) map->push_back(static_cast<uint32_t>(pos));
    pos += length;
  }
  map->push_back(static_cast<uint32_t>(raw.size()));
  return out;
}

}  // namespace iescan::scanner::document_internal
