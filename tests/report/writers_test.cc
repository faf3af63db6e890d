#include "report/writers/writers.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace iescan::report {
namespace sample {
ScanResult SampleScan();
}  // namespace sample
namespace {

TEST(WritersTest, FormatFromName) {
  ASSERT_TRUE(FormatFromName("text").ok());
  EXPECT_EQ(*FormatFromName("text"), Format::kText);
  ASSERT_TRUE(FormatFromName("json").ok());
  EXPECT_EQ(*FormatFromName("json"), Format::kJson);
  const Result<Format> unknown = FormatFromName("sarif");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(),
            "unknown report format 'sarif' (expected one of text, json)");
  EXPECT_FALSE(FormatFromName("JSON").ok());
  EXPECT_FALSE(FormatFromName("").ok());
}

TEST(WritersTest, FormatNameRoundTrips) {
  for (Format f : {Format::kText, Format::kJson}) {
    ASSERT_TRUE(FormatFromName(FormatName(f)).ok());
    EXPECT_EQ(*FormatFromName(FormatName(f)), f);
  }
}

TEST(WritersTest, FormatFromPathByExtension) {
  EXPECT_EQ(*FormatFromPath("report.txt"), Format::kText);
  EXPECT_EQ(*FormatFromPath("out/report.json"), Format::kJson);
  EXPECT_EQ(*FormatFromPath("out/勤怠レポート.JSON"), Format::kJson);
  EXPECT_EQ(*FormatFromPath("out.v2/report.Txt"), Format::kText);
  const Result<Format> none = FormatFromPath("out.json/report");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().message(),
            "cannot tell the report format of 'out.json/report' from its extension (expected "
            ".txt, .json); name the format explicitly");
  EXPECT_FALSE(FormatFromPath("report.sarif").ok());
  EXPECT_FALSE(FormatFromPath("report.").ok());
  EXPECT_FALSE(FormatFromPath("").ok());
}

TEST(WritersTest, WriteDispatchesToTheWriter) {
  const Plan plan = BuildPlan(sample::SampleScan(), PlanOptions{"0.1.0"});
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
}

}  // namespace
}  // namespace iescan::report
