// Regex matchers over comment-masked code, and C++ checks.
//
// A regex matcher sees a copy of each region of its rule's languages in which comments
// (and string contents, unless the matcher keeps them) are blanked to spaces, so offsets
// are unchanged and line breaks stay where they were.
#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "rules/checks/checks.h"
#include "rules/engine/engine_internal.h"
#include "rules/engine/guard.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {
namespace {

using scanner::Language;
using scanner::Region;
using scanner::Token;
using scanner::TokenKind;

constexpr size_t kMaxMatchesPerRegion = 10000;

void Blank(std::string* text, size_t begin, size_t end) {
  end = std::min(end, text->size());
  for (size_t i = begin; i < end; ++i) {
    char& c = (*text)[i];
    if (c != '\n' && c != '\r') c = ' ';
  }
}

// Code regions: blank comment tokens, and string contents (quotes kept) unless kept. A
// string left open at the end of its line has no closing quote: its last character is
// blanked too, which also keeps the copy valid UTF-8 when that character is not ASCII.
std::string MaskCode(const Region& region, bool keep_strings) {
  std::string out(region.text);
  for (const Token& t : region.tokens) {
    if (t.kind == TokenKind::kComment) {
      Blank(&out, t.begin, t.end);
    } else if (!keep_strings && (t.kind == TokenKind::kString || t.kind == TokenKind::kTemplate) &&
               t.end - t.begin >= 2) {
      const bool closed = t.end <= out.size() && out[t.end - 1] == out[t.begin];
      Blank(&out, t.begin + 1, closed ? t.end - 1 : t.end);
    }
  }
  return out;
}

bool StartsAt(std::string_view text, size_t pos, std::string_view literal) {
  return pos <= text.size() && text.substr(pos).substr(0, literal.size()) == literal;
}

// Markup regions: blank <!-- ... --> comments. Of a conditional comment only the markers
// are blanked (<!--[if IE]>, <![if !IE]>, <![endif]-->, <!-->), since what they wrap is
// markup that IE reads.
std::string MaskMarkup(std::string_view text) {
  std::string out(text);
  size_t i = out.find('<');
  while (i != std::string::npos) {
    std::string_view rest = std::string_view(out).substr(i);
    size_t end = i + 1;
    if (rest.rfind("<!--[if", 0) == 0 || rest.rfind("<![if", 0) == 0 ||
        rest.rfind("<![endif", 0) == 0) {
      size_t close = out.find(']', i);
      end = close == std::string::npos ? out.size() : close + 1;
      if (StartsAt(out, end, ">")) ++end;
      if (StartsAt(out, end, "-->")) end += 3;
      if (StartsAt(out, end, "<!-->")) end += 5;
      Blank(&out, i, end);
    } else if (rest.rfind("<!--", 0) == 0) {
      size_t close = out.find("-->", i + 4);
      end = close == std::string::npos ? out.size() : close + 3;
      Blank(&out, i, end);
    }
    i = out.find('<', end);
  }
  return out;
}

// The token containing region offset `pos`, or null.
const Token* TokenAt(const Region& region, size_t pos) {
  auto it = std::upper_bound(region.tokens.begin(), region.tokens.end(), pos,
                             [](size_t p, const Token& t) { return p < t.begin; });
  if (it == region.tokens.begin()) return nullptr;
  --it;
  return pos < it->end ? &*it : nullptr;
}

// The end of `[^\r\n]{0,limit}` from `pos` in UTF-8 `text`: at most `limit` characters,
// stopping before a line break, and, as the regex would, before a byte that does not
// start a well-formed character.
size_t LineTailEnd(std::string_view text, size_t pos, uint32_t limit) {
  for (uint32_t chars = 0; chars < limit && pos < text.size(); ++chars) {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    size_t length = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3
                                                   : lead < 0xF5 ? 4 : 0;
    if (length == 0 || lead == '\n' || lead == '\r' || pos + length > text.size()) break;
    for (size_t i = 1; i < length; ++i) {
      if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) length = 0;
    }
    if (length == 0) break;
    pos += length;
  }
  return pos;
}

void RunRegex(const ScanContext& ctx, const Entry& e, const Region& region,
              const std::string& masked) {
  // Without its leading `\b` when it has one to drop (rule.h): the boundary is checked here.
  const bool word_start = e.matcher->search != nullptr;
  const re2::RE2& re = word_start ? *e.matcher->search : *e.matcher->re;
  const uint32_t tail = e.matcher->line_tail;
  // With a tail, group 1 (when the pattern has one) tells which matches take it.
  const int groups = tail > 0 && re.NumberOfCapturingGroups() > 0 ? 2 : 1;
  re2::StringPiece input(masked);
  re2::StringPiece found[2];
  size_t pos = 0;
  for (size_t count = 0; count < kMaxMatchesPerRegion && pos <= masked.size();) {
    if (!re.Match(input, pos, masked.size(), RE2::UNANCHORED, found, groups)) break;
    size_t begin = static_cast<size_t>(found[0].data() - masked.data());
    if (word_start && begin > 0 && IsAsciiWordChar(masked[begin - 1])) {
      pos = begin + 1;  // no boundary here; the pattern starts with a word character
      continue;
    }
    ++count;
    size_t end = begin + found[0].size();
    if (tail > 0 && (groups == 1 || found[1].data() != nullptr)) {
      end = LineTailEnd(masked, end, tail);
    }
    Guard guard = region.language == Language::kJs ? ClassifyJsGuard(region, TokenAt(region, begin))
                                                   : Guard::kNone;
    AddRegionHit(ctx, e, region, begin, end, std::string(region.text.substr(begin, end - begin)),
                 std::string(), guard);
    pos = end > begin ? end : begin + 1;
  }
}

bool IsMarkup(Language lang) { return lang == Language::kHtml || lang == Language::kXml; }

// A markup file's markup (server code blanked) as a region, for regex matchers of html and
// xml rules, unless the document already holds a top-level markup region.
std::vector<Region> SyntheticMarkup(const scanner::Document& doc) {
  using scanner::FileKind;
  std::vector<Region> out;
  const FileKind kind = doc.kind.kind;
  if (doc.masked.empty() || kind == FileKind::kJs || kind == FileKind::kVbs ||
      kind == FileKind::kCss) {
    return out;
  }
  for (const Region& region : doc.regions) {
    if (IsMarkup(region.language) && region.parent < 0) return out;
  }
  Region markup;
  markup.language = MarkupLanguage(doc);
  markup.text = doc.masked;
  markup.map = scanner::OffsetMap(0);
  out.push_back(std::move(markup));
  return out;
}

// Regions shorter than this are searched by every wanted regex, unless the file's own
// literal pass answers for them: a pass of their own would cost about as much as the
// searches it saves.
constexpr size_t kGateMinBytes = 256;

// One masked copy of a region and which regexes may match it.
struct MaskedText {
  bool made = false;
  std::string text;
  std::vector<uint8_t> possible;  // per entry of ctx.tables.regex; empty: all possible
};

bool Gated(const ScanContext& ctx, const MaskedText& masked) {
  return ctx.Gating() && masked.text.size() >= kGateMinBytes;
}

void MaskInto(const Region& region, bool keep, MaskedText* masked) {
  masked->text = IsMarkup(region.language) ? MaskMarkup(region.text) : MaskCode(region, keep);
  masked->made = true;
}

void Make(const ScanContext& ctx, const Region& region, bool keep, MaskedText* masked) {
  MaskInto(region, keep, masked);
  if (Gated(ctx, *masked)) ctx.tables.regex_gate->Possible(masked->text, &masked->possible);
}

// Code searched both with and without string contents: one literal pass, over the copy
// that keeps them, gates both (see regex_gate.h).
void MakeBoth(const ScanContext& ctx, const Region& region, MaskedText* kept, MaskedText* blanked) {
  MaskInto(region, true, kept);
  MaskInto(region, false, blanked);
  if (!Gated(ctx, *kept)) return;
  const RegexGate& gate = *ctx.tables.regex_gate;
  const RegexGate::Found found = gate.Scan(kept->text);
  gate.Possible(found, false, &kept->possible);
  if (Gated(ctx, *blanked)) gate.Possible(found, true, &blanked->possible);
}

// Which regexes may match a region, from the file's own literal pass (the prefilter's),
// or null when the region needs a pass of its own. That pass answers for the document's
// masked text (the file's text with server code blanked, regex_gate.h), so for any slice
// of it with characters blanked: for the whole text at no cost, and for a short slice,
// which would otherwise be searched by every regex. A longer slice of a page gets its own
// pass, which rules out more.
class FileGate {
 public:
  explicit FileGate(const ScanContext& ctx) : ctx_(ctx) {}

  const std::vector<uint8_t>* For(std::string_view text) {
    if (!ctx_.Gating()) return nullptr;
    const std::string_view whole = ctx_.doc.masked;
    const auto begin = reinterpret_cast<uintptr_t>(whole.data());
    const auto at = reinterpret_cast<uintptr_t>(text.data());
    const bool slice = at >= begin && at - begin <= whole.size() &&
                       text.size() <= whole.size() - (at - begin);
    if (!slice || (text.size() != whole.size() && text.size() >= kGateMinBytes)) return nullptr;
    if (!made_) {
      const RegexGate& gate = *ctx_.tables.regex_gate;
      gate.Possible(gate.FromHits(ctx_.file.text, ctx_.file_atom_hits->data()), /*blanked=*/true,
                    &possible_);
      made_ = true;
    }
    return &possible_;
  }

 private:
  const ScanContext& ctx_;
  bool made_ = false;
  std::vector<uint8_t> possible_;
};

void RegexOverRegion(const ScanContext& ctx, const Region& region, FileGate& file_gate) {
  MaskedText blanked, kept;
  const Entries& entries = ctx.tables.regex;
  // Gated by the file's pass: each copy is made only when a regex may match it.
  const std::vector<uint8_t>* from_file = file_gate.For(region.text);
  if (from_file == nullptr && !IsMarkup(region.language)) {
    bool want_kept = false;
    bool want_blanked = false;
    for (const Entry& e : entries) {
      if (!ctx.WantsIn(e, region.language)) continue;
      (e.matcher->keep_strings ? want_kept : want_blanked) = true;
    }
    if (want_kept && want_blanked) MakeBoth(ctx, region, &kept, &blanked);
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (!ctx.WantsIn(e, region.language)) continue;
    if (from_file != nullptr && (*from_file)[i] == 0) continue;
    const bool keep = e.matcher->keep_strings || IsMarkup(region.language);
    MaskedText& masked = keep ? kept : blanked;
    if (!masked.made) {
      if (from_file != nullptr) {
        MaskInto(region, keep, &masked);
      } else {
        Make(ctx, region, keep, &masked);
      }
    }
    if (!masked.possible.empty() && masked.possible[i] == 0) continue;
    if (ctx.stats == nullptr) {
      RunRegex(ctx, e, region, masked.text);
      continue;
    }
    const uint64_t start = NowNs();
    RunRegex(ctx, e, region, masked.text);
    ctx.stats->rule_ns[e.rule] += NowNs() - start;
  }
}

}  // namespace

void MatchRegexes(const ScanContext& ctx) {
  if (ctx.tables.regex.empty()) return;
  FileGate file_gate(ctx);
  for (const Region& region : ctx.doc.regions) RegexOverRegion(ctx, region, file_gate);
  for (const Region& region : SyntheticMarkup(ctx.doc)) RegexOverRegion(ctx, region, file_gate);
}

void MatchChecks(const ScanContext& ctx) {
  std::map<std::string_view, std::vector<CheckHit>> done;  // a check runs once per file
  for (const Entry& e : ctx.tables.checks) {
    if (!ctx.Wants(e)) continue;
    const CheckInfo* check = FindCheck(e.matcher->name);
    if (check == nullptr) continue;
    auto [it, fresh] = done.try_emplace(check->name);
    if (fresh) {
      const uint64_t start = ctx.stats != nullptr ? NowNs() : 0;
      check->run(CheckInput{ctx.file, ctx.doc, ctx.library}, &it->second);
      if (ctx.stats != nullptr) ctx.stats->rule_ns[e.rule] += NowNs() - start;
    }
    for (const CheckHit& c : it->second) {
      if (!ctx.WantsIn(e, c.language)) continue;
      Hit hit;
      hit.rule = e.rule;
      hit.offset = c.offset;
      hit.end_offset = std::max(c.offset, c.end_offset);
      hit.match = c.match;
      hit.arg = c.arg;
      hit.language = c.language;
      ctx.hits->push_back(std::move(hit));
    }
  }
}

}  // namespace iescan::rules
