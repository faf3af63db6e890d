#include "report/fingerprint.h"

#include <cstdio>

namespace iescan::report {
namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

void Mix(std::string_view bytes, uint64_t* hash) {
  for (char c : bytes) {
    *hash ^= static_cast<unsigned char>(c);
    *hash *= kFnvPrime;
  }
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string NormalizeSnippet(std::string_view snippet) {
  std::string out;
  out.reserve(snippet.size());
  bool pending_space = false;
  for (char c : snippet) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string Fingerprint(std::string_view rule_id, std::string_view path,
                        std::string_view normalized_snippet, uint32_t occurrence) {
  uint64_t hash = kFnvOffset;
  const std::string_view nul("\0", 1);
  Mix(rule_id, &hash);
  Mix(nul, &hash);
  Mix(path, &hash);
  Mix(nul, &hash);
  Mix(normalized_snippet, &hash);
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(hash));
  return std::string(hex) + ":" + std::to_string(occurrence);
}

}  // namespace iescan::report
