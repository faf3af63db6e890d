#include "cli/priority_config.h"

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <utility>
#include <vector>

namespace iescan::app {

Status ApplyPriorityWeights(const std::map<std::string, double>& values, const std::string& file,
                            report::PriorityWeights* w) {
  const std::vector<std::pair<const char*, double*>> fields = {
      {"severity.blocker", &w->severity.blocker},
      {"severity.high", &w->severity.high},
      {"severity.medium", &w->severity.medium},
      {"severity.low", &w->severity.low},
      {"confidence.high", &w->confidence.high},
      {"confidence.medium", &w->confidence.medium},
      {"confidence.low", &w->confidence.low},
      {"guard.unguarded", &w->guard.unguarded},
      {"guard.ie_only_branch", &w->guard.ie_only_branch},
      {"guard.guarded", &w->guard.guarded},
      {"guard.none", &w->guard.none},
      {"reach_weight", &w->reach_weight},
      {"reach_cap", &w->reach_cap},
      {"p1", &w->p1},
      {"p2", &w->p2},
      {"p3", &w->p3},
      {"effort_hours.trivial", &w->effort_hours.trivial},
      {"effort_hours.small", &w->effort_hours.small},
      {"effort_hours.medium", &w->effort_hours.medium},
      {"effort_hours.large", &w->effort_hours.large},
      {"repeat_decay", &w->repeat_decay},
      {"guarded_effort", &w->guarded_effort},
      {"complexity_lines", &w->complexity_lines},
      {"complexity_files", &w->complexity_files},
      {"complexity_rules", &w->complexity_rules},
      {"complexity_cap", &w->complexity_cap},
      {"readiness_scale", &w->readiness_scale},
      {"readiness_repeat", &w->readiness_repeat},
      {"blocked_score_cap", &w->blocked_score_cap},
      {"minor_fix_hours", &w->minor_fix_hours},
      {"order_min_effort", &w->order_min_effort},
  };
  for (const auto& [key, value] : values) {
    double* target = nullptr;
    for (const auto& [name, field] : fields) {
      if (key == name) target = field;
    }
    if (target == nullptr) {
      std::string known;
      for (const auto& [name, field] : fields) known += (known.empty() ? "" : ", ") + std::string(name);
      return Status::Error(file + ": key 'priority." + key + "': unknown weight (expected one of " +
                           known + ")");
    }
    if (value < 0) {
      return Status::Error(file + ": key 'priority." + key + "': expected a number >= 0");
    }
    *target = value;
  }
  return Status::Ok();
}

Result<report::PlanOptions> PlanOptionsFor(const Config& config, const char* version) {
  report::PlanOptions options;
  options.tool_version = version;
  // A merge of large reports keeps its memory flat like the scan (--spill-after).
  options.spill_after = size_t{16} << 20;
  options.created = static_cast<int64_t>(std::time(nullptr));
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    options.created = std::strtoll(epoch, nullptr, 10);
  }
  if (Status st = ApplyPriorityWeights(config.priority, config.path, &options.weights); !st.ok()) {
    return st;
  }
  for (const AppEntry& app : config.apps) {
    report::AppMapEntry entry;
    entry.name = app.name;
    entry.paths = app.paths;
    entry.urls = app.urls;
    entry.owner = app.owner;
    if (app.users > 0) entry.users = static_cast<uint64_t>(app.users);
    options.app_map.push_back(std::move(entry));
  }
  return options;
}

}  // namespace iescan::app
