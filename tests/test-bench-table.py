#!/usr/bin/env python3
# test-bench-table.py — tools/bench-table.py on a canned output of two runs.
# Copyright 2026 The Pulse authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-bench-table.py TOOLS/bench-table.py
#
# The expected min / median / max are computed by hand in the comments.

import os
import subprocess
import sys
import tempfile

RUN_1 = """\
bench-sync: the console's sync engine
BENCH server.append_c0_b1 7300 ev/s
| 100 | 1, 1000 ev/s | 1000 | 100000 | 1.50 | 4.10 |
BENCH server.latency_p99_c100 4 ms
BENCH server.latency_p50_c100 4.5 ms
BENCH sync.first_state 700.0 ms
BENCH sync.first_state 650.0 ms
BENCH sync.first_state 820.0 ms
stdout:  BENCH soak.rss_slope 0.012 MiB/min
BENCH new.key 2 s
"""

RUN_2 = """\
BENCH server.append_c0_b1 12400 ev/s
BENCH server.latency_p99_c100 86.0 ms
BENCH server.latency_p50_c100 -0.0001 ms
BENCH sync.first_state 600 ms
BENCH sync.first_state 610 ms
BENCH sync.first_state 900 ms
BENCH soak.rss_slope -0.004 MiB/min
"""

EXPECTED_ROWS = [
    # 7,300 and 12,400: the median of two is their mean, 9,850.
    "| append, 1 event per commit, no client | ev/s | 7,300 | 9,850 | 12,400 | 2 |",
    # 4.5 and -0.0001: median 2.24995, shown 2.25; the min, -0.000, shows as 0.000.
    "| commit to client, 100 clients at 1,000 ev/s, p50 | ms | 0.000 | 2.25 | 4.50 | 2 |",
    # 4 and 86: median 45; whole numbers only, so no decimals.
    "| commit to client, 100 clients at 1,000 ev/s, p99 | ms | 4 | 45 | 86 | 2 |",
    # 600 610 650 | 700 820 900: median (650 + 700) / 2 = 675, six samples.
    "| first state from the cache, wall clock | ms | 600 | 675 | 900 | 6 |",
    # -0.004 and 0.012: median 0.004.
    "| VmRSS slope, second half of the run | MiB/min | -0.004 | 0.004 | 0.012 | 2 |",
    # Unknown keys are kept, under "Other", named by their key.
    "| new.key | s | 2 | 2 | 2 | 1 |",
]


def run(tool, *texts):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i, text in enumerate(texts):
            path = os.path.join(folder, f"run-{i + 1}.txt")
            with open(path, "w", encoding="utf-8") as out:
                out.write(text)
            paths.append(path)
        return subprocess.run([sys.executable, tool] + paths, capture_output=True, text=True,
                              check=False)


def check(condition, what):
    if not condition:
        print(f"not ok: {what}")
        sys.exit(1)
    print(f"ok: {what}")


def main():
    tool = sys.argv[1]
    result = run(tool, RUN_1, RUN_2)
    check(result.returncode == 0, f"two runs: exit 0 ({result.stderr.strip()})")
    lines = result.stdout.splitlines()
    check(lines[0].startswith("Min / median / max over 2 runs"), "the heading names 2 runs")
    for expected in EXPECTED_ROWS:
        check(expected in lines, f"row {expected}")
    # Sections in FIGURES' order, "Other" last; the table row stays out.
    order = [lines.index(r) for r in EXPECTED_ROWS]
    check(order == sorted(order), "rows in the order of FIGURES, Other last")
    check(sum(1 for line in lines if line.startswith("| ")) == len(EXPECTED_ROWS) + 4,
          "one row per key and a header per section (4 sections)")

    result = run(tool, RUN_1, "BENCH server.append_c0_b1 9 s\n")
    check(result.returncode == 1 and "server.append_c0_b1" in result.stderr,
          "a key in two units is refused, naming the key")
    result = run(tool, "no figures here\n")
    check(result.returncode == 1 and "no BENCH line" in result.stderr, "no BENCH line: exit 1")


if __name__ == "__main__":
    main()
