// The table of recognised libraries behind DetectVendoredLibrary (rules/checks/vendored.h):
// per library, its banner pattern, signature literal, file-name pattern and the advice for
// a given version. Private to rules/checks.
//
// Thread-safety: constant data.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace iescan::rules::vendored {

struct Advice {
  bool needs_ie_handling = false;
  std::string note;     // why
  std::string upgrade;  // what to do
};

struct LibrarySpec {
  std::string_view name;
  // RE2 over the first 2 KiB; group 1 (may not participate) is the version. Empty: none.
  std::string_view banner;
  // A literal searched in the whole text; at each occurrence (at most a few), `after` is
  // matched anchored there over the next 300 bytes; groups 1 (and 2) give the version,
  // joined with '.'. `context` must also occur in the text when not empty.
  std::string_view literal;
  std::string_view after;
  std::string_view context;
  // RE2 full match over the file's base name (case-insensitive); group 1 = version.
  std::string_view file_name;
  bool file_name_alone = false;  // the name is enough, without banner or signature
  Advice (*advise)(std::string_view version);
};

// Every library, in detection priority order (more specific first).
std::span<const LibrarySpec> AllLibrarySpecs();

}  // namespace iescan::rules::vendored
