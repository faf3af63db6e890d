// Elements, comments and regions from what an HTML reader found (see markup_walker.h).
#include "scanner/document/markup_walker.h"

#include <algorithm>

#include "scanner/document/conditional_comment.h"
#include "scanner/document/markup_scan.h"

namespace iescan::scanner::document_internal {
namespace {

size_t FindEndif(std::string_view text, size_t from) {
  for (size_t pos = text.find("<!", from); pos != std::string_view::npos;
       pos = text.find("<!", pos + 2)) {
    if (StartsWithNoCase(text.substr(pos), "<![endif]")) return pos;
  }
  return std::string_view::npos;
}

// The content of a comment's source text, without its delimiters.
std::pair<size_t, size_t> CommentContent(std::string_view raw) {
  size_t begin = raw.starts_with("<!--") ? 4 : raw.starts_with("<?") ? 1 : 2;
  size_t end = raw.size();
  if (begin == 4 && raw.ends_with("--!>")) {
    end -= 4;
  } else if (begin == 4 && raw.ends_with("-->")) {
    end -= 3;
  } else if (begin != 4 && raw.ends_with(">")) {
    end -= 1;
  }
  return {begin, std::max(begin, end)};
}

}  // namespace

// The next "<![endif]" at or after `from`. Remembers the last answer, so that many
// unclosed conditional comments cost one pass over the text, not one each.
size_t MarkupWalker::NextEndif(size_t from) {
  bool known = endif_from_ != std::string::npos && from >= endif_from_ &&
               (endif_at_ == std::string::npos || from <= endif_at_);
  if (!known) {
    endif_from_ = from;
    endif_at_ = FindEndif(src_.text, from);
  }
  return endif_at_;
}

bool MarkupWalker::Skipped(size_t local) const {
  for (auto it = skip_.rbegin(); it != skip_.rend(); ++it) {
    if (local >= it->first && local < it->second) return true;
  }
  return false;
}

int MarkupWalker::AddElement(std::string tag, size_t local, int parent,
                             std::vector<TagAttribute>& attributes) {
  if (Skipped(local)) return -1;
  Element element;
  element.tag = std::move(tag);
  element.offset = src_.map(local);
  element.parent = parent;
  element.ie_only = src_.ie_only;
  element.attributes.reserve(attributes.size());
  std::vector<AttrSpan>& spans = spans_;
  spans.clear();
  for (TagAttribute& in : attributes) {
    Attribute attribute;
    attribute.name = AsciiLowerCopy(in.name);
    attribute.name_offset = src_.map(in.name_local);
    attribute.value_offset = attribute.name_offset;
    AttrSpan span;
    span.pos = static_cast<uint32_t>(in.name_local);
    if (in.has_value) {
      attribute.has_value = true;
      attribute.value = std::move(in.value);
      attribute.value_offset = src_.map(in.value_local);
      span = {in.raw, static_cast<uint32_t>(in.value_local)};
    }
    element.attributes.push_back(std::move(attribute));
    spans.push_back(span);
  }
  int index = static_cast<int>(ctx_.doc().elements.size());
  ctx_.doc().elements.push_back(std::move(element));
  AddAttributeRegions(ctx_, src_, index, spans);
  return index;
}

void MarkupWalker::AddContent(int element, size_t begin, size_t end, bool style) {
  if (element < 0 || end <= begin || end > src_.text.size()) return;
  std::string_view text = src_.text.substr(begin, end - begin);
  OffsetMap map = src_.map.Slice(begin, text.size());
  if (style) {
    AddStyleContent(ctx_, src_, element, text, std::move(map));
  } else {
    AddScriptContent(ctx_, src_, element, text, std::move(map));
  }
}

void MarkupWalker::AddComment(std::string_view raw, size_t local, int parent) {
  if (Skipped(local)) return;
  if (raw.starts_with("<?")) {
    AddProcessingInstruction(raw, local, parent);
    return;
  }
  auto [begin, end] = CommentContent(raw);
  std::string_view content = raw.substr(begin, end - begin);
  ConditionalInfo info = ClassifyComment(content);
  Comment comment;
  comment.kind = info.kind;
  comment.text = content;
  comment.offset = src_.map(local);
  comment.condition = info.condition;
  ctx_.doc().comments.push_back(std::move(comment));
  if (info.kind == CommentKind::kDownlevelHidden) {
    HiddenComment(info, local + begin, local + raw.size(), parent);
  }
}

// IE reads the markup of a downlevel-hidden comment as its own: parse it as a
// sub-document whose elements and regions are ie_only.
void MarkupWalker::HiddenComment(const ConditionalInfo& info, size_t content_local,
                                 size_t comment_end, int parent) {
  size_t inner_begin = content_local + info.inner_begin;
  size_t inner_end = content_local + info.inner_end;
  size_t endif = info.has_endif ? inner_end : NextEndif(inner_begin);
  // <!--[if !IE]> ... <![endif]--> hides its markup from IE as well: nobody's.
  const bool ie_never = EqualsNoCase(info.condition, "!IE");
  if (!info.has_endif && endif != std::string_view::npos && !ie_never) {
    // The hidden markup held a "-->" of its own: the parser's comment ended early, but IE
    // reads on to <![endif]. What lies between is IE's alone.
    inner_end = endif;
    size_t skip_end = endif + 9;
    if (src_.text.compare(skip_end, 3, "-->") == 0) skip_end += 3;
    skip_.emplace_back(comment_end, skip_end);
  }
  if (endif != std::string_view::npos) {
    Comment close;
    close.kind = CommentKind::kEndif;
    close.text = src_.text.substr(endif + 2, 7);  // "[endif]"
    close.offset = src_.map(endif);
    ctx_.doc().comments.push_back(std::move(close));
  }
  if (inner_end <= inner_begin || ie_never) return;
  MarkupSource inner;
  inner.text = src_.text.substr(inner_begin, inner_end - inner_begin);
  inner.map = src_.map.Slice(inner_begin, inner.text.size());
  inner.depth = src_.depth + 1;
  inner.ie_only = true;
  inner.parent_region = src_.parent_region;
  inner.parent_element = parent;
  ctx_.QueueMarkup(std::move(inner));
}

// <?import namespace="t" implementation="t.htc"?> and <?xml:namespace prefix="v" ...?>
// are IE's own markup; an HTML parser sees a bogus comment. Record them as elements named
// "?import" and "?xml:namespace".
void MarkupWalker::AddProcessingInstruction(std::string_view raw, size_t local, int parent) {
  size_t name_end = 2;
  while (name_end < raw.size() && !IsSpace(raw[name_end]) && raw[name_end] != '>' &&
         raw[name_end] != '/' && raw[name_end] != '?') {
    ++name_end;
  }
  std::string name = AsciiLowerCopy(raw.substr(2, name_end - 2));
  if (name != "import" && name != "xml:namespace") return;
  Element element;
  element.tag = "?" + name;
  element.offset = src_.map(local);
  element.parent = parent;
  element.ie_only = src_.ie_only;
  std::vector<RawAttribute> raw_attributes;
  bool self_closing = false;
  ReadAttributes(raw, name_end, &raw_attributes, &self_closing);
  for (const RawAttribute& raw_attribute : raw_attributes) {
    Attribute attribute;
    attribute.name = AsciiLowerCopy(raw_attribute.name);
    std::vector<uint32_t> unused;
    attribute.value = DecodeCharRefs(raw_attribute.value, &unused);
    attribute.name_offset = src_.map(local + raw_attribute.name_pos);
    attribute.value_offset = src_.map(local + raw_attribute.value_pos);
    attribute.has_value = raw_attribute.has_value;
    element.attributes.push_back(std::move(attribute));
  }
  ctx_.doc().elements.push_back(std::move(element));
}

}  // namespace iescan::scanner::document_internal
