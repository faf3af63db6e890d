// Hostile content: unterminated constructs at end of file, invalid UTF-8, unpaired UTF-16
// surrogates, NUL bytes, billion-laughs XML and external entities. Each file ends in
// findings or a skip with a reason; the control file keeps its finding.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>

#include "tests/hostile/hostile_util.h"

namespace iescan::hostile {
namespace {

using std::chrono::seconds;

constexpr const char* kControl = "control/ok.html:1:29 dom.document-all";

TEST(HostileContent, UnterminatedAtEndOfFile) {
  Scratch tree;
  tree.WriteControl();
  tree.Write("u/comment.html", "<script>document.all</script>\n<!-- never closed <b>");
  tree.Write("u/comment.js", "document.all;\n/* never closed");
  tree.Write("u/string.js", "document.all;\nvar s = \"never closed");
  tree.Write("u/template.js", "document.all;\nvar t = `never ${closed");
  tree.Write("u/regex.js", "document.all;\nvar r = /never closed");
  tree.Write("u/string.vbs", "Set o = CreateObject(\"Scripting.FileSystemObject\")\nx = \"open");
  tree.Write("u/style.css", "p { behavior: url(x.htc); }\np { color: \"open");
  tree.Write("u/script.html", "<p onclick=\"document.all.x\">p</p><script>var x = 'open");
  auto report = ScanJson(tree, seconds(60));
  auto findings = Findings(report);
  for (const char* name : {"comment.js", "string.js", "template.js", "regex.js"}) {
    EXPECT_PRED2(Has, findings, std::string("u/") + name + ":1:1 dom.document-all");
  }
  EXPECT_PRED2(Has, findings, std::string("u/comment.html:1:9 dom.document-all"));
  EXPECT_PRED2(Has, findings, std::string("u/script.html:1:13 dom.document-all"));
  EXPECT_PRED2(Has, findings, std::string("u/string.vbs:1:9 activex.file-system-object"));
  EXPECT_PRED2(Has, findings, std::string("u/style.css:1:5 css.behavior"));
  EXPECT_PRED2(Has, findings, kControl);
}

TEST(HostileContent, InvalidUtf8AndUnpairedSurrogates) {
  Scratch tree;
  tree.WriteControl();
  // Stray continuation bytes, a truncated sequence, an overlong encoding and an encoded
  // surrogate (ED A0 80) before and after the finding.
  tree.Write("enc/bad.js", "\x80\xbf\xc3 \xc0\xaf\xed\xa0\x80 x = document.all;\n\xff\xfe\n");
  // UTF-16LE with a BOM and an unpaired high surrogate (D800) before the script.
  std::string utf16 = "\xff\xfe";
  auto add = [&utf16](std::string_view ascii) {
    for (char c : ascii) {
      utf16 += c;
      utf16 += '\0';
    }
  };
  add("<html><body>");
  utf16 += std::string("\x00\xd8", 2);  // lone high surrogate
  add("<script>var a = document.all;</script>");
  utf16 += std::string("\x00\xdc", 2);  // lone low surrogate
  add("</body></html>\n");
  tree.Write("enc/utf16.html", utf16);
  auto report = ScanJson(tree, seconds(60));
  auto findings = Findings(report);
  // The bytes do not decode as UTF-8, so the file is read as windows-1252: nine characters,
  // then " x = " puts document.all at column 15.
  EXPECT_PRED2(Has, findings, std::string("enc/bad.js:1:15 dom.document-all"));
  // <html><body> is 12 characters, the lone surrogate one U+FFFD (column 13), <script> and
  // "var a = " columns 14 to 29.
  EXPECT_PRED2(Has, findings, std::string("enc/utf16.html:1:30 dom.document-all"));
  EXPECT_PRED2(Has, findings, kControl);
}

TEST(HostileContent, NulBytesMidFile) {
  Scratch tree;
  tree.WriteControl();
  tree.Write("nul/a.js", std::string("var a = 1;\0\0 document.all;\n", 27));
  auto report = ScanJson(tree, seconds(60));
  EXPECT_EQ(SkipReason(report, "nul/a.js"), "binary file (NUL byte at offset 10)");
  EXPECT_PRED2(Has, Findings(report), kControl);
}

std::string BillionLaughs() {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    xml += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) xml += "&lol" + std::to_string(i - 1) + ";";
    xml += "\">\n";
  }
  xml += "]>\n<lolz>&lol9;<msxsl:script xmlns:msxsl=\"urn:schemas-microsoft-com:xslt\">"
         "var x = 1;</msxsl:script></lolz>\n";
  return xml;
}

TEST(HostileContent, BillionLaughsIsNotExpanded) {
  Scratch tree;
  tree.WriteControl();
  tree.Write("xml/laughs.xml", BillionLaughs());
  tree.Write("xml/laughs.xsl", BillionLaughs());
  RunResult run;
  auto report = ScanJson(tree, seconds(60), {}, &run);
  std::printf("[ measure ] billion laughs in %.1f s\n", run.seconds);
  auto findings = Findings(report);
  // Line 14 is "<lolz>&lol9;<msxsl:script ...": the element starts at column 13.
  EXPECT_PRED2(Has, findings, std::string("xml/laughs.xml:14:13 xml.msxsl-script"));
  EXPECT_PRED2(Has, findings, std::string("xml/laughs.xsl:14:13 xml.msxsl-script"));
  EXPECT_PRED2(Has, findings, kControl);
}

TEST(HostileContent, ExternalEntityIsNeverRead) {
  Scratch tree;
  tree.WriteControl();
  const std::string canary = "CANARY-" + std::to_string(::getpid()) + "-do-not-read";
  std::string canary_path = tree.Write("outside/canary.txt", canary + "\n");
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY xxe SYSTEM \"file://" +
                    canary_path + "\"> ]>\n<r a=\"&xxe;\"><v>&xxe;</v>"
                    "<msxsl:script xmlns:msxsl=\"urn:schemas-microsoft-com:xslt\">"
                    "var x = new ActiveXObject(\"Msxml2.DOMDocument\");</msxsl:script></r>\n";
  tree.Write("xml/xxe.xml", xml);
  tree.Write("xml/xxe.xsl", xml);
  for (const char* format : {"json", "text", "sarif", "junit", "markdown", "csv"}) {
    RunResult run = RunWithBudget({"scan", "xml", "control", "--format", format}, tree.path(),
                            seconds(60));
    EXPECT_FALSE(run.timed_out);
    EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 1) << format << "\n" << run.err;
    EXPECT_EQ(run.out.find(canary), std::string::npos) << format;
    EXPECT_EQ(run.err.find(canary), std::string::npos) << format;
  }
  auto report = ScanJson(tree, seconds(60));
  auto findings = Findings(report);
  EXPECT_PRED2(Has, findings, std::string("xml/xxe.xml:3:26 xml.msxsl-script"));
  EXPECT_PRED2(Has, findings, std::string("xml/xxe.xsl:3:26 xml.msxsl-script"));
  EXPECT_PRED2(Has, findings, kControl);
}

}  // namespace
}  // namespace iescan::hostile
