#include "report/writers/writers.h"

#include <array>
#include <string>

namespace iescan::report {
namespace {

struct FormatEntry {
  Format format;
  std::string_view name;
  std::string_view extension;  // lower case, without the dot
};

constexpr std::array<FormatEntry, 2> kFormats = {{
    {Format::kText, "text", "txt"},
    {Format::kJson, "json", "json"},
}};

std::string AcceptedNames() {
  std::string out;
  for (const FormatEntry& e : kFormats) out += (out.empty() ? "" : ", ") + std::string(e.name);
  return out;
}

std::string AcceptedExtensions() {
  std::string out;
  for (const FormatEntry& e : kFormats) {
    out += (out.empty() ? "." : ", .") + std::string(e.extension);
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string_view FormatName(Format format) {
  for (const FormatEntry& e : kFormats) {
    if (e.format == format) return e.name;
  }
  return "";
}

Result<Format> FormatFromName(std::string_view name) {
  for (const FormatEntry& e : kFormats) {
    if (e.name == name) return e.format;
  }
  return Status::Error("unknown report format '" + std::string(name) + "' (expected one of " +
                       AcceptedNames() + ")");
}

Result<Format> FormatFromPath(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    const std::string extension = AsciiLower(name.substr(dot + 1));
    for (const FormatEntry& e : kFormats) {
      if (e.extension == extension) return e.format;
    }
  }
  return Status::Error("cannot tell the report format of '" + std::string(path) +
                       "' from its extension (expected " + AcceptedExtensions() +
                       "); name the format explicitly");
}

Status Write(const Plan& plan, Format format, const WriteOptions& options, std::ostream& out) {
  switch (format) {
    case Format::kText: return WriteText(plan, options.text, out);
    case Format::kJson: return WriteJson(plan, options.json, out);
  }
  return Status::Error("unknown report format");
}

}  // namespace iescan::report
