// Terminal text helpers for the human-readable writers.
//
// Strings that come from scanned files (paths, messages built from matched text, skip
// reasons) may hold anything: invalid UTF-8, escape sequences, bidirectional overrides.
// SanitizeForTerminal makes them inert before they reach a terminal or a plain-text
// report, and DisplayWidth measures the result in terminal columns, counting East Asian
// wide and fullwidth characters (kanji, kana, hangul, fullwidth forms) as two columns so
// that tables with Japanese app names and paths line up.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iescan::report {

// Columns a terminal uses for one code point: 0 for combining marks, zero-width and
// control characters, 2 for East Asian wide / fullwidth characters, otherwise 1.
int CodePointWidth(char32_t cp);

// Columns `utf8` takes on a terminal. An invalid byte counts as one column (it is shown
// as U+FFFD by SanitizeForTerminal).
size_t DisplayWidth(std::string_view utf8);

// A copy of `text` that is safe to print: each invalid UTF-8 byte becomes U+FFFD, C0
// controls (tab and newline included) and DEL become "\xNN", C1 controls and
// bidirectional formatting characters become "\uNNNN". Everything else is kept.
std::string SanitizeForTerminal(std::string_view text);

// `text` followed by spaces up to `width` display columns (nothing added when it is
// already as wide). PadLeft puts the spaces first.
std::string PadRight(std::string_view text, size_t width);
std::string PadLeft(std::string_view text, size_t width);

}  // namespace iescan::report
