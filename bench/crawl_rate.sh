#!/usr/bin/env bash
# Crawl rate: how many pages per second `iescan scan http://...` fetches and scans from a
# loopback server, and how much CPU the crawler process spends per page.
#
# Usage: bench/crawl_rate.sh [IESCAN_BINARY] [PAGES] [CONCURRENCY]
#   IESCAN_BINARY  default: build/iescan
#   PAGES          pages of the generated site (default 2000)
#   CONCURRENCY    --concurrency given to iescan (default 4, iescan's default)
#
# The site is generated in a temporary directory: PAGES intranet-style pages (about 6 KiB,
# Shift_JIS-free UTF-8, inline script with IE-only constructs, five links each), one
# shared style sheet with an HTC behaviour and one shared script. It is served by
# tests/crawl/test_server.py (Python's http.server, threaded) on 127.0.0.1 only; the server
# is stopped when the script exits, whatever happens. Nothing leaves the machine.
#
# The server is part of what is measured: a Python server answers a few hundred to a few
# thousand requests per second, so the pages/s figure is a floor for the crawler. The CPU
# figure is the crawler's own (user + system time of the iescan process, from wait4).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-build/iescan}
pages=${2:-2000}
concurrency=${3:-4}
[ -x "$binary" ] || { echo "crawl_rate: no iescan binary at $binary (build it first)" >&2; exit 2; }

work=$(mktemp -d /tmp/iescan-crawl-rate-XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

python3 - "$work/site" "$pages" <<'PY'
import os, sys
root, pages = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(root, "app", "common"), exist_ok=True)
with open(os.path.join(root, "app", "common", "style.css"), "w") as f:
    f.write(".cal { behavior: url(calendar.htc); }\n" * 3 + "td { filter: alpha(opacity=80); }\n")
with open(os.path.join(root, "app", "common", "calendar.htc"), "w") as f:
    f.write('<PUBLIC:COMPONENT>\n<PUBLIC:ATTACH EVENT="onclick" ONEVENT="pick()" />\n'
            '<script>\nfunction pick() { var e = window.event; }\n</script>\n</PUBLIC:COMPONENT>\n')
with open(os.path.join(root, "app", "common", "util.js"), "w") as f:
    f.write("function $(id) { return document.all[id]; }\n" * 20)
filler = "<p>" + "申請内容を確認してください。" * 8 + "</p>\n"
for i in range(pages):
    folder = os.path.join(root, "app", "d%02d" % (i % 50))
    os.makedirs(folder, exist_ok=True)
    links = "".join('<a href="../d%02d/p%05d.html">next</a>\n' % ((j % 50), j)
                    for j in ((i * 7 + k * 131 + 1) % pages for k in range(5)))
    body = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>\n<head>\n'
            '<meta http-equiv="X-UA-Compatible" content="IE=EmulateIE7">\n'
            '<link rel="stylesheet" href="../common/style.css">\n'
            '<script src="../common/util.js"></script>\n</head>\n'
            '<body onload="init()">\n' + filler * 10 + links +
            '<script>\nfunction init() {\n  window.attachEvent("onresize", init);\n'
            '  var t = document.all.tags("TABLE");\n}\n</script>\n</body>\n</html>\n')
    with open(os.path.join(folder, "p%05d.html" % i), "w", encoding="utf-8") as f:
        f.write(body)
with open(os.path.join(root, "app", "index.html"), "w") as f:
    f.write("<html><body>\n" + "".join('<a href="d%02d/p%05d.html">p</a>\n' % (i % 50, i)
                                       for i in range(0, pages, max(1, pages // 40))) +
            "</body></html>\n")
PY

python3 tests/crawl/test_server.py --root "$work/site" --lifetime 900 >"$work/port" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 50); do grep -q '^PORT ' "$work/port" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^PORT /{print $2}' "$work/port")
[ -n "$port" ] || { echo "crawl_rate: the test server did not start" >&2; cat "$work/server.err" >&2; exit 1; }

python3 - "$binary" "http://127.0.0.1:$port/app/" "$pages" "$concurrency" "$work/report.json" <<'PY'
import json, os, subprocess, sys, time
binary, seed, pages, concurrency, report = sys.argv[1:6]
args = [binary, "scan", seed, "--fail-on", "none", "-q", "-o", report,
        "--concurrency", concurrency, "--max-pages", str(int(pages) + 100),
        "--max-per-pattern", str(int(pages) + 100), "--max-depth", "1000"]
start = time.monotonic()
proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(proc.pid, 0)
wall = time.monotonic() - start
err = proc.stderr.read().decode("utf-8", "replace")
if os.waitstatus_to_exitcode(status) != 0:
    sys.exit("crawl_rate: iescan failed: " + err)
with open(report, encoding="utf-8") as f:
    data = json.load(f)
files = len(data.get("files", []))
skipped = len(data.get("skipped", []))
findings = len(data.get("findings", []))
cpu = usage.ru_utime + usage.ru_stime
print("pages scanned:      %d (%d skipped, %d findings)" % (files, skipped, findings))
print("wall time:          %.2f s" % wall)
print("crawl rate:         %.0f pages/s" % (files / wall if wall > 0 else 0))
print("crawler CPU:        %.2f s user+sys, %.2f ms per page" % (cpu, 1000 * cpu / max(files, 1)))
print("crawler peak RSS:   %.0f MiB" % (usage.ru_maxrss / 1024))
PY
