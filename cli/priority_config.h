// Maps the configuration file's "priority" object (weight name -> number) onto the report's
// PriorityWeights. Names are those of docs/priority.md: "severity.blocker", "guard.guarded",
// "reach_weight", "p1", "effort_hours.large", "readiness_scale", ...
#pragma once

#include <map>
#include <string>

#include "cli/config.h"
#include "report/plan.h"
#include "report/priority.h"
#include "scanner/core/status.h"

namespace iescan::app {

// Applies every entry to *weights. Error naming the key for an unknown weight or a value
// out of range (negative).
Status ApplyPriorityWeights(const std::map<std::string, double>& values, const std::string& file,
                            report::PriorityWeights* weights);

// The plan options of a run with this configuration: its priority weights and app map, the
// tool version, and the creation time (SOURCE_DATE_EPOCH when set, else now). Scan and
// merge both build their plan from it, so a merged report equals the unsharded one.
Result<report::PlanOptions> PlanOptionsFor(const Config& config, const char* version);

}  // namespace iescan::app
