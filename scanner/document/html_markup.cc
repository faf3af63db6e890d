// HTML markup: the budget checks every reader shares, then the token reader
// (html_tokens.cc, the default) or Gumbo's tree, walked here.
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
#include "scanner/document/markup_scan.h"
#include "scanner/document/markup_walker.h"

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

// Walks Gumbo's tree in document order and hands each element and comment that has
// source text to the MarkupWalker.
class GumboWalk {
 public:
  GumboWalk(BuildContext& ctx, const MarkupSource& src) : walker_(ctx, src), src_(src) {}

  void Walk(const GumboNode* root);

 private:
  // Position in src_.text of a pointer into it; npos for a pointer outside.
  size_t Local(const char* pointer) const {
    if (pointer < src_.text.data() || pointer > src_.text.data() + src_.text.size()) {
      return std::string::npos;
    }
    return static_cast<size_t>(pointer - src_.text.data());
  }
  int VisitElement(const GumboNode* node, int parent);
  void ContentRegion(const GumboElement& element, int index, bool style);

  MarkupWalker walker_;
  const MarkupSource& src_;
};

void GumboWalk::Walk(const GumboNode* root) {
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
      const GumboStringPiece& original = item.node->v.text.original_text;
      size_t local = Local(original.data);
      if (local != std::string::npos) {
        walker_.AddComment(std::string_view(original.data, original.length), local, parent);
      }
    }
    if (const GumboVector* children = Children(item.node)) {
      for (unsigned i = children->length; i > 0; --i) {
        stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]), parent});
      }
    }
  }
}

int GumboWalk::VisitElement(const GumboNode* node, int parent) {
  const GumboElement& gumbo = node->v.element;
  if ((node->parse_flags & kSkippedFlags) != 0 || gumbo.original_tag.length == 0) return -1;
  size_t local = Local(gumbo.original_tag.data);
  if (local == std::string::npos || walker_.Skipped(local)) return -1;
  std::vector<TagAttribute> attributes;
  attributes.reserve(gumbo.attributes.length);
  for (unsigned i = 0; i < gumbo.attributes.length; ++i) {
    const auto* gumbo_attribute = static_cast<const GumboAttribute*>(gumbo.attributes.data[i]);
    size_t name_local = Local(gumbo_attribute->original_name.data);
    if (name_local == std::string::npos) continue;
    TagAttribute attribute;
    attribute.name = std::string_view(gumbo_attribute->original_name.data,
                                      gumbo_attribute->original_name.length);
    attribute.name_local = name_local;
    size_t after = name_local + attribute.name.size();
    while (after < src_.text.size() && IsSpace(src_.text[after])) ++after;
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
      attribute.raw = raw;
      attribute.value_local = value_local;
      attribute.value = gumbo_attribute->value;
    }
    attributes.push_back(std::move(attribute));
  }
  int index = walker_.AddElement(ElementName(gumbo), local, parent, attributes);
  if (index >= 0 && (gumbo.tag == GUMBO_TAG_SCRIPT || gumbo.tag == GUMBO_TAG_STYLE)) {
    ContentRegion(gumbo, index, gumbo.tag == GUMBO_TAG_STYLE);
  }
  return index;
}

void GumboWalk::ContentRegion(const GumboElement& element, int index, bool style) {
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
  if (begin == std::string::npos) return;
  walker_.AddContent(index, begin, end, style);
}

}  // namespace

Status ParseHtml(BuildContext& ctx, const MarkupSource& source) {
  const uint32_t limit = ctx.options().max_nesting;
  // Each open element starts at a '<' and each attribute after a blank, so markup with no
  // more '<' than the limit cannot nest deeper, and a text of under twice the attribute
  // limit cannot hold that many: the estimates are skipped.
  const size_t opens =
      static_cast<size_t>(std::count(source.text.begin(), source.text.end(), '<'));
  uint32_t nesting = opens > limit ? EstimateNesting(source.text) : 0;
  if (nesting > limit) {
    std::string message = "nests deeper than " + std::to_string(limit) + " elements (about " +
                          std::to_string(nesting) + "); not parsed";
    if (source.is_file) return Status::Error("markup " + message);
    ctx.Warn("sub-document markup " + message);
    return Status::Ok();
  }
  constexpr uint32_t kMaxAttributes = 10000;
  if (uint32_t attributes =
          source.text.size() > 2 * size_t{kMaxAttributes} ? EstimateMaxAttributes(source.text) : 0;
      attributes > kMaxAttributes) {
    std::string message = "has an element with more than " + std::to_string(kMaxAttributes) +
                          " attributes (about " + std::to_string(attributes) + "); not parsed";
    if (source.is_file) return Status::Error("markup " + message);
    ctx.Warn("sub-document markup " + message);
    return Status::Ok();
  }
  if (ctx.options().html_reader == HtmlReader::kTokens) {
    ReadHtmlTokens(ctx, source, opens);
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
  GumboWalk walk(ctx, source);
  walk.Walk(output->document);
  return Status::Ok();
}

}  // namespace iescan::scanner::document_internal
