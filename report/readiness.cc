#include "report/readiness.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "report/app_name.h"

namespace iescan::report {
namespace {

constexpr std::array<std::string_view, 9> kCompatModes = {
    "IE5", "IE7Enterprise", "IE7", "IE8Enterprise", "IE8", "IE9", "IE10", "IE11", "Default"};

// Calls `fn(finding_index)` for every finding of `app`, in plan order.
template <typename Fn>
void ForEachFinding(const Plan& plan, const PlanApp& app, Fn fn) {
  for (size_t file_index : app.file_indices) {
    const PlanFile& file = plan.files[file_index];
    for (uint32_t k = 0; k < file.finding_count; ++k) fn(file.first_finding + k);
  }
}

void ScoreFindings(const PlanOptions& options, Plan* plan) {
  const PriorityWeights& w = options.weights;
  // One pass over the findings, which may be on disk: each takes its file's reach, then
  // its score.
  plan->findings.Update([&](PlanFinding& f, size_t) {
    f.reach = plan->files[f.file_index].reach;
    f.priority_score = PriorityScore(f.severity, f.confidence, f.guard, f.reach, w);
    f.priority = PriorityClass(f.priority_score, w);
    f.ie_mode = IsIeModeDependency(f.rule_id, f.detail, f.guard, f.confidence, options.ie_mode);
  });
}

void CopyMapFacts(const PlanOptions& options, PlanApp* app) {
  for (const AppMapEntry& entry : options.app_map) {
    if (entry.name != app->name) continue;
    app->owner = entry.owner;
    app->users = entry.users;
    app->urls = entry.urls;
    return;
  }
}

std::string Location(const PlanFinding& f) {
  return f.path + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
}

// What an app's findings add up to, per rule, from one pass over them in plan order.
// Rules are keyed by their id's text (SharedText orders by text), so every per-rule sum
// and list below comes out in rule-id order, as the report has always had it.
struct RuleTally {
  uint32_t count = 0;
  double max_weight = 0;              // severity x confidence x guard weight, the highest
  SharedText title;                   // of the first finding
  Priority priority = Priority::kP4;  // the best class
  double score = 0;                   // priority scores, summed in plan order
  uint32_t ie_mode = 0;               // findings that are IE-mode dependencies
  size_t first_ie_mode = 0;           // index of the first of them
  bool per_detail = false;            // effort counted per detail (effort_per_detail)
};

struct EffortGroup {
  rules::Effort effort = rules::Effort::kSmall;
  uint32_t count = 0;
  uint32_t guarded = 0;
};

struct AppTally {
  std::map<SharedText, RuleTally> rules;
  // (rule id, detail); the detail only for rules listed in effort_per_detail.
  std::map<std::pair<SharedText, SharedText>, EffortGroup> effort;
  bool effective = false;  // an unguarded finding of medium severity or above
};

AppTally TallyFindings(const Plan& plan, const PriorityWeights& w, PlanApp* app) {
  AppTally tally;
  ForEachFinding(plan, *app, [&](size_t i) {
    const PlanFinding f = plan.findings[i];
    ++app->by_priority[f.priority];
    auto [it, added] = tally.rules.try_emplace(f.rule_id);
    RuleTally& r = it->second;
    if (added) {
      r.title = f.title;
      r.priority = f.priority;
      r.per_detail =
          std::any_of(w.effort_per_detail.begin(), w.effort_per_detail.end(),
                      [&](const std::string& p) { return WildcardMatch(p, f.rule_id, false); });
    }
    ++r.count;
    r.max_weight = std::max(r.max_weight, w.severity.Of(f.severity) *
                                              w.confidence.Of(f.confidence) * w.guard.Of(f.guard));
    r.priority = std::min(r.priority, f.priority);
    r.score += f.priority_score;
    if (f.ie_mode && r.ie_mode++ == 0) r.first_ie_mode = i;
    EffortGroup& g = tally.effort[{f.rule_id, r.per_detail ? f.detail : SharedText()}];
    g.effort = f.effort;
    ++g.count;
    if (f.guard == rules::Guard::kGuarded) ++g.guarded;
    if (f.guard != rules::Guard::kGuarded && f.severity >= rules::Severity::kMedium) {
      tally.effective = true;
    }
  });
  return tally;
}

std::vector<std::string> IeModeReasons(const Plan& plan, const PlanApp& app, const AppTally& tally,
                                       const IeModeRules& rules) {
  std::vector<std::string> reasons;
  for (const auto& [id, r] : tally.rules) {
    if (r.ie_mode == 0) continue;
    const PlanFinding first = plan.findings[r.first_ie_mode];
    std::string reason = id + " x" + std::to_string(r.ie_mode) + " (first: " + Location(first);
    if (!first.detail.empty()) reason += ", " + first.detail;
    reasons.push_back(reason + ")");
  }
  if (!rules.hta) return reasons;
  std::vector<std::string> htas;
  for (size_t i : app.file_indices) {
    if (plan.files[i].kind.kind == scanner::FileKind::kHta) htas.push_back(plan.files[i].path);
  }
  if (!htas.empty()) {
    std::string reason = "HTML Application (runs only in mshta/IE) x" +
                         std::to_string(htas.size()) + " (first: " + htas.front() + ")";
    reasons.push_back(reason);
  }
  return reasons;
}

double AppEffortHours(const AppTally& tally, const PriorityWeights& w) {
  double hours = 0;
  for (const auto& [key, g] : tally.effort) {
    hours += RepeatedFixHours(g.effort, g.count, g.guarded, w);
  }
  return hours;
}

// round(100 x exp(-penalty / scale)), penalty = sum over rules of
// max finding weight x (1 + readiness_repeat x log2(count)).
uint32_t ReadinessScore(const AppTally& tally, const PriorityWeights& w) {
  double penalty = 0;
  for (const auto& [id, r] : tally.rules) {
    penalty += r.max_weight * (1.0 + w.readiness_repeat * std::log2(r.count));
  }
  const double score = std::round(100.0 * std::exp(-penalty / w.readiness_scale) + 1e-9);
  return static_cast<uint32_t>(std::clamp(score, 0.0, 100.0));
}

std::vector<RuleCount> TopBlockers(const AppTally& tally, size_t limit) {
  std::vector<RuleCount> out;
  out.reserve(tally.rules.size());
  for (const auto& [id, r] : tally.rules) {
    out.push_back(
        {std::string(id), std::string(r.title), r.count, r.priority, RoundTo(r.score, 1)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.score > b.score; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

void ChooseCompatMode(const Plan& plan, PlanApp* app) {
  std::map<std::string, uint32_t> counts;
  for (size_t i : app->file_indices) {
    const PlanFile& f = plan.files[i];
    if (f.page && IsCompatMode(f.doc_mode.compat_mode)) ++counts[f.doc_mode.compat_mode];
  }
  app->compat_modes.clear();
  for (const auto& [mode, pages] : counts) app->compat_modes.push_back({mode, pages});
  std::sort(app->compat_modes.begin(), app->compat_modes.end(),
            [](const ModeCount& a, const ModeCount& b) {
              return std::make_tuple(b.pages, CompatModeAge(a.mode)) <
                     std::make_tuple(a.pages, CompatModeAge(b.mode));
            });
  app->compat_mode = app->compat_modes.empty() ? "Default" : app->compat_modes.front().mode;
}

std::string SiteUrlOf(const Plan& plan, const PlanApp& app) {
  for (const std::string& url : app.urls) {
    std::string site = SiteListUrl(url);
    if (!site.empty()) return site;
  }
  for (size_t i : app.file_indices) {
    const PlanFile& f = plan.files[i];
    if (!f.is_url) continue;
    std::string site = SiteListUrl(AppName(scanner::Origin{f.path, "", f.root, true}));
    if (!site.empty()) return site;
  }
  return "";
}

void AssessApp(const PlanOptions& options, const Plan& plan, PlanApp* app) {
  const PriorityWeights& w = options.weights;
  CopyMapFacts(options, app);
  for (size_t i : app->file_indices) {
    const PlanFile& f = plan.files[i];
    if (f.page) ++app->pages;
    app->lines += f.lines;
  }
  const AppTally tally = TallyFindings(plan, w, app);
  app->distinct_rules = static_cast<uint32_t>(tally.rules.size());
  app->complexity = ComplexityFactor(app->lines, app->files, app->distinct_rules, w);
  app->effort_hours = RoundTo(AppEffortHours(tally, w) * app->complexity, 1);
  app->ie_mode_reasons = IeModeReasons(plan, *app, tally, options.ie_mode);
  if (!app->ie_mode_reasons.empty()) {
    app->status = AppStatus::kBlocked;
  } else if (!tally.effective) {
    app->status = AppStatus::kReady;
  } else if (app->effort_hours <= w.minor_fix_hours) {
    app->status = AppStatus::kMinorFixes;
  } else {
    app->status = AppStatus::kMigrationNeeded;
  }
  app->readiness_score = ReadinessScore(tally, w);
  if (app->status == AppStatus::kBlocked) {
    app->readiness_score = std::min<uint32_t>(
        app->readiness_score, static_cast<uint32_t>(std::max(0.0, w.blocked_score_cap)));
  }
  app->top_blockers = TopBlockers(tally, w.top_blockers);
  ChooseCompatMode(plan, app);
  app->site_url = SiteUrlOf(plan, *app);
}

std::string_view ActionFor(AppStatus status) {
  switch (status) {
    case AppStatus::kReady:
      return "switch";
    case AppStatus::kMinorFixes:
    case AppStatus::kMigrationNeeded:
      return "fix";
    case AppStatus::kBlocked:
      return "ie-mode-now";
  }
  return "fix";
}

// Apps with scanned files, highest value per hour first; apps that need IE mode last.
void OrderMigration(const PriorityWeights& w, Plan* plan) {
  std::vector<MigrationStep> steps;
  for (size_t i = 0; i < plan->apps.size(); ++i) {
    const PlanApp& app = plan->apps[i];
    if (app.files == 0) continue;
    MigrationStep step;
    step.app_index = i;
    step.app = app.name;
    step.status = app.status;
    step.action = std::string(ActionFor(app.status));
    step.value_basis = app.users ? "users" : "pages";
    step.value = app.users ? static_cast<double>(*app.users) : app.pages;
    step.effort_hours = app.effort_hours;
    steps.push_back(std::move(step));
  }
  const auto ratio = [&](const MigrationStep& s) {
    return s.value / std::max(s.effort_hours, std::max(w.order_min_effort, 1e-6));
  };
  std::sort(steps.begin(), steps.end(), [&](const MigrationStep& a, const MigrationStep& b) {
    const bool a_blocked = a.status == AppStatus::kBlocked;
    const bool b_blocked = b.status == AppStatus::kBlocked;
    if (a_blocked != b_blocked) return b_blocked;
    const double ra = ratio(a);
    const double rb = ratio(b);
    if (ra != rb) return ra > rb;
    if (a.value != b.value) return a.value > b.value;
    if (a.effort_hours != b.effort_hours) return a.effort_hours < b.effort_hours;
    return a.app < b.app;
  });
  for (size_t rank = 0; rank < steps.size(); ++rank) {
    plan->apps[steps[rank].app_index].migration_rank = static_cast<uint32_t>(rank + 1);
  }
  plan->migration_order = std::move(steps);
}

}  // namespace

double RepeatedFixHours(rules::Effort effort, uint32_t count, uint32_t guarded,
                        const PriorityWeights& w) {
  const double hours = w.effort_hours.Of(effort);
  const double floor = w.repeat_floor.Of(effort);
  double total = 0;
  double factor = 1;
  for (uint32_t k = 0; k < count; ++k) {
    const double share = k < count - std::min(guarded, count) ? 1.0 : w.guarded_effort;
    total += hours * std::max(floor, factor) * share;
    if (factor > floor) factor *= w.repeat_decay;
  }
  return total;
}

double ComplexityFactor(uint64_t lines, uint32_t files, uint32_t distinct_rules,
                        const PriorityWeights& w) {
  double factor = 1.0 + w.complexity_lines * std::log2(1.0 + static_cast<double>(lines) / 1000) +
                  w.complexity_files * std::log2(1.0 + static_cast<double>(files) / 10) +
                  w.complexity_rules * std::log2(std::max<uint32_t>(distinct_rules, 1));
  factor = std::min(w.complexity_cap, factor);
  return RoundTo(std::max(1.0, factor), 2);
}

std::string SiteListUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("?#"));
  const size_t path_start = url.find('/');
  std::string_view authority = url.substr(0, path_start);
  std::string_view path = path_start == std::string_view::npos ? "" : url.substr(path_start);
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string out;
  for (char c : authority) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  out += path;
  for (char c : out) {
    if (c == '*' || static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return "";
  }
  return authority.empty() ? "" : out;
}

bool IsCompatMode(std::string_view mode) { return CompatModeAge(mode) < 9; }

int CompatModeAge(std::string_view mode) {
  for (size_t i = 0; i < kCompatModes.size(); ++i) {
    if (kCompatModes[i] == mode) return static_cast<int>(i);
  }
  return 9;
}

void AssessPlan(const PlanOptions& options, Plan* plan) {
  ScoreFindings(options, plan);
  PlanSummary& summary = plan->summary;
  for (const PlanFinding& f : plan->findings) ++summary.by_priority[f.priority];
  double effort = 0;
  for (PlanApp& app : plan->apps) {
    AssessApp(options, *plan, &app);
    ++summary.by_status[static_cast<size_t>(app.status)];
    effort += app.effort_hours;
  }
  summary.effort_hours = RoundTo(effort, 1);
  OrderMigration(options.weights, plan);
}

}  // namespace iescan::report
