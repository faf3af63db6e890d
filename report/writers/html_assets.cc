#include "report/writers/html_assets.h"

#include "report/writers/html_escape.h"

namespace iescan::report {
namespace {

constexpr std::string_view kStyle = R"css(
:root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bg:#f5f7fa;--card:#fff;--accent:#1f4e79;
--ready:#2e7d32;--minor:#7c8b1d;--migration:#d46b08;--blocked:#c62828;
--blocker:#b71c1c;--high:#e65100;--medium:#b58900;--low:#607d8b}
*{box-sizing:border-box}
html{font-family:"Hiragino Sans","Yu Gothic","Meiryo","Noto Sans CJK JP",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:15px;color:var(--ink);background:var(--bg);line-height:1.5}
body{margin:0}
header.top{background:var(--accent);color:#fff;padding:20px 32px}
header.top h1{margin:0;font-size:1.6rem;font-weight:600}
header.top p{margin:4px 0 0;opacity:.9}
nav.toc{background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;position:sticky;top:0;z-index:2}
nav.toc a{margin-right:18px;color:var(--accent);text-decoration:none;font-weight:600}
nav.toc a:hover,nav.toc a:focus{text-decoration:underline}
main{padding:16px 32px 48px;max-width:1500px}
section.block{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
h2{font-size:1.3rem;margin:0 0 12px;color:var(--accent)}
h3{font-size:1.1rem;margin:16px 0 8px}
.warning{background:#fff4e5;border-left:4px solid var(--migration);padding:8px 12px;margin:8px 0}
.note{color:var(--muted);font-size:.9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin-bottom:16px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fbfcfe}
.card .value{font-size:1.6rem;font-weight:700;display:block}
.card .label{color:var(--muted);font-size:.85rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:16px;align-items:start}
figure.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
figure.chart figcaption{font-weight:600;margin-bottom:6px}
svg.bars{width:100%;max-width:720px;height:auto;display:block}
svg.bars text{font-size:12px;fill:var(--ink)}
svg.bars text.val{fill:var(--muted)}
svg.bars rect.track{fill:#eef2f6}
.fill-ready{fill:var(--ready)}.fill-minor-fixes{fill:var(--minor)}.fill-migration-needed{fill:var(--migration)}.fill-blocked{fill:var(--blocked)}
.fill-blocker{fill:var(--blocker)}.fill-high{fill:var(--high)}.fill-medium{fill:var(--medium)}.fill-low{fill:var(--low)}
.fill-family{fill:var(--accent)}.fill-effort{fill:#486581}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f0f4f8;position:sticky;top:41px;z-index:1}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tbody tr:hover{background:#f7fafc}
th button.sort{all:unset;cursor:pointer;font-weight:700}
th button.sort:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th[aria-sort=ascending] button.sort::after{content:" \25B2";font-size:.7em}
th[aria-sort=descending] button.sort::after{content:" \25BC";font-size:.7em}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.8rem;font-weight:600;color:#fff;white-space:nowrap}
.st-ready{background:var(--ready)}.st-minor-fixes{background:var(--minor)}.st-migration-needed{background:var(--migration)}.st-blocked{background:var(--blocked)}
.sev-blocker{background:var(--blocker)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}
.pri{font-weight:700}.pri-P1{color:var(--blocker)}.pri-P2{color:var(--high)}.pri-P3{color:var(--medium)}.pri-P4{color:var(--low)}
.flag{background:var(--blocked);color:#fff;border-radius:4px;padding:0 6px;font-size:.8rem;font-weight:700}
code,pre,.loc,.snippet{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Noto Sans Mono CJK JP",monospace;font-size:.85rem}
.loc{white-space:nowrap}
.snippet{display:block;background:#f4f6f8;border-radius:4px;padding:2px 6px;margin-top:3px;white-space:pre-wrap;word-break:break-all}
pre.code{background:#f4f6f8;border:1px solid var(--line);border-radius:6px;padding:8px 10px;overflow:auto;white-space:pre-wrap}
pre.code .code-label{display:block;color:var(--muted);font-size:.75rem;margin-bottom:4px}
.doc h3,.doc h4,.doc h5,.doc h6{margin:12px 0 4px}
.doc .url{word-break:break-all;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:8px 0}
.filters input,.filters select{font:inherit;padding:4px 8px;border:1px solid #9aa5b1;border-radius:4px}
.filters input:focus,.filters select:focus,button:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.filters .count{color:var(--muted);font-size:.85rem}
.section-head{display:flex;align-items:center;gap:12px;flex-wrap:wrap}
.section-head h2,.section-head h3{margin:0}
button.toggle,button.bulk{font:inherit;font-size:.85rem;border:1px solid #9aa5b1;background:#fff;border-radius:4px;padding:2px 10px;cursor:pointer}
.collapsible.is-collapsed>.body{display:none}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
ul.plain{margin:4px 0;padding-left:20px}
tr.is-hidden{display:none}
footer{color:var(--muted);font-size:.85rem;padding:0 32px 24px}
@media print{
html{background:#fff;font-size:11px}
nav.toc,.filters,button.toggle,button.bulk,.controls{display:none!important}
.collapsible.is-collapsed>.body{display:block!important}
tr.is-hidden{display:table-row!important}
header.top{background:#fff;color:var(--ink);border-bottom:2px solid var(--accent);padding:0 0 8px}
main{padding:0;max-width:none}
section.block{border:none;padding:0;page-break-inside:auto}
th{position:static}
.app{page-break-before:always}
.badge,.flag{border:1px solid #000;color:#000;background:#fff!important}
}
)css";

constexpr std::string_view kScript = R"js(
(function () {
  "use strict";
  function textOf(cell) {
    return cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
  }
  function sortBy(table, index, numeric, header) {
    var body = table.tBodies[0];
    if (!body) return;
    var descending = header.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row.dataset.pos = String(i); });
    rows.sort(function (a, b) {
      var x = textOf(a.cells[index]), y = textOf(b.cells[index]), r;
      if (numeric) { r = (parseFloat(x) || 0) - (parseFloat(y) || 0); }
      else { r = x.localeCompare(y, "ja"); }
      if (r === 0) r = Number(a.dataset.pos) - Number(b.dataset.pos);
      return descending ? -r : r;
    });
    var headers = table.tHead.rows[0].cells;
    for (var h = 0; h < headers.length; h++) {
      if (headers[h].hasAttribute("aria-sort")) headers[h].setAttribute("aria-sort", "none");
    }
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function initSorting() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var headers = table.tHead.rows[0].cells;
      Array.prototype.forEach.call(headers, function (th, index) {
        var button = th.querySelector("button.sort");
        if (!button) return;
        button.addEventListener("click", function () {
          sortBy(table, index, th.getAttribute("data-type") === "num", th);
        });
      });
    });
  }
  function applyFilter(box) {
    var table = document.getElementById(box.getAttribute("data-table"));
    if (!table) return;
    var query = box.querySelector("input.q");
    var needle = query ? query.value.trim().toLowerCase() : "";
    var selects = box.querySelectorAll("select[data-attr]");
    var shown = 0, rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], ok = !needle || row.textContent.toLowerCase().indexOf(needle) >= 0;
      for (var s = 0; ok && s < selects.length; s++) {
        var want = selects[s].value;
        if (want && row.getAttribute("data-" + selects[s].getAttribute("data-attr")) !== want) ok = false;
      }
      row.classList.toggle("is-hidden", !ok);
      if (ok) shown++;
    }
    var count = box.querySelector(".count");
    if (count) count.textContent = shown + " / " + rows.length;
  }
  function initFilters(data) {
    document.querySelectorAll(".filters[data-table]").forEach(function (box) {
      var ruleSelect = box.querySelector("select[data-attr=rule]");
      var app = box.getAttribute("data-app");
      if (ruleSelect && app !== null && data.apps[Number(app)]) {
        data.apps[Number(app)].rules.forEach(function (id) {
          var option = document.createElement("option");
          option.value = id;
          option.textContent = id;
          ruleSelect.appendChild(option);
        });
      }
      box.querySelectorAll("input,select").forEach(function (control) {
        control.addEventListener("input", function () { applyFilter(box); });
        control.addEventListener("change", function () { applyFilter(box); });
      });
      applyFilter(box);
    });
  }
  function setCollapsed(section, collapsed) {
    section.classList.toggle("is-collapsed", collapsed);
    var button = section.querySelector(".section-head button.toggle");
    if (button) {
      button.setAttribute("aria-expanded", collapsed ? "false" : "true");
      button.textContent = collapsed ? "Show" : "Hide";
    }
  }
  function initCollapsing() {
    document.querySelectorAll(".collapsible").forEach(function (section) {
      var button = section.querySelector(".section-head button.toggle");
      if (button) {
        button.addEventListener("click", function () {
          setCollapsed(section, !section.classList.contains("is-collapsed"));
        });
      }
      setCollapsed(section, section.getAttribute("data-start") === "closed");
    });
    document.querySelectorAll("button.bulk").forEach(function (button) {
      button.addEventListener("click", function () {
        var scope = document.getElementById(button.getAttribute("data-scope"));
        var collapse = button.getAttribute("data-action") === "collapse";
        if (scope) scope.querySelectorAll(".collapsible").forEach(function (s) { setCollapsed(s, collapse); });
      });
    });
  }
  var island = document.getElementById("report-data");
  var data = island ? JSON.parse(island.textContent) : { apps: [] };
  initSorting();
  initFilters(data);
  initCollapsing();
  document.documentElement.classList.add("js");
})();
)js";

// `text` with the value between `before` and the next `after` replaced by `value`
// (unchanged when `before` is missing).
std::string ReplaceBetween(std::string text, std::string_view before, std::string_view after,
                           std::string_view value) {
  const size_t start = text.find(before);
  if (start == std::string::npos) return text;
  const size_t from = start + before.size();
  const size_t end = text.find(after, from);
  if (end == std::string::npos) return text;
  return text.replace(from, end - from, value);
}

// A CSS font stack from the catalogue, kept to characters that cannot end the declaration.
std::string SafeFontStack(std::string stack) {
  std::erase_if(stack, [](char c) { return c == ';' || c == '{' || c == '}' || c == '<'; });
  return stack;
}

}  // namespace

std::string_view HtmlReportStyle() { return kStyle; }
std::string_view HtmlReportScript() { return kScript; }

std::string HtmlReportStyleFor(const ReportText& lang) {
  if (lang.english()) return std::string(kStyle);
  std::string style = ReplaceBetween(std::string(kStyle), "\nhtml{font-family:", ";font-size",
                                     SafeFontStack(lang.Ui("html.font_family")));
  return ReplaceBetween(std::move(style), "\ncode,pre,.loc,.snippet{font-family:", ";font-size",
                        SafeFontStack(lang.Ui("html.mono_font_family")));
}

std::string HtmlReportScriptFor(const ReportText& lang) {
  if (lang.english()) return std::string(kScript);
  std::string script(kScript);
  const std::string_view labels = R"(collapsed ? "Show" : "Hide")";
  const size_t at = script.find(labels);
  if (at == std::string::npos) return script;
  return script.replace(at, labels.size(),
                        "collapsed ? " + JsonScriptString(lang.Ui("html.show")) + " : " +
                            JsonScriptString(lang.Ui("html.hide")));
}

}  // namespace iescan::report
