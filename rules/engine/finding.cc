// Names of finding attributes.
#include "rules/engine/finding.h"

namespace iescan::rules {

std::string_view GuardName(Guard g) {
  switch (g) {
    case Guard::kNone:
      return "";
    case Guard::kUnguarded:
      return "unguarded";
    case Guard::kGuarded:
      return "guarded";
    case Guard::kIeOnlyBranch:
      return "ie-only-branch";
  }
  return "";
}

}  // namespace iescan::rules
