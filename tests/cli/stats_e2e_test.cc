// `iescan scan --stats`: the stage table, the peak memory and the slowest rules on standard
// error, after the run, with the reports unchanged; nothing of it without the flag.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "tests/support/test_tree.h"

namespace iescan {
namespace {

using testing::RunIescan;
using testing::TempTree;

constexpr char kPage[] =
    "<!DOCTYPE html>\n"
    "<html><body>\n"
    "<script>\n"
    "if (navigator.userAgent.indexOf('MSIE') > 0) { document.all.menu.style.display = 'none'; }\n"
    "el.attachEvent('onclick', go);\n"
    "</script>\n"
    "</body></html>\n";

TEST(StatsE2e, PrintsStagesAndRulesOnStandardError) {
  TempTree tree;
  tree.Write("app/index.html", kPage);
  tree.Write("app/site.css", ".menu { zoom: 1; }\n");
  testing::RunOutput with = RunIescan({"scan", "app", "-f", "json", "--stats", "-j", "1",
                                       "--fail-on", "none"}, tree.path());
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_NE(with.err.find("iescan stats: 2 files read (0.0 MB), 2 scanned, 2 documents built"),
            std::string::npos)
      << with.err;
  for (const char* stage : {"\n  list ", "\n  read ", "\n  decode ", "\n  prefilter ",
                            "\n  document build ", "\n  match: js tokens ", "\n  match: regex ",
                            "\n  report ", "\n  total ", "slowest regex and check rules\n",
                            "\n  sniffing.msie-user-agent "}) {
    EXPECT_NE(with.err.find(stage), std::string::npos) << stage << "\n" << with.err;
  }
  // The high-water mark, in whole MB: a real process holds at least its catalogue.
  const std::string marker = "\npeak resident memory ";
  const size_t peak = with.err.find(marker);
  ASSERT_NE(peak, std::string::npos) << with.err;
  const int mb = std::atoi(with.err.c_str() + peak + marker.size());
  EXPECT_GT(mb, 1) << with.err;
  EXPECT_LT(mb, 4096) << with.err;
  EXPECT_NE(with.err.find(" MB\n", peak), std::string::npos) << with.err;
  testing::RunOutput without = RunIescan({"scan", "app", "-f", "json", "-j", "1",
                                          "--fail-on", "none"}, tree.path());
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_EQ(without.err.find("iescan stats"), std::string::npos) << without.err;
  EXPECT_EQ(with.out.size(), without.out.size());
  EXPECT_NE(with.out.find("\"sniffing.msie-user-agent\""), std::string::npos);
}

}  // namespace
}  // namespace iescan
