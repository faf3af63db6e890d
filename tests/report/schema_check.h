// A small JSON Schema validator for the report tests: the keywords used by the iescan
// report schema (draft 2020-12) and the official SARIF 2.1.0 schema (draft-04): type
// (a name or a list), const, enum, required, properties, additionalProperties (boolean
// or schema), items, minItems, uniqueItems, minimum, maximum, minLength, pattern, anyOf,
// oneOf, $ref to "#/$defs/..." or "#/definitions/...", and format "uri" /
// "uri-reference" / "date-time" (checked strictly: our outputs must be valid for
// consumers that check formats). Unknown keywords are ignored.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace iescan::report::testing {

// Errors as "<json path>: <problem>", in a deterministic order; empty when valid.
std::vector<std::string> ValidateJson(const nlohmann::json& schema, const nlohmann::json& doc);

// Parses the JSON file at `path` (test data); aborts the test program on failure.
nlohmann::json LoadJsonFile(const std::string& path);

}  // namespace iescan::report::testing
