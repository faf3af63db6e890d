// Gitignore-syntax rules and their glob matcher. See ignore_rules.h.

#include "scanner/source/ignore_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace iescan::scanner {
namespace {

// Sets the members of a POSIX character class name ("alpha", "digit"...). Returns false
// for an unknown name.
bool AddNamedClass(std::string_view name, std::bitset<256>* set) {
  using Predicate = int (*)(int);
  static constexpr std::array<std::pair<std::string_view, Predicate>, 12> kClasses = {{
      {"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank}, {"cntrl", iscntrl},
      {"digit", isdigit}, {"graph", isgraph}, {"lower", islower}, {"print", isprint},
      {"punct", ispunct}, {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit},
  }};
  for (const auto& [class_name, predicate] : kClasses) {
    if (class_name != name) continue;
    for (int c = 0; c < 128; ++c) {
      if (predicate(c)) set->set(static_cast<size_t>(c));
    }
    return true;
  }
  return false;
}

// Reads one possibly escaped character of a bracket expression at pattern[*pos] and
// advances past it.
unsigned char ClassChar(std::string_view pattern, size_t* pos) {
  if (pattern[*pos] == '\\' && *pos + 1 < pattern.size()) ++*pos;
  return static_cast<unsigned char>(pattern[(*pos)++]);
}

// Length of a line once unescaped trailing spaces are dropped.
size_t TrimmedLength(std::string_view line) {
  size_t end = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      ++i;
      end = i + 1;
    } else if (line[i] != ' ') {
      end = i + 1;
    }
  }
  return end;
}

}  // namespace

Glob::Glob(std::string_view pattern) {
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      tokens_.push_back({Op::kLiteral, static_cast<unsigned char>(pattern[i + 1])});
      i += 2;
    } else if (c == '*') {
      size_t end = pattern.find_first_not_of('*', i);
      if (end == std::string_view::npos) end = pattern.size();
      bool at_boundary = (i == 0 || pattern[i - 1] == '/') &&
                         (end == pattern.size() || pattern[end] == '/');
      if (end - i >= 2 && at_boundary) {
        if (end == pattern.size()) {
          tokens_.push_back({Op::kAll});
          i = end;
        } else {
          tokens_.push_back({Op::kDirsStart});
          tokens_.push_back({Op::kDirsBody});
          i = end + 1;  // the '/' belongs to the "**/" token pair
        }
      } else {
        tokens_.push_back({Op::kStar});
        i = end;
      }
    } else if (c == '?') {
      tokens_.push_back({Op::kAny});
      ++i;
    } else if (c == '[' && ParseClass(pattern, &i)) {
      // ParseClass added the token and advanced i.
    } else {
      tokens_.push_back({Op::kLiteral, static_cast<unsigned char>(c)});
      ++i;
    }
  }
  const auto is_literal = [](const Token& t) { return t.op == Op::kLiteral; };
  if (std::all_of(tokens_.begin(), tokens_.end(), is_literal)) {
    mode_ = Mode::kExact;
  } else if (tokens_.front().op == Op::kStar &&
             std::all_of(tokens_.begin() + 1, tokens_.end(), is_literal)) {
    mode_ = Mode::kSuffix;
  }
  if (mode_ != Mode::kNfa) {
    for (const Token& t : tokens_) {
      if (t.op == Op::kLiteral) literal_.push_back(static_cast<char>(t.ch));
    }
  }
}

bool Glob::ParseClass(std::string_view pattern, size_t* pos) {
  size_t j = *pos + 1;
  bool negate = false;
  if (j < pattern.size() && (pattern[j] == '!' || pattern[j] == '^')) {
    negate = true;
    ++j;
  }
  std::bitset<256> set;
  bool first = true;
  while (j < pattern.size()) {
    if (pattern[j] == ']' && !first) {
      if (negate) set.flip();
      set.reset('/');
      sets_.push_back(set);
      tokens_.push_back({Op::kClass, 0, static_cast<uint32_t>(sets_.size() - 1)});
      *pos = j + 1;
      return true;
    }
    first = false;
    if (pattern.compare(j, 2, "[:") == 0) {
      size_t close = pattern.find(":]", j + 2);
      if (close == std::string_view::npos) return false;
      if (!AddNamedClass(pattern.substr(j + 2, close - j - 2), &set)) return false;
      j = close + 2;
      continue;
    }
    unsigned char low = ClassChar(pattern, &j);
    if (j + 1 < pattern.size() && pattern[j] == '-' && pattern[j + 1] != ']') {
      ++j;
      unsigned char high = ClassChar(pattern, &j);
      for (unsigned c = low; c <= high; ++c) set.set(c);
    } else {
      set.set(low);
    }
  }
  return false;
}

bool Glob::Matches(std::string_view text) const {
  switch (mode_) {
    case Mode::kExact:
      return text == literal_;
    case Mode::kSuffix:
      return text.size() >= literal_.size() &&
             text.substr(text.size() - literal_.size()) == literal_ &&
             text.substr(0, text.size() - literal_.size()).find('/') == std::string_view::npos;
    case Mode::kNfa:
      return RunNfa(text);
  }
  return false;
}

void Glob::Closure(uint8_t* states) const {
  // Epsilon moves only go forward, so one ascending pass reaches the fixed point.
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (!states[i]) continue;
    Op op = tokens_[i].op;
    if (op == Op::kStar || op == Op::kAll) states[i + 1] = 1;
    if (op == Op::kDirsStart) {
      states[i + 1] = 1;  // into "anything ending in '/'"
      states[i + 2] = 1;  // or no directory at all
    }
  }
}

bool Glob::RunNfa(std::string_view text) const {
  const size_t count = tokens_.size() + 1;  // one state per token, plus "matched"
  constexpr size_t kStackStates = 128;
  std::array<uint8_t, 2 * kStackStates> stack_states{};
  std::vector<uint8_t> heap_states;
  uint8_t* current = stack_states.data();
  if (count > kStackStates) {
    heap_states.assign(2 * count, 0);
    current = heap_states.data();
  }
  uint8_t* next = current + count;
  current[0] = 1;
  Closure(current);
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    std::fill(next, next + count, 0);
    for (size_t i = 0; i + 1 < count; ++i) {
      if (!current[i]) continue;
      const Token& t = tokens_[i];
      switch (t.op) {
        case Op::kLiteral: if (c == t.ch) next[i + 1] = 1; break;
        case Op::kAny: if (c != '/') next[i + 1] = 1; break;
        case Op::kClass: if (sets_[t.set_index][c]) next[i + 1] = 1; break;
        case Op::kStar: if (c != '/') next[i] = 1; break;
        case Op::kAll: next[i] = 1; break;
        case Op::kDirsBody:
          next[i] = 1;
          if (c == '/') next[i + 1] = 1;
          break;
        case Op::kDirsStart: break;
      }
    }
    Closure(next);
    if (std::find(next, next + count, 1) == next + count) return false;
    std::swap(current, next);
  }
  return current[count - 1] != 0;
}

IgnoreRules IgnoreRules::Parse(std::string_view text) {
  IgnoreRules rules;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  while (!text.empty()) {
    size_t end = text.find('\n');
    rules.AddLine(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return rules;
}

IgnoreRules IgnoreRules::FromPatterns(const std::vector<std::string>& patterns) {
  IgnoreRules rules;
  for (const std::string& pattern : patterns) rules.AddLine(pattern);
  return rules;
}

void IgnoreRules::AddLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() || line.front() == '#') return;
  line = line.substr(0, TrimmedLength(line));
  Rule rule{Glob(""), false, false, false};
  if (!line.empty() && line.front() == '!') {
    rule.negated = true;
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    rule.dir_only = true;
    line.remove_suffix(1);
  }
  if (line.find('/') != std::string_view::npos) rule.anchored = true;
  if (!line.empty() && line.front() == '/') line.remove_prefix(1);
  if (line.empty()) return;
  rule.glob = Glob(line);
  rules_.push_back(std::move(rule));
}

RuleVerdict IgnoreRules::Match(std::string_view path, bool is_dir) const {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (auto it = rules_.rbegin(); it != rules_.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    if (it->glob.Matches(it->anchored ? path : name)) {
      return it->negated ? RuleVerdict::kNegated : RuleVerdict::kMatched;
    }
  }
  return RuleVerdict::kNone;
}

}  // namespace iescan::scanner
