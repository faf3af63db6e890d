#include "report/app_map.h"

#include <algorithm>
#include <vector>

namespace iescan::report {
namespace {

enum class TokenKind : uint8_t { kLiteral, kOne, kSegment, kAny };

struct GlobToken {
  TokenKind kind;
  char literal = 0;
};

std::vector<GlobToken> Tokenize(std::string_view glob) {
  std::vector<GlobToken> tokens;
  for (size_t i = 0; i < glob.size(); ++i) {
    const char c = glob[i];
    if (c == '*' && i + 1 < glob.size() && glob[i + 1] == '*') {
      tokens.push_back({TokenKind::kAny});
      ++i;
      while (i + 1 < glob.size() && glob[i + 1] == '*') ++i;
    } else if (c == '*') {
      tokens.push_back({TokenKind::kSegment});
    } else if (c == '?') {
      tokens.push_back({TokenKind::kOne});
    } else {
      tokens.push_back({TokenKind::kLiteral, c});
    }
  }
  if (!glob.empty() && glob.back() == '/') tokens.push_back({TokenKind::kAny});
  return tokens;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithIgnoringCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

}  // namespace

bool GlobMatch(std::string_view glob, std::string_view path) {
  const std::vector<GlobToken> tokens = Tokenize(glob);
  // reach[j]: the first i tokens can match path[0, j). One row per token.
  std::vector<char> reach(path.size() + 1, 0);
  reach[0] = 1;
  std::vector<char> next(path.size() + 1, 0);
  for (const GlobToken& t : tokens) {
    std::fill(next.begin(), next.end(), 0);
    for (size_t j = 0; j <= path.size(); ++j) {
      switch (t.kind) {
        case TokenKind::kLiteral:
          if (j > 0 && reach[j - 1] && path[j - 1] == t.literal) next[j] = 1;
          break;
        case TokenKind::kOne:
          if (j > 0 && reach[j - 1] && path[j - 1] != '/') next[j] = 1;
          break;
        case TokenKind::kSegment:
          if (reach[j] || (j > 0 && next[j - 1] && path[j - 1] != '/')) next[j] = 1;
          break;
        case TokenKind::kAny:
          if (reach[j] || (j > 0 && next[j - 1])) next[j] = 1;
          break;
      }
    }
    reach.swap(next);
  }
  return reach[path.size()] != 0;
}

std::optional<size_t> FindAppMapEntry(const std::vector<AppMapEntry>& map,
                                      std::string_view display) {
  for (size_t i = 0; i < map.size(); ++i) {
    for (const std::string& glob : map[i].paths) {
      if (GlobMatch(glob, display)) return i;
    }
    for (const std::string& prefix : map[i].urls) {
      if (!prefix.empty() && StartsWithIgnoringCase(display, prefix)) return i;
    }
  }
  return std::nullopt;
}

}  // namespace iescan::report
