// Finding fingerprints: a stable identity for a finding that survives edits elsewhere in
// the file (lines inserted above it), for baselines and SARIF partialFingerprints.
//
// fingerprint = HASH ":" N, where HASH is 16 lower-case hex digits of the 64-bit FNV-1a
// hash of
//     rule id, NUL, path, NUL, normalised snippet
// the path is root-relative (a URL for crawled files), the normalised snippet is the
// snippet with every run of whitespace collapsed to one space and trimmed, and N counts
// the earlier findings of the same file with the same HASH (0 for the first). Line and
// column numbers are deliberately left out. This is the scheme of the run's baselines
// (Finding::fingerprint): BuildPlan keeps a fingerprint the run assigned and computes this
// one only for findings that have none.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace iescan::report {

// `snippet` with whitespace runs collapsed to one space, leading and trailing ones removed.
std::string NormalizeSnippet(std::string_view snippet);

// The fingerprint of one finding (see above); `normalized_snippet` from NormalizeSnippet,
// `occurrence` the N above.
std::string Fingerprint(std::string_view rule_id, std::string_view path,
                        std::string_view normalized_snippet, uint32_t occurrence);

}  // namespace iescan::report
