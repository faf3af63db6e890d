// XmlOut: a small owner of a libxml2 xmlTextWriter writing to memory, for the JUnit and
// Enterprise Mode site-list writers. Every string passed in goes through XmlSafe (or
// XmlCommentSafe for comments) first, so text from scanned files can never make the
// document ill-formed; libxml2 escapes markup characters in text and attributes.
// Output: UTF-8 with an XML declaration, elements indented by two spaces.
//
// Thread-safety: one XmlOut per thread; libxml2's writer keeps no global state.
#pragma once

#include <string>
#include <string_view>

namespace iescan::report {

class XmlOut {
 public:
  XmlOut();
  ~XmlOut();
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void StartElement(std::string_view name);
  void Attribute(std::string_view name, std::string_view value);
  void Text(std::string_view text);
  void Comment(std::string_view text);
  void EndElement();
  // <name>text</name>
  void Element(std::string_view name, std::string_view text);

  // Closes open elements and returns the document; "" when any libxml2 call failed.
  std::string Finish();

 private:
  void Check(int result);

  struct Impl;
  Impl* impl_;
  bool failed_ = false;
};

}  // namespace iescan::report
