#include "report/writers/xml_out.h"

#include <libxml/xmlwriter.h>

#include "report/writers/escape.h"

namespace iescan::report {
namespace {

const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

}  // namespace

struct XmlOut::Impl {
  xmlBufferPtr buffer = nullptr;
  xmlTextWriterPtr writer = nullptr;
  bool finished = false;
};

XmlOut::XmlOut() : impl_(new Impl) {
  impl_->buffer = xmlBufferCreate();
  if (impl_->buffer != nullptr) impl_->writer = xmlNewTextWriterMemory(impl_->buffer, 0);
  if (impl_->writer == nullptr) {
    failed_ = true;
    return;
  }
  Check(xmlTextWriterSetIndent(impl_->writer, 1));
  Check(xmlTextWriterSetIndentString(impl_->writer, X("  ")));
  Check(xmlTextWriterStartDocument(impl_->writer, "1.0", "UTF-8", nullptr));
}

XmlOut::~XmlOut() {
  if (impl_->writer != nullptr) xmlFreeTextWriter(impl_->writer);
  if (impl_->buffer != nullptr) xmlBufferFree(impl_->buffer);
  delete impl_;
}

void XmlOut::Check(int result) {
  if (result < 0) failed_ = true;
}

void XmlOut::StartElement(std::string_view name) {
  if (failed_) return;
  Check(xmlTextWriterStartElement(impl_->writer, X(std::string(name))));
}

void XmlOut::Attribute(std::string_view name, std::string_view value) {
  if (failed_) return;
  Check(xmlTextWriterWriteAttribute(impl_->writer, X(std::string(name)), X(XmlSafe(value))));
}

void XmlOut::Text(std::string_view text) {
  if (failed_) return;
  Check(xmlTextWriterWriteString(impl_->writer, X(XmlSafe(text))));
}

void XmlOut::Comment(std::string_view text) {
  if (failed_) return;
  Check(xmlTextWriterWriteComment(impl_->writer, X(" " + XmlCommentSafe(text) + " ")));
}

void XmlOut::EndElement() {
  if (failed_) return;
  Check(xmlTextWriterEndElement(impl_->writer));
}

void XmlOut::Element(std::string_view name, std::string_view text) {
  StartElement(name);
  Text(text);
  EndElement();
}

std::string XmlOut::Finish() {
  if (!failed_ && !impl_->finished) {
    Check(xmlTextWriterEndDocument(impl_->writer));
    Check(xmlTextWriterFlush(impl_->writer));
    impl_->finished = true;
  }
  if (failed_) return "";
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(impl_->buffer)),
                     static_cast<size_t>(xmlBufferLength(impl_->buffer)));
}

}  // namespace iescan::report
