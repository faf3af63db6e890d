"""Running a command and measuring it: wall time, user+sys CPU, peak RSS.

Uses /usr/bin/time -f when it exists (GNU time, Debian package `time`), otherwise waits for
the child with os.wait4 and reads its resource usage. Standard library only.
"""

import os
import shutil
import statistics
import subprocess
import tempfile
import time

GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


class Sample:
    """One run: wall seconds, user+sys CPU seconds, peak RSS in KiB, exit code, load."""

    def __init__(self, wall, cpu, rss_kb, rc, load):
        self.wall, self.cpu, self.rss_kb, self.rc, self.load = wall, cpu, rss_kb, rc, load

    def as_dict(self):
        return {"wall": self.wall, "cpu": self.cpu, "rss_kb": self.rss_kb, "rc": self.rc,
                "load": self.load}


def run(argv, stdout_path=os.devnull, ok_codes=(0,), cwd=None):
    """Runs argv (in `cwd`) with stdout to `stdout_path`; returns a Sample. Raises on a bad
    exit code."""
    load = os.getloadavg()[0]
    with open(stdout_path, "wb") as out:
        if GNU_TIME:
            with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
                start = time.monotonic()
                p = subprocess.run([GNU_TIME, "-f", "%e %U %S %M", "-o", tf.name] + argv,
                                   stdout=out, stderr=subprocess.PIPE, cwd=cwd)
                wall = time.monotonic() - start
                fields = tf.read().split()
            # GNU time's own %e has 10 ms resolution; ours is finer and includes its fork.
            user, system, rss = float(fields[-3]), float(fields[-2]), int(fields[-1])
            rc, err = p.returncode, p.stderr
        else:
            start = time.monotonic()
            p = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, cwd=cwd)
            err = p.stderr.read()
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.monotonic() - start
            p.returncode = os.waitstatus_to_exitcode(status)
            user, system, rss, rc = ru.ru_utime, ru.ru_stime, ru.ru_maxrss, p.returncode
    if rc not in ok_codes:
        raise RuntimeError(f"{' '.join(argv)} exited {rc}: {err.decode(errors='replace')[-2000:]}")
    return Sample(wall, user + system, rss, rc, load)


def alternate(commands, runs, warmup=True):
    """Runs each (name, argv, stdout, ok_codes[, cwd]) `runs` times, alternating A B A B...
    Returns {name: [Sample...]}. A warm-up run of each (not recorded) fills the page cache."""
    results = {c[0]: [] for c in commands}
    if warmup:
        for c in commands:
            run(*c[1:])
    for _ in range(runs):
        for c in commands:
            results[c[0]].append(run(*c[1:]))
    return results


def summary(samples):
    """Median wall and CPU, max RSS, min wall, median load of a list of Samples."""
    return {
        "wall": statistics.median(s.wall for s in samples),
        "wall_min": min(s.wall for s in samples),
        "cpu": statistics.median(s.cpu for s in samples),
        "rss_mb": max(s.rss_kb for s in samples) / 1024.0,
        "load": statistics.median(s.load for s in samples),
        "runs": len(samples),
    }


def tree_bytes(paths, suffixes=None):
    """Total bytes and file count under `paths` (files whose name ends with a suffix)."""
    total, count = 0, 0
    for root in paths:
        if os.path.isfile(root):
            total += os.path.getsize(root)
            count += 1
            continue
        for d, _, files in os.walk(root):
            for f in files:
                if suffixes and not f.lower().endswith(suffixes):
                    continue
                total += os.path.getsize(os.path.join(d, f))
                count += 1
    return total, count


def have(tool):
    return shutil.which(tool) is not None
