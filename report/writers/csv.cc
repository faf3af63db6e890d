#include "report/writers/csv.h"

#include <array>
#include <string>

#include "report/writers/escape.h"

namespace iescan::report {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::array<std::string_view, 12> kHeader = {"app",   "path",     "line",     "column",
                                                      "rule",  "category", "severity", "priority",
                                                      "guard", "effort",   "message",  "snippet"};

std::string Row(const Plan& plan, const PlanFinding& f) {
  const std::string_view guard = rules::GuardName(f.guard);
  const std::array<std::string, 12> cells = {
      CsvCell(plan.files[f.file_index].app),
      CsvCell(f.path),
      std::to_string(f.line),
      std::to_string(f.column),
      CsvCell(f.rule_id),
      CsvCell(f.category),
      CsvCell(rules::SeverityName(f.severity)),
      CsvCell(PriorityName(f.priority)),
      CsvCell(guard.empty() ? "none" : guard),
      CsvCell(rules::EffortName(f.effort)),
      CsvCell(f.message),
      CsvCell(f.snippet),
  };
  std::string row;
  for (size_t i = 0; i < cells.size(); ++i) row += (i == 0 ? "" : ",") + cells[i];
  return row + "\r\n";
}

}  // namespace

Status WriteCsv(const Plan& plan, const CsvOptions& /*options*/, std::ostream& out) {
  std::string header(kBom);
  for (size_t i = 0; i < kHeader.size(); ++i)
    header += (i == 0 ? "" : ",") + std::string(kHeader[i]);
  out << header << "\r\n";
  for (const PlanFinding& f : plan.findings) out << Row(plan, f);
  out.flush();
  if (!out) return Status::Error("cannot write the CSV report");
  return Status::Ok();
}

}  // namespace iescan::report
