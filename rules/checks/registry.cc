// The explicit registry of C++ checks, sorted by name. Add a line here for a new check.
#include <algorithm>

#include "rules/checks/checks.h"
#include "rules/checks/vendored.h"

namespace iescan::rules {
namespace {

using scanner::FileKind;

constexpr uint32_t kPageKinds = KindBit(FileKind::kHtml) | KindBit(FileKind::kHta);

}  // namespace

const std::vector<CheckInfo>& AllChecks() {
  static const std::vector<CheckInfo> checks = {
      {"document-mode",
       "an X-UA-Compatible meta element or HTTP header pins a legacy IE document mode", kPageKinds,
       &CheckDocumentMode},
      {"quirks-mode", "a full HTML page without a standards-mode doctype", kPageKinds,
       &CheckQuirksMode},
      {"suppression-directives",
       "iescan-disable comments that suppress nothing, name no known rule or give no reason", 0,
       &CheckSuppressionDirectives},
      {"vendored-library",
       "a bundled copy of a well-known third-party library (banner, signature or file name)", 0,
       &CheckVendoredLibrary},
  };
  return checks;
}

const CheckInfo* FindCheck(std::string_view name) {
  const std::vector<CheckInfo>& checks = AllChecks();
  auto it = std::lower_bound(checks.begin(), checks.end(), name,
                             [](const CheckInfo& c, std::string_view n) { return c.name < n; });
  return it != checks.end() && it->name == name ? &*it : nullptr;
}

}  // namespace iescan::rules
