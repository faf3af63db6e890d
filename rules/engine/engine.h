// Engine: runs every rule of a Catalog over a file, in one pass per region.
//
// Per file: a literal prefilter over the decoded text picks the candidate rules; when no
// candidate exists the document is not built at all. Otherwise the engine builds the
// Document, walks each region's tokens (or elements, comments, declarations) once and
// dispatches to the matchers of the candidate rules interested in that language. A region
// is searched only by the regex matchers whose required literals it contains (regex_gate.h).
//
// Thread-safety: an Engine is immutable after construction; ScanFile may be called from
// many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/checks/vendored.h"
#include "rules/engine/catalog.h"
#include "rules/engine/finding.h"
#include "scanner/decode/text_file.h"
#include "scanner/document/document.h"

namespace iescan::rules {

struct EngineOptions {
  bool prefilter = true;  // false: try every rule on every file (for tests: same findings)
  scanner::BuildOptions build;
  // false: in a file recognised as a vendored library, every finding but the library's own
  // (vendored.library) is dropped and counted in FileScan::folded_findings. true: kept.
  bool include_vendored = false;
  // false: every wanted regex matcher searches every region (for tests: same findings).
  // true: a region is searched only by the regexes whose required literals it contains.
  bool regex_gate = true;
};

// The document mode a page was built for, from its doctype, X-UA-Compatible (meta, HTTP
// header, web.config / .htaccess), conditional comments and file kind, and the Enterprise
// Mode site-list compat-mode it would need. Empty fields for non-page files.
struct DocumentModeInfo {
  std::string built_for;    // "quirks", "IE5", "IE7", "IE8", "IE9", "IE10", "IE11", "edge",
                            // "standards" (a standards doctype and nothing else)
  std::string compat_mode;  // site-list value: "IE5", "IE7", "IE8", "IE9", "IE10", "IE11",
                            // "IE7Enterprise", "IE8Enterprise", "Default"
  std::vector<std::string> evidence;  // "line 1: no doctype (quirks mode)", ...
};

struct FileScan {
  std::vector<Finding> findings;      // sorted by (offset, rule id), no duplicates
  std::vector<std::string> warnings;  // non-fatal: "nesting capped", decoder replacements
  bool built = false;                 // a Document was built (the prefilter found a candidate)
  DocumentModeInfo doc_mode;          // for markup pages
  // Resources this file loads, as written in it: <script src>, <link rel=stylesheet href>,
  // @import, behavior:url(), <!--#include file/virtual-->, <jsp:include page>, frames and
  // iframes. Used to compute reach (which pages a shared file affects).
  std::vector<std::string> references;
  // Set when the file is a bundled copy of a well-known library (rules/checks/vendored.h).
  std::optional<VendoredLibrary> library;
  // Findings inside that library dropped because EngineOptions::include_vendored is false.
  uint32_t folded_findings = 0;
};

// Time spent per stage, summed over the files a caller scanned with the same EngineStats
// (one per thread; merge them with Add). Filled only when ScanFile is given one: timing
// costs a clock read per stage and per regex or check, nothing when off.
struct EngineStats {
  uint64_t files = 0;
  uint64_t built = 0;          // files whose Document was built
  uint64_t bytes = 0;          // decoded bytes scanned
  uint64_t prefilter_ns = 0;   // literal prefilter, vendored-library test, reference test
  uint64_t document_ns = 0;    // BuildDocument: masking, HTML/XML parsing, lexing, sub-documents
  uint64_t facts_ns = 0;       // document mode and references
  uint64_t js_ns = 0;          // token matchers per region (guards included)
  uint64_t vbs_ns = 0;
  uint64_t css_ns = 0;
  uint64_t markup_ns = 0;      // element, attribute and comment matchers
  uint64_t regex_ns = 0;       // regex matchers, with their masking and literal gate
  uint64_t checks_ns = 0;      // C++ checks
  uint64_t findings_ns = 0;    // hits -> findings, suppressions, vendored folding
  std::vector<uint64_t> rule_ns;  // per rule (catalogue order): its regex and check time
  void Add(const EngineStats& other);
};

// Nanoseconds on a monotonic clock (for EngineStats and its callers' own stages).
uint64_t NowNs();

class Engine {
 public:
  // Borrows `catalog`, which must outlive the Engine and every Finding it produces.
  Engine(const Catalog& catalog, EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Scans one decoded file of the given kind. Fails only when the document cannot be
  // built (the caller records the file as skipped with this message).
  Result<FileScan> ScanFile(const scanner::TextFile& file, scanner::KindInfo kind) const;
  // The same, adding the time of each stage to *stats (null: not timed).
  Result<FileScan> ScanFile(const scanner::TextFile& file, scanner::KindInfo kind,
                            EngineStats* stats) const;

  const Catalog& catalog() const { return catalog_; }

 private:
  struct Impl;
  const Catalog& catalog_;
  EngineOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iescan::rules
