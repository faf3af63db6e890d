// Sharded scans and `iescan merge`: three shards of the bundled corpus merged into every
// output format give the unsharded run's bytes; shards are disjoint and cover every file
// (skipped ones too); bad --shard values and foreign or conflicting reports are usage errors
// that name the culprit; a missing shard, or shards of different scans, fail the merge
// unless --partial is given.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli/shard.h"
#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

using nlohmann::json;

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

std::set<std::string> FilePaths(const std::string& report_path) {
  const json doc = json::parse(Slurp(report_path), nullptr, false);
  std::set<std::string> out;
  if (doc.is_discarded()) return out;
  for (const json& f : doc["files"]) out.insert(f["path"].get<std::string>());
  return out;
}

std::set<std::string> SkippedPaths(const std::string& report_path) {
  const json doc = json::parse(Slurp(report_path), nullptr, false);
  std::set<std::string> out;
  if (doc.is_discarded()) return out;
  for (const json& s : doc["skipped"]) out.insert(s["path"].get<std::string>());
  return out;
}

class ShardMergeTest : public ::testing::Test {
 protected:
  void SetUp() override { setenv("SOURCE_DATE_EPOCH", "1700000000", 1); }
  std::string Out(const std::string& name) const { return out_.path() + "/" + name; }
  TempTree out_;
};

const std::vector<std::string> kExtensions = {"json", "sarif", "html",        "csv",
                                              "md",   "txt",   "sitelist.xml"};

TEST_F(ShardMergeTest, ThreeShardsOfTheCorpusMergeToTheUnshardedBytes) {
  const std::string source = IESCAN_SOURCE_DIR;
  std::vector<std::string> full = {"scan", "corpus", "-q"};
  std::vector<std::string> merge = {
      "merge", Out("s1.json"), Out("s2.json"), Out("s3.json"), "--config", "corpus/.iescan.json",
      "-q"};
  for (const std::string& ext : kExtensions) {
    full.insert(full.end(), {"-o", Out("full." + ext)});
    merge.insert(merge.end(), {"-o", Out("merged." + ext)});
  }
  RunOutput unsharded = RunIescan(full, source);
  ASSERT_EQ(unsharded.exit_code, 0) << unsharded.err;
  for (int k = 1; k <= 3; ++k) {
    const std::string shard = std::to_string(k) + "/3";
    RunOutput r = RunIescan(
        {"scan", "corpus", "--shard", shard, "-o", Out("s" + std::to_string(k) + ".json"), "-q"},
        source);
    ASSERT_EQ(r.exit_code, 0) << shard << ": " << r.err;
  }
  RunOutput merged = RunIescan(merge, source);
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  for (const std::string& ext : kExtensions) {
    const std::string expected = Slurp(Out("full." + ext));
    ASSERT_GT(expected.size(), 100u) << ext;
    EXPECT_TRUE(Slurp(Out("merged." + ext)) == expected) << ext << " differs";
  }

  // Disjoint shards that cover every file of the unsharded run, each a real share.
  const std::set<std::string> all = FilePaths(Out("full.json"));
  ASSERT_GT(all.size(), 200u);  // the bundled corpus grows; the count is not the point
  std::set<std::string> covered;
  size_t total = 0;
  for (int k = 1; k <= 3; ++k) {
    const std::set<std::string> part = FilePaths(Out("s" + std::to_string(k) + ".json"));
    EXPECT_GT(part.size(), 50u) << "shard " << k;
    total += part.size();
    covered.insert(part.begin(), part.end());
  }
  EXPECT_EQ(total, all.size());
  EXPECT_EQ(covered, all);

  // The gate applies to the merged findings; the configuration found from the recorded
  // root is the one --config named.
  RunOutput gate = RunIescan(
      {"merge", Out("s3.json"), Out("s1.json"), Out("s2.json"), "--fail-on", "blocker", "-q"},
      source);
  EXPECT_EQ(gate.exit_code, 1) << gate.err;
  RunOutput json_out = RunIescan(
      {"merge", Out("s2.json"), Out("s3.json"), Out("s1.json"), "--format", "json"}, source);
  EXPECT_EQ(json_out.exit_code, 0) << json_out.err;
  EXPECT_TRUE(json_out.out == Slurp(Out("full.json")));
}

TEST_F(ShardMergeTest, FileBelongsToTheShardOfItsRootRelativePathHash) {
  // FNV-1a 64 reference values.
  EXPECT_EQ(app::Fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(app::Fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(app::Fnv1a64("foobar"), 0x85944171f73967e8ull);

  TempTree tree;
  const std::vector<std::string> names = {"hr/index.htm", "hr/menu.js", "hr/style.css",
                                          "fa/list.asp",  "fa/grid.js", "top.html"};
  for (const std::string& name : names) tree.Write("site/" + name, "var x = document.all;\n");
  for (const std::string& root :
       {std::string("site"), std::string("./site/"), tree.path() + "/site"}) {
    for (uint32_t k = 1; k <= 4; ++k) {
      const std::string report = Out("k" + std::to_string(k) + ".json");
      RunOutput r = RunIescan({"scan", root, "--shard", std::to_string(k) + "/4", "-o", report,
                               "-q", "--fail-on", "none"},
                              tree.path());
      ASSERT_EQ(r.exit_code, 0) << r.err;
      std::set<std::string> expected;
      for (const std::string& name : names) {
        if (app::Fnv1a64(name) % 4 == k - 1) {
          std::string shown = root == "./site/" ? "site/" + name : root + "/" + name;
          expected.insert(shown);
        }
      }
      EXPECT_EQ(FilePaths(report), expected) << root << " shard " << k;
    }
  }
}

TEST_F(ShardMergeTest, ShardsOfAOneFileTree) {
  TempTree tree;
  tree.Write("app/a.js", "el.attachEvent('onclick', go);\n");
  int holders = 0;
  std::vector<std::string> merge = {"merge", "--format", "json"};
  for (int k = 1; k <= 3; ++k) {
    const std::string report = Out("one" + std::to_string(k) + ".json");
    RunOutput r = RunIescan({"scan", ".", "--shard", std::to_string(k) + "/3", "-o", report, "-q"},
                            tree.path());
    const bool holds = FilePaths(report) == std::set<std::string>{"app/a.js"};
    holders += holds ? 1 : 0;
    EXPECT_TRUE(holds || FilePaths(report).empty()) << k;
    EXPECT_EQ(r.exit_code, holds ? 1 : 0) << r.err;  // the blocker fails only its shard
    merge.push_back(report);
  }
  EXPECT_EQ(holders, 1);
  RunOutput whole = RunIescan({"scan", ".", "--format", "json"}, tree.path());
  RunOutput merged = RunIescan(merge, tree.path());
  EXPECT_EQ(whole.exit_code, 1);
  EXPECT_EQ(merged.exit_code, 1) << merged.err;
  EXPECT_TRUE(merged.out == whole.out) << merged.out;
  // The report language applies to the merged report as to a scan.
  RunOutput whole_ja = RunIescan({"scan", ".", "--lang", "ja", "--color", "never"}, tree.path());
  merge.insert(merge.end(), {"--lang", "ja", "--color", "never"});
  merge[2] = "text";
  RunOutput merged_ja = RunIescan(merge, tree.path());
  EXPECT_EQ(merged_ja.exit_code, 1) << merged_ja.err;
  EXPECT_NE(merged_ja.out, merged.out);
  EXPECT_TRUE(merged_ja.out == whole_ja.out) << merged_ja.out;
}

TEST_F(ShardMergeTest, SkippedItemsAreShardedLikeFiles) {
  TempTree tree;
  for (int i = 0; i < 8; ++i) {
    tree.Write("app/page" + std::to_string(i) + ".htm", "<p onclick=\"x()\">a</p>\n");
  }
  tree.Write("app/tool.js", std::string("var a = 1;\0\0\x01\x02", 14));  // binary: read-time
  tree.Write("app/big.js", std::string(3000, 'x'));                      // too large: listing-time
  const std::vector<std::string> common = {"--max-file-size", "2k", "-q", "--fail-on", "none"};
  std::vector<std::string> whole = {"scan", ".", "-o", Out("whole.json")};
  whole.insert(whole.end(), common.begin(), common.end());
  ASSERT_EQ(RunIescan(whole, tree.path()).exit_code, 0);
  ASSERT_EQ(SkippedPaths(Out("whole.json")), (std::set<std::string>{"app/big.js", "app/tool.js"}));
  std::vector<std::string> merge = {"merge", "-o", Out("merged.json"), "-q"};
  std::multiset<std::string> skipped;
  for (int k = 1; k <= 2; ++k) {
    std::vector<std::string> args = {"scan",    ".",
                                     "--shard", std::to_string(k) + "/2",
                                     "-o",      Out("p" + std::to_string(k) + ".json")};
    args.insert(args.end(), common.begin(), common.end());
    ASSERT_EQ(RunIescan(args, tree.path()).exit_code, 0);
    for (const std::string& s : SkippedPaths(Out("p" + std::to_string(k) + ".json"))) {
      skipped.insert(s);
    }
    merge.push_back(Out("p" + std::to_string(k) + ".json"));
  }
  EXPECT_EQ(skipped, (std::multiset<std::string>{"app/big.js", "app/tool.js"}));
  ASSERT_EQ(RunIescan(merge, tree.path()).exit_code, 0);
  EXPECT_TRUE(Slurp(Out("merged.json")) == Slurp(Out("whole.json")));
}

TEST_F(ShardMergeTest, CrawlSeedsAreShardedByTheirUrl) {
  // Nothing listens on the discard port of the loopback address: each seed becomes one
  // skipped item, in the shard its URL hashes to.
  const std::vector<std::string> seeds = {"http://127.0.0.1:9/alpha/", "http://127.0.0.1:9/beta/",
                                          "http://127.0.0.1:9/gamma/"};
  const std::vector<std::string> options = {
      "--ignore-robots", "--retries", "0", "--timeout", "5s", "-q", "--fail-on", "none"};
  std::vector<std::string> whole = {"scan"};
  whole.insert(whole.end(), seeds.begin(), seeds.end());
  whole.insert(whole.end(), options.begin(), options.end());
  std::vector<std::string> merge = {"merge", "-o", Out("crawl-merged.json"), "-q"};
  for (int k = 1; k <= 2; ++k) {
    const std::string report = Out("crawl" + std::to_string(k) + ".json");
    std::vector<std::string> args = whole;
    args.insert(args.end(), {"--shard", std::to_string(k) + "/2", "-o", report});
    ASSERT_EQ(RunIescan(args).exit_code, 0);
    std::set<std::string> expected;
    for (const std::string& seed : seeds) {
      if (app::Fnv1a64(seed) % 2 == static_cast<uint64_t>(k - 1)) expected.insert(seed);
    }
    EXPECT_EQ(SkippedPaths(report), expected) << k;
    merge.push_back(report);
  }
  whole.insert(whole.end(), {"-o", Out("crawl-whole.json")});
  ASSERT_EQ(RunIescan(whole).exit_code, 0);
  EXPECT_EQ(SkippedPaths(Out("crawl-whole.json")),
            std::set<std::string>(seeds.begin(), seeds.end()));
  ASSERT_EQ(RunIescan(merge).exit_code, 0);
  EXPECT_TRUE(Slurp(Out("crawl-merged.json")) == Slurp(Out("crawl-whole.json")));
}

TEST_F(ShardMergeTest, ContextFilesLoadedFromSeveralShardsAreKeptOnce) {
  // --files-from selects four pages; each shard scans the shared script they load as
  // context, and the merge keeps its identical copies once.
  TempTree tree;
  for (int i = 0; i < 6; ++i) {
    tree.Write("app/p" + std::to_string(i) + ".htm",
               "<script src=\"common.js\"></script>\n<p onclick=\"go()\">a</p>\n");
  }
  tree.Write("app/common.js", "el.attachEvent(\"onclick\", f);\n");
  tree.Write("list.txt", "app/p0.htm\napp/p1.htm\napp/p2.htm\napp/p3.htm\n");
  ASSERT_EQ(
      RunIescan({"scan", ".", "--files-from", "list.txt", "-q", "-o", Out("w.json")}, tree.path())
          .exit_code,
      0);  // the blocker is in a context file: it never fails the run
  std::vector<std::string> merge = {"merge", "-q", "-o", Out("m.json")};
  int with_context = 0;
  for (int k = 1; k <= 3; ++k) {
    const std::string report = Out("c" + std::to_string(k) + ".json");
    ASSERT_EQ(RunIescan({"scan", ".", "--files-from", "list.txt", "--shard",
                         std::to_string(k) + "/3", "-q", "-o", report},
                        tree.path())
                  .exit_code,
              0);
    with_context += FilePaths(report).count("app/common.js") != 0 ? 1 : 0;
    merge.push_back(report);
  }
  EXPECT_GE(with_context, 2);
  EXPECT_EQ(FilePaths(Out("w.json")),
            (std::set<std::string>{"app/common.js", "app/p0.htm", "app/p1.htm", "app/p2.htm",
                                   "app/p3.htm"}));
  ASSERT_EQ(RunIescan(merge, tree.path()).exit_code, 0);
  EXPECT_TRUE(Slurp(Out("m.json")) == Slurp(Out("w.json")));
}

TEST_F(ShardMergeTest, BadShardValuesAreUsageErrors) {
  TempTree tree;
  tree.Write("a.js", "var x = 1;\n");
  for (const char* bad : {"0/3", "4/3", "x", "1/0", "2", "1/3/5", "-1/3"}) {
    RunOutput r = RunIescan({"scan", ".", "--shard", bad}, tree.path());
    EXPECT_EQ(r.exit_code, 2) << bad;
    const std::string expected =
        "--shard: expected K/N with 1 <= K <= N (e.g. 2/3), got '" + std::string(bad) + "'";
    EXPECT_NE(r.err.find(expected), std::string::npos)
        << r.err;
  }
}

TEST_F(ShardMergeTest, ForeignOldOrConflictingReportsAreRefusedByName) {
  TempTree tree;
  tree.Write("app/a.js", "var x = document.all;\n");
  const std::string good = Out("good.json");
  ASSERT_EQ(RunIescan({"scan", ".", "-o", good, "-q"}, tree.path()).exit_code, 0);
  const std::string text = Slurp(good);

  const std::string foreign = tree.Write("package.json", "{\"name\": \"intranet\"}\n");
  RunOutput r = RunIescan({"merge", good, foreign}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "iescan: " + foreign + ": not an iescan JSON report (no \"schema\" key)\n");

  const std::string notjson = tree.Write("notes.json", "ActiveXObject\n");
  r = RunIescan({"merge", notjson}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "iescan: " + notjson + ": not an iescan JSON report (not JSON)\n");

  json doc = json::parse(text);
  doc["schema"] = "iescan-report/2";
  const std::string future = tree.Write("future.json", doc.dump(2));
  r = RunIescan({"merge", future}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(future + ": schema 'iescan-report/2' is not supported"), std::string::npos)
      << r.err;

  doc = json::parse(text);
  doc.erase("schema_minor");
  const std::string older = tree.Write("older.json", doc.dump(2));
  r = RunIescan({"merge", older}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(older + ": written by an older iescan"), std::string::npos) << r.err;

  doc = json::parse(text);
  doc["findings"][0]["rule_id"] = "acme.in-house-grid";
  const std::string custom = tree.Write("custom.json", doc.dump(2));
  r = RunIescan({"merge", custom}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(custom + ": unknown rule id 'acme.in-house-grid'"), std::string::npos)
      << r.err;

  // An output that is also an input is refused before anything is written.
  r = RunIescan({"merge", "-o", good, good}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "iescan: -o " + good + ": is also a report to merge\n");
  EXPECT_TRUE(Slurp(good) == text);

  // The same report twice: identical data for the same file is kept once.
  RunOutput twice = RunIescan({"merge", good, good, "--format", "json"}, tree.path());
  EXPECT_EQ(twice.exit_code, 0) << twice.err;
  EXPECT_TRUE(twice.out == text);
  // Different data for the same file is a conflict naming both reports.
  doc = json::parse(text);
  doc["files"][0]["bytes"] = 999;
  const std::string changed = tree.Write("changed.json", doc.dump(2));
  r = RunIescan({"merge", good, changed}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "iescan: " + changed + ": file 'app/a.js' differs from its scan in " + good +
                       " (were the shards run on the same files and options?)\n");
}

TEST_F(ShardMergeTest, AMissingShardFailsTheMergeUnlessPartial) {
  TempTree tree;
  for (int i = 0; i < 12; ++i) {
    tree.Write("app/s" + std::to_string(i) + ".js", "var x = document.all.item" +
                                                        std::to_string(i) + ";\n");
  }
  std::vector<std::string> shards;
  for (int k = 1; k <= 3; ++k) {
    shards.push_back(Out("m" + std::to_string(k) + ".json"));
    ASSERT_EQ(RunIescan({"scan", ".", "--shard", std::to_string(k) + "/3", "-o", shards.back(),
                         "-q", "--fail-on", "none"},
                        tree.path())
                  .exit_code,
              0);
    const json doc = json::parse(Slurp(shards.back()));
    EXPECT_EQ(doc["shard"], (json{{"index", k}, {"count", 3}}));
    ASSERT_FALSE(FilePaths(shards.back()).empty()) << k;  // each shard holds some files
  }
  const std::string whole = Out("whole.json");
  ASSERT_EQ(RunIescan({"scan", ".", "-o", whole, "-q", "--fail-on", "none"}, tree.path()).exit_code,
            0);
  EXPECT_FALSE(json::parse(Slurp(whole)).contains("shard"));

  // Shard 2/3 lost (its job failed): refused, naming it.
  RunOutput r = RunIescan({"merge", shards[0], shards[2], "-q"}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "iescan: shard 2/3 is missing (2 of 3 given): merge every shard's report, or pass "
            "--partial to merge these and mark the report incomplete\n");
  r = RunIescan({"merge", shards[1], "-q"}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("shards 1/3, 3/3 are missing (1 of 3 given)"), std::string::npos) << r.err;

  // --partial merges what is there, says what is missing and marks the report incomplete.
  r = RunIescan({"merge", shards[0], shards[2], "--partial", "--format", "json", "--fail-on",
                 "none"},
                tree.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "iescan: warning: merging without shard 2/3; the report is marked incomplete\n");
  const json partial = json::parse(r.out);
  EXPECT_EQ(partial["complete"], false);
  EXPECT_FALSE(partial.contains("shard"));
  std::set<std::string> expected = FilePaths(shards[0]);
  const std::set<std::string> third = FilePaths(shards[2]);
  expected.insert(third.begin(), third.end());
  std::set<std::string> got;
  for (const json& f : partial["files"]) got.insert(f["path"].get<std::string>());
  EXPECT_EQ(got, expected);

  // Every shard, one of them twice (a retried job): the whole scan's bytes.
  r = RunIescan({"merge", shards[2], shards[1], shards[0], shards[1], "--format", "json",
                 "--fail-on", "none"},
                tree.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out == Slurp(whole)) << r.out;

  // A whole scan with a shard, or shards of different N, are not one sharded scan.
  r = RunIescan({"merge", whole, shards[0], "--partial", "-q"}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "iescan: " + whole + " is a whole scan but " + shards[0] +
                       " is shard 1/3 of one: merge the shards of one sharded scan\n");
  const std::string half = Out("half.json");
  ASSERT_EQ(RunIescan({"scan", ".", "--shard", "1/2", "-o", half, "-q", "--fail-on", "none"},
                      tree.path())
                .exit_code,
            0);
  r = RunIescan({"merge", shards[0], half, "--partial", "-q"}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "iescan: " + shards[0] + " is shard 1/3 but " + half +
                       " is shard 1/2: merge the shards of one sharded scan (same N)\n");

  // Shards of a scan of other roots are not shards of this one.
  TempTree other;
  other.Write("app/s0.js", "var x = document.all.item0;\n");
  const std::string elsewhere = Out("elsewhere.json");
  ASSERT_EQ(RunIescan({"scan", other.path(), "--shard", "2/3", "-o", elsewhere, "-q",
                       "--fail-on", "none"},
                      tree.path())
                .exit_code,
            0);
  r = RunIescan({"merge", shards[0], elsewhere, shards[2], "-q"}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "iescan: " + shards[0] + " and " + elsewhere +
                       " scanned different roots: merge the shards of one sharded scan (every "
                       "shard is given the same roots)\n");

  // A report whose shard record is not K/N is refused by name.
  json doc = json::parse(Slurp(shards[0]));
  doc["shard"] = {{"index", 4}, {"count", 3}};
  const std::string bad = tree.Write("bad.json", doc.dump(2));
  r = RunIescan({"merge", bad, shards[1], shards[2], "-q"}, tree.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad + ": malformed iescan report: 'shard' must be"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace iescan::testing
