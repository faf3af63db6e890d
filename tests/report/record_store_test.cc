// RecordStore: records past the memory budget go to a temporary file and come back the same,
// read in order, at random, from several threads at once, after Update and Set, and through
// copies and moves; a plan built with every finding spilled is the plan built in memory.
#include "report/record_store.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "report/plan.h"
#include "report/writers/writers.h"
#include "tests/report/scan_builder.h"

namespace iescan::report {
namespace {

struct Record {
  uint64_t key = 0;
  uint32_t value = 0;
  char tag[20] = {};
};

Record Make(uint64_t i) {
  Record r;
  r.key = i * 2654435761u;
  r.value = static_cast<uint32_t>(i);
  r.tag[0] = static_cast<char>('a' + i % 26);
  return r;
}

void ExpectRecord(const Record& r, uint64_t i) {
  ASSERT_EQ(r.key, i * 2654435761u) << i;
  ASSERT_EQ(r.value, static_cast<uint32_t>(i)) << i;
  ASSERT_EQ(r.tag[0], static_cast<char>('a' + i % 26)) << i;
}

constexpr size_t kCount = 50'000;  // about 15 blocks of 64 KB: head, disk and tail parts

RecordStore<Record> Filled(size_t budget) {
  RecordStore<Record> store;
  store.SpillAfter(budget);
  for (size_t i = 0; i < kCount; ++i) store.push_back(Make(i));
  return store;
}

// The records held in memory never take more than the budget plus the one block being
// filled, whatever size the budget is: a head that doubled past it would hold nearly twice.
TEST(RecordStoreTest, MemoryStaysWithinTheBudget) {
  constexpr size_t kBlockBytes = 64 * 1024;
  for (size_t budget : {size_t{100'000}, size_t{700'000}, size_t{1'000'000}}) {
    const RecordStore<Record> store = Filled(budget);
    ASSERT_TRUE(store.spilled()) << budget;
    EXPECT_LE(store.memory_bytes(), budget + kBlockBytes + sizeof(Record)) << budget;
    uint64_t i = 0;
    for (const Record& r : store) ExpectRecord(r, i++);
    EXPECT_EQ(i, kCount);
  }
}

TEST(RecordStoreTest, RecordsPastTheBudgetGoToDiskAndComeBackTheSame) {
  for (size_t budget : {size_t{0}, size_t{100'000}, kNeverSpill}) {
    const RecordStore<Record> store = Filled(budget);
    ASSERT_EQ(store.size(), kCount);
    EXPECT_EQ(store.spilled(), budget != kNeverSpill) << budget;
    if (budget != kNeverSpill) {
      EXPECT_LT(store.memory_bytes(), 200'000u) << budget;
    }
    uint64_t i = 0;
    for (const Record& r : store) ExpectRecord(r, i++);
    EXPECT_EQ(i, kCount);
    std::mt19937 rng(7);
    for (int k = 0; k < 2000; ++k) {
      const size_t at = rng() % kCount;
      ExpectRecord(store[at], at);
    }
    ExpectRecord(store.front(), 0);
    ExpectRecord(store.back(), kCount - 1);
  }
}

TEST(RecordStoreTest, UpdateAndSetWriteThroughToDisk) {
  RecordStore<Record> store = Filled(0);
  ExpectRecord(store[12'345], 12'345);  // cached in this thread before the change
  store.Update([](Record& r, size_t i) { r.value = static_cast<uint32_t>(i * 3); });
  store.Update(100, 200, [](Record& r, size_t) { r.tag[1] = 'x'; });
  Record changed = Make(7);
  changed.value = 99;
  store.Set(40'000, changed);
  for (size_t i = 0; i < kCount; ++i) {
    const Record r = store[i];
    ASSERT_EQ(r.key, Make(i == 40'000 ? 7 : i).key) << i;
    ASSERT_EQ(r.value, i == 40'000 ? 99u : static_cast<uint32_t>(i * 3)) << i;
    ASSERT_EQ(r.tag[1], i >= 100 && i < 200 ? 'x' : '\0') << i;
  }
}

TEST(RecordStoreTest, ThreadsReadAtOnce) {
  const RecordStore<Record> store = Filled(0);
  std::vector<std::thread> threads;
  std::vector<int> bad(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(t);
      for (int k = 0; k < 20'000; ++k) {
        const size_t at = t % 2 == 0 ? (k * 7 + t) % kCount : rng() % kCount;
        if (store[at].value != at) ++bad[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(bad, std::vector<int>(4, 0));
}

TEST(RecordStoreTest, CopiesAreDeepAndMovesLeaveTheSourceEmpty) {
  RecordStore<Record> store = Filled(0);
  RecordStore<Record> copy = store;
  store.Update([](Record& r, size_t) { r.value = 0; });
  ExpectRecord(copy[30'000], 30'000);
  EXPECT_EQ(store[30'000].value, 0u);
  RecordStore<Record> moved = std::move(copy);
  EXPECT_TRUE(copy.empty());  // NOLINT: moved-from on purpose
  ASSERT_EQ(moved.size(), kCount);
  ExpectRecord(moved[49'999], 49'999);
}

// 24 apps of 25 pages and a shared script, 6 findings a file: 3,744 findings, ten blocks.
ScanResult LargeScan() {
  using rules::Confidence;
  using rules::Effort;
  using rules::Severity;
  const std::vector<const rules::Rule*> rules = {
      &testing::TestRule("dom.document-all", Severity::kHigh, Effort::kSmall),
      &testing::TestRule("events.attach-event", Severity::kMedium, Effort::kSmall),
      &testing::TestRule("activex.object-classid", Severity::kBlocker, Effort::kLarge),
      &testing::TestRule("css.expression", Severity::kLow, Effort::kTrivial,
                         Confidence::kMedium)};
  testing::ScanBuilder b;
  for (int app = 0; app < 24; ++app) {
    const std::string dir = "app" + std::to_string(app) + "/";
    b.File(dir + "js/common.js", scanner::FileKind::kJs, 400);
    for (int k = 0; k < 6; ++k) {
      b.Finding(*rules[k % 4], 10 + k * 7, 3, k % 3 == 0 ? rules::Guard::kGuarded
                                                         : rules::Guard::kUnguarded);
    }
    for (int page = 0; page < 25; ++page) {
      b.File(dir + "page" + std::to_string(page) + ".htm", scanner::FileKind::kHtml, 120,
             {"js/common.js"});
      for (int k = 0; k < 6; ++k) {
        b.Finding(*rules[(k + page) % 4], 5 + k * 11, 1 + k, rules::Guard::kNone,
                  k == 2 ? "clsid:D27CDB6E-AE6D-11CF-96B8-444553540000" : "");
      }
    }
  }
  return b.scan();
}

// A plan's files: every field and list comes back as stored, from memory or disk, and
// Update keeps what changed, whether a list keeps its length, grows or empties.
PlanFile FileNumber(uint32_t i, const std::shared_ptr<const rules::VendoredLibrary>& library) {
  PlanFile f;
  f.path = SharedText("apps/hr/page" + std::to_string(i) + ".htm");
  f.root = SharedText("apps");
  f.app = SharedText(i % 2 == 0 ? "hr" : "kintai");
  f.encoding = SharedText("Shift_JIS");
  f.bytes = 1000 + i;
  f.first_finding = 3 * i;
  f.lines = i;
  f.finding_count = i % 5;
  f.by_severity[rules::Severity::kHigh] = i % 5;
  f.kind.kind = scanner::FileKind::kHtml;
  f.page = i % 3 == 0;
  if (i % 4 == 0) f.library = library;
  for (uint32_t k = 0; k < i % 4; ++k) {
    f.references.emplace_back("js/lib" + std::to_string(k) + ".js");
    f.loads.push_back(i + k);
  }
  if (i % 7 == 0) f.warnings.push_back("decoding: invalid byte at line " + std::to_string(i));
  if (i % 3 == 0) f.doc_mode.evidence.emplace_back("line 1: no doctype (quirks mode)");
  return f;
}

void ExpectFile(const PlanFile& f, const PlanFile& want) {
  ASSERT_EQ(f.path, want.path);
  EXPECT_EQ(f.app, want.app);
  EXPECT_EQ(f.bytes, want.bytes);
  EXPECT_EQ(f.first_finding, want.first_finding);
  EXPECT_EQ(f.by_severity, want.by_severity);
  EXPECT_EQ(f.page, want.page);
  EXPECT_EQ(f.library, want.library);
  EXPECT_EQ(f.references, want.references);
  EXPECT_EQ(f.loads, want.loads);
  EXPECT_EQ(f.warnings, want.warnings);
  EXPECT_EQ(f.doc_mode.evidence, want.doc_mode.evidence);
}

TEST(RecordStoreTest, PlanFilesComeBackTheSameAfterUpdates) {
  auto library = std::make_shared<const rules::VendoredLibrary>();
  for (size_t budget : {kNeverSpill, size_t{0}, size_t{4096}}) {
    PlanFiles files;
    files.SpillAfter(budget);
    std::vector<PlanFile> want;
    for (uint32_t i = 0; i < 3000; ++i) {
      want.push_back(FileNumber(i, library));
      files.push_back(want.back());
    }
    EXPECT_EQ(files.spilled(), budget != kNeverSpill);
    for (size_t i = 0; i < want.size(); i += 7) ExpectFile(files[i], want[i]);
    files.Update([&](PlanFile& f, size_t i) {
      f.reach = static_cast<uint32_t>(i);
      if (i % 3 == 0) f.loads.clear();                      // shorter
      if (i % 3 == 1) f.loads.push_back(9999);              // longer
      if (i % 5 == 0 && !f.references.empty()) f.references[0] = SharedText("js/moved.js");
      want[i] = f;
    });
    size_t i = 0;
    for (const PlanFile& f : files) {
      ExpectFile(f, want[i]);
      EXPECT_EQ(f.reach, i);
      ++i;
    }
    EXPECT_EQ(i, want.size());
  }
}

TEST(RecordStoreTest, ASpilledScanAndPlanWriteTheSameReports) {
  PlanOptions in_memory;
  PlanOptions spilled;
  spilled.spill_after = 0;
  const Plan a = BuildPlan(LargeScan(), in_memory);
  ScanResult scan = LargeScan();
  scan.spill = SpillFile::Create();
  ASSERT_NE(scan.spill, nullptr);
  for (FileResult& file : scan.files) ASSERT_TRUE(SpillFindings(*scan.spill, file));
  EXPECT_EQ(ReadFindings(scan, scan.files[1]).size(), 6u);
  const Plan b = BuildPlan(std::move(scan), spilled);
  ASSERT_EQ(a.findings.size(), 3744u);
  EXPECT_FALSE(a.findings.spilled());
  EXPECT_TRUE(b.findings.spilled());
  EXPECT_FALSE(a.files.spilled());
  EXPECT_TRUE(b.files.spilled());
  for (Format format : {Format::kJson, Format::kSarif, Format::kHtml, Format::kCsv,
                        Format::kText, Format::kMarkdown, Format::kJunit}) {
    std::ostringstream x;
    std::ostringstream y;
    ASSERT_TRUE(Write(a, format, WriteOptions{}, x).ok());
    ASSERT_TRUE(Write(b, format, WriteOptions{}, y).ok());
    ASSERT_GT(x.str().size(), 1000u);
    EXPECT_TRUE(x.str() == y.str()) << static_cast<int>(format);
  }
}

}  // namespace
}  // namespace iescan::report
