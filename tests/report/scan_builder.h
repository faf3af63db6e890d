// Builds realistic ScanResults by hand for the report tests: files laid out as the walker
// lays them out (display = root + "/" + path below it), findings with exact positions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "report/scan_result.h"
#include "rules/engine/finding.h"
#include "rules/engine/rule.h"

namespace iescan::report::testing {

// A rule that lives for the whole test program (as the Catalog does in the binary).
const rules::Rule& TestRule(const std::string& id, rules::Severity severity, rules::Effort effort,
                            rules::Confidence confidence = rules::Confidence::kHigh);

class ScanBuilder {
 public:
  explicit ScanBuilder(std::string root = "intranet");

  // Adds a scanned file `root/path`; later calls add to it.
  ScanBuilder& File(const std::string& path, scanner::FileKind kind, uint32_t lines,
                    std::vector<std::string> references = {});
  // Adds a finding to the last file; the snippet defaults to "<rule id> at line N".
  ScanBuilder& Finding(const rules::Rule& rule, uint32_t line, uint32_t column,
                       rules::Guard guard = rules::Guard::kNone, std::string detail = "",
                       std::string snippet = "");
  // Sets the last file's document mode.
  ScanBuilder& DocMode(std::string built_for, std::string compat_mode,
                       std::vector<std::string> evidence);
  ScanBuilder& Skipped(const std::string& path, std::string reason);

  const ScanResult& scan() const { return scan_; }

 private:
  std::string root_;
  ScanResult scan_;
};

// An organisation of four apps under "intranet", one per readiness status:
//   portal  index.htm: a conditional comment and a guarded document.all       -> Ready
//   kintai  a.htm, b.htm, sub/c.asp all load js/common.js (attachEvent, a guarded
//           document.all); a.htm has a CSS expression()                       -> Minor fixes
//   keiri   menu.htm: ten showModalDialog calls                               -> Migration needed
//   soumu   print.htm: an <object classid> control, document mode IE8          -> Blocked
ScanResult OrgScan();

}  // namespace iescan::report::testing
