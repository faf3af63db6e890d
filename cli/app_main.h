// The iescan command line: parses arguments, runs a command, prints, and returns the
// process exit code. Kept in a library so end-to-end tests can call it in-process too.
//
// Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on;
// 2 usage or configuration error.
#pragma once

#include <iosfwd>

namespace iescan::app {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// Runs iescan with `argv`. Normal output goes to `out`, messages to `err`.
int Main(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace iescan::app
