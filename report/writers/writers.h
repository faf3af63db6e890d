// The writer registry: report formats by name and by file extension, and one entry point
// that writes a Plan in any of them. Every format is written from the same Plan, so all
// outputs of a run agree.
//
//   name       extensions (case-insensitive)     writer
//   text       .txt                              report/writers/text.h
//   json       .json                             report/writers/json.h
//   sarif      .sarif, .sarif.json               report/writers/sarif.h
//   junit      .junit.xml, .xml                  report/writers/junit.h
//   csv        .csv                              report/writers/csv.h
//   markdown   .md, .markdown                    report/writers/markdown.h
//   sitelist   .sitelist.xml                     report/writers/sitelist.h
//   html       .html, .htm                       report/writers/html.h
// The longest matching extension wins: "r.sarif.json" is SARIF, "r.sitelist.xml" a site
// list, any other ".xml" JUnit.
//
// Thread-safety: re-entrant.
#pragma once

#include <ostream>
#include <string_view>

#include "report/plan.h"
#include "report/writers/csv.h"
#include "report/writers/html.h"
#include "report/writers/json.h"
#include "report/writers/junit.h"
#include "report/writers/markdown.h"
#include "report/writers/sarif.h"
#include "report/writers/sitelist.h"
#include "report/writers/text.h"
#include "scanner/core/status.h"

namespace iescan::report {

enum class Format { kText, kJson, kSarif, kJunit, kCsv, kMarkdown, kSiteList, kHtml, kCodeQuality };

// Options for every writer; each writer reads its own part.
struct WriteOptions {
  TextOptions text;
  JsonOptions json;
  SarifOptions sarif;
  JunitOptions junit;
  CsvOptions csv;
  MarkdownOptions markdown;
  SiteListOptions sitelist;
  HtmlOptions html;
  // The report language for the text, Markdown and HTML writers (report/i18n.h): when not
  // English it overrides their own `lang`, and a non-null `messages` (the built-in
  // catalogue plus an organisation's --rules translations) overrides theirs. JSON, SARIF,
  // JUnit, CSV, Code Quality and the site list are machine output and stay English.
  Lang lang = Lang::kEn;
  const Messages* messages = nullptr;
};

// The format's name as accepted by FormatFromName: "text", "json", "sarif", ...
std::string_view FormatName(Format format);

// A name from the table above (exact, lower case). Error names the accepted values.
Result<Format> FormatFromName(std::string_view name);

// From a file name's extension (table above), case-insensitive. Error when the extension
// is missing or unknown.
Result<Format> FormatFromPath(std::string_view path);

// Writes `plan` in `format`. Fails only when the writer fails (an output error).
Status Write(const Plan& plan, Format format, const WriteOptions& options, std::ostream& out);

}  // namespace iescan::report
