// HTML markup through Gumbo: elements, attributes, comments and the regions they carry.
//
// The tree is walked with an explicit stack. Offsets come from Gumbo's pointers into the
// parsed buffer (original_tag, original_name, original_value, original_text), which are
// exact byte positions whatever the line endings; MarkupSource::map turns them into file
// offsets. Elements the parser made up (implied <html>/<head>/<body>/<tbody>, formatting
// elements it reconstructed or cloned) have no source text and are not recorded; their
// children hang under the nearest recorded ancestor.
#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "scanner/document/build_context.h"
#include "scanner/document/conditional_comment.h"
#include "scanner/document/element_regions.h"
#include "scanner/document/markup_scan.h"

namespace iescan::scanner::document_internal {
namespace {

constexpr int kSkippedFlags =
    GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
    GUMBO_INSERTION_ADOPTION_AGENCY_CLONED | GUMBO_INSERTION_CONVERTED_FROM_END_TAG;

// Gumbo frees its tree recursively (one stack frame per nesting level), and allocates
// every node, attribute, vector and string buffer separately. Its memory comes from this
// arena instead: blocks are cut from large chunks with a pointer bump, a freed block is
// given back only when it is the last one cut (the grow-copy-free pattern of Gumbo's
// buffers), and the whole tree is released at once by Reset, without walking it. Deep
// markup that slips past the nesting estimate costs memory, never the stack, and parsing
// a page costs no malloc or free per node.
//
// One arena per thread is reused for every page that thread parses; Reset keeps one chunk
// so a thread's memory stays bounded by its largest page's tree, then shrinks back.
class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    Reset();
    for (Chunk& chunk : chunks_) std::free(chunk.data);
  }

  static void* Allocate(void* self, size_t size) {
    return static_cast<GumboArena*>(self)->Cut(size);
  }

  static void Deallocate(void* self, void* pointer) {
    auto* arena = static_cast<GumboArena*>(self);
    if (pointer == nullptr) return;
    auto* header = static_cast<Header*>(pointer) - 1;
    if (header->big != 0) {  // a block of its own: released now
      arena->big_[header->big - 1] = nullptr;
      std::free(header);
      return;
    }
    // The last block cut from the current chunk: give its bytes back.
    if (pointer == arena->last_) {
      arena->used_ = static_cast<size_t>(reinterpret_cast<char*>(header) -
                                         arena->chunks_[arena->current_].data);
      arena->last_ = nullptr;
    }
  }

  // Releases every block. Keeps the first chunk for the next parse.
  void Reset() {
    for (void* block : big_) std::free(block);
    big_.clear();
    for (size_t i = 1; i < chunks_.size(); ++i) std::free(chunks_[i].data);
    if (chunks_.size() > 1) chunks_.erase(chunks_.begin() + 1, chunks_.end());
    current_ = 0;
    used_ = 0;
    last_ = nullptr;
  }

 private:
  struct alignas(std::max_align_t) Header {
    size_t big;  // 0: cut from a chunk; else 1 + its index in big_ (malloc'd on its own)
  };
  struct Chunk {
    char* data;
    size_t size;
  };
  static constexpr size_t kChunk = size_t{1} << 20;   // 1 MiB
  static constexpr size_t kBig = size_t{64} << 10;    // blocks from 64 KiB: own malloc

  void* Cut(size_t size) {
    const size_t need = sizeof(Header) + RoundUp(size);
    if (need >= kBig) {
      void* block = std::malloc(need);
      if (block == nullptr) return nullptr;
      big_.push_back(block);
      auto* header = static_cast<Header*>(block);
      header->big = big_.size();
      return header + 1;
    }
    if (chunks_.empty() || used_ + need > chunks_[current_].size) {
      if (!NextChunk()) return nullptr;
    }
    auto* header = reinterpret_cast<Header*>(chunks_[current_].data + used_);
    header->big = 0;
    used_ += need;
    last_ = header + 1;
    return last_;
  }

  bool NextChunk() {
    if (!chunks_.empty() && current_ + 1 < chunks_.size()) {
      ++current_;
      used_ = 0;
      last_ = nullptr;
      return true;
    }
    auto* data = static_cast<char*>(std::malloc(kChunk));
    if (data == nullptr) return false;
    chunks_.push_back({data, kChunk});
    current_ = chunks_.size() - 1;
    used_ = 0;
    last_ = nullptr;
    return true;
  }

  static size_t RoundUp(size_t size) {
    constexpr size_t kAlign = alignof(std::max_align_t);
    return (size + kAlign - 1) / kAlign * kAlign;
  }

  std::vector<Chunk> chunks_;
  size_t current_ = 0;
  size_t used_ = 0;       // bytes cut from chunks_[current_]
  void* last_ = nullptr;  // the last block cut, if not given back
  std::vector<void*> big_;
};

// Resets the thread's arena when a parse ends, however it ends.
class ArenaLease {
 public:
  explicit ArenaLease(GumboArena& arena) : arena_(arena) {}
  ~ArenaLease() { arena_.Reset(); }
  ArenaLease(const ArenaLease&) = delete;
  ArenaLease& operator=(const ArenaLease&) = delete;

 private:
  GumboArena& arena_;
};

const GumboVector* Children(const GumboNode* node) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      return &node->v.element.children;
    default:
      return nullptr;
  }
}

std::string ElementName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  std::string_view tag(element.original_tag.data, element.original_tag.length);
  size_t end = 1;
  while (end < tag.size() && !IsSpace(tag[end]) && tag[end] != '/' && tag[end] != '>') ++end;
  return AsciiLowerCopy(tag.substr(1, end - 1));
}

// IE runs on* attributes in the language of the page's first <script> that names one.
std::optional<Language> FirstScriptLanguage(const GumboNode* root) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_SCRIPT) {
      const GumboVector& attributes = node->v.element.attributes;
      for (const char* name : {"language", "type"}) {
        const GumboAttribute* attribute = gumbo_get_attribute(&attributes, name);
        if (attribute == nullptr || *attribute->value == '\0') continue;
        std::string_view value(attribute->value);
        std::optional<Language> named = LanguageFromName(value.substr(0, value.find(';')));
        if (named) return named;
      }
    }
    if (const GumboVector* children = Children(node)) {
      for (unsigned i = children->length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
      }
    }
  }
  return std::nullopt;
}

size_t FindEndif(std::string_view text, size_t from) {
  for (size_t pos = text.find("<!", from); pos != std::string_view::npos;
       pos = text.find("<!", pos + 2)) {
    if (StartsWithNoCase(text.substr(pos), "<![endif]")) return pos;
  }
  return std::string_view::npos;
}

class HtmlWalker {
 public:
  HtmlWalker(BuildContext& ctx, const MarkupSource& src) : ctx_(ctx), src_(src) {}

  void Walk(const GumboNode* root);

 private:
  // Position in src_.text of a pointer into it; npos for a pointer outside.
  size_t Local(const char* pointer) const {
    if (pointer < src_.text.data() || pointer > src_.text.data() + src_.text.size()) {
      return std::string::npos;
    }
    return static_cast<size_t>(pointer - src_.text.data());
  }
  bool Skipped(size_t local) const;
  int VisitElement(const GumboNode* node, int parent);
  void VisitComment(const GumboNode* node, int parent);
  void AddProcessingInstruction(std::string_view raw, size_t local, int parent);
  void HiddenComment(const ConditionalInfo& info, size_t content_local, size_t comment_end,
                     int parent);
  void ContentRegion(const GumboElement& element, int index, bool style);
  // The next "<![endif]" at or after `from`. Remembers the last answer, so that many
  // unclosed conditional comments cost one pass over the text, not one each.
  size_t NextEndif(size_t from) {
    bool known = endif_from_ != std::string::npos && from >= endif_from_ &&
                 (endif_at_ == std::string::npos || from <= endif_at_);
    if (!known) {
      endif_from_ = from;
      endif_at_ = FindEndif(src_.text, from);
    }
    return endif_at_;
  }

  BuildContext& ctx_;
  const MarkupSource& src_;
  // Ranges of src_.text that IE reads as a downlevel-hidden conditional comment beyond the
  // comment the parser saw (when the hidden markup holds its own "-->").
  std::vector<std::pair<size_t, size_t>> skip_;
  size_t endif_from_ = std::string::npos;
  size_t endif_at_ = std::string::npos;
};

void HtmlWalker::Walk(const GumboNode* root) {
  struct Item {
    const GumboNode* node;
    int parent;
  };
  std::vector<Item> stack{{root, src_.parent_element}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    int parent = item.parent;
    if (item.node->type == GUMBO_NODE_ELEMENT || item.node->type == GUMBO_NODE_TEMPLATE) {
      int index = VisitElement(item.node, parent);
      if (index >= 0) parent = index;
    } else if (item.node->type == GUMBO_NODE_COMMENT) {
      VisitComment(item.node, parent);
    }
    if (const GumboVector* children = Children(item.node)) {
      for (unsigned i = children->length; i > 0; --i) {
        stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]), parent});
      }
    }
  }
}

bool HtmlWalker::Skipped(size_t local) const {
  for (auto it = skip_.rbegin(); it != skip_.rend(); ++it) {
    if (local >= it->first && local < it->second) return true;
  }
  return false;
}

int HtmlWalker::VisitElement(const GumboNode* node, int parent) {
  const GumboElement& gumbo = node->v.element;
  if ((node->parse_flags & kSkippedFlags) != 0 || gumbo.original_tag.length == 0) return -1;
  size_t local = Local(gumbo.original_tag.data);
  if (local == std::string::npos || Skipped(local)) return -1;
  Element element;
  element.tag = ElementName(gumbo);
  element.offset = src_.map(local);
  element.parent = parent;
  element.ie_only = src_.ie_only;
  std::vector<AttrSpan> spans;
  for (unsigned i = 0; i < gumbo.attributes.length; ++i) {
    const auto* gumbo_attribute = static_cast<const GumboAttribute*>(gumbo.attributes.data[i]);
    size_t name_local = Local(gumbo_attribute->original_name.data);
    if (name_local == std::string::npos) continue;
    std::string_view name(gumbo_attribute->original_name.data,
                          gumbo_attribute->original_name.length);
    Attribute attribute;
    attribute.name = AsciiLowerCopy(name);
    attribute.name_offset = src_.map(name_local);
    attribute.value_offset = attribute.name_offset;
    size_t after = name_local + name.size();
    while (after < src_.text.size() && IsSpace(src_.text[after])) ++after;
    AttrSpan span;
    span.pos = static_cast<uint32_t>(name_local);
    const GumboStringPiece& original = gumbo_attribute->original_value;
    size_t value_local = Local(original.data);
    if (after < src_.text.size() && src_.text[after] == '=' && value_local > after &&
        value_local != std::string::npos) {
      std::string_view raw(original.data, original.length);
      if (!raw.empty() && (raw[0] == '"' || raw[0] == '\'')) {
        raw.remove_prefix(1);
        ++value_local;
        if (!raw.empty() && raw.back() == original.data[0]) raw.remove_suffix(1);
      }
      attribute.has_value = true;
      attribute.value = gumbo_attribute->value;
      attribute.value_offset = src_.map(value_local);
      span = {raw, static_cast<uint32_t>(value_local)};
    }
    element.attributes.push_back(std::move(attribute));
    spans.push_back(span);
  }
  int index = static_cast<int>(ctx_.doc().elements.size());
  bool is_script = gumbo.tag == GUMBO_TAG_SCRIPT;
  bool is_style = gumbo.tag == GUMBO_TAG_STYLE;
  ctx_.doc().elements.push_back(std::move(element));
  AddAttributeRegions(ctx_, src_, index, spans);
  if (is_script || is_style) ContentRegion(gumbo, index, is_style);
  return index;
}

void HtmlWalker::ContentRegion(const GumboElement& element, int index, bool style) {
  size_t begin = std::string::npos;
  size_t end = 0;
  for (unsigned i = 0; i < element.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
    if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_WHITESPACE &&
        child->type != GUMBO_NODE_CDATA) {
      continue;
    }
    size_t local = Local(child->v.text.original_text.data);
    if (local == std::string::npos) continue;
    begin = std::min(begin, local);
    end = std::max(end, local + child->v.text.original_text.length);
  }
  if (begin == std::string::npos || end <= begin || end > src_.text.size()) return;
  std::string_view text = src_.text.substr(begin, end - begin);
  OffsetMap map = src_.map.Slice(begin, text.size());
  if (style) {
    AddStyleContent(ctx_, src_, index, text, std::move(map));
  } else {
    AddScriptContent(ctx_, src_, index, text, std::move(map));
  }
}

// The content of a comment node's source text, without its delimiters.
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

void HtmlWalker::VisitComment(const GumboNode* node, int parent) {
  const GumboStringPiece& original = node->v.text.original_text;
  size_t local = Local(original.data);
  if (local == std::string::npos || Skipped(local)) return;
  std::string_view raw(original.data, original.length);
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
void HtmlWalker::HiddenComment(const ConditionalInfo& info, size_t content_local,
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
void HtmlWalker::AddProcessingInstruction(std::string_view raw, size_t local, int parent) {
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

}  // namespace

Status ParseHtml(BuildContext& ctx, const MarkupSource& source) {
  const uint32_t limit = ctx.options().max_nesting;
  uint32_t nesting = EstimateNesting(source.text);
  if (nesting > limit) {
    std::string message = "nests deeper than " + std::to_string(limit) + " elements (about " +
                          std::to_string(nesting) + "); not parsed";
    if (source.is_file) return Status::Error("markup " + message);
    ctx.Warn("sub-document markup " + message);
    return Status::Ok();
  }
  constexpr uint32_t kMaxAttributes = 10000;
  if (uint32_t attributes = EstimateMaxAttributes(source.text); attributes > kMaxAttributes) {
    std::string message = "has an element with more than " + std::to_string(kMaxAttributes) +
                          " attributes (about " + std::to_string(attributes) + "); not parsed";
    if (source.is_file) return Status::Error("markup " + message);
    ctx.Warn("sub-document markup " + message);
    return Status::Ok();
  }
  // The thread's arena owns the parse tree; it is released when this function returns.
  // (A sub-document is parsed after its host's walk has finished: never two at once.)
  thread_local GumboArena arena;
  ArenaLease lease(arena);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  options.allocator = &GumboArena::Allocate;
  options.deallocator = &GumboArena::Deallocate;
  options.userdata = &arena;
  const GumboOutput* output =
      gumbo_parse_with_options(&options, source.text.data(), source.text.size());
  if (output == nullptr) {
    ctx.Warn("the HTML parser returned nothing");
    return Status::Ok();
  }
  if (source.is_file && !ctx.handler_language_known) {
    ctx.handler_language = FirstScriptLanguage(output->document).value_or(Language::kJs);
    ctx.handler_language_known = true;
  }
  HtmlWalker walker(ctx, source);
  walker.Walk(output->document);
  return Status::Ok();
}

}  // namespace iescan::scanner::document_internal
