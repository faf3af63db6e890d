// From raw hits to findings: order, duplicates, supersedes, messages, positions, snippets.
#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "rules/checks/activex_table.h"
#include "rules/engine/engine_internal.h"
#include "rules/engine/redact.h"
#include "rules/engine/text_util.h"

namespace iescan::rules {
namespace {

constexpr size_t kSnippetChars = 200;
constexpr size_t kSnippetLead = 60;  // characters kept before a match beyond the first 200

// Byte position `chars` code points after `from` in `text` (or text.size()).
size_t AdvanceChars(std::string_view text, size_t from, size_t chars) {
  size_t i = from;
  while (i < text.size() && chars > 0) {
    ++i;
    while (i < text.size() && !IsUtf8Lead(text[i])) ++i;
    --chars;
  }
  return i;
}

// Code points in [from, to), counting at most `cap`.
size_t CountChars(std::string_view text, size_t from, size_t to, size_t cap) {
  to = std::min(to, text.size());
  if (from >= to) return 0;
  if (cap == SIZE_MAX) return scanner::CountCodePoints(text.substr(from, to - from));
  size_t n = 0;
  for (size_t i = from; i < to && n < cap; ++i) {
    if (IsUtf8Lead(text[i])) ++n;
  }
  return n;
}

// Positions of increasing offsets, computed incrementally along a line: the findings of a
// file cost one pass over their lines, however many there are on one long line.
class PositionCursor {
 public:
  explicit PositionCursor(const scanner::TextFile& file) : file_(file) {}

  scanner::Position At(uint32_t offset) {
    if (offset > file_.text.size()) return file_.lines.At(file_.text, offset);
    uint32_t line = file_.lines.LineOf(offset);
    if (!valid_ || line != line_ || offset < offset_) {
      pos_ = file_.lines.At(file_.text, offset);
      valid_ = true;
    } else {
      pos_.column += static_cast<uint32_t>(CountChars(file_.text, offset_, offset, SIZE_MAX));
    }
    line_ = line;
    offset_ = offset;
    return pos_;
  }

  // The position of `end` >= `begin` on begin's line, else from the line index.
  scanner::Position End(uint32_t begin, scanner::Position begin_pos, uint32_t end) const {
    if (end <= file_.text.size() && end >= begin && file_.lines.LineOf(end) == begin_pos.line) {
      begin_pos.column += static_cast<uint32_t>(CountChars(file_.text, begin, end, SIZE_MAX));
      return begin_pos;
    }
    return file_.lines.At(file_.text, end);
  }

 private:
  const scanner::TextFile& file_;
  bool valid_ = false;
  uint32_t line_ = 0;
  uint32_t offset_ = 0;
  scanner::Position pos_;
};

// [begin, end) of a hit, never empty, for overlap tests.
bool Overlap(const Hit& a, const Hit& b) {
  uint32_t a_end = std::max(a.end_offset, a.offset + 1);
  uint32_t b_end = std::max(b.end_offset, b.offset + 1);
  return a.offset < b_end && b.offset < a_end;
}

// Drops every hit of a rule superseded by the rule of an overlapping hit. `hits` is sorted
// by offset. Each superseded rule's hits are looked up by offset among that rule's hits
// only, within the span of its longest hit: a minified file with tens of thousands of hits
// costs no more per hit than a short one.
void ApplySupersedes(const DispatchTables& tables, std::vector<Hit>* hits) {
  std::vector<uint8_t> drop(hits->size(), 0);
  bool any = false;
  struct RuleHits {
    std::vector<size_t> indices;  // into *hits, by offset
    uint64_t longest = 1;
  };
  std::unordered_map<uint32_t, RuleHits> by_rule;
  bool superseding = false;
  for (const Hit& h : *hits) superseding = superseding || !tables.superseded[h.rule].empty();
  if (!superseding) return;
  for (size_t i = 0; i < hits->size(); ++i) {
    const Hit& h = (*hits)[i];
    RuleHits& r = by_rule[h.rule];
    r.indices.push_back(i);
    r.longest = std::max<uint64_t>(r.longest, std::max(h.end_offset, h.offset + 1) - h.offset);
  }
  for (const Hit& hit : *hits) {
    const uint32_t hit_end = std::max(hit.end_offset, hit.offset + 1);
    for (uint32_t victim : tables.superseded[hit.rule]) {
      auto it = by_rule.find(victim);
      if (it == by_rule.end()) continue;
      const RuleHits& r = it->second;
      // The victim's hits that can overlap start after hit.offset - longest.
      const uint64_t from = hit.offset >= r.longest ? hit.offset - r.longest + 1 : 0;
      auto first = std::lower_bound(r.indices.begin(), r.indices.end(), from,
                                    [&](size_t i, uint64_t at) { return (*hits)[i].offset < at; });
      for (auto i = first; i != r.indices.end() && (*hits)[*i].offset < hit_end; ++i) {
        if (Overlap(hit, (*hits)[*i])) {
          drop[*i] = 1;
          any = true;
        }
      }
    }
  }
  if (!any) return;
  size_t out = 0;
  for (size_t i = 0; i < hits->size(); ++i) {
    if (drop[i]) continue;
    if (out != i) (*hits)[out] = std::move((*hits)[i]);
    ++out;
  }
  hits->resize(out);
}

}  // namespace

std::string Snippet(const scanner::TextFile& file, uint32_t offset) {
  std::string_view text = file.text;
  if (text.empty()) return std::string();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  uint32_t line = file.lines.LineOf(offset);
  size_t begin = std::min<size_t>(file.lines.LineStart(line), text.size());
  size_t end = std::min<size_t>(file.lines.LineEnd(text, line), text.size());
  if (end < begin) end = begin;
  while (begin < end && IsAsciiSpace(text[begin])) ++begin;
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  // Every count below stops after a few hundred characters: a finding on a minified
  // megabyte-long line costs no more than one on a short line.
  if (CountChars(text, begin, end, kSnippetChars + 1) <= kSnippetChars) {
    return std::string(text.substr(begin, end - begin));
  }
  size_t at = std::clamp<size_t>(offset, begin, end);
  if (CountChars(text, begin, at, kSnippetChars) >= kSnippetChars) {
    begin = at;
    for (size_t back = 0; back < kSnippetLead && begin > 0; ++back) {
      --begin;
      while (begin > 0 && !IsUtf8Lead(text[begin])) --begin;
    }
  }
  size_t stop = AdvanceChars(text, begin, kSnippetChars);
  return std::string(TrimAscii(text.substr(begin, std::min(stop, end) - begin)));
}

std::string FillMessage(std::string_view message, std::string_view match, std::string_view arg) {
  std::string out;
  out.reserve(message.size() + match.size() + arg.size());
  size_t i = 0;
  while (i < message.size()) {
    const size_t brace = message.find('{', i);
    if (brace == std::string_view::npos) {
      out.append(message, i);
      break;
    }
    out.append(message, i, brace - i);
    if (message.compare(brace, 7, "{match}") == 0) {
      out += match;
      i = brace + 7;
    } else if (message.compare(brace, 5, "{arg}") == 0) {
      out += arg;
      i = brace + 5;
    } else {
      out += '{';
      i = brace + 1;
    }
  }
  return out;
}

void AddRegionHit(const ScanContext& ctx, const Entry& e, const scanner::Region& region,
                  size_t begin, size_t end, std::string match, std::string arg, Guard guard) {
  Hit hit;
  hit.rule = e.rule;
  hit.offset = region.map(begin);
  hit.end_offset = std::max(hit.offset, region.map(end));
  hit.match = std::move(match);
  hit.arg = std::move(arg);
  hit.language = region.language;
  if (guard != Guard::kNone && region.language == scanner::Language::kJs && ctx.guards) {
    guard = ctx.guards->Classify(region, begin);
  }
  hit.guard = guard;
  ctx.hits->push_back(std::move(hit));
}

std::vector<Finding> MakeFindings(const DispatchTables& tables, const scanner::TextFile& file,
                                  std::vector<Hit> hits) {
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.rule < b.rule;
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const Hit& a, const Hit& b) {
                           return a.offset == b.offset && a.rule == b.rule;
                         }),
             hits.end());
  ApplySupersedes(tables, &hits);
  std::vector<Finding> findings;
  findings.reserve(hits.size());
  PositionCursor cursor(file);
  for (Hit& hit : hits) {
    const Rule* rule = tables.rules[hit.rule];
    Finding f;
    f.rule = rule;
    f.message = SharedText(FillMessage(rule->message, hit.match, hit.arg));
    f.offset = hit.offset;
    f.end_offset = hit.end_offset;
    f.begin = cursor.At(hit.offset);
    f.end = cursor.End(hit.offset, f.begin, hit.end_offset);
    f.snippet = Snippet(file, hit.offset);
    f.language = hit.language;
    f.guard = hit.guard;
    f.detail = std::move(hit.arg);
    f.match = std::move(hit.match);
    IdentifyActiveX(&f);  // names well-known and in-house ActiveX controls
    RedactFinding(&f);    // no credential of the scanned file reaches a report
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace iescan::rules
