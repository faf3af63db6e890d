"""Collects benchmark rows and renders them as Markdown with the targets checked."""

import measure as M

SECTIONS = [
    ("main", "iescan vs ripgrep, same threads, whole corpus"),
    ("floor", "the work no prefilter can skip"),
    ("threads", "iescan threads"),
    ("scale", "corpus size scaling (generated tree only, median of --scale-runs runs)"),
    ("one-line", "one minified line"),
    ("prefilter", "prefilter off"),
    ("reader", "HTML reader"),
    ("kinds", "file-kind mixes (1 thread, --include)"),
    ("eslint", "linter reference"),
]
RSS_LIMIT_MB = 300
RSS_FLAT = 1.25  # max/min peak RSS over the scaling sizes that still counts as flat


class Report:
    def __init__(self, machine, options):
        self.machine, self.options = machine, options
        self.rows, self.notes, self.corpus = [], [], {}
        self.one_line_ref = None
        self.floor, self.floor_stages = None, {}

    def add(self, section, name, nbytes, samples, factor=None):
        s = M.summary(samples)
        s.update(section=section, name=name, bytes=nbytes, factor=factor,
                 mbps=nbytes / 1e6 / s["wall"], cpu_mbps=nbytes / 1e6 / max(s["cpu"], 0.01),  # 10 ms: GNU time
                 samples=[x.as_dict() for x in samples])
        self.rows.append(s)
        return s

    def note(self, text):
        self.notes.append(text)

    def find(self, section, prefix):
        for r in self.rows:
            if r["section"] == section and r["name"].startswith(prefix):
                return r
        return None

    def table(self):
        out = ["| section | run | MB | wall s | MB/s | CPU s | MB/CPU-s | peak RSS MB | load |",
               "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
        for key, title in SECTIONS:
            for r in (r for r in self.rows if r["section"] == key):
                runs = f" (median of {r['runs']})" if r["runs"] > 1 else ""
                out.append(f"| {title} | {r['name']}{runs} | {r['bytes'] / 1e6:.1f} | {r['wall']:.2f} | "
                           f"{r['mbps']:.1f} | {r['cpu']:.2f} | {r['cpu_mbps']:.1f} | {r['rss_mb']:.0f} | "
                           f"{r['load']:.1f} |")
        return out

    def targets(self):
        out = []

        def verdict(ok):
            return "met" if ok else "NOT met"
        ies, rg = self.find("main", "iescan"), self.find("main", "rg --no-unicode -c -F -j")
        if ies and rg:
            ratio = ies["wall"] / rg["wall"]
            out.append(f"- iescan wall <= 2x ripgrep (same threads): {verdict(ratio <= 2)} - "
                       f"{ies['wall']:.2f} s vs {rg['wall']:.2f} s = {ratio:.1f}x "
                       f"(CPU {ies['cpu']:.2f} s vs {rg['cpu']:.2f} s = {ies['cpu'] / rg['cpu']:.1f}x)")
            if self.floor:
                fl = self.floor
                out.append(f"  - floor: the files with findings alone ({fl['bytes'] / 1e6:.0f} MB) take "
                           f"{fl['wall']:.2f} s = {fl['wall'] / rg['wall']:.1f}x ripgrep's time on the whole corpus "
                           f"(CPU {fl['cpu']:.2f} s = {fl['cpu'] / rg['cpu']:.1f}x)")
            if self.floor_stages:
                st = self.floor_stages
                every = sum(st.values())
                parts = ", ".join(f"{k} {v:.2f}" for k, v in st.items())
                out.append(f"  - stages every file goes through ({parts}): {every:.2f} CPU-s = "
                           f"{every / rg['cpu']:.1f}x ripgrep's whole CPU time")
        j1, jn = self.find("threads", "iescan -j1"), [r for r in self.rows if r["section"] == "threads"][1:]
        if j1 and jn:
            sp = j1["wall"] / jn[0]["wall"]
            out.append(f"- {jn[0]['name'].split()[-1]} >= 1.8x faster than -j1: {verdict(sp >= 1.8)} - "
                       f"{j1['wall']:.2f} s vs {jn[0]['wall']:.2f} s = {sp:.2f}x "
                       f"(parallel CPU use {jn[0]['cpu'] / jn[0]['wall']:.2f} cores)")
        scale = {r["factor"]: r for r in self.rows if r["section"] == "scale" and r["name"].startswith("iescan")}
        if 1 in scale and 4 in scale:
            t = scale[4]["wall"] / scale[1]["wall"]
            out.append(f"- 4x corpus <= 4.2x time: {verdict(t <= 4.2)} - {scale[1]['wall']:.2f} s -> "
                       f"{scale[4]['wall']:.2f} s = {t:.2f}x (CPU {scale[4]['cpu'] / scale[1]['cpu']:.2f}x)")
        rss_rows = [r for r in self.rows if r["name"].startswith("iescan") and r["section"] in ("main", "threads", "scale")]
        if rss_rows:
            peak = max(r["rss_mb"] for r in rss_rows)
            out.append(f"- peak RSS < {RSS_LIMIT_MB} MB: {verdict(peak < RSS_LIMIT_MB)} - highest {peak:.0f} MB")
        if len(scale) >= 2:
            vals = [scale[f]["rss_mb"] for f in sorted(scale)]
            flat = max(vals) / min(vals)
            sizes = " -> ".join(f"{scale[f]['bytes'] / 1e6:.0f} MB: {scale[f]['rss_mb']:.0f} MB" for f in sorted(scale))
            out.append(f"- peak RSS flat over corpus sizes (max/min <= {RSS_FLAT}): {verdict(flat <= RSS_FLAT)} - "
                       f"{sizes} ({flat:.2f}x)")
        one = self.find("one-line", "iescan")
        if one and self.one_line_ref:
            half = self.one_line_ref / 2
            out.append(f"- one-line file >= half the corpus-average MB/s (both 1 thread): {verdict(one['mbps'] >= half)} - "
                       f"{one['mbps']:.1f} MB/s vs corpus {self.one_line_ref:.1f} MB/s")
        return out

    def markdown(self):
        m = self.machine
        o = self.options
        lines = [f"Machine: {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB RAM, Linux {m['kernel']}, "
                 f"{m['ripgrep']}; iescan from source {m['source']}.",
                 f"Corpus: {self.corpus.get('bytes', 0) / 1e6:.1f} MB in {self.corpus.get('files', 0)} files "
                 f"(generated {o['size_mb']:g} MB, seed {o['seed']}); threads -j{o['jobs']}; "
                 f"{o['runs']} alternating runs after one warm-up for the main and thread rows.", ""]
        lines += [f"- {n}" for n in self.notes] + [""]
        lines += self.table() + ["", "Targets:", ""] + self.targets() + [""]
        return "\n".join(lines)

    def as_json(self):
        return {"machine": self.machine, "options": self.options, "corpus": self.corpus,
                "notes": self.notes, "rows": self.rows, "targets": self.targets()}
