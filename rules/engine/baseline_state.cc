#include "rules/engine/finding.h"

namespace iescan::rules {

std::string_view BaselineStateName(BaselineState s) {
  switch (s) {
    case BaselineState::kNone: return "";
    case BaselineState::kNew: return "new";
    case BaselineState::kUnchanged: return "unchanged";
  }
  return "";
}

}  // namespace iescan::rules
