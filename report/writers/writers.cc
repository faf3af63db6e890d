#include "report/writers/writers.h"

#include "report/writers/codequality.h"

#include <array>
#include <string>

namespace iescan::report {
namespace {

struct FormatEntry {
  Format format;
  std::string_view name;
};

struct ExtensionEntry {
  std::string_view extension;  // lower case, without the leading dot
  Format format;
};

constexpr std::array<FormatEntry, 9> kFormats = {{
    {Format::kText, "text"},
    {Format::kJson, "json"},
    {Format::kSarif, "sarif"},
    {Format::kJunit, "junit"},
    {Format::kCsv, "csv"},
    {Format::kMarkdown, "markdown"},
    {Format::kSiteList, "sitelist"},
    {Format::kHtml, "html"},
    {Format::kCodeQuality, "codequality"},
}};

// Longest first, so that a compound extension wins over its last part.
constexpr std::array<ExtensionEntry, 13> kExtensions = {{
    {"codequality.json", Format::kCodeQuality},
    {"sitelist.xml", Format::kSiteList},
    {"sarif.json", Format::kSarif},
    {"junit.xml", Format::kJunit},
    {"markdown", Format::kMarkdown},
    {"sarif", Format::kSarif},
    {"json", Format::kJson},
    {"html", Format::kHtml},
    {"txt", Format::kText},
    {"xml", Format::kJunit},
    {"csv", Format::kCsv},
    {"htm", Format::kHtml},
    {"md", Format::kMarkdown},
}};

std::string AcceptedNames() {
  std::string out;
  for (const FormatEntry& e : kFormats) out += (out.empty() ? "" : ", ") + std::string(e.name);
  return out;
}

std::string AcceptedExtensions() {
  std::string out;
  for (const FormatEntry& f : kFormats) {
    for (const ExtensionEntry& e : kExtensions) {
      if (e.format == f.format) out += (out.empty() ? "." : ", .") + std::string(e.extension);
    }
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

// `writer_options` with the run's language and catalogue applied.
template <typename Options>
Options WithLang(Options writer_options, const WriteOptions& options) {
  if (options.lang != Lang::kEn) writer_options.lang = options.lang;
  if (options.messages != nullptr) writer_options.messages = options.messages;
  return writer_options;
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
  const std::string name =
      AsciiLower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (const ExtensionEntry& e : kExtensions) {
    // The name must have a stem before ".extension".
    if (name.size() > e.extension.size() + 1 &&
        name.compare(name.size() - e.extension.size(), e.extension.size(), e.extension) == 0 &&
        name[name.size() - e.extension.size() - 1] == '.') {
      return e.format;
    }
  }
  return Status::Error("cannot tell the report format of '" + std::string(path) +
                       "' from its extension (expected " + AcceptedExtensions() +
                       "); name the format explicitly");
}

Status Write(const Plan& plan, Format format, const WriteOptions& options, std::ostream& out) {
  switch (format) {
    case Format::kText:
      return WriteText(plan, WithLang(options.text, options), out);
    case Format::kJson:
      return WriteJson(plan, options.json, out);
    case Format::kSarif:
      return WriteSarif(plan, options.sarif, out);
    case Format::kJunit:
      return WriteJunit(plan, options.junit, out);
    case Format::kCsv:
      return WriteCsv(plan, options.csv, out);
    case Format::kMarkdown:
      return WriteMarkdown(plan, WithLang(options.markdown, options), out);
    case Format::kSiteList:
      return WriteSiteList(plan, options.sitelist, out);
    case Format::kHtml:
      return WriteHtml(plan, WithLang(options.html, options), out);
    case Format::kCodeQuality:
      return WriteCodeQuality(plan, out);
  }
  return Status::Error("unknown report format");
}

}  // namespace iescan::report
