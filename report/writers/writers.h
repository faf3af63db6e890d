// The writer registry: report formats by name and by file extension, and one entry point
// that writes a Plan in any of them. Every format is written from the same Plan, so all
// outputs of a run agree.
//
// Formats so far: text (.txt) and json (.json). Planned: sarif (.sarif), junit (.xml),
// csv (.csv), markdown (.md), html (.html) and the Enterprise Mode site list.
//
// Thread-safety: re-entrant.
#pragma once

#include <ostream>
#include <string_view>

#include "report/plan.h"
#include "report/writers/json.h"
#include "report/writers/text.h"
#include "scanner/core/status.h"

namespace iescan::report {

enum class Format { kText, kJson };

// Options for every writer; each writer reads its own part.
struct WriteOptions {
  TextOptions text;
  JsonOptions json;
};

// The format's name as accepted by FormatFromName: "text", "json".
std::string_view FormatName(Format format);

// "text" or "json" (exact, lower case). Error names the accepted values.
Result<Format> FormatFromName(std::string_view name);

// From a file name's extension, case-insensitive: ".txt" -> text, ".json" -> json. Error
// when the extension is missing or unknown.
Result<Format> FormatFromPath(std::string_view path);

// Writes `plan` in `format`. Fails only when the writer fails (an output error).
Status Write(const Plan& plan, Format format, const WriteOptions& options, std::ostream& out);

}  // namespace iescan::report
