#!/usr/bin/env python3
"""iescan benchmark driver (run through bench/run.sh, which builds iescan first).

Generates the corpus, adds real third-party libraries when npm is reachable, and measures
iescan against ripgrep with the same thread count, iescan on 1 vs N threads, corpus sizes
1x/2x/4x, a single huge minified line, file-kind mixes, the prefilter's effect, and ESLint
with eslint-plugin-compat as a linter reference. Prints Markdown tables and keeps
results.md and results.json in the work directory. Throughput is in MB/s of 10^6 bytes.
"""

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # keep the repository free of __pycache__

import measure as M  # noqa: E402
from bench_report import Report  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
KIND_GROUPS = [
    ("pages (.htm .html .asp .aspx .ascx .jsp .php)", (".htm", ".html", ".asp", ".aspx", ".ascx", ".jsp", ".php")),
    ("scripts (.js)", (".js",)),
    ("stylesheets (.css)", (".css",)),
    ("XML (.xml .xsl .config)", (".xml", ".xsl", ".config")),
    ("HTC and VBScript (.htc .vbs)", (".htc", ".vbs")),
]


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def generator_digest():
    h = hashlib.sha256()
    for name in ("gen_corpus.py", "corpus_fragments.py"):
        with open(os.path.join(HERE, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def ensure_corpus(work, size_mb, seed):
    """The generated tree for (size, seed), regenerated when the generator changed."""
    out = os.path.join(work, f"corpus-{size_mb:g}mb-seed{seed}")
    stamp = os.path.join(work, f"corpus-{size_mb:g}mb-seed{seed}.manifest.json")
    digest = generator_digest()
    if os.path.isdir(out) and os.path.exists(stamp):
        with open(stamp) as f:
            if json.load(f).get("generator") == digest:
                return out
    shutil.rmtree(out, ignore_errors=True)
    log(f"generating {size_mb:g} MB corpus (seed {seed}) in {out}")
    raw = subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--size-mb", str(size_mb),
                          "--seed", str(seed), "--out", out], check=True, capture_output=True).stdout
    manifest = json.loads(raw)
    manifest["generator"] = digest
    with open(stamp, "w") as f:
        json.dump(manifest, f, indent=1)
    return out


def make_patterns(work):
    """The catalogue's prefilter words, one a line, from rules/catalog/**/*.json."""
    words = set()
    for d, _, files in os.walk(os.path.join(REPO, "rules", "catalog")):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    words.update(w for w in json.load(f).get("prefilter", []) if w)
    text = "\n".join(sorted(words)) + "\n"
    path = os.path.join(work, "patterns.txt")
    with open(path, "w") as f:
        f.write(text)
    committed = os.path.join(HERE, "patterns.txt")
    old = ""
    if os.path.exists(committed):
        with open(committed) as f:
            old = f.read()
    if old != text:
        log("note: bench/patterns.txt differs from the catalogue's current prefilter words; "
            f"the run uses {path}")
    return path, len(words)


class Tools:
    def __init__(self, a, work, patterns):
        self.iescan, self.work, self.patterns, self.jobs = a.iescan, work, patterns, a.jobs
        self.out = os.path.join(work, "out")
        os.makedirs(self.out, exist_ok=True)

    def iescan_cmd(self, paths, jobs, *extra):
        # Paths first: --include and --rules take several values.
        return ["iescan", [self.iescan, "scan", *paths, "-j", str(jobs), "--fail-on", "none", "-q",
                           "-o", os.path.join(self.out, "iescan.json"), *extra], os.devnull, (0,)]

    def rg_cmd(self, paths, jobs, *extra):
        return ["rg", ["rg", "--no-unicode", "-c", "-F", "-f", self.patterns, "-j", str(jobs), *extra,
                       "--", *paths], os.path.join(self.out, "rg.txt"), (0, 1)]

    def one(self, cmd, runs=1, warmup=False):
        return M.alternate([cmd], runs, warmup)[cmd[0]]


def section_main(rep, tools, paths, nbytes, runs):
    j = tools.jobs
    log(f"main comparison: iescan -j{j} vs rg -j{j}, {runs} alternating runs each")
    a = tools.iescan_cmd(paths, j)
    b = tools.rg_cmd(paths, j)
    b[0] = "rg"
    c = tools.rg_cmd(paths, j, "-i")
    c[0] = "rg -i"
    res = M.alternate([a, b, c], runs)
    rep.add("main", f"iescan scan -j{j} (full catalogue, JSON report)", nbytes, res["iescan"])
    rep.add("main", f"rg --no-unicode -c -F -j{j} (prefilter words)", nbytes, res["rg"])
    rep.add("main", f"rg --no-unicode -c -F -i -j{j} (case-insensitive, as iescan's prefilter)", nbytes, res["rg -i"])
    return res


def files_with_findings(report_path):
    """(path, root) of every local file with at least one finding in an iescan JSON report."""
    with open(report_path) as f:
        report = json.load(f)
    return [(f["path"], f["root"]) for f in report["files"]
            if f.get("findings") and not f.get("is_url")]


def section_floor(rep, tools, paths, nbytes, runs):
    """How close to ripgrep iescan could get if it knew in advance which files hold findings.

    The files of the main run's report that have findings are linked into a tree of their own
    (same relative paths under each root) and scanned alone: that is the work no prefilter
    can skip, since those files must be parsed to place and qualify their findings. One
    --stats run on the whole corpus gives the time of the stages every file goes through
    whatever the catalogue (list, read, decode, literal prefilter), summed over threads.
    """
    report_path = os.path.join(tools.out, "iescan.json")
    if not os.path.exists(report_path):
        return
    floor = os.path.join(tools.work, "floor")
    shutil.rmtree(floor, ignore_errors=True)
    roots = {}
    for path, root in files_with_findings(report_path):
        sub = roots.setdefault(root, os.path.join(floor, f"root{len(roots)}"))
        dest = os.path.join(sub, os.path.relpath(path, root))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        try:
            os.link(path, dest)
        except OSError:
            shutil.copyfile(path, dest)
    if not roots:
        return
    subset = sorted(roots.values())
    sub_bytes, sub_files = M.tree_bytes(subset)
    total_files = M.tree_bytes(paths)[1]
    log(f"floor: iescan on the {sub_files} files with findings only ({sub_bytes / 1e6:.0f} MB)")
    row = rep.add("floor", f"iescan -j{tools.jobs}, only the {sub_files} of {total_files} files with findings",
                  sub_bytes, tools.one(tools.iescan_cmd(subset, tools.jobs), runs=runs))
    rep.floor = row
    stats = subprocess.run(tools.iescan_cmd(paths, tools.jobs, "--stats")[1], capture_output=True, text=True)
    stages = {}
    for line in stats.stderr.splitlines():
        m = re.match(r"\s+(list|read|decode|prefilter)\s+([0-9.]+) s", line)
        if m:
            stages[m.group(1)] = float(m.group(2))
    if stages:
        rep.floor_stages = stages
    shutil.rmtree(floor, ignore_errors=True)


def section_threads(rep, tools, paths, nbytes, runs):
    j = max(2, tools.jobs)
    log(f"threads: iescan -j1 vs -j{j}, {runs} alternating runs each")
    a = tools.iescan_cmd(paths, 1)
    a[0] = "j1"
    b = tools.iescan_cmd(paths, j)
    b[0] = "jN"
    res = M.alternate([a, b], runs, warmup=False)
    rep.add("threads", "iescan -j1", nbytes, res["j1"])
    rep.add("threads", f"iescan -j{j}", nbytes, res["jN"])
    return res


def section_prefilter(rep, tools, paths, nbytes):
    log("prefilter: iescan --no-prefilter")
    rep.add("prefilter", f"iescan -j{tools.jobs} --no-prefilter", nbytes,
            tools.one(tools.iescan_cmd(paths, tools.jobs, "--no-prefilter")))


def section_reader(rep, tools, paths, nbytes):
    log("html reader: iescan --html-reader gumbo")
    rep.add("reader", f"iescan -j{tools.jobs} --html-reader gumbo", nbytes,
            tools.one(tools.iescan_cmd(paths, tools.jobs, "--html-reader", "gumbo")))


def section_kinds(rep, tools, corpus):
    for label, suffixes in KIND_GROUPS:
        nbytes, count = M.tree_bytes([corpus], suffixes)
        if not count:
            continue
        log(f"file kinds: {label}")
        globs = []
        for s in suffixes:
            globs += ["--include", "*" + s]
        rep.add("kinds", f"iescan -j1 {label}, {count} files", nbytes,
                tools.one(tools.iescan_cmd([corpus], 1, *globs)))


def section_one_line(rep, tools, work, size_mb, seed, corpus_j1_rate, runs):
    path = os.path.join(work, "one-line", f"bundle-{size_mb:g}mb.min.js")
    if not os.path.exists(path):
        log(f"generating a {size_mb:g} MB one-line minified file")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--one-line-mb", str(size_mb),
                        "--seed", str(seed), "--out", path], check=True, capture_output=True)
    nbytes = os.path.getsize(path)
    log(f"one-line file: iescan -j1 and rg -j1, {runs} alternating runs each")
    a = tools.iescan_cmd([path], 1, "--max-file-size", "4GiB")
    b = tools.rg_cmd([path], 1)
    b[0] = "rg"
    res = M.alternate([a, b], runs)
    rep.add("one-line", f"iescan -j1, one {nbytes / 1e6:.0f} MB line", nbytes, res["iescan"])
    rep.add("one-line", f"rg -j1, one {nbytes / 1e6:.0f} MB line", nbytes, res["rg"])
    rep.one_line_ref = corpus_j1_rate


def section_scale(rep, tools, work, base_mb, seed, factors, runs):
    # Every size in each round (1x rg 1x 2x rg 2x 4x rg 4x, then again): the machine's speed
    # drifts over minutes, and sizes run one after another would carry that drift into the
    # ratio between them.
    corpora = []
    for f in factors:
        corpus = ensure_corpus(work, base_mb * f, seed)
        nbytes, _ = M.tree_bytes([corpus])
        corpora.append((f, corpus, nbytes))
    log("scaling: " + ", ".join(f"{f}x ({n / 1e6:.0f} MB)" for f, _, n in corpora) +
        f", every size in each of {runs} rounds")
    commands = []
    for f, corpus, _ in corpora:
        a = tools.iescan_cmd([corpus], tools.jobs)
        a[0] = f"iescan {f}x"
        b = tools.rg_cmd([corpus], tools.jobs)
        b[0] = f"rg {f}x"
        commands += [a, b]
    res = M.alternate(commands, runs, warmup=runs > 1)
    for f, _, nbytes in corpora:
        rep.add("scale", f"iescan -j{tools.jobs} {f}x", nbytes, res[f"iescan {f}x"], factor=f)
        rep.add("scale", f"rg -j{tools.jobs} {f}x", nbytes, res[f"rg {f}x"], factor=f)


def eslint_setup(work):
    root = os.path.join(work, "eslint")
    bin_path = os.path.join(root, "node_modules", ".bin", "eslint")
    if os.path.exists(bin_path):
        return root
    if not M.have("npm"):
        return None
    try:
        subprocess.run(["npm", "ping"], check=True, capture_output=True, timeout=30)
        os.makedirs(root, exist_ok=True)
        log("installing eslint and eslint-plugin-compat with npm (temp dir, not committed)")
        subprocess.run(["npm", "install", "--prefix", root, "--no-audit", "--no-fund", "--silent",
                        "eslint@9", "eslint-plugin-compat@6"], check=True, capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError) as e:
        log(f"ESLint skipped: npm registry unreachable or install failed ({type(e).__name__})")
        return None
    return root


ESLINT_CONFIG = """import compat from "eslint-plugin-compat";
export default [
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: "latest", sourceType: "script" },
    plugins: { compat },
    rules: { "compat/compat": "error" },
    settings: { browsers: ["chrome >= 109", "firefox >= 115", "safari >= 16"] },
  },
];
"""


def section_eslint(rep, tools, work, corpus, sample_mb):
    root = eslint_setup(work)
    if not root:
        rep.note("ESLint + eslint-plugin-compat: skipped (npm registry unreachable)")
        return
    sample = os.path.join(root, "sample")
    shutil.rmtree(sample, ignore_errors=True)
    files = []
    for d, _, names in os.walk(corpus):
        files += [os.path.join(d, n) for n in names if n.endswith(".js") and not n.endswith(".min.js")]
    files.sort()
    budget, taken = sample_mb * 1e6, 0
    step = max(1, len(files) // 2000)
    for i, src in enumerate(files[::step]):
        if taken >= budget:
            break
        dst = os.path.join(sample, f"{i:05d}-{os.path.basename(src)}")
        os.makedirs(sample, exist_ok=True)
        shutil.copyfile(src, dst)
        taken += os.path.getsize(dst)
    with open(os.path.join(root, "eslint.config.mjs"), "w") as f:
        f.write(ESLINT_CONFIG)
    nbytes, count = M.tree_bytes([sample])
    log(f"ESLint: {count} .js files, {nbytes / 1e6:.1f} MB")
    # ESLint 9 resolves file patterns from the working directory: run it from the config's.
    argv = [os.path.join(root, "node_modules", ".bin", "eslint"), "--config", "eslint.config.mjs",
            "-f", "json", "-o", os.path.join(tools.out, "eslint.json"), "sample"]
    rep.add("eslint", f"eslint + eslint-plugin-compat, {count} .js files (1 thread)", nbytes,
            tools.one(["eslint", argv, os.devnull, (0, 1), root], runs=1, warmup=True))
    rep.add("eslint", f"iescan -j1, same {count} .js files", nbytes,
            tools.one(tools.iescan_cmd([sample], 1), runs=1, warmup=True))


def machine():
    model = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    rg = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.split("\n")[0] if M.have("rg") else "-"
    git = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"], capture_output=True,
                         text=True).stdout.strip() or "unknown"
    return {"nproc": os.cpu_count(), "cpu": model, "memory_gib": round(mem_kb / 2**20, 1),
            "kernel": platform.release(), "ripgrep": rg, "source": git}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--iescan", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--size-mb", type=float, default=320)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", "-j", type=int, default=2)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--scale", default="1,2,4", help="corpus size factors, or 'none'")
    p.add_argument("--scale-runs", type=int, default=3,
                   help="alternating runs per tool and size in the scaling rows (median)")
    p.add_argument("--one-line-mb", type=float, default=100)
    p.add_argument("--eslint-mb", type=float, default=4)
    p.add_argument("--quick", action="store_true", help="20 MB corpus, 10 MB line, 2 MB ESLint sample")
    p.add_argument("--skip", default="", help="comma list: libs,floor,threads,prefilter,reader,kinds,one-line,scale,eslint")
    a = p.parse_args()
    if a.quick:
        a.size_mb, a.one_line_mb, a.eslint_mb = 20, 10, 2
    skip = set(filter(None, a.skip.split(",")))
    if not M.have("rg"):
        sys.exit("bench: ripgrep (rg) is required: apt-get install ripgrep")
    os.makedirs(a.work, exist_ok=True)
    rep = Report(machine(), vars(a))
    patterns, nwords = make_patterns(a.work)
    rep.note(f"{nwords} literal patterns (the catalogue's prefilter words) in patterns.txt")
    tools = Tools(a, a.work, patterns)
    corpus = ensure_corpus(a.work, a.size_mb, a.seed)
    paths = [corpus]
    if "libs" not in skip:
        libs = os.path.join(a.work, "libs")
        r = subprocess.run(["bash", os.path.join(HERE, "fetch_libs.sh"), libs, os.path.join(a.work, "npm-packs")],
                           capture_output=True, text=True)
        log(r.stdout.strip().split("\n")[-1] if r.stdout.strip() else "fetch_libs: no output")
        if os.path.isdir(os.path.join(libs, "shared-libs")):
            paths.append(os.path.join(libs, "shared-libs"))
            rep.note(r.stdout.strip().split("\n")[-1])
        else:
            rep.note(r.stdout.strip() or "third-party libraries: skipped")
    nbytes, nfiles = M.tree_bytes(paths)
    rep.corpus = {"paths": paths, "bytes": nbytes, "files": nfiles}
    section_main(rep, tools, paths, nbytes, a.runs)
    if "floor" not in skip:
        section_floor(rep, tools, paths, nbytes, a.runs)
    j1_rate = None
    if "threads" not in skip:
        res = section_threads(rep, tools, paths, nbytes, a.runs)
        j1_rate = nbytes / 1e6 / M.summary(res["j1"])["wall"]
    if "prefilter" not in skip:
        section_prefilter(rep, tools, paths, nbytes)
    if "reader" not in skip:
        section_reader(rep, tools, paths, nbytes)
    if "kinds" not in skip:
        section_kinds(rep, tools, corpus)
    if "one-line" not in skip:
        section_one_line(rep, tools, a.work, a.one_line_mb, a.seed, j1_rate, a.runs)
    if "scale" not in skip and a.scale != "none":
        section_scale(rep, tools, a.work, a.size_mb, a.seed, [int(x) for x in a.scale.split(",")],
                      a.scale_runs)
    if "eslint" not in skip:
        section_eslint(rep, tools, a.work, corpus, a.eslint_mb)
    text = rep.markdown()
    print(text)
    with open(os.path.join(a.work, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump(rep.as_json(), f, indent=1)
    log(f"results in {a.work}/results.md and results.json")


if __name__ == "__main__":
    main()
