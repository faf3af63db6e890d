// File kinds from names and from first bytes.

#include "scanner/source/file_kind.h"

#include <gtest/gtest.h>

#include <string>

namespace iescan::scanner {
namespace {

struct PathCase {
  const char* path;
  FileKind kind;
  ServerDialect server;
};

TEST(KindFromPathTest, ExtensionTable) {
  const PathCase cases[] = {
      {"index.html", FileKind::kHtml, ServerDialect::kNone},
      {"apps/hr/INDEX.HTM", FileKind::kHtml, ServerDialect::kNone},
      {"page.xhtml", FileKind::kHtml, ServerDialect::kNone},
      {"ssi/footer.shtml", FileKind::kHtml, ServerDialect::kNone},
      {"news.stm", FileKind::kHtml, ServerDialect::kNone},
      {"default.Asp", FileKind::kHtml, ServerDialect::kAsp},
      {"include/header.inc", FileKind::kHtml, ServerDialect::kAsp},
      {"Default.aspx", FileKind::kHtml, ServerDialect::kAspNet},
      {"controls/Menu.ascx", FileKind::kHtml, ServerDialect::kAspNet},
      {"Site.Master", FileKind::kHtml, ServerDialect::kAspNet},
      {"Views/Home/Index.cshtml", FileKind::kHtml, ServerDialect::kRazor},
      {"Views/Home/Index.vbhtml", FileKind::kHtml, ServerDialect::kRazor},
      {"WEB-INF/jsp/list.jsp", FileKind::kHtml, ServerDialect::kJsp},
      {"fragments/nav.jspf", FileKind::kHtml, ServerDialect::kJsp},
      {"doc.jspx", FileKind::kHtml, ServerDialect::kJsp},
      {"index.php", FileKind::kHtml, ServerDialect::kPhp},
      {"tools/setup.HTA", FileKind::kHta, ServerDialect::kNone},
      {"behaviors/hover.htc", FileKind::kHtc, ServerDialect::kNone},
      {"js/jquery.min.js", FileKind::kJs, ServerDialect::kNone},
      {"legacy.JSE", FileKind::kJs, ServerDialect::kNone},
      {"login.vbs", FileKind::kVbs, ServerDialect::kNone},
      {"css/site.css", FileKind::kCss, ServerDialect::kNone},
      {"data/menu.xml", FileKind::kXml, ServerDialect::kNone},
      {"web.config", FileKind::kXml, ServerDialect::kNone},
      {"xsl/report.xsl", FileKind::kXsl, ServerDialect::kNone},
      {"transform.XSLT", FileKind::kXsl, ServerDialect::kNone},
      {"README", FileKind::kUnknown, ServerDialect::kNone},
      {"notes.txt", FileKind::kUnknown, ServerDialect::kNone},
      {"logo.png", FileKind::kUnknown, ServerDialect::kNone},
      {".htaccess", FileKind::kUnknown, ServerDialect::kNone},
      {"dir.html/file", FileKind::kUnknown, ServerDialect::kNone},
      {"archive.html.gz", FileKind::kUnknown, ServerDialect::kNone},
      {"trailing.", FileKind::kUnknown, ServerDialect::kNone},
      {"page.htmlx", FileKind::kUnknown, ServerDialect::kNone},
      {"", FileKind::kUnknown, ServerDialect::kNone},
  };
  for (const PathCase& c : cases) {
    KindInfo info = KindFromPath(c.path);
    EXPECT_EQ(info.kind, c.kind) << c.path;
    EXPECT_EQ(info.server, c.server) << c.path;
  }
}

struct ContentCase {
  std::string head;
  FileKind kind;
  ServerDialect server;
};

TEST(KindFromContentTest, SniffTable) {
  const ContentCase cases[] = {
      {"<!DOCTYPE html>\n<html><body></body></html>", FileKind::kHtml, ServerDialect::kNone},
      {"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", FileKind::kHtml,
       ServerDialect::kNone},
      {"\xEF\xBB\xBF  \r\n\t<HTML>\n<HEAD><TITLE>x</TITLE>", FileKind::kHtml,
       ServerDialect::kNone},
      {"<head><meta http-equiv=\"X-UA-Compatible\" content=\"IE=5\">", FileKind::kHtml,
       ServerDialect::kNone},
      {"<script language=\"VBScript\">\nMsgBox 1\n</script>", FileKind::kHtml,
       ServerDialect::kNone},
      {"<!-- saved from url=(0014)about:internet -->\n<html>", FileKind::kHtml,
       ServerDialect::kNone},
      {"<html>\n<head><HTA:APPLICATION ID=\"app\" APPLICATIONNAME=\"Setup\">", FileKind::kHta,
       ServerDialect::kNone},
      {"<PUBLIC:COMPONENT>\n<PUBLIC:ATTACH EVENT=\"onmouseover\" ONEVENT=\"Hi()\" />",
       FileKind::kHtc, ServerDialect::kNone},
      {"<?xml version=\"1.0\"?>\n<configuration><system.web/></configuration>",
       FileKind::kXml, ServerDialect::kNone},
      {"<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\" "
       "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">",
       FileKind::kXsl, ServerDialect::kNone},
      {"<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"a.xsl\"?>\n"
       "<!-- data -->\n<catalog/>",
       FileKind::kXml, ServerDialect::kNone},
      {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC "
       "\"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
       FileKind::kHtml, ServerDialect::kNone},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE web-app PUBLIC \"-//Sun\">\n<web-app>",
       FileKind::kXml, ServerDialect::kNone},
      {"<%@ LANGUAGE=\"VBSCRIPT\" %>\n<html>", FileKind::kHtml, ServerDialect::kAsp},
      {"<% Response.Write \"hi\" %>", FileKind::kHtml, ServerDialect::kAsp},
      {"<%@ Page Language=\"C#\" CodeBehind=\"Default.aspx.cs\" %>", FileKind::kHtml,
       ServerDialect::kAspNet},
      {"<%@ Control Language=\"VB\" %>", FileKind::kHtml, ServerDialect::kAspNet},
      {"<%@ page contentType=\"text/html; charset=Shift_JIS\" %>", FileKind::kHtml,
       ServerDialect::kJsp},
      {"<%@ taglib prefix=\"c\" uri=\"http://java.sun.com/jsp/jstl/core\" %>",
       FileKind::kHtml, ServerDialect::kJsp},
      {"<?php echo 'x'; ?>", FileKind::kHtml, ServerDialect::kPhp},
      {"var x = document.all;", FileKind::kUnknown, ServerDialect::kNone},
      {"Plain notes about the <html> element.", FileKind::kUnknown, ServerDialect::kNone},
      {"<!-- an unterminated comment", FileKind::kUnknown, ServerDialect::kNone},
      {"<htmlfoo>", FileKind::kUnknown, ServerDialect::kNone},
      {"", FileKind::kUnknown, ServerDialect::kNone},
      {std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14), FileKind::kHtml, ServerDialect::kNone},
      {std::string("\xFE\xFF\0<\0!\0D\0O\0C\0T\0Y\0P\0E\0 \0h\0t\0m\0l", 30), FileKind::kHtml,
       ServerDialect::kNone},
      {std::string("<\0?\0x\0m\0l\0 \0?\0>\0<\0r\0/\0>\0", 24), FileKind::kXml,
       ServerDialect::kNone},
  };
  for (const ContentCase& c : cases) {
    KindInfo info = KindFromContent(c.head);
    EXPECT_EQ(info.kind, c.kind) << c.head;
    EXPECT_EQ(info.server, c.server) << c.head;
  }
}

TEST(FileKindNameTest, Names) {
  EXPECT_EQ(FileKindName(FileKind::kUnknown), "unknown");
  EXPECT_EQ(FileKindName(FileKind::kHtml), "html");
  EXPECT_EQ(FileKindName(FileKind::kHta), "hta");
  EXPECT_EQ(FileKindName(FileKind::kHtc), "htc");
  EXPECT_EQ(FileKindName(FileKind::kJs), "js");
  EXPECT_EQ(FileKindName(FileKind::kVbs), "vbs");
  EXPECT_EQ(FileKindName(FileKind::kCss), "css");
  EXPECT_EQ(FileKindName(FileKind::kXml), "xml");
  EXPECT_EQ(FileKindName(FileKind::kXsl), "xsl");
  EXPECT_EQ(ServerDialectName(ServerDialect::kNone), "none");
  EXPECT_EQ(ServerDialectName(ServerDialect::kAsp), "asp");
  EXPECT_EQ(ServerDialectName(ServerDialect::kAspNet), "aspnet");
  EXPECT_EQ(ServerDialectName(ServerDialect::kRazor), "razor");
  EXPECT_EQ(ServerDialectName(ServerDialect::kJsp), "jsp");
  EXPECT_EQ(ServerDialectName(ServerDialect::kPhp), "php");
}

}  // namespace
}  // namespace iescan::scanner
