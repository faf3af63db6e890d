// Server blocks of ASP, ASP.NET, JSP and PHP pages; blanking.
#include "scanner/document/server_mask.h"

#include <algorithm>

#include "scanner/document/markup_scan.h"

namespace iescan::scanner::document_internal {
namespace {

constexpr size_t kElBudget = size_t{64} * 1024;  // longest EL expression we try to match

size_t FindOrEnd(std::string_view text, std::string_view what, size_t pos) {
  size_t found = text.find(what, pos);
  return found == std::string_view::npos ? text.size() : found;
}

ServerBlock Block(size_t begin, size_t end, ServerBlock::Kind kind) {
  ServerBlock block;
  block.begin = static_cast<uint32_t>(begin);
  block.end = static_cast<uint32_t>(end);
  block.kind = kind;
  return block;
}

// "<% ... %>" and its variants at `pos` ("<%" already seen).
ServerBlock PercentBlock(std::string_view text, size_t pos) {
  if (text.compare(pos, 4, "<%--") == 0) {
    size_t close = text.find("--%>", pos + 4);
    return Block(pos, close == std::string_view::npos ? text.size() : close + 4,
                 ServerBlock::kComment);
  }
  ServerBlock::Kind kind = ServerBlock::kCode;
  char marker = pos + 2 < text.size() ? text[pos + 2] : 0;
  if (marker == '=' || marker == ':' || marker == '#' || marker == '$') {
    kind = ServerBlock::kExpression;
  } else if (marker == '@') {
    kind = ServerBlock::kDirective;
  }
  size_t close = text.find("%>", pos + 2);
  return Block(pos, close == std::string_view::npos ? text.size() : close + 2, kind);
}

// The end of the element whose start tag ends at `pos`: just past "</name ... >".
size_t ElementEnd(std::string_view text, size_t pos, std::string_view name) {
  while (true) {
    size_t lt = text.find("</", pos);
    if (lt == std::string_view::npos) return text.size();
    if (StartsWithNoCase(text.substr(lt + 2), name)) {
      size_t gt = text.find('>', lt + 2 + name.size());
      return gt == std::string_view::npos ? text.size() : gt + 1;
    }
    pos = lt + 2;
  }
}

// <script runat="server"> ... </script>; 0 when the tag at `pos` is not one.
size_t ServerScriptEnd(std::string_view text, size_t pos) {
  if (!StartsWithNoCase(text.substr(pos), "<script") || pos + 7 >= text.size() ||
      !IsSpace(text[pos + 7])) {
    return 0;
  }
  std::vector<RawAttribute> attributes;
  bool self_closing = false;
  size_t tag_end = ReadAttributes(text, pos + 7, &attributes, &self_closing);
  for (const RawAttribute& attribute : attributes) {
    if (EqualsNoCase(attribute.name, "runat") && EqualsNoCase(attribute.value, "server")) {
      return self_closing ? tag_end : ElementEnd(text, tag_end, "script");
    }
  }
  return 0;
}

// <jsp:name ...> or </jsp:name>; the scripting elements take their content along.
ServerBlock JspTag(std::string_view text, size_t pos) {
  bool end_tag = text[pos + 1] == '/';
  size_t name_begin = pos + (end_tag ? 2 : 1);
  size_t name_end = name_begin;
  while (name_end < text.size() && !IsSpace(text[name_end]) && text[name_end] != '>' &&
         text[name_end] != '/') {
    ++name_end;
  }
  std::string name = AsciiLowerCopy(text.substr(name_begin, name_end - name_begin));
  std::vector<RawAttribute> attributes;
  bool self_closing = false;
  size_t tag_end = ReadAttributes(text, name_end, &attributes, &self_closing);
  if (!end_tag && !self_closing &&
      (name == "jsp:scriptlet" || name == "jsp:declaration" || name == "jsp:expression")) {
    return Block(pos, ElementEnd(text, tag_end, name), ServerBlock::kCode);
  }
  return Block(pos, tag_end, ServerBlock::kTag);
}

// ${...} or #{...} at `pos`; end 0 when the braces do not close within kElBudget bytes.
// *work counts the bytes examined over the whole file: once it runs out (a hostile file
// full of unclosed "${"), no more expressions are matched, so the scan stays linear.
size_t ElEnd(std::string_view text, size_t pos, size_t* work) {
  int depth = 0;
  char quote = 0;
  size_t limit = std::min({text.size(), pos + kElBudget, pos + *work});
  *work -= limit - pos;
  for (size_t i = pos + 1; i < limit; ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) {
        *work += limit - i - 1;  // give back what was not examined
        return i + 1;
      }
    }
  }
  return 0;
}

// The next of up to three bytes in a text, each found with memchr and remembered until
// passed, so the whole search costs about one memchr pass per byte value (a
// find_first_of over a set calls memchr on the set for every byte of the text).
class NextOf {
 public:
  NextOf(std::string_view text, std::string_view bytes) : text_(text), count_(bytes.size()) {
    for (size_t i = 0; i < count_; ++i) {
      bytes_[i] = bytes[i];
      next_[i] = Find(i, 0);
    }
  }
  // The first position >= pos holding one of the bytes, or npos.
  size_t From(size_t pos) {
    size_t best = std::string_view::npos;
    for (size_t i = 0; i < count_; ++i) {
      if (next_[i] < pos) next_[i] = Find(i, pos);
      best = std::min(best, next_[i]);
    }
    return best;
  }

 private:
  size_t Find(size_t i, size_t pos) const { return text_.find(bytes_[i], pos); }
  std::string_view text_;
  size_t count_;
  char bytes_[3] = {};
  size_t next_[3] = {};
};

std::vector<ServerBlock> FindTagBlocks(std::string_view text, ServerDialect dialect) {
  const bool jsp = dialect == ServerDialect::kJsp;
  std::vector<ServerBlock> blocks;
  size_t el_work = 4 * text.size() + kElBudget;
  size_t pos = 0;
  NextOf next_of(text, jsp ? "<$#" : "<");
  while (true) {
    pos = next_of.From(pos);
    if (pos == std::string_view::npos || pos + 1 >= text.size()) break;
    char next = text[pos + 1];
    ServerBlock block = Block(pos, pos, ServerBlock::kCode);
    if (text[pos] != '<') {
      size_t end =
          next == '{' && (pos == 0 || text[pos - 1] != '\\') ? ElEnd(text, pos, &el_work) : 0;
      if (end) block = Block(pos, end, ServerBlock::kExpression);
    } else if (next == '%') {
      block = PercentBlock(text, pos);
    } else if (!jsp && text.compare(pos, 5, "<!--#") == 0) {
      block = Block(pos, std::min(text.size(), FindOrEnd(text, "-->", pos + 5) + 3),
                    ServerBlock::kDirective);
    } else if (jsp && (StartsWithNoCase(text.substr(pos + 1), "jsp:") ||
                       StartsWithNoCase(text.substr(pos + 1), "/jsp:"))) {
      block = JspTag(text, pos);
    } else if (size_t end = ServerScriptEnd(text, pos); end != 0) {
      block = Block(pos, end, ServerBlock::kCode);
    }
    if (block.end > block.begin) {
      blocks.push_back(block);
      pos = block.end;
    } else {
      ++pos;
    }
  }
  return blocks;
}

// The end of PHP code starting at `pos`: just past "?>", or the end of the text. Strings
// and block comments may hold "?>"; a line comment ends at it.
size_t PhpEnd(std::string_view text, size_t pos) {
  const size_t n = text.size();
  while (pos < n) {
    char c = text[pos];
    char next = pos + 1 < n ? text[pos + 1] : 0;
    if (c == '?' && next == '>') return pos + 2;
    if (c == '\'' || c == '"') {
      size_t i = pos + 1;
      while (i < n && text[i] != c) i += text[i] == '\\' ? 2 : 1;
      pos = i + 1;
    } else if (c == '/' && next == '*') {
      pos = FindOrEnd(text, "*/", pos + 2) + 2;
    } else if ((c == '/' && next == '/') || c == '#') {
      while (pos < n && text[pos] != '\n' && text[pos] != '\r' &&
             !(text[pos] == '?' && pos + 1 < n && text[pos + 1] == '>')) {
        ++pos;
      }
    } else {
      ++pos;
    }
  }
  return n;
}

std::vector<ServerBlock> FindPhpBlocks(std::string_view text) {
  std::vector<ServerBlock> blocks;
  size_t pos = 0;
  while (true) {
    pos = text.find("<?", pos);
    if (pos == std::string_view::npos) break;
    size_t code = 0;
    ServerBlock::Kind kind = ServerBlock::kCode;
    std::string_view rest = text.substr(pos + 2);
    if (StartsWithNoCase(rest, "php") && (rest.size() == 3 || IsSpace(rest[3]))) {
      code = pos + 5;
    } else if (!rest.empty() && rest[0] == '=') {
      code = pos + 3;
      kind = ServerBlock::kExpression;
    } else if (!rest.empty() && IsSpace(rest[0])) {
      code = pos + 2;  // short open tag
    }
    if (code == 0) {
      pos += 2;
      continue;
    }
    size_t end = std::min(PhpEnd(text, code), text.size());
    blocks.push_back(Block(pos, end, kind));
    pos = end;
  }
  return blocks;
}

}  // namespace

std::vector<ServerBlock> FindServerBlocks(std::string_view text, ServerDialect dialect) {
  switch (dialect) {
    case ServerDialect::kNone:
      return {};
    case ServerDialect::kPhp:
      return FindPhpBlocks(text);
    case ServerDialect::kRazor:
      return FindRazorBlocks(text);
    case ServerDialect::kAsp:
    case ServerDialect::kAspNet:
    case ServerDialect::kJsp:
      return FindTagBlocks(text, dialect);
  }
  return {};
}

std::string BlankBlocks(std::string_view text, const std::vector<ServerBlock>& blocks) {
  std::string masked(text);
  for (const ServerBlock& block : blocks) {
    for (uint32_t i = block.begin; i < block.end && i < masked.size(); ++i) {
      if (masked[i] != '\r' && masked[i] != '\n') masked[i] = ' ';
    }
  }
  return masked;
}

bool MaskServerCode(std::string_view text, ServerDialect dialect, std::string* masked,
                    std::vector<ServerBlock>* blocks) {
  std::vector<ServerBlock> found = FindServerBlocks(text, dialect);
  if (found.empty()) return false;
  *masked = BlankBlocks(text, found);
  *blocks = std::move(found);
  return true;
}

}  // namespace iescan::scanner::document_internal
