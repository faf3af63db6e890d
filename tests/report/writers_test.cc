#include "report/writers/writers.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/report/sample_scan.h"

namespace iescan::report {
namespace {

TEST(WritersTest, FormatFromName) {
  const std::vector<std::pair<std::string, Format>> names = {
      {"text", Format::kText},         {"json", Format::kJson}, {"sarif", Format::kSarif},
      {"junit", Format::kJunit},       {"csv", Format::kCsv},   {"markdown", Format::kMarkdown},
      {"sitelist", Format::kSiteList}, {"html", Format::kHtml},
      {"codequality", Format::kCodeQuality}};
  for (const auto& [name, format] : names) {
    SCOPED_TRACE(name);
    ASSERT_TRUE(FormatFromName(name).ok());
    EXPECT_EQ(*FormatFromName(name), format);
    EXPECT_EQ(FormatName(format), name);
  }
  const Result<Format> unknown = FormatFromName("pdf");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(),
            "unknown report format 'pdf' (expected one of text, json, sarif, junit, csv, "
            "markdown, sitelist, html, codequality)");
  EXPECT_FALSE(FormatFromName("JSON").ok());
  EXPECT_FALSE(FormatFromName("md").ok());
  EXPECT_FALSE(FormatFromName("").ok());
}

TEST(WritersTest, FormatNameRoundTrips) {
  for (Format f : {Format::kText, Format::kJson, Format::kSarif, Format::kJunit, Format::kCsv,
                   Format::kMarkdown, Format::kSiteList, Format::kHtml, Format::kCodeQuality}) {
    ASSERT_TRUE(FormatFromName(FormatName(f)).ok());
    EXPECT_EQ(*FormatFromName(FormatName(f)), f);
  }
}

TEST(WritersTest, FormatFromPathByExtension) {
  EXPECT_EQ(*FormatFromPath("report.txt"), Format::kText);
  EXPECT_EQ(*FormatFromPath("out/report.json"), Format::kJson);
  EXPECT_EQ(*FormatFromPath("out/勤怠レポート.JSON"), Format::kJson);
  EXPECT_EQ(*FormatFromPath("out.v2/report.Txt"), Format::kText);
  EXPECT_EQ(*FormatFromPath("ci/iescan.sarif"), Format::kSarif);
  EXPECT_EQ(*FormatFromPath("ci/iescan.sarif.json"), Format::kSarif);
  EXPECT_EQ(*FormatFromPath("ci/iescan.SARIF.JSON"), Format::kSarif);
  EXPECT_EQ(*FormatFromPath("ci/iescan.junit.xml"), Format::kJunit);
  EXPECT_EQ(*FormatFromPath("ci/TEST-iescan.xml"), Format::kJunit);
  EXPECT_EQ(*FormatFromPath("findings.csv"), Format::kCsv);
  EXPECT_EQ(*FormatFromPath("pr-comment.md"), Format::kMarkdown);
  EXPECT_EQ(*FormatFromPath("summary.markdown"), Format::kMarkdown);
  EXPECT_EQ(*FormatFromPath("emie/sites.sitelist.xml"), Format::kSiteList);
  EXPECT_EQ(*FormatFromPath("emie/Sites.SiteList.XML"), Format::kSiteList);
  EXPECT_EQ(*FormatFromPath("gl-code-quality-report.codequality.json"), Format::kCodeQuality);
  // The stem must not be empty: ".json" alone is a stem-less name with extension "json"
  // only when something precedes the dot.
  EXPECT_EQ(*FormatFromPath("a.sitelist.xml.json"), Format::kJson);
  const Result<Format> none = FormatFromPath("out.json/report");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().message(),
            "cannot tell the report format of 'out.json/report' from its extension (expected "
            ".txt, .json, .sarif.json, .sarif, .junit.xml, .xml, .csv, .markdown, .md, "
            ".sitelist.xml, .html, .htm, .codequality.json); name the format explicitly");
  EXPECT_FALSE(FormatFromPath("report.pdf").ok());
  EXPECT_FALSE(FormatFromPath("report.").ok());
  EXPECT_FALSE(FormatFromPath(".json").ok());
  EXPECT_FALSE(FormatFromPath("").ok());
}

TEST(WritersTest, WriteDispatchesToTheWriter) {
  const Plan plan = BuildPlan(sample::SampleScan(), sample::Options("0.1.0"));
  WriteOptions options;
  options.text.color = true;
  std::ostringstream via_registry;
  std::ostringstream direct;
  ASSERT_TRUE(Write(plan, Format::kText, options, via_registry).ok());
  ASSERT_TRUE(WriteText(plan, TextOptions{true}, direct).ok());
  EXPECT_EQ(via_registry.str(), direct.str());
  EXPECT_NE(via_registry.str().find("\x1b[1;31mblocker"), std::string::npos);

  std::ostringstream json_registry;
  std::ostringstream json_direct;
  ASSERT_TRUE(Write(plan, Format::kJson, options, json_registry).ok());
  ASSERT_TRUE(WriteJson(plan, JsonOptions{}, json_direct).ok());
  EXPECT_EQ(json_registry.str(), json_direct.str());
  EXPECT_EQ(json_registry.str().substr(0, 31), "{\n  \"schema\": \"iescan-report/1\"");

  // Every format goes through its own writer.
  const std::vector<std::pair<Format, std::string>> starts = {
      {Format::kSarif, "{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/"},
      {Format::kJunit, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "},
      {Format::kCsv,
       "\xEF\xBB\xBF"
       "app,path,line,column,"},
      {Format::kMarkdown, "## iescan: Internet Explorer migration report\n"},
      {Format::kSiteList, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<site-list "},
  };
  for (const auto& [format, start] : starts) {
    SCOPED_TRACE(std::string(FormatName(format)));
    std::ostringstream out;
    ASSERT_TRUE(Write(plan, format, options, out).ok());
    EXPECT_EQ(out.str().substr(0, start.size()), start);
  }
}

TEST(WritersTest, FailedStreamIsAnErrorForEveryFormat) {
  const Plan plan = BuildPlan(sample::SampleScan(), sample::Options());
  for (Format f : {Format::kText, Format::kJson, Format::kSarif, Format::kJunit, Format::kCsv,
                   Format::kMarkdown, Format::kSiteList}) {
    SCOPED_TRACE(std::string(FormatName(f)));
    std::ostringstream out;
    out.setstate(std::ios::badbit);
    EXPECT_FALSE(Write(plan, f, WriteOptions{}, out).ok());
  }
}

}  // namespace
}  // namespace iescan::report
