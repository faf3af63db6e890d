// Real library releases from the npm registry, fetched at test time into a temporary
// directory (never committed), scanned with the built-in catalogue: each library and
// version is named and the findings inside it are folded.
//
// When the registry cannot be reached the test prints why and is skipped, unless the
// environment sets IESCAN_REQUIRE_NETWORK=1: then it fails, so that a CI job meant to run
// it cannot pass by skipping.
#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/scan_runner.h"
#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"

namespace iescan {
namespace {

namespace fs = std::filesystem;

bool RequireNetwork() {
  const char* v = std::getenv("IESCAN_REQUIRE_NETWORK");
  return v != nullptr && std::string(v) == "1";
}

class NpmFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iescan-vendored-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // `npm pack <spec>` into dir_ and extracts it to dir_/<name>; false when npm failed.
  bool Fetch(const std::string& spec, const std::string& name) {
    const fs::path out = dir_ / name;
    fs::create_directories(out);
    std::string cmd = "cd '" + dir_.string() + "' && npm pack --silent '" + spec +
                      "' > '" + name + ".txt' 2>/dev/null && tar xzf \"$(tail -n1 '" + name +
                      ".txt')\" -C '" + out.string() + "'";
    return std::system(cmd.c_str()) == 0;
  }

  fs::path dir_;
};

struct Expected {
  const char* spec;
  const char* name;
  const char* file;   // relative to the extracted package
  const char* label;  // VendoredLibrary::Label()
  bool folds;         // the package holds IE-specific code that gets folded
};

// The jquery@1.5.1 npm package (node-jquery) carries jQuery 1.5.2pre in dist/.
const Expected kPackages[] = {
    {"jquery@1.5.1", "jquery", "package/dist/node-jquery.js", "jQuery 1.5.2pre", true},
    {"jquery-ui@1.10.4", "jquery-ui", "package/core.js", "jQuery UI 1.10.4", true},
    {"mootools@1.4.5", "mootools", "package/lib/mootools-core-1.4.5-server.js", "MooTools 1.4.5",
     false},  // the server build: no browser code at all
    {"dojo@1.6.5", "dojo", "package/_base/_loader/bootstrap.js", "Dojo 1.6.5", true},
    {"yui@3.5.0", "yui", "package/node-base/node-base.js", "YUI 3.5.0", true},
    {"tinymce@4.1.0", "tinymce", "package/tinymce.min.js", "TinyMCE 4.1.0", true},
};

TEST_F(NpmFixture, RealReleasesAreNamedWithVersionAndFolded) {
  if (std::system("npm ping --silent > /dev/null 2>&1") != 0) {
    std::fprintf(stderr, "*** test_vendored: the npm registry cannot be reached ***\n");
    if (RequireNetwork()) FAIL() << "IESCAN_REQUIRE_NETWORK=1 and the npm registry is unreachable";
    GTEST_SKIP() << "npm registry unreachable; set IESCAN_REQUIRE_NETWORK=1 to fail instead";
  }
  Result<rules::Catalog> catalog = rules::Catalog::Builtin();
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  rules::Engine engine(*catalog, rules::EngineOptions{});
  for (const Expected& e : kPackages) {
    SCOPED_TRACE(e.spec);
    ASSERT_TRUE(Fetch(e.spec, e.name)) << "npm pack " << e.spec << " failed";
    app::ScanOptions options;
    options.roots = {(dir_ / e.name).string()};
    options.jobs = 2;
    Result<report::ScanResult> result = app::RunScan(engine, options);
    ASSERT_TRUE(result.ok()) << result.status().message();
    const std::string want = (dir_ / e.name / e.file).string();
    bool seen = false;
    uint32_t folded = 0;
    for (const report::FileResult& f : result->files) {
      if (!f.library) continue;
      folded += f.folded_findings;
      for (const rules::Finding& finding : f.findings) {
        EXPECT_EQ(finding.rule->id, "vendored.library") << f.origin.display;
      }
      if (f.origin.fs_path != want) continue;
      seen = true;
      EXPECT_EQ(f.library->Label(), e.label);
      ASSERT_EQ(f.findings.size(), 1u);
      EXPECT_EQ(f.findings[0].detail, e.label);
    }
    EXPECT_TRUE(seen) << want << " was not recognised";
    if (e.folds) {
      EXPECT_GT(folded, 0u) << "no finding was folded in " << e.spec;
    }
  }
}

}  // namespace
}  // namespace iescan
