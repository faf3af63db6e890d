// Checks JSON reports against docs/schema/iescan-report-1.schema.json with the small
// validator of schema_check.h.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report/writers/json.h"
#include "tests/report/sample_scan.h"
#include "tests/report/schema_check.h"

namespace iescan::report {
namespace {

using Json = nlohmann::json;
using testing::ValidateJson;

Json LoadSchema() {
  return testing::LoadJsonFile(IESCAN_SOURCE_DIR "/docs/schema/iescan-report-1.schema.json");
}

std::vector<std::string> Validate(const Json& schema, const Json& doc) {
  return ValidateJson(schema, doc);
}

Json Report(const ScanResult& scan) {
  std::ostringstream out;
  EXPECT_TRUE(WriteJson(BuildPlan(scan, sample::Options("0.1.0")), JsonOptions{}, out).ok());
  return Json::parse(out.str());
}

TEST(JsonSchemaTest, SchemaDeclaresDraft2020AndEveryTopLevelKey) {
  const Json schema = LoadSchema();
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["properties"]["schema"]["const"], std::string(kJsonSchemaVersion));
  const Json doc = Report(sample::SampleScan());
  std::vector<std::string> keys;
  for (const auto& item : doc.items()) keys.push_back(item.key());
  auto required = schema["required"].get<std::vector<std::string>>();
  std::sort(keys.begin(), keys.end());
  std::sort(required.begin(), required.end());
  EXPECT_EQ(keys, required);
}

TEST(JsonSchemaTest, EveryObjectHasExactlyTheRequiredKeys) {
  // The writer emits every documented field and nothing else, so the `required` list of
  // each object schema equals the keys written.
  const Json schema = LoadSchema();
  const Json doc = Report(sample::SampleScan());
  const std::vector<std::pair<std::string, Json>> objects = {
      {"summary", doc["summary"]},
      {"app", doc["apps"][0]},
      {"file", doc["files"][0]},
      {"finding", doc["findings"][0]},
      {"skipped", doc["skipped"][0]},
      {"rule", doc["rules"][0]},
      {"migrationStep", doc["migration_order"][0]},
      {"topBlocker", doc["apps"][1]["top_blockers"][0]},
      {"docMode", doc["files"][0]["doc_mode"]},
      {"priorityCounts", doc["summary"]["by_priority"]},
      {"statusCounts", doc["summary"]["by_status"]},
  };
  for (const auto& [name, object] : objects) {
    SCOPED_TRACE(name);
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    auto required = schema["$defs"][name]["required"].get<std::vector<std::string>>();
    std::sort(keys.begin(), keys.end());
    std::sort(required.begin(), required.end());
    EXPECT_EQ(keys, required);
  }
}

TEST(JsonSchemaTest, ReportsValidate) {
  const Json schema = LoadSchema();
  EXPECT_EQ(Validate(schema, Report(sample::SampleScan())), std::vector<std::string>{});
  EXPECT_EQ(Validate(schema, Report(ScanResult{})), std::vector<std::string>{});
  ScanResult urls;
  urls.roots = {"http://portal/"};
  FileResult page;
  page.origin = {"http://portal/hr/index.asp", "", "http://portal/", true};
  urls.files.push_back(page);
  urls.skipped.push_back({"http://portal/hr/x.cgi", "HTTP 500"});
  urls.complete = false;
  EXPECT_EQ(Validate(schema, Report(urls)), std::vector<std::string>{});
  // A sharded scan's report records its share (revision 1.2); a whole scan's does not.
  ScanResult shard = sample::SampleScan();
  shard.shard = {2, 3};
  const Json sharded = Report(shard);
  EXPECT_EQ(sharded["shard"], (Json{{"index", 2}, {"count", 3}}));
  EXPECT_FALSE(Report(sample::SampleScan()).contains("shard"));
  EXPECT_EQ(Validate(schema, sharded), std::vector<std::string>{});
  Json bad = sharded;
  bad["shard"]["count"] = 1;
  EXPECT_EQ(Validate(schema, bad), std::vector<std::string>{"$.shard.count: below minimum"});
}

TEST(JsonSchemaTest, DocumentedExampleValidates) {
  // The example in docs/json-output.md is kept in sync with the schema.
  std::ifstream in(IESCAN_SOURCE_DIR "/docs/json-output.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  const size_t heading = doc.find("A scan of two apps");
  ASSERT_NE(heading, std::string::npos);
  const size_t start = doc.find("```json\n", heading);
  ASSERT_NE(start, std::string::npos);
  const size_t end = doc.find("\n```", start + 8);
  ASSERT_NE(end, std::string::npos);
  const Json example = Json::parse(doc.substr(start + 8, end - start - 8), nullptr, false);
  ASSERT_FALSE(example.is_discarded());
  EXPECT_EQ(Validate(LoadSchema(), example), std::vector<std::string>{});
  // It shows every key the writer emits.
  const Json real = Report(sample::SampleScan());
  for (const std::string section :
       {"apps", "migration_order", "files", "findings", "skipped", "rules"}) {
    SCOPED_TRACE(section);
    ASSERT_FALSE(example[section].empty());
    std::vector<std::string> shown;
    std::vector<std::string> written;
    for (const auto& item : example[section][0].items()) shown.push_back(item.key());
    for (const auto& item : real[section][0].items()) written.push_back(item.key());
    EXPECT_EQ(shown, written);
  }
}

TEST(JsonSchemaTest, ValidatorRejectsBrokenReports) {
  const Json schema = LoadSchema();
  const Json good = Report(sample::SampleScan());

  Json missing = good;
  missing["findings"][2].erase("snippet");
  EXPECT_EQ(Validate(schema, missing), std::vector<std::string>{"$.findings[2]: missing snippet"});

  Json bad_enum = good;
  bad_enum["rules"][0]["severity"] = "critical";
  EXPECT_EQ(Validate(schema, bad_enum),
            std::vector<std::string>{"$.rules[0].severity: not in enum: \"critical\""});

  Json bad_line = good;
  bad_line["findings"][0]["line"] = 0;
  EXPECT_EQ(Validate(schema, bad_line),
            std::vector<std::string>{"$.findings[0].line: below minimum"});

  Json bad_version = good;
  bad_version["schema"] = "iescan-report/2";
  EXPECT_EQ(Validate(schema, bad_version), std::vector<std::string>{"$.schema: not the const"});

  Json bad_count = good;
  bad_count["summary"]["by_rule"]["dom.document-all"] = "3";
  EXPECT_EQ(Validate(schema, bad_count),
            std::vector<std::string>{"$.summary.by_rule.dom.document-all: not of type integer"});
}

}  // namespace
}  // namespace iescan::report
