// Checks JSON reports against docs/schema/iescan-report-1.schema.json with a small
// validator for the keywords that schema uses (type, const, enum, required, properties,
// additionalProperties, items, minimum, minLength, pattern, $ref to #/$defs).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report/writers/json.h"

namespace iescan::report {
namespace sample {
ScanResult SampleScan();
}  // namespace sample
namespace {

using Json = nlohmann::json;

Json LoadSchema() {
  std::ifstream in(IESCAN_SOURCE_DIR "/docs/schema/iescan-report-1.schema.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Json::parse(buffer.str());
}

bool HasType(const Json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return false;
}

const Json* Resolve(const Json& root, const Json* schema) {
  for (int hops = 0; hops < 16 && schema->contains("$ref"); ++hops) {
    const std::string ref = (*schema)["$ref"];
    const std::string prefix = "#/$defs/";
    if (ref.rfind(prefix, 0) != 0) return nullptr;
    const std::string name = ref.substr(prefix.size());
    if (!root["$defs"].contains(name)) return nullptr;
    schema = &root["$defs"][name];
  }
  return schema;
}

struct Work {
  const Json* schema;
  const Json* value;
  std::string where;
};

// Checks the keywords of one schema against one value; pushes nested work.
void CheckOne(const Json& root, const Work& w, std::vector<Work>* stack,
              std::vector<std::string>* errors) {
  const Json* s = Resolve(root, w.schema);
  if (s == nullptr) return errors->push_back(w.where + ": unresolvable $ref");
  const Json& v = *w.value;
  if (s->contains("type") && !HasType(v, (*s)["type"].get<std::string>())) {
    return errors->push_back(w.where + ": not of type " + (*s)["type"].get<std::string>());
  }
  if (s->contains("const") && v != (*s)["const"]) errors->push_back(w.where + ": not the const");
  if (s->contains("enum")) {
    const Json& values = (*s)["enum"];
    if (std::find(values.begin(), values.end(), v) == values.end()) {
      errors->push_back(w.where + ": not in enum: " + v.dump());
    }
  }
  if (s->contains("minimum") && v.is_number() && v < (*s)["minimum"]) {
    errors->push_back(w.where + ": below minimum");
  }
  if (s->contains("minLength") && v.is_string() &&
      v.get<std::string>().size() < (*s)["minLength"].get<size_t>()) {
    errors->push_back(w.where + ": too short");
  }
  if (s->contains("pattern") && v.is_string() &&
      !std::regex_search(v.get<std::string>(), std::regex((*s)["pattern"].get<std::string>()))) {
    errors->push_back(w.where + ": does not match pattern");
  }
  if (v.is_object()) {
    for (const Json& key : s->value("required", Json::array())) {
      if (!v.contains(key)) errors->push_back(w.where + ": missing " + key.get<std::string>());
    }
    const Json properties = s->value("properties", Json::object());
    for (const auto& item : v.items()) {
      const std::string where = w.where + "." + item.key();
      if (properties.contains(item.key())) {
        stack->push_back({&(*s)["properties"][item.key()], &item.value(), where});
      } else if (s->contains("additionalProperties")) {
        stack->push_back({&(*s)["additionalProperties"], &item.value(), where});
      }
    }
  }
  if (v.is_array() && s->contains("items")) {
    for (size_t i = 0; i < v.size(); ++i) {
      stack->push_back({&(*s)["items"], &v[i], w.where + "[" + std::to_string(i) + "]"});
    }
  }
}

std::vector<std::string> Validate(const Json& schema, const Json& doc) {
  std::vector<std::string> errors;
  std::vector<Work> stack = {{&schema, &doc, "$"}};
  while (!stack.empty()) {
    const Work w = stack.back();
    stack.pop_back();
    CheckOne(schema, w, &stack, &errors);
  }
  return errors;
}

Json Report(const ScanResult& scan) {
  std::ostringstream out;
  EXPECT_TRUE(WriteJson(BuildPlan(scan, PlanOptions{"0.1.0"}), JsonOptions{}, out).ok());
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
      {"summary", doc["summary"]},     {"app", doc["apps"][0]},        {"file", doc["files"][0]},
      {"finding", doc["findings"][0]}, {"skipped", doc["skipped"][0]}, {"rule", doc["rules"][0]},
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
