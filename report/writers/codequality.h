// GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint,
// severity, location.path, location.lines.begin) that GitLab shows in merge requests.
// Suppressed findings and findings already in the baseline are left out: the widget shows
// what a change adds. Each issue's fingerprint is the finding's stable fingerprint, hashed
// with the rule id, so it is distinct per finding and survives line moves.
//
// Thread-safety: pure function of the plan.
#pragma once

#include <ostream>

#include "report/plan.h"
#include "scanner/core/status.h"

namespace iescan::report {

Status WriteCodeQuality(const Plan& plan, std::ostream& out);

}  // namespace iescan::report
