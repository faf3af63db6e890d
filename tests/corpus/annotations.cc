#include "tests/corpus/annotations.h"

#include <re2/re2.h>

namespace iescan::testing {
namespace {

// A line that holds nothing but annotation comments.
const re2::RE2& AnnotationOnlyLine() {
  static const re2::RE2 re(
      R"(^\s*(?:<!--|//|/\*|'|<%--|@\*|#|\{\{!--|Rem\s)?\s*(?:todo)?(?:ruleid|ok):.*$)");
  return re;
}

// "ruleid: a.b, c.d guard=guarded -- reason": ids separated by commas, then an optional
// expected guard class, then an optional reason.
const re2::RE2& AnnotationItem() {
  static const re2::RE2 re(
      R"(\b(todoruleid|todook|ruleid|ok):\s*([a-z0-9][a-z0-9.-]*[a-z0-9](?:\s*,\s*[a-z0-9][a-z0-9.-]*[a-z0-9])*)(?:\s+guard=([a-z-]+))?)");
  return re;
}

}  // namespace

std::string_view LineText(const scanner::TextFile& file, uint32_t line) {
  uint32_t start = file.lines.LineStart(line);
  uint32_t end = file.lines.LineEnd(file.text, line);
  if (start > file.text.size()) return {};
  return std::string_view(file.text).substr(start, end - start);
}

std::vector<Annotation> ParseAnnotations(const scanner::TextFile& file) {
  std::vector<Annotation> out;
  std::vector<Annotation> pending;
  const uint32_t n = file.lines.line_count();
  for (uint32_t line = 1; line <= n; ++line) {
    std::string_view text = LineText(file, line);
    re2::StringPiece sp(text.data(), text.size());
    if (re2::RE2::FullMatch(sp, AnnotationOnlyLine())) {
      std::string kind, rules, guard;
      re2::StringPiece input = sp;
      while (re2::RE2::FindAndConsume(&input, AnnotationItem(), &kind, &rules, &guard)) {
        Annotation::Kind k = kind == "ruleid"       ? Annotation::kRuleId
                             : kind == "ok"         ? Annotation::kOk
                             : kind == "todoruleid" ? Annotation::kTodoRuleId
                                                    : Annotation::kTodoOk;
        size_t pos = 0;
        while (pos <= rules.size()) {
          size_t comma = rules.find(',', pos);
          if (comma == std::string::npos) comma = rules.size();
          std::string id = rules.substr(pos, comma - pos);
          size_t b = id.find_first_not_of(" \t");
          size_t e = id.find_last_not_of(" \t");
          if (b != std::string::npos) {
            pending.push_back(Annotation{k, id.substr(b, e - b + 1), line, 0, guard});
          }
          pos = comma + 1;
        }
      }
      continue;
    }
    for (Annotation& a : pending) {
      a.target_line = line;
      out.push_back(std::move(a));
    }
    pending.clear();
  }
  for (Annotation& a : pending) {  // annotations at end of file point past it
    a.target_line = n + 1;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace iescan::testing
