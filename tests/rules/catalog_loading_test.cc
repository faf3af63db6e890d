// Catalog: adding rules, rule directories (an organisation's --rules), and their errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "rules/engine/catalog.h"
#include "rules_test_util.h"

namespace iescan::rules {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RuleJson;

class RuleDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("iescan-rules-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void Write(const std::string& rel, const std::string& text) {
    fs::path path = root_ / rel;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  std::string Dir() const { return root_.string(); }
  std::string Path(const std::string& rel) const { return (root_ / rel).generic_string(); }

  fs::path root_;
};

std::string PayrollRule(const std::string& id) {
  return RuleJson(
      id, {"js", "html"},
      json::array(
          {{{"js-string-arg", "ActiveXObject"}, {"pattern", "^Payroll\\."}},
           {{"html-element", "object"}, {"attribute", "classid"}, {"value", "(?i)A1B2C3D4"}}}),
      {"Payroll.", "A1B2C3D4"});
}

TEST_F(RuleDirTest, AddsRulesWithDocsRecursively) {
  Write("inhouse/payroll-control.json", PayrollRule("inhouse.payroll-control"));
  Write("inhouse/payroll-control.md", "# Payroll ActiveX control\n\n## What breaks\n");
  Write("more/deep/reports/print-control.json",
        RuleJson("reports.print-control", {"js"}, json::array({{{"js-new", "PrintCtl"}}}),
                 {"PrintCtl"}));
  Write("inhouse/notes.txt", "not a rule");
  Catalog catalog;
  ASSERT_TRUE(catalog.AddDirectory(Dir()).ok());
  ASSERT_EQ(catalog.rules().size(), 2u);
  EXPECT_EQ(catalog.rules()[0]->id, "inhouse.payroll-control");
  EXPECT_EQ(catalog.rules()[1]->id, "reports.print-control");
  const Rule* payroll = catalog.Find("inhouse.payroll-control");
  ASSERT_NE(payroll, nullptr);
  EXPECT_EQ(payroll->title, "Payroll ActiveX control");
  EXPECT_EQ(payroll->source, Path("inhouse/payroll-control.json"));
  EXPECT_EQ(catalog.Find("reports.print-control")->doc, "");
  EXPECT_EQ(catalog.Find("inhouse.missing"), nullptr);
}

TEST_F(RuleDirTest, IdMustMatchFolderAndStem) {
  Write("inhouse/payroll.json", PayrollRule("inhouse.payroll-control"));
  Catalog catalog;
  EXPECT_EQ(catalog.AddDirectory(Dir()).message(),
            Path("inhouse/payroll.json") +
                ": key 'id': expected 'inhouse.payroll' (the file's folder and name), got "
                "'inhouse.payroll-control'");
  EXPECT_TRUE(catalog.rules().empty());
}

TEST_F(RuleDirTest, ParseErrorNamesTheFile) {
  Write("inhouse/a.json", RuleJson("inhouse.a", {"js"}, json::array({{{"js-new", "A"}}}), {"A"}));
  Write("inhouse/b.json", "{ \"id\": \"inhouse.b\", }");
  Catalog catalog;
  Status s = catalog.AddDirectory(Dir());
  EXPECT_EQ(s.message().rfind(Path("inhouse/b.json") + ": invalid JSON: ", 0), 0u) << s.message();
  EXPECT_TRUE(catalog.rules().empty());  // nothing from a directory that failed
}

TEST_F(RuleDirTest, DuplicateIdNamesBothSources) {
  Catalog catalog;
  Result<Rule> first = ParseRule(PayrollRule("inhouse.payroll-control"), "", "first.json");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(catalog.Add(std::move(first).value()).ok());
  Write("inhouse/payroll-control.json", PayrollRule("inhouse.payroll-control"));
  EXPECT_EQ(catalog.AddDirectory(Dir()).message(),
            Path("inhouse/payroll-control.json") +
                ": rule 'inhouse.payroll-control' is already defined by first.json");
  Result<Rule> again = ParseRule(PayrollRule("inhouse.payroll-control"), "", "again.json");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(catalog.Add(std::move(again).value()).message(),
            "again.json: rule 'inhouse.payroll-control' is already defined by first.json");
}

TEST_F(RuleDirTest, SupersededRuleMustExist) {
  Write("inhouse/a.json", RuleJson("inhouse.a", {"js"}, json::array({{{"js-new", "A"}}}), {"A"},
                                   {{"supersedes", {"activex.none"}}}));
  Catalog catalog;
  EXPECT_EQ(catalog.AddDirectory(Dir()).message(),
            Path("inhouse/a.json") +
                ": key 'supersedes[0]': no rule 'activex.none' in the "
                "catalogue");
}

TEST_F(RuleDirTest, NotADirectory) {
  Catalog catalog;
  EXPECT_EQ(catalog.AddDirectory(Path("nope")).message(), Path("nope") + ": not a directory");
}

TEST(CatalogTest, RulesStaySortedById) {
  Catalog catalog =
      testing::CatalogOf({RuleJson("z.last", {"js"}, json::array({{{"js-new", "Z"}}}), {"Z"}),
                          RuleJson("a.first", {"js"}, json::array({{{"js-new", "A"}}}), {"A"}),
                          RuleJson("m.middle", {"js"}, json::array({{{"js-new", "M"}}}), {"M"})});
  ASSERT_EQ(catalog.rules().size(), 3u);
  EXPECT_EQ(catalog.rules()[0]->id, "a.first");
  EXPECT_EQ(catalog.rules()[1]->id, "m.middle");
  EXPECT_EQ(catalog.rules()[2]->id, "z.last");
  EXPECT_EQ(catalog.Find("m.middle"), catalog.rules()[1]);
}

TEST(CatalogTest, BuiltinLoadsTwiceIdentically) {
  Result<Catalog> a = Catalog::Builtin();
  Result<Catalog> b = Catalog::Builtin();
  ASSERT_TRUE(a.ok()) << a.status().message();
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(a->rules().size(), b->rules().size());
  for (size_t i = 0; i < a->rules().size(); ++i) {
    EXPECT_EQ(a->rules()[i]->id, b->rules()[i]->id);
    EXPECT_NE(a->rules()[i], b->rules()[i]);  // each Catalog owns its rules
  }
}

}  // namespace
}  // namespace iescan::rules
