// Regions carried by an element: script and style content, handlers, style attributes,
// script URLs.
#include "scanner/document/element_regions.h"

#include <array>
#include <tuple>

#include "scanner/document/markup_scan.h"

namespace iescan::scanner::document_internal {
namespace {

constexpr std::array<std::string_view, 8> kUrlAttributes = {
    "href", "src", "action", "formaction", "data", "background", "lowsrc", "dynsrc"};

bool IsVbsName(std::string_view name) {
  return name == "vbscript" || name == "vbs" || name == "text/vbscript" || name == "text/vbs" ||
         name == "application/vbscript" || name == "application/x-vbscript";
}

bool IsJsName(std::string_view name) {
  return name.starts_with("javascript") || name == "jscript" || name == "ecmascript" ||
         name == "livescript" || name == "js";
}

bool IsJsType(std::string_view type) {
  if (IsJsName(type) || type == "module") return true;
  size_t slash = type.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view media = type.substr(0, slash);
  std::string_view sub = type.substr(slash + 1);
  if (media != "text" && media != "application") return false;
  if (sub.starts_with("x-")) sub.remove_prefix(2);
  return IsJsName(sub);
}

// Lower-case attribute value with surrounding space and any ";param" removed.
std::string Normalized(const Element& element, std::string_view name) {
  const Attribute* attribute = element.Find(name);
  if (!attribute) return {};
  std::string_view value = attribute->value;
  value = value.substr(0, value.find(';'));
  return AsciiLowerCopy(TrimSpace(value));
}

bool IsServerControl(const Element& element) {
  const Attribute* runat = element.Find("runat");
  return runat && EqualsNoCase(TrimSpace(runat->value), "server");
}

// The language of the code in an on* attribute of `element`.
Language HandlerLanguage(const BuildContext& ctx, const Element& element) {
  const Attribute* language = element.Find("language");
  if (language) {
    if (std::optional<Language> named = LanguageFromName(language->value)) return *named;
  }
  return ctx.handler_language;
}

// Length of a script URL scheme at the start of `text` (after blanks), 0 if none.
size_t ScriptScheme(std::string_view text, Language* language) {
  size_t pos = 0;
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) <= ' ') ++pos;
  std::string_view rest = text.substr(pos);
  if (StartsWithNoCase(rest, "javascript:")) {
    *language = Language::kJs;
    return pos + 11;
  }
  if (StartsWithNoCase(rest, "jscript:")) {
    *language = Language::kJs;
    return pos + 8;
  }
  if (StartsWithNoCase(rest, "vbscript:")) {
    *language = Language::kVbs;
    return pos + 9;
  }
  return 0;
}

void AddAttributeRegion(BuildContext& ctx, const MarkupSource& src, int element,
                        const Attribute& attribute, const AttrSpan& span) {
  const std::string& name = attribute.name;
  const Element& host = ctx.doc().elements[element];
  CodeSource code;
  code.element = element;
  code.attribute = name;
  code.parent_region = src.parent_region;
  code.ie_only = src.ie_only;
  code.depth = src.depth;
  bool is_url = false;
  for (std::string_view url_name : kUrlAttributes) is_url = is_url || name == url_name;
  if (name.size() > 2 && name.starts_with("on")) {
    // On a server control (<asp:Button runat="server" OnClick="Save_Click">) an on*
    // attribute names a server event handler; OnClientClick is the client script.
    if (IsServerControl(host) && host.tag.find(':') != std::string::npos &&
        name != "onclientclick") {
      return;
    }
    code.language = HandlerLanguage(ctx, host);
    code.context = RegionContext::kEventHandler;
    std::tie(code.text, code.map) = CodeText(ctx, src, span);
  } else if (name == "style") {
    code.language = Language::kCss;
    code.context = RegionContext::kStyleAttr;
    std::tie(code.text, code.map) = CodeText(ctx, src, span);
  } else if (is_url) {
    if (span.raw.find(':') == std::string_view::npos) return;
    auto [text, map] = CodeText(ctx, src, span);
    size_t start = ScriptScheme(text, &code.language);
    if (start == 0) return;
    code.context = RegionContext::kScriptUrl;
    code.text = text.substr(start);
    code.map = map.Slice(start, code.text.size());
  } else {
    return;
  }
  ctx.AddRegion(std::move(code));
}

}  // namespace

ScriptKind ClassifyScript(const Element& element) {
  if (IsServerControl(element)) return ScriptKind::kNone;
  std::string language = Normalized(element, "language");
  std::string type = Normalized(element, "type");
  if (IsVbsName(language) || IsVbsName(type)) return ScriptKind::kVbs;
  if (language.ends_with(".encode") || type.ends_with(".encode")) return ScriptKind::kNone;
  if (!type.empty()) {
    if (IsJsType(type)) return ScriptKind::kJs;
    if (type.find("json") != std::string::npos) return ScriptKind::kNone;
    return ScriptKind::kMarkup;
  }
  if (!language.empty() && !IsJsName(language)) return ScriptKind::kNone;
  return ScriptKind::kJs;
}

std::optional<Language> LanguageFromName(std::string_view name) {
  std::string lower = AsciiLowerCopy(TrimSpace(name));
  if (IsVbsName(lower)) return Language::kVbs;
  if (IsJsName(lower) || IsJsType(lower)) return Language::kJs;
  return std::nullopt;
}

std::pair<std::string_view, OffsetMap> CodeText(BuildContext& ctx, const MarkupSource& src,
                                                const AttrSpan& span) {
  if (span.raw.find('&') == std::string_view::npos) {
    return {span.raw, src.map.Slice(span.pos, span.raw.size())};
  }
  std::vector<uint32_t> local;
  std::string decoded = DecodeCharRefs(span.raw, &local);
  for (uint32_t& position : local) position += span.pos;
  OffsetMap map = src.map.Compose(local);
  return {ctx.Own(std::move(decoded)), std::move(map)};
}

void AddAttributeRegions(BuildContext& ctx, const MarkupSource& src, int element,
                         const std::vector<AttrSpan>& spans) {
  const size_t count = ctx.doc().elements[element].attributes.size();
  for (size_t i = 0; i < count && i < spans.size(); ++i) {
    // AddAttributeRegion adds regions and owned texts, never elements: the reference holds.
    const Attribute& attribute = ctx.doc().elements[element].attributes[i];
    if (!attribute.has_value) continue;
    AddAttributeRegion(ctx, src, element, attribute, spans[i]);
  }
}

void AddScriptContent(BuildContext& ctx, const MarkupSource& src, int element,
                      std::string_view text, OffsetMap map) {
  ScriptKind kind = ClassifyScript(ctx.doc().elements[element]);
  if (kind == ScriptKind::kNone || text.empty()) return;
  if (kind == ScriptKind::kMarkup) {
    if (text.find('<') == std::string_view::npos) return;
    MarkupSource markup;
    markup.text = text;
    markup.map = std::move(map);
    markup.depth = src.depth + 1;
    markup.ie_only = src.ie_only;
    markup.parent_region = src.parent_region;
    markup.parent_element = element;
    ctx.QueueMarkup(std::move(markup));
    return;
  }
  CodeSource code;
  code.language = kind == ScriptKind::kVbs ? Language::kVbs : Language::kJs;
  code.context = RegionContext::kScriptBlock;
  code.text = text;
  code.map = std::move(map);
  code.parent_region = src.parent_region;
  code.element = element;
  code.ie_only = src.ie_only;
  code.depth = src.depth;
  ctx.AddRegion(std::move(code));
}

void AddStyleContent(BuildContext& ctx, const MarkupSource& src, int element,
                     std::string_view text, OffsetMap map) {
  CodeSource code;
  code.language = Language::kCss;
  code.context = RegionContext::kStyleBlock;
  code.text = text;
  code.map = std::move(map);
  code.parent_region = src.parent_region;
  code.element = element;
  code.ie_only = src.ie_only;
  code.depth = src.depth;
  ctx.AddRegion(std::move(code));
}

}  // namespace iescan::scanner::document_internal
