// RegexGate: tells, from one cheap literal pass over a text, which regex matchers of the
// catalogue cannot match it, so the engine runs only the others.
//
// RE2's FilteredRE2 derives from each pattern the literal strings ("atoms") that any match
// must contain, as a boolean formula (a match of "\bcancelBubble\s*=" needs "cancelbubble").
// The gate finds which atoms occur in a text with one Aho-Corasick pass (Prefilter, ASCII
// case-insensitive, as FilteredRE2 requires) and asks FilteredRE2 which patterns remain
// possible. A pattern whose formula RE2 cannot express is always possible. The gate never
// rules out a pattern that matches: it only saves the searches that would find nothing.
// The engine folds the atoms into its own prefilter, so the pass over a file's text that
// picks the candidate rules also answers for the file's whole-text regions (FromHits).
//
// Two Unicode characters fold to ASCII letters under RE2's case-insensitive matching
// (U+017F LATIN SMALL LETTER LONG S -> s, U+212A KELVIN SIGN -> k) while an ASCII
// case-insensitive literal search does not see them: a text containing either, like any
// text when an atom is not pure ASCII, is given every pattern.
//
// Code regexes search one of two masked copies of a region: with string contents kept, or
// blanked to spaces. When both are searched, one literal pass over the kept copy answers
// for both: blanking turns characters into spaces, so the blanked copy holds no literal
// the kept one lacks, except perhaps literals that contain a space, which are then taken
// as present (Possible with blanked = true).
//
// Thread-safety: immutable after construction; Possible is const and may run on many
// threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/prefilter.h"

namespace re2 {
class FilteredRE2;
class RE2;
}  // namespace re2

namespace iescan::rules {

class RegexGate {
 public:
  // patterns[i] is the compiled regex of matcher i (null: always possible).
  explicit RegexGate(const std::vector<const re2::RE2*>& patterns);
  ~RegexGate();
  RegexGate(const RegexGate&) = delete;
  RegexGate& operator=(const RegexGate&) = delete;

  // Sets (*possible)[i] to 1 when pattern i may match `text`, else 0; resizes `possible`
  // to the number of patterns.
  void Possible(std::string_view text, std::vector<uint8_t>* possible) const;

  // What one literal pass found in a text.
  struct Found {
    bool everything = false;  // the gate cannot tell: every pattern is possible
    std::vector<int> atoms;   // the atoms that occur
  };
  Found Scan(std::string_view text) const;
  // Possible's answer from a Scan of `text` (blanked = false), or for a copy of `text` with
  // some characters other than line breaks replaced by spaces (blanked = true).
  void Possible(const Found& found, bool blanked, std::vector<uint8_t>* possible) const;

  // The atoms, for a caller that finds them in its own literal pass (empty when the gate
  // is disabled), and the Found such a pass gives: `hits[a]` tells whether atoms()[a]
  // occurs in `text` (ASCII case-insensitively, as Scan looks for it).
  const std::vector<std::string>& atoms() const { return atom_texts_; }
  Found FromHits(std::string_view text, const uint8_t* hits) const;

  size_t atom_count() const { return atom_count_; }

 private:
  std::unique_ptr<re2::FilteredRE2> filter_;
  Prefilter atoms_;                // one group per atom
  std::vector<int> filter_id_;     // per pattern: its id in filter_, -1 when not added
  std::vector<uint8_t> always_;    // per pattern: never gated (no regex, or RE2 refused it)
  std::vector<int> spaced_atoms_;  // atoms that contain a space
  std::vector<std::string> atom_texts_;  // set when enabled
  size_t atom_count_ = 0;
  bool enabled_ = false;           // false: every pattern is always possible
};

}  // namespace iescan::rules
