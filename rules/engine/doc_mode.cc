// The document mode a page was built for (see page_facts.h).
#include <algorithm>
#include <string>

#include "rules/checks/checks.h"
#include "rules/engine/page_facts.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {
namespace {

using scanner::FileKind;

// A mode named by X-UA-Compatible, ranked as IE ranks them when several are listed.
struct UaMode {
  int rank = -1;         // 5, 7, 8, 9, 10, 11; 100 for edge; -1 for none
  bool emulate = false;  // EmulateIEN: the doctype decides between IEN and quirks
};

// The highest mode of a content value such as "IE=8; IE=9" or "IE=EmulateIE7".
UaMode ParseUaModes(std::string_view content) {
  UaMode best;
  std::string lower = LowerAscii(content);
  size_t start = 0;
  while (start <= lower.size()) {
    size_t stop = lower.find_first_of(";,", start);
    if (stop == std::string::npos) stop = lower.size();
    std::string_view part = TrimAscii(std::string_view(lower).substr(start, stop - start));
    start = stop + 1;
    if (part.rfind("ie=", 0) != 0) continue;
    std::string_view value = TrimAscii(part.substr(3));
    UaMode mode;
    if (value == "edge") {
      mode.rank = 100;
    } else {
      mode.emulate = value.rfind("emulateie", 0) == 0;
      std::string_view digits = mode.emulate ? value.substr(9) : value;
      int n = 0;
      for (char c : digits) {
        if (c < '0' || c > '9' || n > 100) {
          n = -1;
          break;
        }
        n = n * 10 + (c - '0');
      }
      if (digits.empty() || n < 5 || n > 11 || n == 6) continue;
      mode.rank = n;
    }
    if (mode.rank > best.rank) best = mode;
  }
  return best;
}

std::string LineOf(const scanner::TextFile& file, uint32_t offset) {
  return "line " + std::to_string(file.lines.LineOf(offset)) + ": ";
}

size_t FindDoctype(std::string_view markup) {
  for (size_t i = markup.find('<'); i != std::string_view::npos; i = markup.find('<', i + 1)) {
    if (EqualsIgnoreCaseAscii(markup.substr(i, 9), "<!doctype")) return i;
  }
  return std::string_view::npos;
}

// X-UA-Compatible from the first meta element naming it, else from the HTTP header.
bool FindUaCompatible(const scanner::TextFile& file, const scanner::Document& doc,
                      std::string* content, std::string* evidence) {
  for (const scanner::Element& element : doc.elements) {
    if (!element.TagIs("meta")) continue;
    const scanner::Attribute* equiv = element.Find("http-equiv");
    const scanner::Attribute* value = element.Find("content");
    if (equiv && value && EqualsIgnoreCaseAscii(TrimAscii(equiv->value), "x-ua-compatible")) {
      *content = value->value;
      *evidence = LineOf(file, element.offset) + "<meta http-equiv=\"X-UA-Compatible\" content=\"" +
                  value->value + "\">";
      return true;
    }
  }
  for (const auto& [name, value] : file.headers) {
    if (name == "x-ua-compatible") {
      *content = value;
      *evidence = "HTTP header X-UA-Compatible: " + value;
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsPageKind(scanner::KindInfo kind) {
  return kind.kind == FileKind::kHtml || kind.kind == FileKind::kHta;
}

DocumentModeInfo ComputeDocumentMode(const scanner::TextFile& file, const scanner::Document& doc) {
  DocumentModeInfo info;
  const size_t doctype_at = FindDoctype(doc.masked);
  const bool standards = doc.has_doctype && !IsQuirksDoctype(doc.doctype);
  std::string doctype_line =
      doctype_at == std::string_view::npos ? "" : LineOf(file, static_cast<uint32_t>(doctype_at));
  if (!doc.has_doctype) {
    info.evidence.push_back("line 1: no doctype (quirks mode)");
  } else {
    info.evidence.push_back(doctype_line + std::string(TrimAscii(doc.doctype)) +
                            (standards ? " (standards mode)" : " (quirks mode)"));
  }
  std::string content, ua_evidence;
  UaMode ua;
  if (FindUaCompatible(file, doc, &content, &ua_evidence)) {
    info.evidence.push_back(ua_evidence);
    ua = ParseUaModes(content);
  }
  if (ua.rank == 100) {
    info.built_for = "edge";
    info.compat_mode = "Default";
  } else if (ua.rank > 0) {
    int n = ua.emulate && !standards ? 5 : ua.rank;
    info.built_for = "IE" + std::to_string(n);
    info.compat_mode = info.built_for;
  } else if (!standards) {
    info.built_for = "quirks";
    info.compat_mode = "IE5";
  } else if (doc.kind.kind == FileKind::kHta) {
    info.built_for = "IE7";
    info.compat_mode = "IE7";
    info.evidence.push_back("HTA: mshta.exe renders in IE7 mode without X-UA-Compatible");
  } else {
    info.built_for = "standards";
    info.compat_mode = "Default";
  }
  for (const scanner::Comment& comment : doc.comments) {
    if (comment.condition.empty() || (comment.kind != scanner::CommentKind::kDownlevelHidden &&
                                      comment.kind != scanner::CommentKind::kDownlevelRevealed)) {
      continue;
    }
    info.evidence.push_back(LineOf(file, comment.offset) + "conditional comment [if " +
                            comment.condition + "]");
  }
  return info;
}

}  // namespace iescan::rules
