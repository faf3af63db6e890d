// XML and XSL files.
//
// Elements, attributes and comments come from our own linear tag scanner, because libxml2
// reports only line numbers and we need exact byte offsets. libxml2 then checks the file
// for well-formedness (no network, no DTD loading, no entity substitution, its own size
// and amplification limits on); a file it rejects still gets every element our scanner
// found, plus a warning, so findings are not lost to a stray '&'.
//
// Regions: msxsl:script (xmlns:msxsl="urn:schemas-microsoft-com:xslt") in the language of
// its language= attribute (JScript by default), and in an XSL file the script, style,
// handler and URL regions of literal result elements (unprefixed ones such as <script>,
// <input onclick>), since those reach the browser as HTML.
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "scanner/document/build_context.h"
#include "scanner/document/element_regions.h"
#include "scanner/document/markup_scan.h"

namespace iescan::scanner::document_internal {
namespace {

constexpr std::string_view kMsxslNamespace = "urn:schemas-microsoft-com:xslt";

enum class Collect { kNone, kScript, kStyle, kMsxslScript };

struct OpenElement {
  std::string name;  // as written
  int element = -1;
  size_t bindings = 0;  // namespace bindings in force before this element
  Collect collect = Collect::kNone;
  std::string content;  // collected character data
  std::vector<uint32_t> table;
};

class XmlScanner {
 public:
  XmlScanner(BuildContext& ctx, const MarkupSource& src) : ctx_(ctx), src_(src) {}
  void Run();

 private:
  std::string_view text() const { return src_.text; }
  size_t StartTag(size_t lt);
  std::vector<AttrSpan> AddAttributes(const std::vector<RawAttribute>& raw_attributes,
                                      Element* element);
  size_t EndTag(size_t lt);
  void Text(size_t begin, size_t end, bool cdata);
  void Close(OpenElement& open);
  std::string_view NamespaceOf(std::string_view prefix) const;

  BuildContext& ctx_;
  const MarkupSource& src_;
  std::vector<OpenElement> stack_;
  std::vector<std::pair<std::string, std::string>> bindings_;  // prefix -> URI
  bool xsl_ = false;
};

size_t FindOrEnd(std::string_view text, std::string_view what, size_t pos) {
  size_t found = text.find(what, pos);
  return found == std::string_view::npos ? text.size() : found;
}

void XmlScanner::Run() {
  xsl_ = ctx_.doc().kind.kind == FileKind::kXsl;
  const std::string_view t = text();
  size_t pos = 0;
  while (pos < t.size()) {
    size_t lt = FindOrEnd(t, "<", pos);
    if (lt > pos) Text(pos, lt, false);
    if (lt >= t.size()) break;
    std::string_view rest = t.substr(lt);
    if (rest.starts_with("<!--")) {
      size_t close = FindOrEnd(t, "-->", lt + 4);
      Comment comment;
      comment.text = t.substr(lt + 4, close - lt - 4);
      comment.offset = src_.map(lt);
      ctx_.doc().comments.push_back(std::move(comment));
      pos = std::min(t.size(), close + 3);
    } else if (rest.starts_with("<![CDATA[")) {
      size_t close = FindOrEnd(t, "]]>", lt + 9);
      Text(lt + 9, close, true);
      pos = std::min(t.size(), close + 3);
    } else if (rest.starts_with("<!")) {
      DoctypeSpan span = FindDoctype(rest);
      pos = span.found ? lt + span.end : std::min(t.size(), FindOrEnd(t, ">", lt) + 1);
    } else if (rest.starts_with("<?")) {
      pos = std::min(t.size(), FindOrEnd(t, "?>", lt + 2) + 2);
    } else if (rest.starts_with("</")) {
      pos = EndTag(lt);
    } else if (rest.size() > 1 && !IsSpace(rest[1]) && rest[1] != '<' && rest[1] != '>') {
      pos = StartTag(lt);
    } else {
      Text(lt, lt + 1, false);
      pos = lt + 1;
    }
  }
  while (!stack_.empty()) {
    Close(stack_.back());
    stack_.pop_back();
  }
}

void XmlScanner::Text(size_t begin, size_t end, bool cdata) {
  if (stack_.empty() || stack_.back().collect == Collect::kNone) return;
  OpenElement& open = stack_.back();
  std::string_view raw = text().substr(begin, end - begin);
  if (cdata) {
    open.content.append(raw);
    for (size_t i = 0; i < raw.size(); ++i) open.table.push_back(src_.map(begin + i));
    return;
  }
  std::vector<uint32_t> local;
  std::string decoded = DecodeCharRefs(raw, &local);
  open.content += decoded;
  for (size_t i = 0; i < decoded.size(); ++i) open.table.push_back(src_.map(begin + local[i]));
}

std::string_view XmlScanner::NamespaceOf(std::string_view prefix) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->first == prefix) return it->second;
  }
  return {};
}

// Fills element->attributes from the raw ones and brings their xmlns bindings in scope.
std::vector<AttrSpan> XmlScanner::AddAttributes(const std::vector<RawAttribute>& raw_attributes,
                                                Element* element) {
  std::vector<AttrSpan> spans;
  for (const RawAttribute& raw : raw_attributes) {
    Attribute attribute;
    attribute.name = AsciiLowerCopy(raw.name);
    std::vector<uint32_t> unused;
    attribute.value = DecodeCharRefs(raw.value, &unused);
    attribute.name_offset = src_.map(raw.name_pos);
    attribute.value_offset = src_.map(raw.value_pos);
    attribute.has_value = raw.has_value;
    if (raw.name.starts_with("xmlns:")) {
      bindings_.emplace_back(std::string(raw.name.substr(6)), attribute.value);
    } else if (raw.name == "xmlns") {
      bindings_.emplace_back(std::string(), attribute.value);
    }
    element->attributes.push_back(std::move(attribute));
    spans.push_back({raw.value, raw.value_pos});
  }
  return spans;
}

size_t XmlScanner::StartTag(size_t lt) {
  const std::string_view t = text();
  size_t name_end = lt + 1;
  while (name_end < t.size() && !IsSpace(t[name_end]) && t[name_end] != '>' &&
         t[name_end] != '/') {
    ++name_end;
  }
  // Character data of an element being collected: a child element stands for one space.
  if (!stack_.empty() && stack_.back().collect != Collect::kNone) {
    stack_.back().content.push_back(' ');
    stack_.back().table.push_back(src_.map(lt));
  }
  std::string_view name = t.substr(lt + 1, name_end - lt - 1);
  std::vector<RawAttribute> raw_attributes;
  bool self_closing = false;
  size_t end = ReadAttributes(t, name_end, &raw_attributes, &self_closing);
  Element element;
  element.tag = AsciiLowerCopy(name);
  element.offset = src_.map(lt);
  element.parent = stack_.empty() ? -1 : stack_.back().element;
  const size_t bindings_before = bindings_.size();
  std::vector<AttrSpan> spans = AddAttributes(raw_attributes, &element);
  size_t colon = name.find(':');
  std::string_view prefix = colon == std::string_view::npos ? "" : name.substr(0, colon);
  std::string local =
      AsciiLowerCopy(colon == std::string_view::npos ? name : name.substr(colon + 1));
  Collect collect = Collect::kNone;
  if (!prefix.empty() && local == "script" && NamespaceOf(prefix) == kMsxslNamespace) {
    collect = Collect::kMsxslScript;
  } else if (xsl_ && prefix.empty()) {
    collect = local == "script"  ? Collect::kScript
              : local == "style" ? Collect::kStyle
                                 : Collect::kNone;
  }
  int index = static_cast<int>(ctx_.doc().elements.size());
  ctx_.doc().elements.push_back(std::move(element));
  if (xsl_ && prefix.empty()) AddAttributeRegions(ctx_, src_, index, spans);
  OpenElement open;
  open.name = std::string(name);
  open.element = index;
  open.bindings = bindings_before;
  open.collect = collect;
  if (self_closing) {
    Close(open);
  } else {
    stack_.push_back(std::move(open));
  }
  return end;
}

size_t XmlScanner::EndTag(size_t lt) {
  const std::string_view t = text();
  size_t name_end = lt + 2;
  while (name_end < t.size() && !IsSpace(t[name_end]) && t[name_end] != '>') ++name_end;
  std::string_view name = t.substr(lt + 2, name_end - lt - 2);
  size_t end = std::min(t.size(), FindOrEnd(t, ">", name_end) + 1);
  for (size_t i = stack_.size(); i > 0; --i) {
    if (stack_[i - 1].name != name) continue;
    while (stack_.size() >= i) {
      Close(stack_.back());
      stack_.pop_back();
    }
    break;
  }
  return end;
}

void XmlScanner::Close(OpenElement& open) {
  bindings_.resize(std::min(bindings_.size(), open.bindings));
  if (open.collect == Collect::kNone || open.content.empty()) return;
  open.table.push_back(open.table.empty() ? 0 : open.table.back() + 1);
  std::string_view content = ctx_.Own(std::move(open.content));
  OffsetMap map(std::move(open.table));
  if (open.collect == Collect::kStyle) {
    AddStyleContent(ctx_, src_, open.element, content, std::move(map));
  } else if (open.collect == Collect::kScript) {
    AddScriptContent(ctx_, src_, open.element, content, std::move(map));
  } else {
    const Attribute* language = ctx_.doc().elements[open.element].Find("language");
    std::optional<Language> named =
        language ? LanguageFromName(language->value) : std::optional<Language>(Language::kJs);
    if (!named) return;  // C#, VB.NET: run by .NET's XslCompiledTransform, not the browser
    CodeSource code;
    code.language = *named;
    code.context = RegionContext::kScriptBlock;
    code.text = content;
    code.map = std::move(map);
    code.element = open.element;
    ctx_.AddRegion(std::move(code));
  }
}

// The first error libxml2 reports (later ones are mostly consequences of it).
struct FirstError {
  bool seen = false;
  int line = 0;
  std::string message;
};

void KeepFirstError(void* user_data, xmlErrorPtr error) {
  auto* parser = static_cast<xmlParserCtxtPtr>(user_data);
  auto* first = parser ? static_cast<FirstError*>(parser->_private) : nullptr;
  if (first == nullptr || first->seen || error == nullptr) return;
  if (error->level != XML_ERR_ERROR && error->level != XML_ERR_FATAL) return;
  first->seen = true;
  first->line = error->line;
  if (error->message != nullptr) first->message = std::string(TrimSpace(error->message));
}

// libxml2's verdict on the file; an empty string when it is well-formed. Errors are
// collected through the parser context, never printed. The parser runs with SAX2's own
// handlers for the prolog (so entities declared in an internal subset resolve as they would
// in a tree) but none for content: elements, text and comments are checked, not built, so
// a large XML file costs no tree of nodes on top of our own element list.
std::string WellFormedness(std::string_view text) {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  if (text.size() > static_cast<size_t>(INT_MAX)) return "too large for the XML parser";
  xmlSAXHandler sax{};
  xmlSAXVersion(&sax, 2);
  sax.startElementNs = nullptr;
  sax.endElementNs = nullptr;
  sax.startElement = nullptr;
  sax.endElement = nullptr;
  sax.characters = nullptr;
  sax.ignorableWhitespace = nullptr;
  sax.cdataBlock = nullptr;
  sax.comment = nullptr;
  sax.processingInstruction = nullptr;
  sax.reference = nullptr;
  sax.serror = &KeepFirstError;
  sax.error = nullptr;
  sax.warning = nullptr;
  xmlParserCtxtPtr parser = xmlNewParserCtxt();
  if (parser == nullptr || parser->sax == nullptr) {
    if (parser != nullptr) xmlFreeParserCtxt(parser);
    return "the XML parser could not start";
  }
  *parser->sax = sax;
  FirstError first;
  parser->_private = &first;
  const int options =
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC;
  xmlDocPtr tree = xmlCtxtReadMemory(parser, text.data(), static_cast<int>(text.size()),
                                     nullptr, "UTF-8", options);
  std::string problem;
  if (tree == nullptr || !parser->wellFormed) {
    problem = "not well-formed XML";
    if (first.seen) {
      problem += " (line " + std::to_string(first.line) + ": " + first.message + ")";
    }
  }
  if (tree != nullptr) xmlFreeDoc(tree);
  xmlFreeParserCtxt(parser);
  return problem;
}

}  // namespace

void ParseXml(BuildContext& ctx, std::string_view text) {
  MarkupSource source;
  source.text = text;
  source.map = OffsetMap(0);
  source.is_file = true;
  XmlScanner scanner(ctx, source);
  scanner.Run();
  std::string problem = WellFormedness(text);
  if (!problem.empty()) {
    ctx.Warn(problem + "; elements come from a tolerant scan");
  }
}

}  // namespace iescan::scanner::document_internal
