// A scan's spilled files: every field of a FileResult comes back from disk as it was, the
// findings stay on disk and take changes through PutFindings, and ForEachFile visits the
// files in memory and on disk alike.
#include "report/scan_result.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/plan.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

FileResult RichFile() {
  testing::ScanBuilder b("C:/intranet");
  b.File("hr/index.asp", scanner::FileKind::kHtml, 42, {"js/menu.js", "/css/site.css"});
  b.DocMode("IE8", "IE8Enterprise", {"line 1: no doctype (quirks mode)", "line 3: X-UA-Compatible"});
  b.Finding(testing::TestRule("dom.document-all", rules::Severity::kHigh, rules::Effort::kSmall),
            7, 3, rules::Guard::kUnguarded, "menu");
  b.Finding(testing::TestRule("events.attach-event", rules::Severity::kMedium,
                              rules::Effort::kSmall),
            9, 1);
  FileResult f = b.scan().files.front();
  f.kind.server = scanner::ServerDialect::kAsp;
  f.encoding = "Shift_JIS";
  f.encoding_source = "meta";
  f.warnings = {"12 byte(s) could not be decoded as Shift_JIS and were replaced"};
  f.context_only = true;
  f.folded_findings = 5;
  f.origin.fs_path = "C:/intranet/hr/index.asp";
  f.findings[0].fingerprint = "0123456789abcdef:0";
  return f;
}

TEST(ScanResultTest, ASpilledFileComesBackWhole) {
  const FileResult original = RichFile();
  ScanResult scan;
  scan.spill = SpillFile::Create();
  ASSERT_NE(scan.spill, nullptr);
  std::optional<SpilledFile> spilled = SpillWholeFile(*scan.spill, FileResult(original));
  ASSERT_TRUE(spilled.has_value());
  EXPECT_TRUE(spilled->context_only);
  const FileResult back = LoadFile(scan, *spilled);
  EXPECT_EQ(back.origin.display, original.origin.display);
  EXPECT_EQ(back.origin.fs_path, original.origin.fs_path);
  EXPECT_EQ(back.origin.root, original.origin.root);
  EXPECT_EQ(back.origin.is_url, original.origin.is_url);
  EXPECT_EQ(back.kind.kind, scanner::FileKind::kHtml);
  EXPECT_EQ(back.kind.server, scanner::ServerDialect::kAsp);
  EXPECT_EQ(back.encoding, "Shift_JIS");
  EXPECT_EQ(back.encoding_source, "meta");
  EXPECT_EQ(back.bytes, original.bytes);
  EXPECT_EQ(back.lines, 42u);
  EXPECT_EQ(back.warnings, original.warnings);
  EXPECT_EQ(back.doc_mode.built_for, "IE8");
  EXPECT_EQ(back.doc_mode.compat_mode, "IE8Enterprise");
  EXPECT_EQ(back.doc_mode.evidence, original.doc_mode.evidence);
  EXPECT_EQ(back.references, original.references);
  EXPECT_TRUE(back.context_only);
  EXPECT_EQ(back.folded_findings, 5u);
  EXPECT_TRUE(back.findings.empty());  // still on disk
  const std::vector<rules::Finding> findings = ReadFindings(scan, back);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule->id, "dom.document-all");
  EXPECT_EQ(findings[0].detail, "menu");
  EXPECT_EQ(findings[0].fingerprint, "0123456789abcdef:0");
  EXPECT_EQ(findings[1].begin.line, 9u);
}

TEST(ScanResultTest, ChangedFindingsOfASpilledFileStick) {
  ScanResult scan;
  scan.spill = SpillFile::Create();
  ASSERT_NE(scan.spill, nullptr);
  scan.files.push_back(RichFile());
  scan.spilled_files.push_back(*SpillWholeFile(*scan.spill, RichFile()));
  int visited = 0;
  ForEachFile(scan, [&](FileResult& file) {
    ++visited;
    std::vector<rules::Finding> findings = TakeFindings(scan, file);
    for (rules::Finding& f : findings) f.baseline = rules::BaselineState::kUnchanged;
    PutFindings(scan, file, std::move(findings));
  });
  EXPECT_EQ(visited, 2);
  ForEachFile(static_cast<const ScanResult&>(scan), [&](const FileResult& file) {
    const std::vector<rules::Finding> findings = ReadFindings(scan, file);
    ASSERT_EQ(findings.size(), 2u);
    for (const rules::Finding& f : findings) EXPECT_EQ(f.baseline, rules::BaselineState::kUnchanged);
  });
}

// One file reached twice (the same path under the same root) differs only in what the stub
// leaves on disk: the plan orders such files the same whether they were spilled or not.
TEST(ScanResultTest, SpilledCopiesOfOneFileKeepThePlanOrder) {
  auto copy = [](uint64_t bytes, const char* encoding) {
    FileResult f = RichFile();
    f.bytes = bytes;
    f.encoding = encoding;
    return f;
  };
  ScanResult in_memory;
  ScanResult spilled;
  spilled.spill = SpillFile::Create();
  ASSERT_NE(spilled.spill, nullptr);
  const std::vector<std::pair<uint64_t, const char*>> copies = {
      {300, "UTF-8"}, {100, "UTF-8"}, {200, "Shift_JIS"}, {200, "EUC-JP"}};
  for (size_t i = 0; i < copies.size(); ++i) {
    in_memory.files.push_back(copy(copies[i].first, copies[i].second));
    if (i == 2) {
      spilled.files.push_back(copy(copies[i].first, copies[i].second));  // one stays in memory
    } else {
      spilled.spilled_files.push_back(
          *SpillWholeFile(*spilled.spill, copy(copies[i].first, copies[i].second)));
    }
  }
  const Plan a = BuildPlan(std::move(in_memory), PlanOptions{});
  const Plan b = BuildPlan(std::move(spilled), PlanOptions{});
  ASSERT_EQ(a.files.size(), 4u);
  ASSERT_EQ(b.files.size(), 4u);
  const std::vector<std::pair<uint64_t, std::string>> want = {
      {100, "UTF-8"}, {200, "EUC-JP"}, {200, "Shift_JIS"}, {300, "UTF-8"}};
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(a.files[i].bytes, want[i].first) << i;
    EXPECT_EQ(a.files[i].encoding, want[i].second) << i;
    EXPECT_EQ(b.files[i].bytes, want[i].first) << i;
    EXPECT_EQ(b.files[i].encoding, want[i].second) << i;
  }
}

// A scan's stubs hold no path: their order (the listing's, which is path order) puts them
// in plan order, merged with the files kept in memory, whatever order they arrived in.
TEST(ScanResultTest, SpilledFilesTakeTheirPlaceByTheirOrder) {
  const std::vector<std::string> paths = {"app/a.asp", "app/b.asp", "app/c.asp", "app/d.asp",
                                          "app/e.asp"};
  auto file = [&](size_t i) {
    FileResult f = RichFile();
    f.origin.display = paths[i];
    f.context_only = false;
    return f;
  };
  ScanResult scan;
  scan.spill = SpillFile::Create();
  ASSERT_NE(scan.spill, nullptr);
  scan.files.push_back(file(0));  // in memory: the first and the fourth
  scan.files.push_back(file(3));
  for (const size_t i : {4u, 1u, 2u}) {  // spilled in the order the workers finished them
    std::optional<SpilledFile> stub = SpillWholeFile(*scan.spill, file(i));
    ASSERT_TRUE(stub.has_value());
    stub->order = static_cast<uint32_t>(i);
    scan.spilled_files.push_back(*stub);
  }
  const Plan plan = BuildPlan(std::move(scan), PlanOptions{});
  ASSERT_EQ(plan.files.size(), paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(plan.files[i].path, paths[i]) << i;
    EXPECT_EQ(plan.files[i].finding_count, 2u) << i;
  }
}

TEST(ScanResultTest, ACutRecordIsAnErrorNotACrash) {
  ScanResult scan;
  scan.spill = SpillFile::Create();
  ASSERT_NE(scan.spill, nullptr);
  SpilledFile spilled = *SpillWholeFile(*scan.spill, RichFile());
  spilled.record_size = 12;  // the first text's length and half of its bytes
  EXPECT_THROW(LoadFile(scan, spilled), SpillError);
  spilled.record += 1'000'000;  // past the end of the file
  EXPECT_THROW(LoadFile(scan, spilled), SpillError);
}

}  // namespace
}  // namespace iescan::report
