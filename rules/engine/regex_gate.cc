// RegexGate: FilteredRE2 atoms found with the Aho-Corasick prefilter.
#include "rules/engine/regex_gate.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <string>

namespace iescan::rules {
namespace {

// Atoms shorter than this are dropped by FilteredRE2 (their part of a formula then
// matches anything): a one-letter atom would occur in nearly every text anyway.
constexpr int kMinAtomLength = 3;

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; });
}

// True when `text` holds a character that RE2 folds to an ASCII letter but an ASCII
// case-insensitive search would not (U+017F, U+212A).
bool HasAsciiFoldingRune(std::string_view text) {
  return text.find("\xC5\xBF") != std::string_view::npos ||
         text.find("\xE2\x84\xAA") != std::string_view::npos;
}

}  // namespace

RegexGate::RegexGate(const std::vector<const re2::RE2*>& patterns)
    : filter_(std::make_unique<re2::FilteredRE2>(kMinAtomLength)),
      filter_id_(patterns.size(), -1),
      always_(patterns.size(), 0) {
  int added = 0;
  for (size_t i = 0; i < patterns.size(); ++i) {
    const re2::RE2* re = patterns[i];
    int id = -1;
    if (re == nullptr || !re->ok() ||
        filter_->Add(re->pattern(), re->options(), &id) != RE2::NoError) {
      always_[i] = 1;
      continue;
    }
    filter_id_[i] = id;
    ++added;
  }
  if (added == 0) return;
  std::vector<std::string> atoms;
  filter_->Compile(&atoms);
  atom_count_ = atoms.size();
  for (size_t a = 0; a < atoms.size(); ++a) {
    if (!IsAscii(atoms[a]) || atoms[a].empty()) return;  // stays disabled: all possible
    if (atoms[a].find(' ') != std::string::npos) spaced_atoms_.push_back(static_cast<int>(a));
  }
  std::vector<std::vector<std::string>> groups;
  groups.reserve(atoms.size());
  for (const std::string& atom : atoms) groups.push_back({atom});
  atoms_ = Prefilter(groups);
  atom_texts_ = std::move(atoms);
  enabled_ = true;
}

RegexGate::~RegexGate() = default;

RegexGate::Found RegexGate::Scan(std::string_view text) const {
  if (!enabled_) return FromHits(text, nullptr);
  std::vector<uint8_t> found;
  atoms_.Scan(text, &found);
  return FromHits(text, found.data());
}

RegexGate::Found RegexGate::FromHits(std::string_view text, const uint8_t* hits) const {
  Found out;
  if (!enabled_ || HasAsciiFoldingRune(text)) {
    out.everything = true;
    return out;
  }
  for (size_t a = 0; a < atom_count_; ++a) {
    if (hits[a]) out.atoms.push_back(static_cast<int>(a));
  }
  return out;
}

void RegexGate::Possible(std::string_view text, std::vector<uint8_t>* possible) const {
  Possible(Scan(text), false, possible);
}

void RegexGate::Possible(const Found& found, bool blanked, std::vector<uint8_t>* possible) const {
  const size_t n = filter_id_.size();
  if (found.everything) {
    possible->assign(n, 1);
    return;
  }
  std::vector<int> matched = found.atoms;
  if (blanked && !spaced_atoms_.empty()) {
    matched.insert(matched.end(), spaced_atoms_.begin(), spaced_atoms_.end());
    std::sort(matched.begin(), matched.end());
    matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
  }
  std::vector<int> ids;
  filter_->AllPotentials(matched, &ids);
  std::vector<uint8_t> by_id(static_cast<size_t>(filter_->NumRegexps()), 0);
  for (int id : ids) {
    if (id >= 0 && static_cast<size_t>(id) < by_id.size()) by_id[static_cast<size_t>(id)] = 1;
  }
  possible->assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const int id = filter_id_[i];
    (*possible)[i] = always_[i] != 0 || id < 0 || by_id[static_cast<size_t>(id)] != 0;
  }
}

}  // namespace iescan::rules
