// Engine: runs every rule of a Catalog over a file, in one pass per region.
//
// Per file: a literal prefilter over the decoded text picks the candidate rules; when no
// candidate exists the document is not built at all. Otherwise the engine builds the
// Document, walks each region's tokens (or elements, comments, declarations) once and
// dispatches to the matchers of the candidate rules interested in that language.
//
// Thread-safety: an Engine is immutable after construction; ScanFile may be called from
// many threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rules/engine/catalog.h"
#include "rules/engine/finding.h"
#include "scanner/decode/text_file.h"
#include "scanner/document/document.h"

namespace iescan::rules {

struct EngineOptions {
  bool prefilter = true;  // false: try every rule on every file (for tests: same findings)
  scanner::BuildOptions build;
};

struct FileScan {
  std::vector<Finding> findings;      // sorted by (offset, rule id), no duplicates
  std::vector<std::string> warnings;  // non-fatal: "nesting capped", decoder replacements
  bool built = false;                 // a Document was built (the prefilter found a candidate)
};

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

  const Catalog& catalog() const { return catalog_; }

 private:
  struct Impl;
  const Catalog& catalog_;
  EngineOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace iescan::rules
