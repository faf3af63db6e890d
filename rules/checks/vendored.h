// Vendored libraries: recognises a bundled copy of a well-known third-party JavaScript
// library or IE shim (jQuery, Prototype, Dojo, YUI, TinyMCE, html5shiv, CSS3 PIE, ...) and
// its version, from a banner comment in the first 2 KiB, a signature literal, or the file
// name. The engine reports one vendored.library finding per copy and folds the other
// findings inside the file under it (see docs/vendored.md).
//
// Detection is cheap: one regular-expression pass over the first 2 KiB, a few substring
// searches over the file, and the file name.
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/checks/checks.h"

namespace iescan::rules {

struct VendoredLibrary {
  std::string name;              // "jQuery", "TinyMCE", "CSS3 PIE"
  std::string version;           // "1.5.1"; empty when the copy does not say
  bool needs_ie_handling = false;  // this version carries IE-only code or exists only for IE
  std::string upgrade;           // the upgrade to make (or "delete it")
  std::string note;              // why: "jQuery < 1.9 has IE code paths and jQuery.browser"
  std::string evidence;          // "banner", "signature" or "file name"
  uint32_t offset = 0;           // where the evidence starts in the text (0 for a file name)
  uint32_t end_offset = 0;

  // "jQuery 1.5.1" or "jQuery (version unknown)".
  std::string Label() const;
};

// The library `text` is a copy of, or nullopt. `path` is the file's display path (only its
// last component is used).
std::optional<VendoredLibrary> DetectVendoredLibrary(std::string_view path,
                                                     std::string_view text);

// The literal words the signature search looks for, one group each, for a caller that
// already passes over the text with a Prefilter (rules/engine/prefilter.h).
std::vector<std::vector<std::string>> VendoredSignatureGroups();

// The same detection, given which of VendoredSignatureGroups() occur in `text` (ASCII
// case-insensitively; hits[i] for group i), instead of looking for them again.
std::optional<VendoredLibrary> DetectVendoredLibrary(std::string_view path, std::string_view text,
                                                     const std::vector<uint8_t>* signature_hits);

// True for the file kinds a vendored library can be (JavaScript, HTC, CSS).
bool MayBeVendored(scanner::FileKind kind);

// Compares dotted versions numerically: -1, 0 or 1 ("1.10" > "1.9"; missing parts are 0;
// a suffix such as "pre" is ignored).
int CompareVersions(std::string_view a, std::string_view b);

// The check behind rule vendored.library: one hit at the evidence, {arg} = Label(),
// {match} = the advice sentence.
void CheckVendoredLibrary(const CheckInput& input, std::vector<CheckHit>* hits);

}  // namespace iescan::rules
