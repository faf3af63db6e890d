// Guard classification (see guard.h).
#include "rules/engine/guard.h"

#include "rules/engine/guard_tokens.h"
#include "rules/engine/guard_walk.h"

namespace iescan::rules {

Guard ClassifyJsGuard(const scanner::Region& region, const scanner::Token* token) {
  if (region.ie_only || (token != nullptr && token->conditional)) return Guard::kIeOnlyBranch;
  return Guard::kUnguarded;
}

JsGuardAnalyzer::JsGuardAnalyzer() = default;
JsGuardAnalyzer::~JsGuardAnalyzer() = default;

Guard JsGuardAnalyzer::Classify(const scanner::Region& region, size_t pos) {
  std::unique_ptr<guard_internal::GuardTokens>& tokens = regions_[&region];
  if (!tokens) tokens = std::make_unique<guard_internal::GuardTokens>(region);
  const int32_t x = tokens->IndexAt(pos);
  const bool conditional = x >= 0 && tokens->At(x)->conditional;
  guard_internal::GuardWalk walk(*tokens);
  return walk.Classify(x, region.ie_only || conditional);
}

}  // namespace iescan::rules
