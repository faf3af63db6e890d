// Guard classification (see guard.h).
#include "rules/engine/guard.h"

namespace iescan::rules {

Guard ClassifyJsGuard(const scanner::Region& region, const scanner::Token* token) {
  if (region.ie_only || (token != nullptr && token->conditional)) return Guard::kIeOnlyBranch;
  return Guard::kUnguarded;
}

}  // namespace iescan::rules
