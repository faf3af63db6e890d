// Shared fixtures of the report tests (defined in sample_scan.cc).
#pragma once

#include <string>

#include "report/plan.h"
#include "report/scan_result.h"
#include "rules/engine/rule.h"

namespace iescan::report::sample {

// Two intranet apps under "corpus/apps" (an English "hr" app and a Japanese 勤怠管理
// attendance app) plus one page at the root; files and findings deliberately unsorted.
ScanResult SampleScan();

// The rule used by the sample's document.all findings, for tests that add findings.
const rules::Rule& SampleDocumentAllRule();

// Default plan options with `version` as the tool version.
PlanOptions Options(std::string version = "0.1.0");

}  // namespace iescan::report::sample
