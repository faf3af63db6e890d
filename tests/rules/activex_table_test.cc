// The ActiveX table and the identification of controls in the generic ActiveX findings.
#include "rules/checks/activex_table.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"
#include "rules_test_util.h"

namespace iescan::rules {
namespace {

using testing::Kind;
using testing::MakeFile;

TEST(ActiveXTableTest, HoldsAtLeastEightyDistinctIdentifiers) {
  std::set<std::string> seen;
  for (const ActiveXControl& c : AllActiveXControls()) {
    EXPECT_TRUE(seen.insert(std::string(c.id)).second) << "duplicate " << c.id;
    EXPECT_FALSE(c.vendor.empty()) << c.id;
    EXPECT_FALSE(c.product.empty()) << c.id;
    EXPECT_FALSE(c.replacement.empty()) << c.id;
    if (c.kind == ActiveXIdKind::kClsid) {
      EXPECT_EQ(NormalizeClsid(c.id), c.id);
    }
  }
  EXPECT_GE(seen.size(), 80u);
}

TEST(ActiveXTableTest, NormalizesClsidSpellings) {
  EXPECT_EQ(NormalizeClsid("clsid:{ca8a9780-280d-11cf-a24d-444553540000}"),
            "CA8A9780-280D-11CF-A24D-444553540000");
  EXPECT_EQ(NormalizeClsid("CLSID:D27CDB6E-AE6D-11cf-96B8-444553540000"),
            "D27CDB6E-AE6D-11CF-96B8-444553540000");
  EXPECT_EQ(NormalizeClsid("java:com.acme.Applet.class"), "");
  EXPECT_EQ(NormalizeClsid("clsid:D27CDB6E-AE6D-11cf-96B8"), "");
}

TEST(ActiveXTableTest, FindsControlsByClsid) {
  const ActiveXControl* acrobat =
      FindActiveXByClsid("clsid:{ca8a9780-280d-11cf-a24d-444553540000}");
  ASSERT_NE(acrobat, nullptr);
  EXPECT_EQ(acrobat->vendor, "Adobe");
  EXPECT_EQ(acrobat->product, "Adobe Acrobat / Reader control");
  const ActiveXControl* java = FindActiveXByClsid("clsid:CAFEEFAC-0016-0000-0029-ABCDEFFEDCBA");
  ASSERT_NE(java, nullptr);
  EXPECT_EQ(java->product, "Java plug-in, version-pinned");
  const ActiveXControl* enroll = FindActiveXByClsid("127698e4-e730-4e5c-a2b1-21490a70c8a1");
  ASSERT_NE(enroll, nullptr);
  EXPECT_EQ(enroll->product, "CertEnroll web enrolment class factory");
  EXPECT_EQ(FindActiveXByClsid("clsid:12345678-ABCD-11D2-8F06-00C04FC295E1"), nullptr);
}

TEST(ActiveXTableTest, FindsControlsByProgIdWithVersionSuffixes) {
  const ActiveXControl* dom = FindActiveXByProgId("Msxml2.DOMDocument.6.0");
  ASSERT_NE(dom, nullptr);
  EXPECT_EQ(dom->product, "MSXML DOMDocument");
  const ActiveXControl* xhr = FindActiveXByProgId(" msxml2.xmlhttp ");
  ASSERT_NE(xhr, nullptr);
  EXPECT_EQ(xhr->product, "MSXML XMLHTTP");
  const ActiveXControl* owc = FindActiveXByProgId("OWC11.Spreadsheet.11");
  ASSERT_NE(owc, nullptr);
  EXPECT_EQ(owc->product, "Office Web Components 11");
  EXPECT_EQ(FindActiveXByProgId("Msxml2.DOMDocumentX"), nullptr);
  EXPECT_EQ(FindActiveXByProgId("Acme.PayrollGrid"), nullptr);
  ASSERT_NE(FindActiveX("AcroPDF.PDF.1"), nullptr);
  EXPECT_EQ(FindActiveX("AcroPDF.PDF.1")->product, "Adobe Reader control");
}

class ActiveXIdentifyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Catalog> builtin = Catalog::Builtin();
    ASSERT_TRUE(builtin.ok()) << builtin.status().message();
    catalog_ = new Catalog(std::move(builtin).value());
  }
  static void TearDownTestSuite() { delete catalog_; }

  std::vector<Finding> Scan(const std::string& text, scanner::FileKind kind) {
    Engine engine(*catalog_, EngineOptions{});
    scanner::TextFile file = MakeFile(text, "page.html");
    Result<FileScan> scan = engine.ScanFile(file, Kind(kind));
    EXPECT_TRUE(scan.ok());
    return scan.ok() ? std::move(scan->findings) : std::vector<Finding>{};
  }

  static const Finding* Of(const std::vector<Finding>& findings, std::string_view rule) {
    for (const Finding& f : findings) {
      if (f.rule->id == rule) return &f;
    }
    return nullptr;
  }

  static Catalog* catalog_;
};
Catalog* ActiveXIdentifyTest::catalog_ = nullptr;

constexpr char kDoctype[] = "<!DOCTYPE html>\n<html><body>\n";

TEST_F(ActiveXIdentifyTest, NamesAKnownControlInTheGenericClassidFinding) {
  std::vector<Finding> findings = Scan(
      std::string(kDoctype) +
          "<object id=\"tdc\" classid=\"clsid:333C7BC4-460F-11D0-BC04-0080C7055A83\"></object>\n",
      scanner::FileKind::kHtml);
  const Finding* f = Of(findings, "activex.object-classid");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->begin.line, 3u);
  EXPECT_EQ(f->begin.column, 1u);
  EXPECT_EQ(f->detail, "Tabular Data Control (333C7BC4-460F-11D0-BC04-0080C7055A83)");
  EXPECT_TRUE(f->message.str().starts_with(
      "Tabular Data Control (333C7BC4-460F-11D0-BC04-0080C7055A83) from Microsoft: fetch() the "
      "CSV and render it with JavaScript. <object classid="))
      << f->message;
  EXPECT_FALSE(f->effort.has_value());
}

TEST_F(ActiveXIdentifyTest, ReportsAnUnknownClsidAsAnInHouseControlWithLargeEffort) {
  std::vector<Finding> findings = Scan(
      std::string(kDoctype) +
          "  <object classid=\"clsid:{5D3A2C10-9B1E-4F7A-8C21-00A0C9F1B2E3}\"></object>\n",
      scanner::FileKind::kHtml);
  const Finding* f = Of(findings, "activex.object-classid");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->begin.line, 3u);
  EXPECT_EQ(f->begin.column, 3u);
  EXPECT_EQ(f->detail, "in-house control (5D3A2C10-9B1E-4F7A-8C21-00A0C9F1B2E3)");
  EXPECT_TRUE(f->message.str().starts_with(
      "In-house or unidentified ActiveX control (5D3A2C10-9B1E-4F7A-8C21-00A0C9F1B2E3): no "
      "product is known"))
      << f->message;
  EXPECT_NE(f->message.str().find("most expensive kind of control to migrate"), std::string::npos);
  ASSERT_TRUE(f->effort.has_value());
  EXPECT_EQ(*f->effort, Effort::kLarge);
}

TEST_F(ActiveXIdentifyTest, NamesAProgIdInTheGenericActiveXObjectFinding) {
  std::vector<Finding> findings =
      Scan("var voice = new ActiveXObject(\"SAPI.SpVoice\");\n", scanner::FileKind::kJs);
  const Finding* f = Of(findings, "activex.activex-object");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->begin.line, 1u);
  EXPECT_EQ(f->detail, "Speech API voice (SAPI.SpVoice)");
  EXPECT_TRUE(f->message.str().starts_with("Speech API voice (SAPI.SpVoice) from Microsoft: use the "
                                     "Web Speech API (speechSynthesis). new ActiveXObject("))
      << f->message;
}

TEST_F(ActiveXIdentifyTest, UnknownProgIdIsInHouseAndDynamicArgumentsAreLeftAlone) {
  std::vector<Finding> findings = Scan(
      "var grid = new ActiveXObject(\"Acme.PayrollGrid.2\");\nvar x = new ActiveXObject(name);\n",
      scanner::FileKind::kJs);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].detail, "in-house control (Acme.PayrollGrid.2)");
  EXPECT_EQ(findings[0].effort, Effort::kLarge);
  EXPECT_EQ(findings[1].begin.line, 2u);
  EXPECT_FALSE(findings[1].effort.has_value());
  EXPECT_EQ(findings[1].message.str().rfind("In-house", 0), std::string::npos);
}

TEST_F(ActiveXIdentifyTest, FamilyRuleKeepsItsMessageAndGetsTheProductInItsDetail) {
  std::vector<Finding> findings = Scan(
      std::string(kDoctype) +
          "<object classid=\"clsid:CA8A9780-280D-11CF-A24D-444553540000\"></object>\n",
      scanner::FileKind::kHtml);
  const Finding* f = Of(findings, "activex.acrobat");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Of(findings, "activex.object-classid"), nullptr);
  EXPECT_EQ(f->detail, "Adobe Acrobat / Reader control (CA8A9780-280D-11CF-A24D-444553540000)");
  EXPECT_TRUE(f->message.str().starts_with("Adobe Reader control (")) << f->message;
}

}  // namespace
}  // namespace iescan::rules
