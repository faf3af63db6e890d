// Catalog::Configure: per-rule settings from the configuration file.
#include <algorithm>
#include <string>

#include "rules/engine/catalog.h"

namespace iescan::rules {

Status Catalog::Configure(std::string_view id, std::string_view setting) {
  auto pos = std::find_if(owned_.begin(), owned_.end(),
                          [&](const std::unique_ptr<Rule>& r) { return r->id == id; });
  if (pos == owned_.end()) {
    return Status::Error("unknown rule '" + std::string(id) + "' (see `iescan rules`)");
  }
  Rule* rule = pos->get();
  if (setting == "on") return Status::Ok();
  if (setting == "off") {
    sorted_.erase(std::remove(sorted_.begin(), sorted_.end(), rule), sorted_.end());
    return Status::Ok();
  }
  Severity severity;
  if (!ParseSeverity(setting, &severity)) {
    return Status::Error("rule '" + std::string(id) + "': expected off, on, blocker, high, "
                         "medium or low, got '" + std::string(setting) + "'");
  }
  rule->severity = severity;
  return Status::Ok();
}

}  // namespace iescan::rules
