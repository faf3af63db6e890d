// Escaping for the report formats that embed text from scanned files (paths, snippets,
// messages built from matched code): every writer passes such strings through one of
// these functions, so a hostile file cannot break a report's syntax, inject markup or
// formulas, or produce invalid UTF-8 or XML.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace iescan::report {

// `text` with each invalid UTF-8 sequence (strict: no overlong forms, surrogates or
// values past U+10FFFF) replaced by U+FFFD, one replacement per invalid byte.
std::string ValidUtf8(std::string_view text);

// ValidUtf8, then every character XML 1.0 forbids (C0 controls other than tab, LF and CR;
// U+FFFE, U+FFFF) replaced by U+FFFD. Markup characters are left to the XML writer.
std::string XmlSafe(std::string_view text);

// XmlSafe for the inside of an XML comment: "--" can never occur and the text never ends
// with '-' (a space is put between such dashes).
std::string XmlCommentSafe(std::string_view text);

// One CSV cell (RFC 4180): ValidUtf8; a cell starting with '=', '+', '-', '@', tab or CR
// gets a leading apostrophe so that spreadsheets do not run it as a formula; the cell is
// quoted (with '"' doubled) when it holds a comma, quote, CR or LF.
std::string CsvCell(std::string_view text);

// Inline Markdown text (GitHub-flavoured) that renders as exactly `text`: ValidUtf8;
// control characters (line breaks included) become spaces; '&', '<', '>' become entity
// references, so no raw HTML can appear; the characters that start emphasis, links,
// images, code, tables, strikethrough, mentions and issue references (\ ` * _ [ ] | ~ ! @
// #) are backslash-escaped.
std::string MarkdownText(std::string_view text);

// An inline Markdown code span showing `text` literally, for use inside a table cell:
// ValidUtf8, control characters become spaces, '|' is written "\|" (GFM tables split
// cells on unescaped pipes even inside code spans), and the fence is one backtick longer
// than the longest backtick run inside, padded with spaces when the text starts or ends
// with a backtick. Empty text gives an empty string. Code spans never render HTML.
std::string MarkdownCode(std::string_view text);

}  // namespace iescan::report
