// --spill-after: a scan that keeps its findings in a temporary file writes the same reports,
// baselines and exit codes as one that keeps them in memory; bad values are usage errors.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

class SpillE2e : public ::testing::Test {
 protected:
  void SetUp() override { setenv("SOURCE_DATE_EPOCH", "1700000000", 1); }
  std::string Out(const std::string& name) const { return out_.path() + "/" + name; }
  TempTree out_;
};

const std::vector<std::string> kExtensions = {"json", "sarif", "html", "csv",
                                              "md",   "txt",   "junit.xml", "sitelist.xml"};

TEST_F(SpillE2e, SpilledCorpusScanWritesTheInMemoryBytes) {
  const std::string source = IESCAN_SOURCE_DIR;
  std::vector<int> exit_codes;
  for (const std::string spill : {"never", "0", "64KiB"}) {
    std::vector<std::string> args = {"scan",    "corpus", "-q", "-j", "2", "--fail-on",
                                     "blocker", "--spill-after", spill};
    for (const std::string& ext : kExtensions) args.insert(args.end(), {"-o", Out(spill + "." + ext)});
    RunOutput r = RunIescan(args, source);
    exit_codes.push_back(r.exit_code);
    EXPECT_EQ(r.err, "") << spill;
  }
  EXPECT_EQ(exit_codes, std::vector<int>(3, 1));  // the corpus has blockers
  for (const std::string& ext : kExtensions) {
    const std::string expected = Slurp(Out("never." + ext));
    ASSERT_GT(expected.size(), 1000u) << ext;
    EXPECT_TRUE(Slurp(Out("0." + ext)) == expected) << ext << " differs when all is spilled";
    EXPECT_TRUE(Slurp(Out("64KiB." + ext)) == expected) << ext << " differs past 64 KiB";
  }
}

TEST_F(SpillE2e, BaselinesAgreeWhetherSpilledOrNot) {
  const std::string source = IESCAN_SOURCE_DIR;
  for (const std::string spill : {"never", "0"}) {
    RunOutput b = RunIescan(
        {"baseline", "corpus", "--spill-after", spill, "-o", Out("baseline-" + spill + ".json")},
        source);
    ASSERT_EQ(b.exit_code, 0) << b.err;
  }
  const std::string baseline = Slurp(Out("baseline-never.json"));
  ASSERT_NE(baseline.find("\"fingerprint\""), std::string::npos);
  EXPECT_TRUE(Slurp(Out("baseline-0.json")) == baseline);
  for (const std::string spill : {"never", "0"}) {
    RunOutput r = RunIescan({"scan", "corpus", "-q", "--spill-after", spill, "--baseline",
                             Out("baseline-never.json"), "-o", Out("gated-" + spill + ".json")},
                            source);
    EXPECT_EQ(r.exit_code, 0) << spill << ": " << r.err;  // nothing new
  }
  const std::string gated = Slurp(Out("gated-never.json"));
  EXPECT_NE(gated.find("\"baseline\": \"unchanged\""), std::string::npos);
  EXPECT_TRUE(Slurp(Out("gated-0.json")) == gated);
}

// --stats tells how much went to disk: nothing when told never, the corpus' findings and
// file records (some hundreds of kilobytes) when everything is spilled.
double SpilledMb(const std::string& err) {
  const std::string marker = "spilled to temporary files ";
  const size_t at = err.find(marker);
  return at == std::string::npos ? -1 : std::atof(err.c_str() + at + marker.size());
}

TEST_F(SpillE2e, StatsTellHowMuchWentToDisk) {
  const std::string source = IESCAN_SOURCE_DIR;
  RunOutput never = RunIescan({"scan", "corpus", "-q", "--fail-on", "none", "--stats",
                               "--spill-after", "never", "-o", Out("n.json")},
                              source);
  RunOutput all = RunIescan({"scan", "corpus", "-q", "--fail-on", "none", "--stats",
                             "--spill-after", "0", "-o", Out("a.json")},
                            source);
  ASSERT_EQ(never.exit_code, 0) << never.err;
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(SpilledMb(never.err), 0.0) << never.err;
  EXPECT_GT(SpilledMb(all.err), 0.1) << all.err;
  EXPECT_LT(SpilledMb(all.err), 10.0) << all.err;
}

TEST_F(SpillE2e, BadValuesAreUsageErrors) {
  TempTree tree;
  tree.Write("a.htm", "<p>plain</p>\n");
  RunOutput r = RunIescan({"scan", ".", "--spill-after", "lots"}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--spill-after: expected a size such as 16MiB or 'never', got 'lots'"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace iescan::testing
