#include "tests/report/xml_parse.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <utility>
#include <vector>

namespace iescan::report::testing {
namespace {

std::string Str(const xmlChar* s) { return s == nullptr ? "" : reinterpret_cast<const char*>(s); }

}  // namespace

std::string XmlNode::Attr(const std::string& name) const {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return "";
}

bool ParseXml(const std::string& xml, std::vector<XmlNode>* nodes, std::string* error) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "report.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    const xmlError* e = xmlGetLastError();
    *error = e != nullptr && e->message != nullptr ? e->message : "not well-formed";
    return false;
  }
  // Iterative pre-order walk.
  std::vector<std::pair<xmlNodePtr, std::string>> stack;
  std::vector<std::pair<xmlNodePtr, std::string>> top;
  for (xmlNodePtr n = doc->children; n != nullptr; n = n->next) top.push_back({n, ""});
  for (auto it = top.rbegin(); it != top.rend(); ++it) stack.push_back(*it);
  while (!stack.empty()) {
    auto [node, parent] = stack.back();
    stack.pop_back();
    if (node->type == XML_COMMENT_NODE) {
      nodes->push_back({true, parent, {}, Str(node->content)});
      continue;
    }
    if (node->type != XML_ELEMENT_NODE) continue;
    XmlNode out;
    out.path = parent.empty() ? Str(node->name) : parent + "/" + Str(node->name);
    for (xmlAttrPtr a = node->properties; a != nullptr; a = a->next) {
      xmlChar* value = xmlNodeListGetString(doc, a->children, 1);
      out.attributes.push_back({Str(a->name), Str(value)});
      xmlFree(value);
    }
    std::vector<std::pair<xmlNodePtr, std::string>> children;
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        out.text += Str(c->content);
      children.push_back({c, out.path});
    }
    nodes->push_back(std::move(out));
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
  xmlFreeDoc(doc);
  return true;
}

}  // namespace iescan::report::testing
