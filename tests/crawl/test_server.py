#!/usr/bin/env python3
"""Loopback HTTP server for the crawler tests and the crawl-rate benchmark.

Serves a directory (corpus/apps/ in the tests) with content types chosen by extension
(.asp and .jsp as text/html: there is no server engine), directory listings where a
directory has no index.html, a robots.txt, and fault endpoints under /_faults/ (retries,
timeouts, redirect loops, off-site redirects, huge responses, a calendar trap, a Basic-auth
area, charset labels, an X-UA-Compatible header, a sitemap, session IDs in paths).

Binds 127.0.0.1 on a free port and prints "PORT <n>" on standard output once listening.
Every request is appended to --log as one JSON line. Exits by itself after --lifetime
seconds so that a test that dies cannot leave it running. Standard library only.
"""

import argparse
import base64
import http.server
import json
import os
import sys
import threading
import time
import urllib.parse

CONTENT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".asp": "text/html", ".aspx": "text/html",
    ".jsp": "text/html", ".hta": "application/hta", ".htc": "text/x-component",
    ".js": "application/javascript", ".css": "text/css", ".vbs": "text/vbscript",
    ".xml": "text/xml", ".xsl": "text/xsl", ".inc": "text/plain", ".txt": "text/plain",
}

ROBOTS = b"""# Everyone else is kept out; iescan may crawl all but one folder.
User-agent: *
Disallow: /

User-agent: iescan
Disallow: /_faults/robots-blocked/
Allow: /
"""

BIG_SIZE = 50 * 1024 * 1024
AUTH_USER = os.environ.get("IESCAN_TEST_AUTH_USER", "kanri")
AUTH_PASSWORD = os.environ.get("IESCAN_TEST_AUTH_PASSWORD", "")


def page(body, title="fault"):
    """A small HTML page (LF line ends) whose line 1 is the doctype."""
    return ("<!DOCTYPE html>\n<html>\n<head><title>%s</title></head>\n<body>\n%s\n</body>\n"
            "</html>\n" % (title, body)).encode("utf-8")


class State:
    """Per-server counters shared by handler threads."""

    def __init__(self, log_path):
        self.lock = threading.Lock()
        self.counts = {}
        self.log_path = log_path
        self.session_serial = 0

    def count(self, key):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1
            return self.counts[key]

    def log(self, record):
        if not self.log_path:
            return
        line = json.dumps(record, sort_keys=True) + "\n"
        with self.lock:
            with open(self.log_path, "a", encoding="utf-8") as f:
                f.write(line)


class Handler(http.server.SimpleHTTPRequestHandler):
    server_version = "iescan-test"
    state = None  # set in main()

    def log_message(self, fmt, *args):  # keep test output clean
        pass

    def guess_type(self, path):
        ext = os.path.splitext(path)[1].lower()
        return CONTENT_TYPES.get(ext, "application/octet-stream")

    def do_GET(self):
        split = urllib.parse.urlsplit(self.path)
        self.state.log({
            "path": self.path,
            "ua": self.headers.get("User-Agent", ""),
            "auth": bool(self.headers.get("Authorization")),
            "cookie": self.headers.get("Cookie", ""),
            "extra": self.headers.get("X-Iescan-Test", ""),
            "time": time.time(),
        })
        if split.path == "/robots.txt":
            return self.send_bytes(200, ROBOTS, "text/plain")
        if split.path.startswith("/_faults/"):
            return self.fault(split)
        return super().do_GET()

    def send_bytes(self, status, body, content_type, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, status, location):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def fault(self, split):
        path = split.path[len("/_faults/"):]
        query = urllib.parse.parse_qs(split.query)
        handler = FAULTS.get(path)
        if handler is None and path.startswith("session/"):
            handler = Handler.session
        if handler is None and path.startswith("flaky/"):
            # flaky/<run>/ and flaky/<run>/page.html: each run has its own counter.
            handler = Handler.flaky_page if path.endswith("/page.html") else Handler.flaky_index
        if handler is None:
            return self.send_bytes(404, page("not found"), "text/html")
        return handler(self, path, query)

    # --- fault endpoints -----------------------------------------------------------------

    def flaky_index(self, path, query):
        self.send_bytes(200, page('<a href="page.html">page</a>'), "text/html")

    def flaky_page(self, path, query):
        if self.state.count(path) == 1:
            return self.send_bytes(500, page("try again"), "text/html", [("Retry-After", "1")])
        body = page("<script>\nvar x = document.all.menu;\n</script>")
        self.send_bytes(200, body, "text/html")

    def slow_index(self, path, query):
        self.send_bytes(200, page('<a href="slow.html">slow</a> <a href="fast.html">fast</a>'),
                        "text/html")

    def slow_page(self, path, query):
        time.sleep(3)
        self.send_bytes(200, page("late"), "text/html")

    def fast_page(self, path, query):
        self.send_bytes(200, page("on time"), "text/html")

    def loop_index(self, path, query):
        self.send_bytes(200, page('<a href="a.html">a</a>'), "text/html")

    def loop_a(self, path, query):
        self.redirect(302, "b.html")

    def loop_b(self, path, query):
        self.redirect(302, "/_faults/loop/a.html")

    def offsite_index(self, path, query):
        port = self.server.server_address[1]
        body = page('<a href="go.html">go</a>\n<a href="http://127.0.0.2:%d/x.html">x</a>' % port)
        self.send_bytes(200, body, "text/html")

    def offsite_go(self, path, query):
        port = self.server.server_address[1]
        self.redirect(302, "http://127.0.0.2:%d/elsewhere.html" % port)

    def moved_index(self, path, query):
        self.send_bytes(200, page('<a href="old.html">old</a>'), "text/html")

    def moved_old(self, path, query):
        self.redirect(301, "new.html")

    def moved_new(self, path, query):
        self.send_bytes(200, page("<script>\nwindow.attachEvent('onload', f);\n</script>"),
                        "text/html")

    def big_index(self, path, query):
        body = page('<a href="big.html">big</a> <a href="stream.html">stream</a> '
                    '<a href="small.html">small</a>')
        self.send_bytes(200, body, "text/html")

    def big_page(self, path, query, with_length=True):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if with_length:
            self.send_header("Content-Length", str(BIG_SIZE))
        else:
            self.close_connection = True
        self.end_headers()
        chunk = b"<!-- padding padding padding padding padding padding padding -->\n" * 1024
        sent = 0
        try:
            while sent < BIG_SIZE:
                piece = chunk[:BIG_SIZE - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def stream_page(self, path, query):
        self.big_page(path, query, with_length=False)

    def small_page(self, path, query):
        self.send_bytes(200, page("small"), "text/html")

    def calendar_index(self, path, query):
        self.send_bytes(200, page('<a href="cal.html?month=2024-01">calendar</a>'), "text/html")

    def calendar_page(self, path, query):
        month = query.get("month", ["2024-01"])[0]
        try:
            year, mon = (int(part) for part in month.split("-"))
        except ValueError:
            year, mon = 2024, 1
        prev_y, prev_m = (year, mon - 1) if mon > 1 else (year - 1, 12)
        next_y, next_m = (year, mon + 1) if mon < 12 else (year + 1, 1)
        body = page('<a href="cal.html?month=%04d-%02d">prev</a>\n'
                    '<a href="cal.html?month=%04d-%02d">next</a>'
                    % (prev_y, prev_m, next_y, next_m))
        self.send_bytes(200, body, "text/html")

    def authorized(self):
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        return bool(AUTH_PASSWORD) and user == AUTH_USER and password == AUTH_PASSWORD

    def private(self, path, query):
        if not self.authorized():
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kanri"')
            self.send_header("Content-Type", "text/html")
            body = page("login required")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if path.endswith("admin.js"):
            body = b"// admin tools\nfunction init() {\n  el.attachEvent('onclick', go);\n}\n"
            return self.send_bytes(200, body, "application/javascript")
        body = page('<script src="admin.js"></script>\n<a href="admin.html?sid=A1B2C3">menu</a>')
        self.send_bytes(200, body, "text/html")

    def charset_index(self, path, query):
        self.send_bytes(200, page('<a href="meta.html">m</a> <a href="header.html">h</a>'),
                        "text/html")

    def charset_meta(self, path, query):
        # Shift_JIS bytes labelled ISO-8859-1 by the server and Shift_JIS by <meta>.
        text = ("<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; "
                "charset=Shift_JIS\">\n</head>\n<body>\n<script>\n"
                "var t = '一覧表'; var a = document.all;\n</script>\n</body>\n</html>\n")
        self.send_bytes(200, text.encode("cp932"), "text/html; charset=ISO-8859-1")

    def charset_header(self, path, query):
        text = ("<html>\n<body>\n<script>\n"
                "var t = '住民票'; var a = document.all;\n</script>\n</body>\n</html>\n")
        self.send_bytes(200, text.encode("cp932"), 'text/html; charset="Shift_JIS"')

    def xua_page(self, path, query):
        self.send_bytes(200, page("legacy"), "text/html", [("X-UA-Compatible", "IE=EmulateIE8")])

    def blocked_page(self, path, query):
        self.send_bytes(200, page("<script>\nvar a = document.all;\n</script>"), "text/html")

    def mapped_index(self, path, query):
        self.send_bytes(200, page("no links here"), "text/html")

    def mapped_sitemap(self, path, query):
        port = self.server.server_address[1]
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                '  <url><loc>http://127.0.0.1:%d/_faults/mapped/orphan.html</loc></url>\n'
                '</urlset>\n' % port).encode("utf-8")
        self.send_bytes(200, body, "application/xml")

    def mapped_orphan(self, path, query):
        self.send_bytes(200, page("<script>\nvar e = window.event;\n</script>"), "text/html")

    def cookie_index(self, path, query):
        self.send_bytes(200, page('<a href="next.html">next</a>'), "text/html",
                        [("Set-Cookie", "ASPSESSIONIDQQ=FROMSERVER; Path=/")])

    def cookie_next(self, path, query):
        self.send_bytes(200, page("second"), "text/html")

    def session(self, path, query):
        with self.state.lock:
            self.state.session_serial += 1
            serial = self.state.session_serial
        sid = "%016X" % (0xC0FFEE00 + serial)
        body = page('<a href="list.jsp;jsessionid=%s">list</a>\n'
                    '<a href="list.jsp;jsessionid=%s">again</a>' % (sid, sid + "9"))
        self.send_bytes(200, body, "text/html")


FAULTS = {
    "slow/": Handler.slow_index, "slow/slow.html": Handler.slow_page,
    "slow/fast.html": Handler.fast_page,
    "loop/": Handler.loop_index, "loop/a.html": Handler.loop_a, "loop/b.html": Handler.loop_b,
    "offsite/": Handler.offsite_index, "offsite/go.html": Handler.offsite_go,
    "moved/": Handler.moved_index, "moved/old.html": Handler.moved_old,
    "moved/new.html": Handler.moved_new,
    "big/": Handler.big_index, "big/big.html": Handler.big_page,
    "big/stream.html": Handler.stream_page, "big/small.html": Handler.small_page,
    "calendar/": Handler.calendar_index, "calendar/cal.html": Handler.calendar_page,
    "private/": Handler.private, "private/admin.js": Handler.private,
    "private/admin.html": Handler.private,
    "charset/": Handler.charset_index, "charset/meta.html": Handler.charset_meta,
    "charset/header.html": Handler.charset_header,
    "xua/page.html": Handler.xua_page,
    "cookie/": Handler.cookie_index, "cookie/next.html": Handler.cookie_next,
    "robots-blocked/": Handler.blocked_page,
    "mapped/": Handler.mapped_index, "mapped/sitemap.xml": Handler.mapped_sitemap,
    "mapped/orphan.html": Handler.mapped_orphan,
}


class QuietServer(http.server.ThreadingHTTPServer):
    """Does not print a traceback when a client hangs up early (timeouts, size caps)."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="directory to serve")
    parser.add_argument("--log", default="", help="append one JSON line per request here")
    parser.add_argument("--lifetime", type=float, default=300, help="exit after this many s")
    args = parser.parse_args()

    Handler.state = State(args.log)
    root = os.path.abspath(args.root)

    class RootHandler(Handler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=root, **kw)

    server = QuietServer(("127.0.0.1", 0), RootHandler)
    server.daemon_threads = True
    timer = threading.Timer(args.lifetime, lambda: os._exit(0))
    timer.daemon = True
    timer.start()
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
