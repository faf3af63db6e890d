#include "rules/checks/checks.h"

namespace iescan::rules {

void CheckSuppressionDirectives(const CheckInput&, std::vector<CheckHit>*) {}

}  // namespace iescan::rules
