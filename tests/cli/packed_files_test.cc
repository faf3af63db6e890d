#include "cli/packed_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace iescan::app {
namespace {

scanner::SourceFile File(std::string display, std::string fs_path, std::string root,
                         uint64_t size) {
  scanner::SourceFile f;
  f.origin.display = std::move(display);
  f.origin.fs_path = std::move(fs_path);
  f.origin.root = std::move(root);
  f.kind = {scanner::FileKind::kHtml, scanner::ServerDialect::kAsp};
  f.size = size;
  return f;
}

// A listing as the walker makes them: several roots ("." whose file-system paths start with
// "./", an absolute one, a root that is a file), sorted by display path, over more than one
// block of 4,096 files, with paths that share nothing, all, or part of the group's first.
std::vector<scanner::SourceFile> Listing() {
  std::vector<scanner::SourceFile> files;
  for (int app = 0; app < 9; ++app) {
    for (int page = 0; page < 700; ++page) {
      const std::string rel = "app" + std::to_string(app) + "/pages/" +
                              (page % 3 == 0 ? "sub/" : "") + "page" + std::to_string(page) + ".asp";
      files.push_back(File(rel, "./" + rel, ".", 100 + page));
      files.push_back(File("/srv/intranet/" + rel, "/srv/intranet/" + rel, "/srv/intranet/",
                           200 + page));
    }
  }
  files.push_back(File("single.htm", "single.htm", "single.htm", 7));
  files.push_back(File("a", "a", ".", 1));                   // shorter than its neighbours
  files.push_back(File("app0/pages", "./app0/pages", ".", 2));  // a prefix of the next paths
  files.push_back(File("ÄÖ/日本語.html", "./ÄÖ/日本語.html", ".", 3));
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return a.origin.display < b.origin.display;
  });
  return files;
}

std::vector<scanner::SourceFile*> Pointers(std::vector<scanner::SourceFile>& files) {
  std::vector<scanner::SourceFile*> out;
  for (scanner::SourceFile& f : files) out.push_back(&f);
  return out;
}

void ExpectSame(const scanner::SourceFile& got, const scanner::SourceFile& want) {
  EXPECT_EQ(got.origin.display, want.origin.display);
  EXPECT_EQ(got.origin.fs_path, want.origin.fs_path);
  EXPECT_EQ(got.origin.root, want.origin.root);
  EXPECT_EQ(got.origin.is_url, want.origin.is_url);
  EXPECT_EQ(got.kind.kind, want.kind.kind);
  EXPECT_EQ(got.kind.server, want.kind.server);
  EXPECT_EQ(got.size, want.size);
}

TEST(PackedFilesTest, EveryFileComesBackAsListedInAnyOrder) {
  std::vector<scanner::SourceFile> files = Listing();
  ASSERT_GT(files.size(), 2u * 4096);
  PackedFiles packed(Pointers(files));
  ASSERT_EQ(packed.size(), files.size());
  std::vector<size_t> order(files.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::shuffle(order.begin(), order.end(), std::mt19937(7));
  for (const size_t i : order) ExpectSame(packed.Take(i), files[i]);
}

// Workers take files in about list order, each once; blocks are freed as they finish.
TEST(PackedFilesTest, ManyThreadsTakingDistinctFilesGetThemAll) {
  std::vector<scanner::SourceFile> files = Listing();
  PackedFiles packed(Pointers(files));
  std::atomic<size_t> next{0};
  std::vector<std::vector<std::pair<size_t, scanner::SourceFile>>> got(4);
  std::vector<std::thread> threads;
  for (auto& mine : got) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < files.size(); i = next++) mine.emplace_back(i, packed.Take(i));
    });
  }
  for (std::thread& t : threads) t.join();
  size_t seen = 0;
  for (const auto& mine : got) {
    for (const auto& [i, file] : mine) ExpectSame(file, files[i]);
    seen += mine.size();
  }
  EXPECT_EQ(seen, files.size());
}

TEST(PackedFilesTest, AnEmptyListHoldsNothing) {
  PackedFiles packed({});
  EXPECT_EQ(packed.size(), 0u);
}

}  // namespace
}  // namespace iescan::app
