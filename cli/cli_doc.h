// The manual page and shell completion, generated from the same CLI11 definitions that
// parse the command line and print --help, so the three never drift apart.
//
// Thread-safety: pure functions of the App they read.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace iescan::app {

// iescan.1 in roff (man(7) macros).
std::string ManPage(const CLI::App& app, const std::string& version);

// A bash completion script for `complete -F`.
std::string BashCompletion(const CLI::App& app);

}  // namespace iescan::app
