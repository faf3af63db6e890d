#include "report/json_read.h"

#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "report/app_name.h"

namespace iescan::report {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kSchemaPrefix = "iescan-report/";
constexpr int kMinMinor = 1;

// The enum value whose name (as `name_of` spells it) is `name`, among the first `count`
// values; nullopt when none is.
template <typename E, typename NameOf>
std::optional<E> FromName(const std::string& name, int count, NameOf name_of) {
  for (int i = 0; i < count; ++i) {
    const E value = static_cast<E>(i);
    if (name_of(value) == name) return value;
  }
  return std::nullopt;
}

// Thrown inside this file only, for a value of the right JSON type but an unknown meaning;
// turned into a Status at the boundary.
struct BadValue : std::exception {
  explicit BadValue(std::string m) : message(std::move(m)) {}
  const char* what() const noexcept override { return message.c_str(); }
  std::string message;
};

template <typename E, typename NameOf>
E Named(const Json& object, const char* key, int count, NameOf name_of) {
  const std::string name = object.at(key).get<std::string>();
  std::optional<E> value = FromName<E>(name, count, name_of);
  if (!value) {
    throw BadValue(std::string("malformed iescan report: unknown ") + key + " '" + name + "'");
  }
  return *value;
}

std::vector<std::string> Strings(const Json& object, const char* key) {
  return object.at(key).get<std::vector<std::string>>();
}

rules::VendoredLibrary ReadLibrary(const Json& j) {
  rules::VendoredLibrary lib;
  lib.name = j.at("name").get<std::string>();
  lib.version = j.at("version").get<std::string>();
  lib.needs_ie_handling = j.at("needs_ie_handling").get<bool>();
  lib.upgrade = j.at("upgrade").get<std::string>();
  lib.note = j.at("note").get<std::string>();
  lib.evidence = j.at("evidence").get<std::string>();
  lib.offset = j.at("offset").get<uint32_t>();
  lib.end_offset = j.at("end_offset").get<uint32_t>();
  return lib;
}

FileResult ReadFile(const Json& j) {
  FileResult f;
  f.origin.display = j.at("path").get<std::string>();
  f.origin.root = j.at("root").get<std::string>();
  f.origin.is_url = j.at("is_url").get<bool>();
  // A root that is a file is its own path on disk; only that fact matters after the scan.
  if (!f.origin.is_url && NormalizeRoot(f.origin.display) == NormalizeRoot(f.origin.root)) {
    f.origin.fs_path = f.origin.root;
  }
  f.kind.kind = Named<scanner::FileKind>(j, "kind", 9, scanner::FileKindName);
  f.kind.server = Named<scanner::ServerDialect>(j, "server", 6, scanner::ServerDialectName);
  f.encoding = j.at("encoding").get<std::string>();
  f.encoding_source = j.at("encoding_source").get<std::string>();
  f.bytes = j.at("bytes").get<uint64_t>();
  f.lines = j.at("lines").get<uint32_t>();
  const Json& mode = j.at("doc_mode");
  f.doc_mode.built_for = mode.at("built_for").get<std::string>();
  f.doc_mode.compat_mode = mode.at("compat_mode").get<std::string>();
  f.doc_mode.evidence = Strings(mode, "evidence");
  f.references = Strings(j, "references");
  f.context_only = j.at("context_only").get<bool>();
  if (!j.at("library").is_null()) {
    f.library = std::make_shared<const rules::VendoredLibrary>(ReadLibrary(j.at("library")));
  }
  f.folded_findings = j.at("folded_findings").get<uint32_t>();
  f.warnings = Strings(j, "warnings");
  return f;
}

std::string_view GuardText(rules::Guard g) {
  const std::string_view name = rules::GuardName(g);
  return name.empty() ? std::string_view("none") : name;
}

rules::Finding ReadFinding(const Json& j, const rules::Catalog& catalog) {
  rules::Finding f;
  const std::string id = j.at("rule_id").get<std::string>();
  f.rule = catalog.Find(id);
  if (f.rule == nullptr) {
    throw BadValue("unknown rule id '" + id +
                   "' (give merge the --rules directories and configuration of the scan)");
  }
  f.message = SharedText(j.at("message").get<std::string>());
  f.match = j.at("match").get<std::string>();
  f.offset = j.at("offset").get<uint32_t>();
  f.end_offset = j.at("end_offset").get<uint32_t>();
  f.begin = {j.at("line").get<uint32_t>(), j.at("column").get<uint32_t>()};
  f.end = {j.at("end_line").get<uint32_t>(), j.at("end_column").get<uint32_t>()};
  f.snippet = j.at("snippet").get<std::string>();
  f.language = Named<scanner::Language>(j, "language", 5, scanner::LanguageName);
  f.guard = Named<rules::Guard>(j, "guard", 4, GuardText);
  f.detail = j.at("detail").get<std::string>();
  if (!j.at("effort_override").is_null()) {
    f.effort = Named<rules::Effort>(j, "effort_override", 4, rules::EffortName);
  }
  f.fingerprint = j.at("fingerprint").get<std::string>();
  f.baseline = Named<rules::BaselineState>(j, "baseline", 3, rules::BaselineStateName);
  f.suppressed = j.at("suppressed").get<bool>();
  f.suppression_reason = j.at("suppression_reason").get<std::string>();
  return f;
}

// Checks the schema keys; an error message without the file name.
Status CheckSchema(const Json& doc) {
  if (!doc.is_object() || !doc.contains("schema") || !doc["schema"].is_string()) {
    return Status::Error("not an iescan JSON report (no \"schema\" key)");
  }
  const std::string schema = doc["schema"].get<std::string>();
  if (schema.rfind(kSchemaPrefix, 0) != 0) {
    return Status::Error("not an iescan JSON report (schema '" + schema + "')");
  }
  if (schema != "iescan-report/1") {
    return Status::Error("schema '" + schema + "' is not supported (this iescan reads " +
                         "iescan-report/1)");
  }
  const auto minor = doc.find("schema_minor");
  if (minor == doc.end() || !minor->is_number_integer() || minor->get<int>() < kMinMinor) {
    return Status::Error(
        "written by an older iescan without the data a merge needs "
        "(schema_minor 1 or later); scan again with this version");
  }
  return Status::Ok();
}

// "shard": {"index": K, "count": N}, written by a sharded scan; absent: the whole scan.
ShardInfo ReadShard(const Json& doc) {
  const auto it = doc.find("shard");
  if (it == doc.end()) return {};
  const Json& s = *it;
  const auto index = s.is_object() ? s.find("index") : s.end();
  const auto count = s.is_object() ? s.find("count") : s.end();
  if (!s.is_object() || index == s.end() || count == s.end() || !index->is_number_unsigned() ||
      !count->is_number_unsigned() || count->get<uint64_t>() < 2 ||
      count->get<uint64_t>() > 65536 || index->get<uint64_t>() < 1 ||
      index->get<uint64_t>() > count->get<uint64_t>()) {
    throw BadValue("malformed iescan report: 'shard' must be {\"index\": K, \"count\": N} "
                   "with 1 <= K <= N and 2 <= N <= 65536");
  }
  return {index->get<uint32_t>(), count->get<uint32_t>()};
}

ScanResult ReadDocument(const Json& doc, const rules::Catalog& catalog) {
  ScanResult scan;
  scan.catalog = &catalog;
  scan.roots = Strings(doc, "roots");
  scan.complete = doc.at("complete").get<bool>();
  scan.shard = ReadShard(doc);
  const Json& findings = doc.at("findings");
  size_t next = 0;
  for (const Json& jf : doc.at("files")) {
    FileResult file = ReadFile(jf);
    const size_t count = jf.at("findings").get<size_t>();
    if (count > findings.size() - next)
      throw BadValue("malformed iescan report: fewer findings than its files count");
    for (size_t k = 0; k < count; ++k, ++next) {
      const Json& finding = findings.at(next);
      if (finding.at("path").get<std::string>() != file.origin.display) {
        throw BadValue("malformed iescan report: finding " + std::to_string(next) +
                       " is not in file '" + file.origin.display + "'");
      }
      file.findings.push_back(ReadFinding(finding, catalog));
    }
    scan.files.push_back(std::move(file));
  }
  if (next != findings.size())
    throw BadValue("malformed iescan report: findings that belong to no file");
  for (const Json& js : doc.at("skipped")) {
    scan.skipped.push_back({js.at("path").get<std::string>(), js.at("reason").get<std::string>()});
  }
  return scan;
}

}  // namespace

Result<ScanResult> ReadJsonReport(std::string_view text, const std::string& name,
                                  const rules::Catalog& catalog) {
  const Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded()) return Status::Error(name + ": not an iescan JSON report (not JSON)");
  if (Status st = CheckSchema(doc); !st.ok()) return Status::Error(name + ": " + st.message());
  try {
    return ReadDocument(doc, catalog);
  } catch (const BadValue& e) {
    return Status::Error(name + ": " + e.message);
  } catch (const std::exception& e) {
    return Status::Error(name + ": malformed iescan report: " + e.what());
  }
}

}  // namespace iescan::report
