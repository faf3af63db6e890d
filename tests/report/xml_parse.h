// Parses XML written by the report writers back with libxml2 (no network, no entity
// expansion), for tests that check well-formedness and read elements and comments.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace iescan::report::testing {

// An element or comment of a parsed document, flattened in document order.
struct XmlNode {
  bool comment = false;
  std::string path;                                             // "site-list/site/open-in"
  std::vector<std::pair<std::string, std::string>> attributes;  // in document order
  std::string text;  // the element's direct text, or the comment's content
  std::string Attr(const std::string& name) const;
};

// The nodes of `xml`; false (with `error` set) when the text is not well-formed.
bool ParseXml(const std::string& xml, std::vector<XmlNode>* nodes, std::string* error);

}  // namespace iescan::report::testing
