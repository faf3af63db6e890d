#include "tests/hostile/hostile_util.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace iescan::hostile {
namespace fs = std::filesystem;

Scratch::Scratch() {
  std::string tmpl = (fs::temp_directory_path() / "iescan-hostile-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

Scratch::~Scratch() {
  std::error_code ec;
  // Directories made unreadable by a test must be opened up before removal.
  for (auto it = fs::recursive_directory_iterator(
           path_, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
  }
  fs::remove_all(path_, ec);
}

std::string Scratch::Write(const std::string& relative, std::string_view bytes) const {
  fs::path p = fs::path(path_) / relative;
  fs::create_directories(p.parent_path());
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return p.string();
}

void Scratch::WriteControl() const {
  Write("control/ok.html",
        "<html><body><script>var x = document.all;</script></body></html>\n");
}

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

}  // namespace

RunResult RunWithBudget(const std::vector<std::string>& args, const std::string& cwd,
                  std::chrono::seconds budget) {
  Scratch io;
  std::string out_path = io.path() + "/out";
  std::string err_path = io.path() + "/err";
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    std::vector<std::string> copy = args;
    std::string binary = IESCAN_BINARY;
    std::vector<char*> argv = {binary.data()};
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  RunResult run;
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() - start > budget) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      run.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (run.timed_out) {
    run.exit_code = -2;
  } else {
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  run.out = Slurp(out_path);
  run.err = Slurp(err_path);
  return run;
}

nlohmann::json ScanJson(const Scratch& tree, std::chrono::seconds budget,
                        std::vector<std::string> extra, RunResult* run) {
  std::vector<std::string> args = {"scan", ".", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunWithBudget(args, tree.path(), budget);
  EXPECT_FALSE(r.timed_out) << "over the budget of " << budget.count() << " s";
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << "exit " << r.exit_code << "\n" << r.err;
  nlohmann::json report = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(report.is_discarded()) << r.out.substr(0, 2000);
  if (run != nullptr) *run = std::move(r);
  if (report.is_discarded()) return nlohmann::json::object();
  return report;
}

std::vector<std::string> Findings(const nlohmann::json& report) {
  std::vector<std::string> out;
  if (!report.contains("findings")) return out;
  for (const auto& f : report["findings"]) {
    out.push_back(f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int64_t>()) +
                  ":" + std::to_string(f["column"].get<int64_t>()) + " " +
                  f["rule_id"].get<std::string>());
  }
  return out;
}

bool Has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

std::string SkipReason(const nlohmann::json& report, const std::string& path) {
  if (!report.contains("skipped")) return "";
  for (const auto& s : report["skipped"]) {
    if (s["path"] == path) return s["reason"].get<std::string>();
  }
  return "";
}

bool Scanned(const nlohmann::json& report, const std::string& path) {
  if (!report.contains("files")) return false;
  for (const auto& f : report["files"]) {
    if (f["path"] == path) return true;
  }
  return false;
}

}  // namespace iescan::hostile
