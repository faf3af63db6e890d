#include "tests/crawl/crawl_test_util.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace iescan::testing {
namespace {

// Stops the shared server when the test program ends normally; PR_SET_PDEATHSIG
// covers a crash, and the server's own --lifetime covers everything else.
TestServer* g_server = nullptr;

class ServerEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    if (g_server != nullptr) g_server->Stop();
  }
};

const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new ServerEnvironment);

}  // namespace

TestServer& TestServer::Shared() {
  if (g_server == nullptr) {
    g_server = new TestServer();
    g_server->Start();
  }
  return *g_server;
}

void TestServer::Start() {
  char dir_template[] = "/tmp/iescan-crawl-XXXXXX";
  char* made = mkdtemp(dir_template);
  if (made == nullptr) {
    ADD_FAILURE() << "mkdtemp failed";
    return;
  }
  dir_ = made;
  log_ = dir_ + "/requests.jsonl";
  int out[2];
  if (pipe(out) != 0) {
    ADD_FAILURE() << "pipe failed";
    return;
  }
  const std::string script = std::string(IESCAN_SOURCE_DIR) + "/tests/crawl/test_server.py";
  const std::string root = std::string(IESCAN_SOURCE_DIR) + "/corpus/apps";
  pid_t parent = getpid();
  pid_ = fork();
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    setenv("IESCAN_TEST_AUTH_PASSWORD", kAuthPassword, 1);
    execlp("python3", "python3", script.c_str(), "--root", root.c_str(), "--log", log_.c_str(),
           "--lifetime", "300", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    char buf[64];
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<size_t>(n));
  }
  close(out[0]);
  if (line.rfind("PORT ", 0) != 0) {
    ADD_FAILURE() << "the test server did not start: '" << line << "'";
    Stop();
    return;
  }
  port_ = std::atoi(line.c_str() + 5);
}

void TestServer::Stop() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    for (int i = 0; i < 40; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    dir_.clear();
  }
}

TestServer::~TestServer() { Stop(); }

std::string TestServer::Url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<TestServer::Request> TestServer::Requests() const {
  std::vector<Request> out;
  std::ifstream in(log_);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    out.push_back({j.value("path", ""), j.value("ua", ""), j.value("auth", false),
                   j.value("cookie", ""), j.value("extra", ""), j.value("time", 0.0)});
  }
  return out;
}

const rules::Catalog& Catalog() {
  static const rules::Catalog* catalog = [] {
    Result<rules::Catalog> c = rules::Catalog::Builtin();
    if (!c.ok()) {
      ADD_FAILURE() << c.status().message();
      return new rules::Catalog();
    }
    return new rules::Catalog(std::move(*c));
  }();
  return *catalog;
}

app::CrawlOutcome CrawlAndScan(const std::vector<std::string>& seeds,
                               const scanner::CrawlOptions& options) {
  rules::Engine engine(Catalog(), rules::EngineOptions{});
  Result<app::CrawlOutcome> outcome = app::RunCrawl(engine, seeds, options, 2);
  EXPECT_TRUE(outcome.ok()) << outcome.status().message();
  return outcome.ok() ? std::move(*outcome) : app::CrawlOutcome{};
}

scanner::CrawlOptions FastOptions() {
  scanner::CrawlOptions options;
  options.timeout_ms = 5000;
  options.connect_timeout_ms = 2000;
  options.backoff_ms = 50;
  options.retries = 2;
  options.time_budget_ms = 30000;
  return options;
}

TempDir::TempDir() {
  char dir_template[] = "/tmp/iescan-crawl-test-XXXXXX";
  char* made = mkdtemp(dir_template);
  path_ = made == nullptr ? std::string() : std::string(made);
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string ReadFileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace iescan::testing
