// Ignore rules in gitignore syntax: the patterns of one .gitignore, .iescanignore,
// .git/info/exclude or of the --include / --exclude options, and the glob matcher they use.
// Private to the source module.
//
// Syntax (as git documents it): one pattern a line; blank lines and lines starting with
// '#' are skipped; trailing spaces are dropped unless escaped; a leading '!' negates; a
// trailing '/' matches directories only; a '/' at the start or in the middle anchors the
// pattern to the directory of the rule file, otherwise it matches a name at any depth;
// '*' and '?' never match '/'; "[...]" classes with ranges, '!' or '^' negation and
// [:alpha:]-style names; "**/" matches any number of directories, a trailing "/**"
// everything inside; '\' escapes the next character. Within one rule set the last
// matching pattern wins. An unterminated '[' is a literal character.
//
// Matching runs a small NFA over the path: time is O(path length x pattern length) and no
// pattern can make it recurse or backtrack exponentially.
//
// Thread-safety: immutable after construction; Match may be called from many threads.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iescan::scanner {

// One compiled glob (without the gitignore decorations: no '!', no leading or trailing
// '/').
class Glob {
 public:
  explicit Glob(std::string_view pattern);
  // True when the whole `text` matches.
  bool Matches(std::string_view text) const;

 private:
  enum class Op : uint8_t { kLiteral, kAny, kClass, kStar, kAll, kDirsStart, kDirsBody };
  struct Token {
    Op op;
    unsigned char ch = 0;    // kLiteral
    uint32_t set_index = 0;  // kClass: index into sets_
  };
  enum class Mode : uint8_t { kExact, kSuffix, kNfa };

  // Parses a bracket expression starting at pattern[*pos] == '['. Returns false when it is
  // not terminated (the '[' is then literal).
  bool ParseClass(std::string_view pattern, size_t* pos);
  bool RunNfa(std::string_view text) const;
  void Closure(uint8_t* states) const;

  std::vector<Token> tokens_;
  std::vector<std::bitset<256>> sets_;
  Mode mode_ = Mode::kNfa;
  std::string literal_;  // kExact: the whole text; kSuffix: what follows the '*'
};

// What a rule set says about a path.
enum class RuleVerdict {
  kNone,     // no pattern matched
  kMatched,  // the last matching pattern is a plain one (ignore, or include)
  kNegated,  // the last matching pattern starts with '!'
};

class IgnoreRules {
 public:
  IgnoreRules() = default;
  // Parses the text of a rule file (LF or CRLF lines, an optional UTF-8 BOM).
  static IgnoreRules Parse(std::string_view text);
  // Builds rules from one pattern per element (command-line globs).
  static IgnoreRules FromPatterns(const std::vector<std::string>& patterns);

  // Adds one line of rule-file text.
  void AddLine(std::string_view line);
  bool empty() const { return rules_.empty(); }
  size_t size() const { return rules_.size(); }

  // `path` is relative to the directory the rules belong to, '/'-separated, without a
  // leading or trailing '/'.
  RuleVerdict Match(std::string_view path, bool is_dir) const;

 private:
  struct Rule {
    Glob glob;
    bool negated = false;
    bool dir_only = false;
    bool anchored = false;  // matched against the whole path, not only the last name
  };
  std::vector<Rule> rules_;
};

}  // namespace iescan::scanner
