// Atomic report files: every file iescan writes (reports, baselines) goes to a temporary
// file beside its destination and is renamed into place once complete, so an interrupted
// or failed run never leaves a half-written file behind.
//
// Thread-safety: the functions touch only the files they are given.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "report/plan.h"
#include "report/writers/writers.h"
#include "scanner/core/status.h"

namespace iescan::app {

// Writes `path` through `path`.tmp-iescan renamed into place; `write` streams the content
// (no copy of a large report in memory). On failure the temporary file is removed and the
// destination is left as it was.
Status WriteAtomically(const std::string& path, const std::function<Status(std::ostream&)>& write);

// WriteAtomically with a fixed text.
Status WriteTextFile(const std::string& path, const std::string& text);

// WriteAtomically with one report format of `plan`.
Status WriteReportFile(const report::Plan& plan, report::Format format,
                       const report::WriteOptions& options, const std::string& path);

}  // namespace iescan::app
