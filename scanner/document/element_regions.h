// The code regions an element carries, shared by the HTML walker and the XML scanner:
// <script> and <style> content, on* handler attributes, style="" attributes, and
// javascript:/vbscript: URLs. Attribute values are decoded (&quot; &amp; ...) with a map
// from every decoded byte back to the file, so a handler's tokens keep exact locations.
//
// Thread-safety: operates on one BuildContext; not thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "scanner/document/build_context.h"

namespace iescan::scanner::document_internal {

// Where an attribute's value sits in the parsed text, as written (without quotes).
struct AttrSpan {
  std::string_view raw;
  uint32_t pos = 0;  // position of raw[0] in MarkupSource::text
};

// What a <script> element holds, from its language= and type= attributes.
enum class ScriptKind { kJs, kVbs, kMarkup, kNone };
ScriptKind ClassifyScript(const Element& element);

// The language named by a language= value ("JScript", "VBScript", "javascript1.2"...);
// nothing for other names ("C#", "PerlScript").
std::optional<Language> LanguageFromName(std::string_view name);

// The decoded text of a raw value and its map into the file; no copy when the value holds
// no character reference.
std::pair<std::string_view, OffsetMap> CodeText(BuildContext& ctx, const MarkupSource& src,
                                                const AttrSpan& span);

// Adds the regions of `element`'s attributes; spans[i] belongs to attributes[i].
void AddAttributeRegions(BuildContext& ctx, const MarkupSource& src, int element,
                         const std::vector<AttrSpan>& spans);

// Adds the region (or markup sub-document) of a <script> element's content.
void AddScriptContent(BuildContext& ctx, const MarkupSource& src, int element,
                      std::string_view text, OffsetMap map);

// Adds the CSS region of a <style> element's content.
void AddStyleContent(BuildContext& ctx, const MarkupSource& src, int element,
                     std::string_view text, OffsetMap map);

}  // namespace iescan::scanner::document_internal
