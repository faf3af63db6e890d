#!/usr/bin/env python3
"""Generates a synthetic tree of intranet web applications for benchmarking iescan.

    gen_corpus.py --size-mb 320 --seed 1 --out /tmp/iescan-bench/corpus-320
    gen_corpus.py --one-line-mb 100 --seed 1 --out /tmp/iescan-bench/one-line/bundle.min.js

The tree holds many apps (classic ASP, ASP.NET, JSP, PHP and static HTML; legacy, mixed and
modern eras) with pages, server templates, scripts, stylesheets, HTC behaviours, XML/XSL,
VBScript files, minified bundles and a few binary images. Pages of Japanese apps are stored
in Shift_JIS (cp932) or UTF-8, legacy apps mostly with CRLF line ends. About two files in
three hold no IE construct at all; IE words also occur in comments, strings and unrelated
names (near misses). File sizes are mostly 2-40 KB with a few of 200 KB-2 MB.

Output is a pure function of (seed, size): app number i is generated from (seed, i) alone,
so a larger corpus contains every file of a smaller one with the same seed, and the last
app is cut where the size is reached. Standard library only.
"""

import argparse
import json
import math
import os
import random
import sys

import corpus_fragments as F

PLATFORMS = [("asp", 30), ("static", 22), ("jsp", 20), ("aspx", 16), ("php", 12)]
ERAS = [("legacy", 40), ("mixed", 30), ("modern", 30)]
IE_FILE_SHARE = {"legacy": 0.60, "mixed": 0.30, "modern": 0.07}
NEAR_SHARE = 0.25
FEATURES = ["kintai", "shinsei", "master", "report", "search", "admin", "yoyaku", "keihi",
            "common", "portal", "workflow", "docs"]
PAGE_EXT = {"asp": [".asp"], "aspx": [".aspx", ".ascx"], "jsp": [".jsp"], "php": [".php"],
            "static": [".htm", ".html"]}
# File roles with weights (by count).
ROLES = [("page", 36), ("js", 22), ("css", 11), ("min", 1.5), ("htc", 2), ("xml", 4),
         ("xsl", 2), ("config", 1), ("vbs", 1), ("gif", 3), ("static", 15)]


def weighted(r, pairs):
    total = sum(w for _, w in pairs)
    x = r.uniform(0, total)
    for value, w in pairs:
        x -= w
        if x <= 0:
            return value
    return pairs[-1][0]


def file_size(r, role):
    """Target size in bytes: mostly 2-40 KB, 3% up to 150 KB, 0.4% 200 KB - 2 MB."""
    if role == "gif":
        return r.randint(300, 6000)
    x = r.random()
    if role == "min":
        return int(math.exp(r.uniform(math.log(15e3), math.log(300e3))))
    if x < 0.004 and role in ("page", "js", "xml", "static"):
        return int(math.exp(r.uniform(math.log(200e3), math.log(2e6))))
    if x < 0.034:
        return int(math.exp(r.uniform(math.log(40e3), math.log(150e3))))
    return int(min(40e3, max(800, r.lognormvariate(math.log(5000), 0.75))))


class App:
    """One intranet application: a platform, an era, a language, a line-end habit."""

    def __init__(self, seed, index):
        self.r = random.Random(f"{seed}:{index}")
        r = self.r
        self.index = index
        self.platform = weighted(r, PLATFORMS)
        self.era = weighted(r, ERAS)
        self.ja = r.random() < 0.55
        self.sjis = self.ja and self.era != "modern" and r.random() < 0.6
        self.crlf = r.random() < {"legacy": 0.8, "mixed": 0.5, "modern": 0.2}[self.era]
        self.name = f"{r.choice(F.NOUNS)}-{r.choice(FEATURES)}-{index:05d}"
        self.features = r.sample(FEATURES, r.randint(2, 6))
        self.count = 0


def write_until(r, target, emit):
    parts, size = [], 0
    while size < target:
        s = emit()
        parts.append(s)
        size += len(s)
    return "".join(parts)


def js_body(r, app, target, ie, near):
    clean = F.JS_MODERN if app.era == "modern" else F.JS_CLEAN
    density = r.uniform(0.04, 0.25) if ie else 0.0
    head = f"/* {F.text(r, app.ja)} - {app.name} */\n\n"

    def emit():
        x = r.random()
        if x < density:
            return r.choice(F.JS_IE)(r, app.ja)
        if near and x > 0.97:
            return F.js_near(r, app.ja)
        return r.choice(clean)(r, app.ja)
    body = head + write_until(r, target, emit)
    if ie and density > 0 and "attach" not in body and "ActiveX" not in body and "document.all" not in body:
        body += r.choice(F.JS_IE)(r, app.ja)
    return body


def css_body(r, app, target, ie, near):
    density = r.uniform(0.03, 0.15) if ie else 0.0
    first = F.css_ie(r, app.ja) if ie else ""

    def emit():
        x = r.random()
        if x < density:
            return F.css_ie(r, app.ja)
        if near and x > 0.96:
            return F.css_near(r, app.ja)
        return F.css_clean(r, app.ja)
    return f"@charset \"{'Shift_JIS' if app.sjis else 'UTF-8'}\";\n" + first + write_until(r, target, emit)


def doctype(r, app):
    if app.era == "modern":
        return "<!DOCTYPE html>\n"
    return r.choice(["", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n",
                     "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
                     "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"])


def page_body(r, app, target, ie, near, server):
    charset = "Shift_JIS" if app.sjis else "UTF-8"
    prolog = ""
    if server == "asp":
        prolog = "<%@ Language=\"VBScript\" CodePage=\"932\" %>\n<% Option Explicit %>\n" if app.sjis else \
            "<%@ Language=\"VBScript\" %>\n<% Option Explicit %>\n"
    elif server == "aspx":
        prolog = f"<%@ Page Language=\"C#\" AutoEventWireup=\"true\" CodeBehind=\"{app.name}.aspx.cs\" %>\n"
    elif server == "jsp":
        prolog = f"<%@ page contentType=\"text/html; charset={charset}\" pageEncoding=\"{charset}\" %>\n" \
                 "<%@ taglib prefix=\"c\" uri=\"http://java.sun.com/jsp/jstl/core\" %>\n"
    elif server == "php":
        prolog = "<?php session_start(); ?>\n"
    head = [doctype(r, app), "<html>\n<head>\n",
            f"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\n"]
    if ie and r.random() < 0.25:
        head.append(f"<meta http-equiv=\"X-UA-Compatible\" content=\"IE={r.choice(['5', '7', 'EmulateIE7', '8', 'EmulateIE8'])}\">\n")
    head.append(f"<title>{F.text(r, app.ja)}</title>\n")
    head.append(f"<link rel=\"stylesheet\" type=\"text/css\" href=\"../css/{r.choice(F.NOUNS)}.css\">\n")
    head.append(f"<script type=\"text/javascript\" src=\"../js/{r.choice(F.NOUNS)}.js\"></script>\n")
    if ie and r.random() < 0.3:
        head.append(F.html_ie(r, app.ja) if r.random() < 0.5 else
                    "<!--[if lt IE 9]><script src=\"js/html5shiv.js\"></script><![endif]-->\n")
    script_target = int(target * r.uniform(0.1, 0.45))
    head.append("<script type=\"text/javascript\">\n")
    head.append(js_body(r, app, script_target, ie and r.random() < 0.6, near))
    head.append("</script>\n</head>\n<body>\n")
    out = prolog + "".join(head)
    density = r.uniform(0.05, 0.2) if ie else 0.0
    block = F.SERVER_BLOCKS.get(server)

    def emit():
        x = r.random()
        if x < density:
            return F.html_ie(r, app.ja)
        if block and x > 0.8:
            return block(r, app.ja)
        if near and 0.5 < x < 0.53:
            return F.html_near(r, app.ja)
        return r.choice(F.HTML_CLEAN)(r, app.ja)
    body = write_until(r, max(0, target - len(out)), emit)
    if ie:
        body = F.html_ie(r, app.ja) + body
    return out + body + "</body>\n</html>\n"


def minify(js):
    lines = []
    for line in js.split("\n"):
        s = line.strip()
        if s and not s.startswith("//") and not s.startswith("*") and not s.startswith("/**"):
            lines.append(s)
    return "".join(lines)


def min_body(r, app, target, ie, near):
    header = f"/*! {r.choice(F.NOUNS)}-bundle v{r.randint(1, 4)}.{r.randint(0, 20)} | (c) {r.randint(2003, 2016)} */\n"
    parts, size = [header], len(header)
    while size < target:
        chunk = minify(js_body(r, app, 4000, ie and r.random() < 0.3, near))
        parts.append(chunk)
        size += len(chunk)
    return "".join(parts) + "\n"


def xml_body(r, app, target, ie, near):
    root = r.choice(F.NOUNS) + "s"
    head = f"<?xml version=\"1.0\" encoding=\"{'Shift_JIS' if app.sjis else 'UTF-8'}\"?>\n<{root}>\n"
    body = write_until(r, target - len(head), lambda: F.xml_records(r, app.ja, 8))
    return head + body + f"</{root}>\n"


def xsl_body(r, app, target, ie, near):
    head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xsl:stylesheet version=\"1.0\" "
            "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" "
            "xmlns:msxsl=\"urn:schemas-microsoft-com:xslt\" xmlns:u=\"urn:u\">\n"
            "<xsl:output method=\"html\"/>\n")
    body = write_until(r, target - len(head), lambda: F.xsl_template(r, app.ja, ie and r.random() < 0.2))
    return head + body + "</xsl:stylesheet>\n"


def config_body(r, app, target, ie, near):
    keys = "".join(f"    <add key=\"{F.var(r)}\" value=\"{r.randint(0, 9999)}\" />\n" for _ in range(r.randint(5, 40)))
    return ("<?xml version=\"1.0\"?>\n<configuration>\n  <appSettings>\n" + keys +
            "  </appSettings>\n  <system.web>\n    <compilation debug=\"false\" />\n"
            "    <globalization requestEncoding=\"utf-8\" responseEncoding=\"utf-8\" />\n"
            "  </system.web>\n</configuration>\n")


def htc_body(r, app, target, ie, near):
    return F.htc_component(r, app.ja, js_body(r, app, max(500, target - 400), r.random() < 0.5, near))


def vbs_body(r, app, target, ie, near):
    return write_until(r, target, lambda: F.vbs_script(r, app.ja, ie))


def gif_bytes(r, size):
    return b"GIF89a" + r.getrandbits(8 * (size - 6)).to_bytes(size - 6, "little")


BODIES = {"js": js_body, "css": css_body, "min": min_body, "xml": xml_body, "xsl": xsl_body,
          "config": config_body, "htc": htc_body, "vbs": vbs_body}


def file_path(r, app, role, server):
    feat = r.choice(app.features)
    stem = F.ident(r)
    app.count += 1
    n = app.count
    if role == "page":
        ext = r.choice(PAGE_EXT[app.platform])
        return f"{feat}/{stem}{n}{ext}"
    if role == "static":
        return f"{feat}/{stem}{n}.{r.choice(['htm', 'html'])}"
    if role == "js":
        return f"js/{feat}/{stem}{n}.js"
    return {"css": f"css/{stem}{n}.css", "min": f"js/lib/{stem}{n}.min.js",
            "htc": f"htc/{stem}{n}.htc", "xml": f"xml/{stem}{n}.xml",
            "xsl": f"xsl/{stem}{n}.xsl", "config": f"conf{n}/web.config",
            "vbs": f"tools/{stem}{n}.vbs", "gif": f"images/{stem}{n}.gif"}[role]


def encode(app, role, text):
    if app.crlf:
        text = text.replace("\n", "\r\n")
    if app.sjis and role in ("page", "static", "css", "xml", "htc", "vbs"):
        return text.encode("cp932")
    return text.encode("utf-8")


def app_files(seed, index):
    """Yields (relative path, bytes, has_ie) for app `index`, endlessly enough files."""
    app = App(seed, index)
    r = app.r
    total = int(math.exp(r.uniform(math.log(15), math.log(400))))
    for _ in range(total):
        role = weighted(r, ROLES)
        size = file_size(r, role)
        server = app.platform if role == "page" else None
        path = f"{app.name}/{file_path(r, app, role, server)}"
        if role == "gif":
            yield path, gif_bytes(r, size), False, role
            continue
        ie = role == "htc" or r.random() < IE_FILE_SHARE[app.era]
        near = r.random() < NEAR_SHARE
        if role in ("page", "static"):
            text = page_body(r, app, size, ie, near, server if role == "page" else None)
        else:
            text = BODIES[role](r, app, size, ie, near)
        yield path, encode(app, role, text), ie, role


def generate_tree(out, size_mb, seed):
    target = int(size_mb * 1e6)
    stats = {"files": 0, "bytes": 0, "ie_files": 0, "apps": 0, "by_role": {}}
    index = 0
    while stats["bytes"] < target:
        stats["apps"] += 1
        for path, data, ie, role in app_files(seed, index):
            full = os.path.join(out, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(data)
            stats["files"] += 1
            stats["bytes"] += len(data)
            stats["ie_files"] += 1 if ie else 0
            role_stats = stats["by_role"].setdefault(role, [0, 0])
            role_stats[0] += 1
            role_stats[1] += len(data)
            if stats["bytes"] >= target:
                break
        index += 1
    return stats


def generate_one_line(out, size_mb, seed):
    """One minified JavaScript file of `size_mb` MB (10^6 bytes) on a single line (no line break)."""
    app = App(seed, 999999)
    app.era = "mixed"
    r = app.r
    target = int(size_mb * 1e6)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    written = 0
    with open(out, "wb") as f:
        f.write(b"/*! intranet-bundle (c) 2009 */")
        while written < target:
            chunk = minify(js_body(r, app, 64000, r.random() < 0.3, True)).encode("utf-8")
            chunk = chunk[: target - written]
            f.write(chunk)
            written += len(chunk)
    return {"files": 1, "bytes": written + 31}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size-mb", type=float, default=320, help="corpus size in MB of 10^6 bytes (default 320)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True, help="output directory (or file with --one-line-mb)")
    p.add_argument("--one-line-mb", type=float, help="write one single-line minified JS file of this size instead")
    p.add_argument("--manifest", help="write counts and sizes as JSON here")
    a = p.parse_args()
    if a.one_line_mb:
        stats = generate_one_line(a.out, a.one_line_mb, a.seed)
    else:
        if os.path.isdir(a.out) and os.listdir(a.out):
            sys.exit(f"gen_corpus: {a.out} is not empty; remove it first")
        stats = generate_tree(a.out, a.size_mb, a.seed)
        stats["ie_file_share"] = round(stats["ie_files"] / max(1, stats["files"]), 3)
    text = json.dumps(stats, indent=1, sort_keys=True)
    if a.manifest:
        with open(a.manifest, "w") as f:
            f.write(text + "\n")
    print(text if not a.one_line_mb else f"wrote {stats['bytes']} bytes on one line to {a.out}")


if __name__ == "__main__":
    main()
