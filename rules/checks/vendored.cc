// Vendored-library detection: banner, then signature, then file name.
#include "rules/checks/vendored.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "rules/checks/vendored_specs.h"
#include "rules/engine/prefilter.h"
#include "rules/engine/regex_gate.h"

namespace iescan::rules {
namespace {

using vendored::LibrarySpec;

constexpr size_t kHeadBytes = 2048;
constexpr size_t kSignatureWindow = 300;
constexpr int kMaxLiteralHits = 8;

struct Compiled {
  std::unique_ptr<RE2> banner, after, file_name;
};

std::unique_ptr<RE2> Compile(std::string_view pattern, bool icase) {
  if (pattern.empty()) return nullptr;
  std::string p = icase ? "(?i)" + std::string(pattern) : std::string(pattern);
  auto re = std::make_unique<RE2>(p, RE2::Quiet);
  return re->ok() ? std::move(re) : nullptr;
}

const std::vector<Compiled>& CompiledSpecs() {
  static const std::vector<Compiled> compiled = [] {
    std::vector<Compiled> out;
    for (const LibrarySpec& s : vendored::AllLibrarySpecs()) {
      out.push_back({Compile(s.banner, false), Compile(s.after, false),
                     Compile(s.file_name, true)});
    }
    return out;
  }();
  return compiled;
}

std::vector<const re2::RE2*> BannerPatterns() {
  std::vector<const re2::RE2*> out;
  for (const Compiled& c : CompiledSpecs()) out.push_back(c.banner.get());
  return out;
}

// Which banners may match a head, from one literal pass over it (regex_gate.h) instead of
// a search per banner.
const RegexGate& BannerGate() {
  static const RegexGate gate(BannerPatterns());
  return gate;
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool ContainsIgnoreCase(std::string_view text, std::string_view word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

// Groups 1..n that matched, joined with '.'.
std::string JoinGroups(const re2::StringPiece* groups, int n) {
  std::string out;
  for (int i = 1; i <= n; ++i) {
    if (groups[i].data() == nullptr || groups[i].empty()) continue;
    if (!out.empty()) out += '.';
    out.append(groups[i].data(), groups[i].size());
  }
  return out;
}

// A version literal "1.7.2" at the start of `s`, or "".
std::string LeadingVersion(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  size_t end = i;
  while (end < s.size() && std::isalnum(static_cast<unsigned char>(s[end]))) ++end;
  std::string_view v = s.substr(0, i);
  if (v.find('.') == std::string_view::npos || !std::isdigit(static_cast<unsigned char>(v[0]))) {
    return "";
  }
  return std::string(s.substr(0, end));
}

// jQuery: `jquery:"1.7.2"` (before 1.9) or `jquery:X` with `X="1.11.1"` defined earlier.
std::string JQuerySignatureVersion(std::string_view text, size_t at) {
  size_t i = at + 7;  // past "jquery:"
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size()) return "";
  if (text[i] == '"' || text[i] == '\'') return LeadingVersion(text.substr(i + 1, 40));
  size_t end = i;
  while (end < text.size() && end - i < 40 &&
         (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' ||
          text[end] == '$')) {
    ++end;
  }
  if (end == i) return "";
  std::string needle = std::string(text.substr(i, end - i)) + "=\"";
  size_t def = text.rfind(needle, at);
  if (def == std::string_view::npos) return "";
  return LeadingVersion(text.substr(def + needle.size(), 40));
}

struct SignatureHit {
  bool found = false;
  std::string version;
  size_t offset = 0, end = 0;
};

SignatureHit FindSignature(const LibrarySpec& spec, const Compiled& c, std::string_view text) {
  SignatureHit hit;
  if (spec.literal.empty()) return hit;
  if (!spec.context.empty() && text.find(spec.context) == std::string_view::npos) return hit;
  size_t pos = 0;
  for (int n = 0; n < kMaxLiteralHits; ++n) {
    pos = text.find(spec.literal, pos);
    if (pos == std::string_view::npos) break;
    std::string version;
    if (spec.literal == "jquery:") {
      version = JQuerySignatureVersion(text, pos);
    } else if (c.after) {
      re2::StringPiece groups[4];
      re2::StringPiece window(text.data() + pos, std::min(kSignatureWindow, text.size() - pos));
      int n_groups = std::min(3, c.after->NumberOfCapturingGroups());
      if (c.after->Match(window, 0, window.size(), RE2::ANCHOR_START, groups, n_groups + 1)) {
        version = JoinGroups(groups, n_groups);
      }
    }
    if (!version.empty() || (!c.after && spec.literal != "jquery:")) {
      return {true, version, pos, pos + spec.literal.size()};
    }
    pos += spec.literal.size();
  }
  return hit;
}

// The start of the block comment around `at` in `head`, else `at`.
size_t CommentStart(std::string_view head, size_t at) {
  size_t open = head.rfind("/*", at);
  if (open == std::string_view::npos) return at;
  size_t close = head.find("*/", open);
  return close == std::string_view::npos || close > at ? open : at;
}

VendoredLibrary Make(const LibrarySpec& spec, std::string version, std::string evidence,
                     size_t offset, size_t end) {
  VendoredLibrary lib;
  lib.name = std::string(spec.name);
  lib.version = std::move(version);
  vendored::Advice advice = spec.advise(lib.version);
  lib.needs_ie_handling = advice.needs_ie_handling;
  lib.note = std::move(advice.note);
  lib.upgrade = std::move(advice.upgrade);
  lib.evidence = std::move(evidence);
  lib.offset = static_cast<uint32_t>(offset);
  lib.end_offset = static_cast<uint32_t>(end);
  return lib;
}

const LibrarySpec* SpecNamed(std::string_view name, size_t* index) {
  auto specs = vendored::AllLibrarySpecs();
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].name == name) {
      *index = i;
      return &specs[i];
    }
  }
  return nullptr;
}

// The version a file name carries (group 1 of the spec's name pattern), or "".
std::string NameVersion(const Compiled& c, std::string_view base) {
  if (!c.file_name) return "";
  re2::StringPiece version;
  if (RE2::FullMatch(base, *c.file_name, &version) && version.data() != nullptr) {
    return std::string(version.data(), version.size());
  }
  return "";
}

// TinyMCE's own files: "// 4.1.0 (2014-06-18)" on the first line of tinymce.min.js, and
// plugins or themes under a tinymce/ or tiny_mce/ directory.
std::optional<VendoredLibrary> DetectTinyMce(std::string_view path, std::string_view text) {
  size_t index = 0;
  const LibrarySpec* spec = SpecNamed("TinyMCE", &index);
  if (spec == nullptr) return std::nullopt;
  const Compiled& c = CompiledSpecs()[index];
  if (c.file_name && RE2::FullMatch(BaseName(path), *c.file_name) && text.starts_with("// ")) {
    std::string version = LeadingVersion(text.substr(3, 40));
    if (!version.empty()) return Make(*spec, version, "banner", 0, 3 + version.size());
  }
  if (!ContainsIgnoreCase(path, "tinymce/") && !ContainsIgnoreCase(path, "tiny_mce/")) {
    return std::nullopt;
  }
  for (std::string_view sig : {"tinymce.PluginManager.add(", "tinymce.ThemeManager.add(",
                               "tinymce.create('tinymce."}) {
    size_t at = text.find(sig);
    if (at != std::string_view::npos) return Make(*spec, "", "signature", at, at + sig.size());
  }
  return std::nullopt;
}

// Which signature literals and contexts occur in a text, found in one pass (ASCII
// case-insensitively, so a superset of the exact matches): only the specs whose literal
// and context both occur are then searched for exactly. Before, every spec searched the
// whole file for its own strings, one pass each, for every script and style sheet.
class SignatureWords {
 public:
  explicit SignatureWords(std::span<const LibrarySpec> specs) {
    auto group = [this](std::string_view word) {
      if (word.empty()) return -1;
      groups_.push_back({std::string(word)});
      return static_cast<int>(groups_.size()) - 1;
    };
    for (const LibrarySpec& spec : specs) {
      literal_.push_back(group(spec.literal));
      context_.push_back(group(spec.context));
    }
    filter_ = Prefilter(groups_);
  }

  static const SignatureWords& Get() {
    static const SignatureWords words(vendored::AllLibrarySpecs());
    return words;
  }

  const std::vector<std::vector<std::string>>& groups() const { return groups_; }

  // candidates[i]: spec i's literal and context may occur in `text`.
  std::vector<uint8_t> Candidates(std::string_view text) const {
    std::vector<uint8_t> hits;
    filter_.Scan(text, &hits);
    return Candidates(hits);
  }

  // The same, from which of groups() occur in the text.
  std::vector<uint8_t> Candidates(const std::vector<uint8_t>& hits) const {
    std::vector<uint8_t> out(literal_.size(), 0);
    for (size_t i = 0; i < out.size(); ++i) {
      out[i] = literal_[i] >= 0 && hits[literal_[i]] && (context_[i] < 0 || hits[context_[i]]);
    }
    return out;
  }

 private:
  std::vector<std::vector<std::string>> groups_;
  Prefilter filter_;
  std::vector<int> literal_;  // group of spec i's literal, -1 when it has none
  std::vector<int> context_;
};

}  // namespace

std::string VendoredLibrary::Label() const {
  return version.empty() ? name + " (version unknown)" : name + " " + version;
}

bool MayBeVendored(scanner::FileKind kind) {
  return kind == scanner::FileKind::kJs || kind == scanner::FileKind::kHtc ||
         kind == scanner::FileKind::kCss;
}

int CompareVersions(std::string_view a, std::string_view b) {
  auto next = [](std::string_view* s) {
    long n = 0;
    size_t i = 0;
    while (i < s->size() && std::isdigit(static_cast<unsigned char>((*s)[i])) && n < 1000000) {
      n = n * 10 + ((*s)[i++] - '0');
    }
    while (i < s->size() && (*s)[i] != '.') ++i;  // a suffix ("pre", "beta5") is ignored
    s->remove_prefix(i < s->size() ? i + 1 : i);
    return n;
  };
  for (int part = 0; part < 6 && (!a.empty() || !b.empty()); ++part) {
    long x = next(&a), y = next(&b);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

std::vector<std::vector<std::string>> VendoredSignatureGroups() {
  return SignatureWords::Get().groups();
}

std::optional<VendoredLibrary> DetectVendoredLibrary(std::string_view path,
                                                     std::string_view text) {
  return DetectVendoredLibrary(path, text, nullptr);
}

std::optional<VendoredLibrary> DetectVendoredLibrary(std::string_view path, std::string_view text,
                                                     const std::vector<uint8_t>* signature_hits) {
  auto specs = vendored::AllLibrarySpecs();
  const std::vector<Compiled>& compiled = CompiledSpecs();
  const std::string_view base = BaseName(path);
  const std::string_view head = text.substr(0, std::min(text.size(), kHeadBytes));
  // 1. The earliest banner in the first 2 KiB.
  size_t best = specs.size();
  re2::StringPiece best_match[2];
  std::vector<uint8_t> possible;
  BannerGate().Possible(head, &possible);
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!compiled[i].banner || !possible[i]) continue;
    re2::StringPiece m[2];
    if (!compiled[i].banner->Match(head, 0, head.size(), RE2::UNANCHORED, m, 2)) continue;
    if (best == specs.size() || m[0].data() < best_match[0].data()) {
      best = i;
      best_match[0] = m[0];
      best_match[1] = m[1];
    }
  }
  if (best < specs.size()) {
    std::string version = best_match[1].data() != nullptr
                              ? std::string(best_match[1].data(), best_match[1].size())
                              : std::string();
    if (version.empty()) version = FindSignature(specs[best], compiled[best], text).version;
    if (version.empty()) version = NameVersion(compiled[best], base);
    size_t at = static_cast<size_t>(best_match[0].data() - head.data());
    return Make(specs[best], std::move(version), "banner", CommentStart(head, at),
                at + best_match[0].size());
  }
  if (auto tiny = DetectTinyMce(path, text)) return tiny;
  // 2. A signature literal anywhere in the file.
  const SignatureWords& words = SignatureWords::Get();
  const std::vector<uint8_t> candidates =
      signature_hits != nullptr ? words.Candidates(*signature_hits) : words.Candidates(text);
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!candidates[i]) continue;
    SignatureHit sig = FindSignature(specs[i], compiled[i], text);
    if (!sig.found) continue;
    std::string version = sig.version.empty() ? NameVersion(compiled[i], base) : sig.version;
    return Make(specs[i], std::move(version), "signature", sig.offset, sig.end);
  }
  // 3. A file name that only this library uses.
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!specs[i].file_name_alone || !compiled[i].file_name) continue;
    if (!RE2::FullMatch(base, *compiled[i].file_name)) continue;
    return Make(specs[i], NameVersion(compiled[i], base), "file name", 0, 0);
  }
  return std::nullopt;
}

void CheckVendoredLibrary(const CheckInput& input, std::vector<CheckHit>* hits) {
  if (!MayBeVendored(input.doc.kind.kind)) return;
  std::optional<VendoredLibrary> lib =
      input.library != nullptr ? *input.library
                               : DetectVendoredLibrary(input.file.origin.display, input.file.text);
  if (!lib) return;
  CheckHit hit;
  hit.offset = lib->offset;
  hit.end_offset = std::max(lib->offset, lib->end_offset);
  hit.arg = lib->Label();
  hit.match = (lib->needs_ie_handling ? "this version needs IE-specific handling: "
                                      : "no IE-specific handling needed: ") +
              lib->note + ". Upgrade: " + lib->upgrade;
  switch (input.doc.kind.kind) {
    case scanner::FileKind::kJs:
      hit.language = scanner::Language::kJs;
      break;
    case scanner::FileKind::kCss:
      hit.language = scanner::Language::kCss;
      break;
    default:
      hit.language = scanner::Language::kHtml;
      break;
  }
  hits->push_back(std::move(hit));
}

}  // namespace iescan::rules
