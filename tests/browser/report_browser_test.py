#!/usr/bin/env python3
"""The HTML report in a real browser (headless Chromium over the DevTools protocol).

  corpus   scans corpus/ into report.html, loads it and asserts: no console error, no
           exception, no request but the file itself, the script ran (the CSP hashes are
           right), sorting, filtering and print styles work, and a non-empty screenshot.
  hostile  scans a tree whose file names, code and URLs carry script payloads that would
           set document.title / window.name to PWNED, and asserts that nothing ran.

Usage: report_browser_test.py --case corpus|hostile --iescan BIN --source DIR --out DIR
"""

import argparse
import os
import pathlib
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

MARKER = "PWNED"


def scan(iescan, tree, report):
    result = subprocess.run([iescan, "scan", str(tree), "-o", str(report), "--fail-on", "none"],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"iescan exited {result.returncode}: {result.stderr}")
    if not report.is_file() or report.stat().st_size == 0:
        raise SystemExit(f"iescan wrote no report at {report}")


def hostile_tree(root):
    """Files whose names, code, comments and URLs try to run script in the report."""
    payload = f"document.title='{MARKER}';window.name='{MARKER}'"
    evil_dir = root / f"<script>{payload}<"  # with the file name below: ...</script>
    evil_dir.mkdir(parents=True, exist_ok=True)
    (evil_dir / "script>.htm").write_text(
        "<html><body>\n"
        f"<script>var a = document.all; var s = \"</script><script>{payload}</script>\";</script>\n"
        "</body></html>\n", encoding="utf-8")
    (root / f"\"><img src=x onerror=\"{payload}\">.htm").write_text(
        "<html><head>\n"
        "<object classid=\"clsid:D27CDB6E-AE6D-11CF-96B8-444553540000\" "
        f"codebase=\"https://evil.example/x.cab\" data=\"javascript:{payload}\"></object>\n"
        f"<!--[if IE]><img src=x onerror=\"{payload}\"><![endif]-->\n"
        "</head><body>\n"
        f"<div onclick=\"document.all.x; {payload}\">\u2028</div>\n"
        "</body></html>\n", encoding="utf-8")
    (root / "app.js").write_text(
        f"window.attachEvent('onload', function () {{ {payload}; }}); // \u2028 \u2029 </script>\n"
        f"var u = \"<img src=x onerror={payload}>\"; if (document.all) {{ location = u; }}\n",
        encoding="utf-8")
    (root / "style.css").write_text(
        f"body {{ behavior: url(\"</style><script>{payload}</script>.htc\"); }}\n",
        encoding="utf-8")


def load(browser, report):
    url = report.resolve().as_uri()
    browser.call("Network.enable")
    browser.call("Runtime.enable")
    browser.call("Log.enable")
    browser.call("Page.enable")
    browser.call("Emulation.setDeviceMetricsOverride", width=1400, height=1000,
                 deviceScaleFactor=1, mobile=False)
    browser.call("Page.navigate", url=url)
    browser.wait_for("Page.loadEventFired")
    time.sleep(0.5)
    browser.evaluate("1")  # drains the events sent meanwhile
    return url


def problems(browser, url):
    found = []
    for event in browser.events:
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent" and params["request"]["url"] != url:
            found.append("request: " + params["request"]["url"])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert",
                                                                            "warning"):
            found.append("console: " + repr(params.get("args")))
        elif method == "Runtime.exceptionThrown":
            found.append("exception: " + repr(params.get("exceptionDetails")))
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            found.append("log: " + params["entry"].get("text", ""))
    requests = [e for e in browser.events if e["method"] == "Network.requestWillBeSent"]
    if len(requests) != 1:
        found.append(f"expected exactly one request (the file), saw {len(requests)}")
    return found


def check(condition, message, failures):
    if not condition:
        failures.append(message)


def interact(browser, failures):
    """The script ran under the CSP: sorting, filtering and print styles behave."""
    check(browser.evaluate("document.documentElement.classList.contains('js')") is True,
          "the report's script did not run (CSP hash mismatch?)", failures)
    rows = browser.evaluate("document.querySelectorAll('#apps-table tbody tr').length")
    check(rows and rows > 0, "the apps table is empty", failures)
    sorter = "document.querySelectorAll('#apps-table thead button.sort')[4]"
    browser.evaluate(sorter + ".click()")
    browser.evaluate(sorter + ".click()")
    sort = browser.evaluate(
        "document.querySelectorAll('#apps-table thead th')[4].getAttribute('aria-sort')")
    check(sort == "descending", f"sorting twice gave aria-sort={sort}", failures)
    counts = browser.evaluate(
        "Array.from(document.querySelectorAll('#apps-table tbody tr td:nth-child(5)'))"
        ".map(c => Number(c.getAttribute('data-v')))")
    check(counts == sorted(counts, reverse=True), f"findings not sorted descending: {counts}",
          failures)
    shown = browser.evaluate(
        "(() => { const box = document.querySelector('.filters[data-table=apps-table]');"
        " const q = box.querySelector('input.q'); q.value = '\\u0001no-such-app';"
        " q.dispatchEvent(new Event('input'));"
        " const n = document.querySelectorAll('#apps-table tbody tr:not(.is-hidden)').length;"
        " q.value = ''; q.dispatchEvent(new Event('input')); return n; })()")
    check(shown == 0, f"filtering by a missing name left {shown} rows", failures)
    closed = browser.evaluate(
        "getComputedStyle(document.querySelector('article.rule > .body')).display")
    check(closed == "none", f"rule docs start collapsed on screen (display={closed})", failures)
    browser.call("Emulation.setEmulatedMedia", media="print")
    printed = browser.evaluate(
        "[getComputedStyle(document.querySelector('article.rule > .body')).display,"
        " getComputedStyle(document.querySelector('nav.toc')).display]")
    browser.call("Emulation.setEmulatedMedia", media="")
    check(printed == ["block", "none"], f"print styles: body/nav display {printed}", failures)


def screenshot(browser, path, failures):
    shot = browser.call("Page.captureScreenshot", format="png")
    data = __import__("base64").b64decode(shot["data"])
    path.write_bytes(data)
    check(data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20000,
          f"screenshot {path} is not a non-empty PNG ({len(data)} bytes)", failures)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=["corpus", "hostile"], required=True)
    parser.add_argument("--iescan", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    out = pathlib.Path(args.out) / args.case
    out.mkdir(parents=True, exist_ok=True)
    if args.case == "corpus":
        tree = pathlib.Path(args.source) / "corpus"
    else:
        tree = out / "tree"
        hostile_tree(tree)
    report = out / "report.html"
    scan(args.iescan, tree, report)

    failures = []
    browser = cdp.Browser(out / "chromium.log")
    try:
        url = load(browser, report)
        failures += problems(browser, url)
        if args.case == "corpus":
            interact(browser, failures)
            browser.evaluate("window.scrollTo(0, 0)")
            screenshot(browser, out / "report.png", failures)
        else:
            title = browser.evaluate("document.title")
            check(title == "Internet Explorer migration report", f"title became {title!r}",
                  failures)
            check(browser.evaluate("window.name") == "", "window.name was set", failures)
            check(browser.evaluate("document.scripts.length") == 2,
                  "the page holds a script element it did not write", failures)
            check(browser.evaluate("document.querySelectorAll('img,object,iframe,embed,"
                                   "[onerror],[onload],[onclick]').length") == 0,
                  "a payload became an element or handler", failures)
            text = browser.evaluate("document.body.textContent")
            check(MARKER in text, "the payload text is not shown (nothing was reported?)",
                  failures)
            check(browser.evaluate("document.documentElement.classList.contains('js')") is True,
                  "the report's own script did not run", failures)
            screenshot(browser, out / "report.png", failures)
    finally:
        browser.close()
    for failure in failures:
        print("FAIL:", failure)
    if failures:
        return 1
    print(f"ok: {report} ({report.stat().st_size} bytes), screenshot {out / 'report.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
