// The CI integration examples in docs/examples/ and .pre-commit-hooks.yaml are run, not
// just shipped: every `iescan ...` command they contain is executed with the built binary
// in a temporary git repository, and every report file it names must be produced and parse.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "tests/support/test_tree.h"

namespace iescan::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// Splits a shell command line of plain words (the examples use no quoting).
std::vector<std::string> Words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The `iescan ...` commands of an example file.
std::vector<std::vector<std::string>> Commands(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  std::regex re(R"((?:^|[\s'"])iescan (scan|baseline) ([^'"\n]*))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    std::vector<std::string> args = Words((*it)[1].str() + " " + (*it)[2].str());
    out.push_back(args);
  }
  return out;
}

void CheckOutput(const std::string& path) {
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  std::string text = ReadAll(path);
  if (path.size() > 5 && (path.ends_with(".sarif") || path.ends_with(".json"))) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << path;
    if (path.ends_with(".sarif")) {
      EXPECT_EQ(j["version"], "2.1.0");
    }
    if (path.ends_with(".codequality.json")) {
      EXPECT_TRUE(j.is_array());
    }
  } else if (path.ends_with(".xml")) {
    EXPECT_NE(text.find("<testsuites"), std::string::npos) << path;
  } else if (path.ends_with(".html")) {
    EXPECT_NE(text.find("Content-Security-Policy"), std::string::npos) << path;
  }
}

class Integrations : public ::testing::TestWithParam<std::string> {};

TEST_P(Integrations, ExampleCommandsRunAndProduceTheirReports) {
  const std::string example = std::string(IESCAN_SOURCE_DIR) + "/" + GetParam();
  std::vector<std::vector<std::string>> commands = Commands(ReadAll(example));
  ASSERT_FALSE(commands.empty()) << example << " holds no iescan command";
  TempTree repo;
  repo.Write("app/menu.js", "el.attachEvent('onclick', openMenu);\n");
  repo.Write("app/index.html", "<!DOCTYPE html><html><body><p>ok</p></body></html>\n");
  ASSERT_EQ(RunIescan({"baseline", ".", "-o", "iescan-baseline.json"}, repo.path()).exit_code, 0);
  for (std::vector<std::string> args : commands) {
    // The pre-commit hook passes the staged files after its fixed arguments.
    if (std::find(args.begin(), args.end(), ".") == args.end()) args.push_back("app/menu.js");
    RunOutput r = RunIescan(args, repo.path());
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << GetParam() << ": " << r.err;
    for (size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == "-o") CheckOutput(repo.path() + "/" + args[i + 1]);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, Integrations,
                         ::testing::Values("docs/examples/github-actions.yml",
                                           "docs/examples/gitlab-ci.yml",
                                           "docs/examples/Jenkinsfile", ".pre-commit-hooks.yaml"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace iescan::testing
