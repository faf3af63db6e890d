#include "report/writers/codequality.h"

#include <nlohmann/json.hpp>

namespace iescan::report {
namespace {

// GitLab's severities: info, minor, major, critical, blocker.
const char* GitLabSeverity(rules::Severity s) {
  switch (s) {
    case rules::Severity::kBlocker: return "blocker";
    case rules::Severity::kHigh: return "critical";
    case rules::Severity::kMedium: return "major";
    case rules::Severity::kLow: return "minor";
  }
  return "info";
}

std::string Hex64(uint64_t v) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kDigits[v & 15];
    v >>= 4;
  }
  return out;
}

// Two independent 64-bit FNV-1a hashes, as 32 hex digits (GitLab expects an MD5-sized id).
std::string Fingerprint(const PlanFinding& f) {
  std::string key(f.rule_id.view());
  key.append(1, '\0').append(f.path.view()).append(1, '\0').append(f.fingerprint.view());
  uint64_t a = 1469598103934665603ull, b = 0x84222325cbf29ce4ull;
  for (unsigned char c : key) {
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ (c + 0x9e)) * 1099511628211ull;
  }
  return Hex64(a) + Hex64(b);
}

}  // namespace

Status WriteCodeQuality(const Plan& plan, std::ostream& out) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const PlanFinding& f : plan.findings) {
    if (f.suppressed || f.baseline == "unchanged") continue;
    nlohmann::ordered_json issue;
    issue["description"] = f.message;
    issue["check_name"] = f.rule_id;
    issue["fingerprint"] = Fingerprint(f);
    issue["severity"] = GitLabSeverity(f.severity);
    issue["categories"] = nlohmann::ordered_json::array({"Compatibility"});
    issue["location"] = {{"path", f.path}, {"lines", {{"begin", f.line}}}};
    issues.push_back(std::move(issue));
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  if (!out) return Status::Error("cannot write the Code Quality report");
  return Status::Ok();
}

}  // namespace iescan::report
