#include "report/writers/junit.h"

#include <map>
#include <string>
#include <vector>

#include "report/writers/xml_out.h"

namespace iescan::report {
namespace {

constexpr std::string_view kCleanCase = "no IE-only constructs";

struct Counts {
  uint32_t tests = 0;
  uint32_t failures = 0;
  uint32_t skipped = 0;
};

// Findings of one file grouped by rule id (byte order), each group in plan order.
std::map<std::string, std::vector<size_t>> ByRule(const Plan& plan, const PlanFile& file) {
  std::map<std::string, std::vector<size_t>> groups;
  for (uint32_t k = 0; k < file.finding_count; ++k) {
    const size_t i = file.first_finding + k;
    groups[plan.findings[i].rule_id].push_back(i);
  }
  return groups;
}

Counts AppCounts(const Plan& plan, const PlanApp& app) {
  Counts c;
  for (size_t i : app.file_indices) {
    const PlanFile& file = plan.files[i];
    const size_t rules = ByRule(plan, file).size();
    c.tests += rules == 0 ? 1 : static_cast<uint32_t>(rules);
    c.failures += static_cast<uint32_t>(rules);
  }
  c.tests += app.skipped;
  c.skipped += app.skipped;
  return c;
}

void CountAttributes(const Counts& c, XmlOut* xml) {
  xml->Attribute("tests", std::to_string(c.tests));
  xml->Attribute("failures", std::to_string(c.failures));
  xml->Attribute("errors", "0");
  xml->Attribute("skipped", std::to_string(c.skipped));
}

void FailureCase(const Plan& plan, const PlanFile& file, const std::string& rule_id,
                 const std::vector<size_t>& findings, XmlOut* xml) {
  const PlanFinding& first = plan.findings[findings.front()];
  rules::Severity worst = first.severity;
  std::string lines;
  uint32_t line_count = 0;
  uint32_t last_line = 0;
  std::string body = "\n";
  for (size_t i : findings) {
    const PlanFinding& f = plan.findings[i];
    if (f.severity > worst) worst = f.severity;
    if (line_count == 0 || f.line != last_line) {
      lines += (lines.empty() ? "" : ", ") + std::to_string(f.line);
      ++line_count;
      last_line = f.line;
    }
    body += f.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
            std::string(rules::SeverityName(f.severity)) + " " +
            std::string(PriorityName(f.priority)) + ": " + f.message + "\n    " + f.snippet + "\n";
  }
  const size_t n = findings.size();
  xml->StartElement("testcase");
  xml->Attribute("classname", file.path);
  xml->Attribute("name", rule_id);
  xml->StartElement("failure");
  xml->Attribute("message", std::to_string(n) + (n == 1 ? " finding" : " findings") +
                                (line_count == 1 ? " (line " : " (lines ") + lines +
                                "): " + first.title);
  xml->Attribute("type", rules::SeverityName(worst));
  xml->Text(body);
  xml->EndElement();
  xml->EndElement();
}

void WriteSuite(const Plan& plan, const PlanApp& app, XmlOut* xml) {
  xml->StartElement("testsuite");
  xml->Attribute("name", app.name);
  CountAttributes(AppCounts(plan, app), xml);
  for (size_t i : app.file_indices) {
    const PlanFile& file = plan.files[i];
    const auto groups = ByRule(plan, file);
    if (groups.empty()) {
      xml->StartElement("testcase");
      xml->Attribute("classname", file.path);
      xml->Attribute("name", kCleanCase);
      xml->EndElement();
    }
    for (const auto& [rule_id, findings] : groups) FailureCase(plan, file, rule_id, findings, xml);
  }
  for (const PlanSkipped& s : plan.skipped) {
    if (s.app != app.name) continue;
    xml->StartElement("testcase");
    xml->Attribute("classname", s.path);
    xml->Attribute("name", "scan");
    xml->StartElement("skipped");
    xml->Attribute("message", s.reason);
    xml->EndElement();
    xml->EndElement();
  }
  xml->EndElement();
}

}  // namespace

Status WriteJunit(const Plan& plan, const JunitOptions& /*options*/, std::ostream& out) {
  XmlOut xml;
  Counts total;
  for (const PlanApp& app : plan.apps) {
    const Counts c = AppCounts(plan, app);
    total.tests += c.tests;
    total.failures += c.failures;
    total.skipped += c.skipped;
  }
  xml.StartElement("testsuites");
  xml.Attribute("name", plan.tool_name);
  CountAttributes(total, &xml);
  for (const PlanApp& app : plan.apps) WriteSuite(plan, app, &xml);
  xml.EndElement();
  const std::string text = xml.Finish();
  if (text.empty()) return Status::Error("cannot write the JUnit report (XML writer failed)");
  out << text;
  out.flush();
  if (!out) return Status::Error("cannot write the JUnit report");
  return Status::Ok();
}

}  // namespace iescan::report
