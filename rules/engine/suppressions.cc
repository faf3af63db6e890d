#include "rules/engine/suppressions.h"

#include <algorithm>
#include <string_view>

#include "rules/engine/engine_internal.h"
#include "rules/engine/redact.h"

namespace iescan::rules {
namespace {

struct Span {
  uint32_t begin;
  uint32_t end;
  std::string_view text;  // the comment text as it stands in some derived text
  scanner::OffsetMap map; // text position -> TextFile offset
};

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

// Parses the directives in one comment's text.
void ParseComment(const scanner::TextFile& file, const Span& span, std::vector<Directive>* out) {
  std::string_view t = span.text;
  size_t pos = 0;
  while ((pos = t.find("iescan-", pos)) != std::string_view::npos) {
    static constexpr std::pair<std::string_view, Directive::Kind> kKinds[] = {
        {"iescan-disable-next-line", Directive::kNextLine},
        {"iescan-disable-line", Directive::kLine},
        {"iescan-disable-file", Directive::kFile},
        {"iescan-disable", Directive::kDisable},
        {"iescan-enable", Directive::kEnable}};
    Directive d;
    size_t after = std::string_view::npos;
    for (const auto& [word, kind] : kKinds) {
      if (t.compare(pos, word.size(), word) == 0 &&
          (pos + word.size() == t.size() || !IsIdChar(t[pos + word.size()]))) {
        d.kind = kind;
        after = pos + word.size();
        break;
      }
    }
    if (after == std::string_view::npos) {
      pos += 7;
      continue;
    }
    // The directive runs to the end of its line (or of the comment).
    size_t eol = t.find_first_of("\r\n", after);
    if (eol == std::string_view::npos) eol = t.size();
    std::string_view body = t.substr(after, eol - after);
    size_t dashes = body.find("--");
    std::string_view ids = body.substr(0, dashes);
    if (dashes != std::string_view::npos) {
      std::string_view reason = body.substr(dashes + 2);
      while (!reason.empty() && (reason.front() == ' ' || reason.front() == '\t')) reason.remove_prefix(1);
      // Trim a comment closer that shares the line: "-->" "*/" "--%>".
      for (std::string_view closer : {"-->", "--%>", "*/", "*@"}) {
        size_t c = reason.rfind(closer);
        if (c != std::string_view::npos && c + closer.size() >= reason.size() - 1) reason = reason.substr(0, c);
      }
      while (!reason.empty() && (reason.back() == ' ' || reason.back() == '\t' || reason.back() == '-')) reason.remove_suffix(1);
      d.reason = std::string(reason);
    }
    size_t i = 0;
    while (i < ids.size()) {
      while (i < ids.size() && !IsIdChar(ids[i])) ++i;
      size_t start = i;
      while (i < ids.size() && IsIdChar(ids[i])) ++i;
      if (i > start) d.rules.emplace_back(ids.substr(start, i - start));
    }
    d.offset = span.map(pos);
    d.end_offset = span.map(eol > pos ? eol - 1 : pos) + 1;
    d.line = file.lines.LineOf(d.offset);
    d.end_line = file.lines.LineOf(span.map(span.text.empty() ? 0 : span.text.size() - 1));
    out->push_back(std::move(d));
    pos = eol;
  }
}

std::vector<Span> CommentSpans(const scanner::Document& doc) {
  std::vector<Span> spans;
  for (const scanner::Comment& c : doc.comments) {
    // Comment::text is borrowed from the masked markup, which has the file's offsets.
    const char* base = doc.masked.data();
    if (c.text.data() >= base && c.text.data() <= base + doc.masked.size()) {
      uint32_t at = static_cast<uint32_t>(c.text.data() - base);
      spans.push_back({at, static_cast<uint32_t>(at + c.text.size()), c.text, scanner::OffsetMap(at)});
    }
  }
  for (const scanner::Region& r : doc.regions) {
    for (const scanner::Token& tok : r.tokens) {
      if (tok.kind != scanner::TokenKind::kComment) continue;
      spans.push_back({r.map(tok.begin), r.map(tok.end), tok.Text(r.text), r.map.Sub(tok.begin)});
    }
  }
  for (const scanner::ServerBlock& b : doc.server_blocks) {
    if (b.kind != scanner::ServerBlock::kComment) continue;
    std::string_view text(doc.file->text.data() + b.begin, b.end - b.begin);
    spans.push_back({b.begin, b.end, text, scanner::OffsetMap(b.begin)});
  }
  return spans;
}

bool Names(const Directive& d, std::string_view id);

bool Covers(const Directive& d, const std::vector<Directive>& all, size_t index, uint32_t line,
            uint32_t offset, std::string_view id) {
  switch (d.kind) {
    case Directive::kNextLine:
      return line == d.end_line + 1;
    case Directive::kLine:
      return line == d.line;
    case Directive::kFile:
      return true;
    case Directive::kEnable:
      return false;
    case Directive::kDisable:
      if (offset < d.end_offset) return false;
      // Until an iescan-enable naming the rule (or every rule, when it names none).
      for (size_t j = index + 1; j < all.size(); ++j) {
        const Directive& e = all[j];
        if (e.kind != Directive::kEnable || e.offset > offset) continue;
        if (e.rules.empty() || Names(e, id)) return false;
      }
      return true;
  }
  return false;
}

bool Names(const Directive& d, std::string_view id) {
  return std::find(d.rules.begin(), d.rules.end(), id) != d.rules.end();
}

Finding MetaFinding(const Rule* rule, const scanner::TextFile& file, const Directive& d,
                    std::string_view what) {
  Finding f;
  f.rule = rule;
  f.offset = d.offset;
  f.end_offset = d.end_offset;
  f.begin = file.lines.At(file.text, d.offset);
  f.end = file.lines.At(file.text, d.end_offset);
  f.snippet = Snippet(file, d.offset);
  f.language = scanner::Language::kHtml;
  f.detail = std::string(what);
  f.message = SharedText(FillMessage(rule->message, what, what));
  f.match = std::string(what);
  RedactFinding(&f);  // the snippet is a line of the scanned file
  return f;
}

}  // namespace

std::vector<Directive> FindDirectives(const scanner::TextFile& file, const scanner::Document& doc) {
  std::vector<Directive> out;
  for (const Span& span : CommentSpans(doc)) ParseComment(file, span, &out);
  std::sort(out.begin(), out.end(),
            [](const Directive& a, const Directive& b) { return a.offset < b.offset; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Directive& a, const Directive& b) { return a.offset == b.offset; }),
            out.end());
  return out;
}

void ApplySuppressions(const Catalog& catalog, const scanner::TextFile& file,
                       const std::vector<Directive>& directives, std::vector<Finding>* findings) {
  std::vector<bool> used(directives.size(), false);
  for (Finding& f : *findings) {
    for (size_t i = 0; i < directives.size(); ++i) {
      const Directive& d = directives[i];
      if (d.kind == Directive::kEnable || !Names(d, f.rule->id)) continue;
      if (!Covers(d, directives, i, f.begin.line, f.offset, f.rule->id)) continue;
      f.suppressed = true;
      f.suppression_reason = d.reason;
      used[i] = true;
      break;
    }
  }
  const Rule* unused = catalog.Find("suppression.unused");
  const Rule* unknown = catalog.Find("suppression.unknown-rule");
  const Rule* no_reason = catalog.Find("suppression.missing-reason");
  std::vector<Finding> meta;
  for (size_t i = 0; i < directives.size(); ++i) {
    const Directive& d = directives[i];
    if (d.kind == Directive::kEnable) continue;
    if (d.rules.empty() && unknown) {
      meta.push_back(MetaFinding(unknown, file, d, "(none)"));
      continue;
    }
    bool known = !d.rules.empty();
    for (const std::string& id : d.rules) {
      if (catalog.Find(id) == nullptr) {
        known = false;
        if (unknown) meta.push_back(MetaFinding(unknown, file, d, id));
      }
    }
    if (known && !used[i] && unused) meta.push_back(MetaFinding(unused, file, d, d.rules.front()));
    if (d.reason.empty() && no_reason) meta.push_back(MetaFinding(no_reason, file, d, d.rules.front()));
  }
  if (meta.empty()) return;
  for (Finding& f : meta) findings->push_back(std::move(f));
  std::stable_sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.rule->id < b.rule->id;
  });
}

}  // namespace iescan::rules
