// Conditional comment classification.
#include "scanner/document/conditional_comment.h"

#include "scanner/document/markup_scan.h"

namespace iescan::scanner::document_internal {
namespace {

size_t FindNoCase(std::string_view text, std::string_view what, size_t from) {
  for (size_t pos = text.find('<', from); pos != std::string_view::npos;
       pos = text.find('<', pos + 1)) {
    if (StartsWithNoCase(text.substr(pos), what)) return pos;
  }
  return std::string_view::npos;
}

bool IsEndif(std::string_view content) {
  std::string_view text = TrimSpace(content);
  if (text.starts_with("<!")) text.remove_prefix(2);
  if (text.ends_with("--")) text.remove_suffix(2);  // "<![endif]-->" after an early close
  return EqualsNoCase(TrimSpace(text), "[endif]");
}

}  // namespace

ConditionalInfo ClassifyComment(std::string_view content) {
  ConditionalInfo info;
  if (IsEndif(content)) {
    info.kind = CommentKind::kEndif;
    return info;
  }
  if (!StartsWithNoCase(content, "[if")) return info;
  size_t close = content.find(']');
  if (close == std::string_view::npos) return info;
  info.condition = std::string(TrimSpace(content.substr(3, close - 3)));
  if (close + 1 >= content.size()) {  // <![if !IE]>: the bogus-comment form
    info.kind = CommentKind::kDownlevelRevealed;
    return info;
  }
  if (content[close + 1] != '>') {
    info.condition.clear();
    return info;
  }
  std::string_view rest = content.substr(close + 2);
  if (rest.empty() || rest == "<!") {  // <!--[if !IE]>--> or <!--[if !IE]><!-->
    info.kind = CommentKind::kDownlevelRevealed;
    return info;
  }
  info.kind = CommentKind::kDownlevelHidden;
  info.inner_begin = close + 2;
  size_t endif = FindNoCase(content, "<![endif]", info.inner_begin);
  info.has_endif = endif != std::string_view::npos;
  info.inner_end = info.has_endif ? endif : content.size();
  return info;
}

}  // namespace iescan::scanner::document_internal
