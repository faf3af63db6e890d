// Catalog: the set of rules in force for a run: the built-in catalogue compiled into the
// binary plus any organisation rule directories (--rules DIR).
//
// Thread-safety: build once, then share read-only (const methods are thread-safe).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/rule.h"
#include "scanner/core/status.h"

namespace iescan::rules {

class Catalog {
 public:
  // The built-in catalogue (rules/catalog/**.json + .md embedded at build time).
  static Result<Catalog> Builtin();

  // Adds every <name>.json (with its optional <name>.md) under `dir`, recursively. A rule
  // whose id is already present is an error naming both sources.
  Status AddDirectory(const std::string& dir);
  // Adds one parsed rule. Error on a duplicate id.
  Status Add(Rule rule);

  // Rules sorted by id. Pointers stay valid for the Catalog's lifetime (rules are never
  // removed; the Catalog must not be moved after findings borrow its rules).
  const std::vector<const Rule*>& rules() const { return sorted_; }
  const Rule* Find(std::string_view id) const;

  // Applies a configuration setting to rule `id`: "off" takes it out of rules() and Find();
  // "on" does nothing; a severity name ("blocker", "high", "medium", "low") overrides its
  // severity. Call before an Engine is built. Error for an unknown id or setting.
  Status Configure(std::string_view id, std::string_view setting);

 private:
  std::vector<std::unique_ptr<Rule>> owned_;
  std::vector<const Rule*> sorted_;
};

// Embedded catalogue files: path relative to rules/catalog ("events/attach-event.json")
// and content. Defined in a file generated at build time.
struct EmbeddedFile {
  const char* path;
  const char* data;
  unsigned long size;
};
extern const EmbeddedFile kEmbeddedCatalog[];
extern const unsigned long kEmbeddedCatalogCount;

}  // namespace iescan::rules
