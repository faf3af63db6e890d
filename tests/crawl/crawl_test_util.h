// Helpers for the crawler tests: the loopback test server
// (tests/crawl/test_server.py) started once per test program and stopped at
// exit, even when a test fails, and small crawl runners.
#pragma once

#include <string>
#include <vector>

#include "cli/crawl_runner.h"
#include "rules/engine/catalog.h"
#include "rules/engine/engine.h"
#include "scanner/crawl/crawler.h"

namespace iescan::testing {

// The password the server's Basic-auth area accepts (user "kanri").
inline constexpr char kAuthPassword[] = "Kanri-Pa55-7b3f";

// A running test server serving corpus/apps/ on 127.0.0.1.
class TestServer {
 public:
  // The server of this test program, started on first use. Fails the test (and
  // returns a server with port 0) when it cannot start within 10 s.
  static TestServer& Shared();

  int port() const { return port_; }
  // "http://127.0.0.1:<port>" + path.
  std::string Url(const std::string& path) const;
  // Request paths logged so far (in arrival order), each with its User-Agent
  // and whether it carried an Authorization header.
  struct Request {
    std::string path;
    std::string user_agent;
    bool authorization = false;
    std::string cookie;        // the Cookie header
    std::string extra_header;  // the X-Iescan-Test header
    double time = 0;
  };
  std::vector<Request> Requests() const;
  void Stop();
  ~TestServer();

 private:
  TestServer() = default;
  void Start();
  int pid_ = -1;
  int port_ = 0;
  std::string dir_;
  std::string log_;
};

const rules::Catalog& Catalog();

// Crawls `seeds` with `options` through app::RunCrawl (scanning with the
// built-in catalogue). Fails the test if the crawl cannot start.
app::CrawlOutcome CrawlAndScan(const std::vector<std::string>& seeds,
                               const scanner::CrawlOptions& options);

// Options for fast, bounded tests: short timeouts and backoff.
scanner::CrawlOptions FastOptions();

// A temporary directory removed with its content when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The whole content of a file ("" when unreadable).
std::string ReadFileText(const std::string& path);

}  // namespace iescan::testing
