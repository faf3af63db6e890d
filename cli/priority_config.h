// Maps the configuration file's "priority" object (weight name -> number) onto the report's
// PriorityWeights. Names are those of docs/priority.md: "severity.blocker", "guard.guarded",
// "reach_weight", "p1", "effort_hours.large", "readiness_scale", ...
#pragma once

#include <map>
#include <string>

#include "report/priority.h"
#include "scanner/core/status.h"

namespace iescan::app {

// Applies every entry to *weights. Error naming the key for an unknown weight or a value
// out of range (negative).
Status ApplyPriorityWeights(const std::map<std::string, double>& values, const std::string& file,
                            report::PriorityWeights* weights);

}  // namespace iescan::app
