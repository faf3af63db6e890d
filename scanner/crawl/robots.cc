// robots.txt parsing and matching. See robots.h.

#include "scanner/crawl/robots.h"

#include <cstdlib>
#include <string>
#include <vector>

namespace iescan::scanner {
namespace {

constexpr size_t kMaxRobotsBytes = 500 * 1024;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

struct Group {
  std::vector<std::string> agents;  // lower case
  std::vector<std::pair<bool, std::string>> rules;
  double delay = 0;
};

// True when the group's user-agent list names `agent` (our token), or "*" when
// `wildcard` is set.
bool GroupNames(const Group& group, const std::string& agent, bool wildcard) {
  for (const std::string& a : group.agents) {
    if (wildcard ? a == "*" : (a != "*" && agent.compare(0, a.size(), a) == 0 && !a.empty())) {
      return true;
    }
  }
  return false;
}

std::vector<Group> ParseGroups(std::string_view text, std::vector<std::string>* sitemaps) {
  std::vector<Group> groups;
  bool in_agent_lines = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = Lower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agent_lines) groups.emplace_back();
      groups.back().agents.push_back(Lower(value));
      in_agent_lines = true;
      continue;
    }
    if (key == "sitemap") {
      if (!value.empty()) sitemaps->emplace_back(value);
      continue;
    }
    in_agent_lines = false;
    if (groups.empty()) continue;
    if (key == "allow" || key == "disallow") {
      if (value.empty()) continue;  // "Disallow:" with no value forbids nothing
      groups.back().rules.emplace_back(key == "allow", std::string(value));
    } else if (key == "crawl-delay") {
      double delay = std::strtod(std::string(value).c_str(), nullptr);
      if (delay > 0) groups.back().delay = delay;
    }
  }
  return groups;
}

}  // namespace

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.disallow_all_ = true;
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view text, std::string_view agent) {
  RobotsRules out;
  text = text.substr(0, kMaxRobotsBytes);
  std::vector<Group> groups = ParseGroups(text, &out.sitemaps_);
  std::string token = Lower(agent);
  bool any_named = false;
  for (const Group& g : groups) any_named = any_named || GroupNames(g, token, false);
  for (const Group& g : groups) {
    if (!GroupNames(g, token, !any_named)) continue;
    for (const auto& [allow, pattern] : g.rules) out.rules_.push_back({allow, pattern});
    if (g.delay > out.crawl_delay_) out.crawl_delay_ = g.delay;
  }
  return out;
}

bool RobotsRules::Allowed(std::string_view path_and_query) const {
  if (path_and_query == "/robots.txt") return true;
  if (disallow_all_) return false;
  size_t best_length = 0;
  bool best_allow = true;
  bool matched = false;
  for (const Rule& rule : rules_) {
    if (!RobotsPatternMatches(rule.pattern, path_and_query)) continue;
    size_t length = rule.pattern.size();
    if (!matched || length > best_length || (length == best_length && rule.allow)) {
      best_length = length;
      best_allow = rule.allow;
      matched = true;
    }
  }
  return best_allow;
}

bool RobotsPatternMatches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Greedy wildcard match with backtracking to the last '*' (linear in
  // practice).
  size_t p = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;
  size_t resume = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || t == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      resume = t;
      continue;
    } else if (t < path.size() && pattern[p] == path[t]) {
      ++p;
      ++t;
      continue;
    }
    if (star == std::string_view::npos || resume >= path.size()) return false;
    p = star + 1;
    t = ++resume;
  }
}

}  // namespace iescan::scanner
