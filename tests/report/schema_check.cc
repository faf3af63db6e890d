#include "tests/report/schema_check.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

namespace iescan::report::testing {
namespace {

using Json = nlohmann::json;

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

bool TypeMatches(const Json& value, const Json& type) {
  if (type.is_string()) return HasType(value, type.get<std::string>());
  return std::any_of(type.begin(), type.end(),
                     [&](const Json& t) { return HasType(value, t.get<std::string>()); });
}

const Json* Resolve(const Json& root, const Json* schema) {
  for (int hops = 0; hops < 16 && schema->is_object() && schema->contains("$ref"); ++hops) {
    const std::string ref = (*schema)["$ref"];
    for (const std::string section : {"$defs", "definitions"}) {
      const std::string prefix = "#/" + section + "/";
      if (ref.rfind(prefix, 0) != 0) continue;
      const std::string name = ref.substr(prefix.size());
      if (!root.contains(section) || !root[section].contains(name)) return nullptr;
      schema = &root[section][name];
      break;
    }
    if (schema->contains("$ref") && (*schema)["$ref"] == ref) return nullptr;
  }
  return schema;
}

// Characters allowed in a URI reference (RFC 3986), '%' only before two hex digits.
bool IsUriReference(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      if (i + 2 >= s.size() || !std::isxdigit(s[i + 1]) || !std::isxdigit(s[i + 2])) return false;
      continue;
    }
    if (c <= 0x20 || c >= 0x7F) return false;
    if (std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool FormatOk(const std::string& format, const std::string& s) {
  static const std::regex scheme("^[A-Za-z][A-Za-z0-9+.-]*:");
  static const std::regex date_time(
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
  if (format == "uri") return IsUriReference(s) && std::regex_search(s, scheme);
  if (format == "uri-reference") return IsUriReference(s);
  if (format == "date-time") return std::regex_match(s, date_time);
  return true;
}

struct Work {
  const Json* schema;
  const Json* value;
  std::string where;
};

std::vector<std::string> ValidateFrom(const Json& root, const Json* start, const Json& doc);

void CheckCombinators(const Json& root, const Json& s, const Work& w,
                      std::vector<std::string>* errors) {
  for (const std::string key : {"anyOf", "oneOf"}) {
    if (!s.contains(key)) continue;
    size_t matches = 0;
    for (const Json& branch : s[key]) {
      if (ValidateFrom(root, &branch, *w.value).empty()) ++matches;
    }
    if (key == "anyOf" && matches == 0) errors->push_back(w.where + ": matches no anyOf branch");
    if (key == "oneOf" && matches != 1) {
      errors->push_back(w.where + ": matches " + std::to_string(matches) + " oneOf branches");
    }
  }
}

void CheckScalars(const Json& s, const Work& w, std::vector<std::string>* errors) {
  const Json& v = *w.value;
  if (s.contains("const") && v != s["const"]) errors->push_back(w.where + ": not the const");
  if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end()) {
    errors->push_back(w.where + ": not in enum: " + v.dump());
  }
  if (s.contains("minimum") && v.is_number() && v < s["minimum"]) {
    errors->push_back(w.where + ": below minimum");
  }
  if (s.contains("maximum") && v.is_number() && v > s["maximum"]) {
    errors->push_back(w.where + ": above maximum");
  }
  if (!v.is_string()) return;
  const std::string text = v.get<std::string>();
  if (s.contains("minLength") && text.size() < s["minLength"].get<size_t>()) {
    errors->push_back(w.where + ": too short");
  }
  if (s.contains("pattern") &&
      !std::regex_search(text, std::regex(s["pattern"].get<std::string>()))) {
    errors->push_back(w.where + ": does not match pattern");
  }
  if (s.contains("format") && !FormatOk(s["format"], text)) {
    errors->push_back(w.where + ": not a valid " + s["format"].get<std::string>());
  }
}

void CheckContainers(const Json& s, const Work& w, std::vector<Work>* stack,
                     std::vector<std::string>* errors) {
  const Json& v = *w.value;
  if (v.is_object()) {
    for (const Json& key : s.value("required", Json::array())) {
      if (!v.contains(key)) errors->push_back(w.where + ": missing " + key.get<std::string>());
    }
    for (const auto& item : v.items()) {
      const std::string where = w.where + "." + item.key();
      if (s.contains("properties") && s["properties"].contains(item.key())) {
        stack->push_back({&s["properties"][item.key()], &item.value(), where});
      } else if (s.contains("additionalProperties")) {
        const Json& extra = s["additionalProperties"];
        if (extra.is_boolean()) {
          if (!extra.get<bool>()) errors->push_back(where + ": not allowed");
        } else {
          stack->push_back({&extra, &item.value(), where});
        }
      }
    }
  }
  if (!v.is_array()) return;
  if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>()) {
    errors->push_back(w.where + ": too few items");
  }
  if (s.value("uniqueItems", false)) {
    for (size_t i = 0; i < v.size(); ++i) {
      for (size_t j = i + 1; j < v.size(); ++j) {
        if (v[i] == v[j])
          errors->push_back(w.where + ": items " + std::to_string(i) + " and " + std::to_string(j) +
                            " are equal");
      }
    }
  }
  if (s.contains("items")) {
    for (size_t i = 0; i < v.size(); ++i) {
      stack->push_back({&s["items"], &v[i], w.where + "[" + std::to_string(i) + "]"});
    }
  }
}

std::vector<std::string> ValidateFrom(const Json& schema, const Json* start, const Json& doc) {
  std::vector<std::string> errors;
  std::vector<Work> stack = {{start, &doc, "$"}};
  while (!stack.empty()) {
    const Work w = stack.back();
    stack.pop_back();
    const Json* s = Resolve(schema, w.schema);
    if (s == nullptr) {
      errors.push_back(w.where + ": unresolvable $ref");
      continue;
    }
    if (!s->is_object()) continue;
    if (s->contains("type") && !TypeMatches(*w.value, (*s)["type"])) {
      const Json& type = (*s)["type"];
      errors.push_back(w.where + ": not of type " +
                       (type.is_string() ? type.get<std::string>() : type.dump()));
      continue;
    }
    CheckScalars(*s, w, &errors);
    CheckCombinators(schema, *s, w, &errors);
    CheckContainers(*s, w, &stack, &errors);
  }
  return errors;
}

}  // namespace

std::vector<std::string> ValidateJson(const Json& schema, const Json& doc) {
  return ValidateFrom(schema, &schema, doc);
}

Json LoadJsonFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  Json out = Json::parse(buffer.str(), nullptr, false);
  if (!in || out.is_discarded()) {
    std::cerr << "cannot read JSON file " << path << "\n";
    std::abort();
  }
  return out;
}

}  // namespace iescan::report::testing
