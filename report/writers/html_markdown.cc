#include "report/writers/html_markdown.h"

#include <algorithm>
#include <string>
#include <vector>

#include "report/writers/html_escape.h"

namespace iescan::report {
namespace {

enum class Block { kNone, kParagraph, kUnordered, kOrdered };

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::string_view Trim(std::string_view s) {
  s = TrimLeft(s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Emphasis delimited by `marker` ("**" or "*") starting at `i`; appends and advances when
// a closing marker follows on the same line.
bool TryEmphasis(std::string_view text, size_t* i, std::string_view marker, std::string_view tag,
                 std::string* out) {
  if (text.substr(*i, marker.size()) != marker) return false;
  const size_t close = text.find(marker, *i + marker.size());
  if (close == std::string_view::npos || close == *i + marker.size()) return false;
  *out += "<" + std::string(tag) + ">" +
          HtmlText(text.substr(*i + marker.size(), close - *i - marker.size())) + "</" +
          std::string(tag) + ">";
  *i = close + marker.size();
  return true;
}

// A link "[text](url)" at `i`: text, then the URL as text in parentheses.
bool TryLink(std::string_view text, size_t* i, std::string* out) {
  if (text[*i] != '[') return false;
  const size_t close = text.find("](", *i);
  if (close == std::string_view::npos) return false;
  const size_t end = text.find(')', close + 2);
  if (end == std::string_view::npos) return false;
  // A URL may itself hold one pair of parentheses: "...ff986080(v=vs.85))".
  size_t url_end = end;
  const size_t open_inner = text.find('(', close + 2);
  if (open_inner != std::string_view::npos && open_inner < end && end + 1 < text.size() &&
      text[end + 1] == ')') {
    url_end = end + 1;
  }
  const std::string_view label = text.substr(*i + 1, close - *i - 1);
  const std::string_view url = text.substr(close + 2, url_end - close - 2);
  *out += HtmlText(label) + " (<span class=\"url\">" + HtmlText(url) + "</span>)";
  *i = url_end + 1;
  return true;
}

std::string Inline(std::string_view text) {
  std::string out;
  size_t i = 0;
  size_t plain = 0;
  auto flush = [&](size_t upto) {
    out += HtmlText(text.substr(plain, upto - plain));
  };
  while (i < text.size()) {
    const size_t at = i;
    if (text[i] == '`') {
      size_t run = 0;
      while (i + run < text.size() && text[i + run] == '`') ++run;
      const size_t close = text.find(std::string(run, '`'), i + run);
      if (close != std::string_view::npos) {
        flush(at);
        out += "<code>" + HtmlText(Trim(text.substr(i + run, close - i - run))) + "</code>";
        i = close + run;
        plain = i;
        continue;
      }
      i += run;
      continue;
    }
    std::string piece;
    if ((text[i] == '*' && (TryEmphasis(text, &i, "**", "strong", &piece) ||
                            TryEmphasis(text, &i, "*", "em", &piece))) ||
        TryLink(text, &i, &piece)) {
      out += HtmlText(text.substr(plain, at - plain)) + piece;
      plain = i;
      continue;
    }
    ++i;
  }
  flush(text.size());
  return out;
}

class Renderer {
 public:
  explicit Renderer(int heading_shift) : shift_(heading_shift) {}

  void Line(std::string_view raw) {
    const std::string_view line = Trim(raw);
    if (fence_.empty() == false) {
      if (line.substr(0, fence_.size()) == fence_ && Trim(line.substr(fence_.size())).empty()) {
        out_ += "</code></pre>\n";
        fence_.clear();
      } else {
        out_ += HtmlText(raw.size() && raw.back() == '\r' ? raw.substr(0, raw.size() - 1) : raw);
        out_ += "\n";
      }
      return;
    }
    if (line.empty()) return Close();
    if (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~") return OpenFence(line);
    if (line.front() == '#') {
      size_t level = 0;
      while (level < line.size() && line[level] == '#') ++level;
      if (level <= 6 && (level == line.size() || line[level] == ' ')) {
        Close();
        const std::string tag = "h" + std::to_string(std::min<size_t>(6, level + shift_));
        out_ += "<" + tag + ">" + Inline(Trim(line.substr(level))) + "</" + tag + ">\n";
        return;
      }
    }
    if (ListItem(line)) return;
    const bool continuation = TrimLeft(raw).size() < raw.size() && block_ != Block::kNone;
    if (block_ == Block::kNone) {
      out_ += "<p>";
      block_ = Block::kParagraph;
    } else if (!continuation && block_ != Block::kParagraph) {
      Close();
      out_ += "<p>";
      block_ = Block::kParagraph;
    } else {
      out_ += "\n";
    }
    out_ += Inline(line);
  }

  std::string Finish() {
    if (!fence_.empty()) out_ += "</code></pre>\n";
    fence_.clear();
    Close();
    return std::move(out_);
  }

 private:
  void OpenFence(std::string_view line) {
    Close();
    fence_ = std::string(line.substr(0, 3));
    const std::string_view info = Trim(line.substr(3));
    out_ += "<pre class=\"code\">";
    if (!info.empty()) out_ += "<span class=\"code-label\">" + HtmlText(info) + "</span>";
    out_ += "<code>";
  }

  bool ListItem(std::string_view line) {
    Block kind = Block::kNone;
    size_t skip = 0;
    if (line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') &&
        line[1] == ' ') {
      kind = Block::kUnordered, skip = 2;
    } else {
      size_t digits = 0;
      while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9') {
        ++digits;
      }
      if (digits > 0 && digits + 1 < line.size() && line[digits] == '.' &&
          line[digits + 1] == ' ') {
        kind = Block::kOrdered, skip = digits + 2;
      }
    }
    if (kind == Block::kNone) return false;
    if (block_ != kind) {
      Close();
      out_ += kind == Block::kOrdered ? "<ol>\n" : "<ul>\n";
      block_ = kind;
    } else {
      out_ += "</li>\n";
    }
    out_ += "<li>" + Inline(Trim(line.substr(skip)));
    return true;
  }

  void Close() {
    switch (block_) {
      case Block::kParagraph: out_ += "</p>\n"; break;
      case Block::kUnordered: out_ += "</li>\n</ul>\n"; break;
      case Block::kOrdered: out_ += "</li>\n</ol>\n"; break;
      case Block::kNone: break;
    }
    block_ = Block::kNone;
  }

  int shift_;
  Block block_ = Block::kNone;
  std::string fence_;
  std::string out_;
};

}  // namespace

std::string RenderSafeMarkdown(std::string_view markdown, int heading_shift) {
  Renderer renderer(heading_shift);
  size_t pos = 0;
  while (pos < markdown.size()) {
    size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) end = markdown.size();
    renderer.Line(markdown.substr(pos, end - pos));
    pos = end + 1;
  }
  return renderer.Finish();
}

}  // namespace iescan::report
