#!/usr/bin/env python3
# tools/bench-table.py — one summary table from several runs of the benchmarks.
# Copyright 2026 The Pulse authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Collect the `BENCH <key> <value> <unit>` lines that the benchmarks print
(tests/bench-*.c) from the output of one or more runs, and print one
markdown table with the min, median and max of each figure over all of
them.

    tools/bench-table.py build/bench/run-1.txt build/bench/run-2.txt …

A benchmark may print a key once per run or once per repetition inside a
run (bench-sync's three cold loads): every value is one sample, and the
`n` column says how many there were. Known keys come in the order and
with the names below; any other key follows under "Other", sorted, so a
new benchmark line shows up without editing this file. A key printed with
two different units is an error (exit 1), as is no BENCH line at all.
"""

import re
import statistics
import sys

# (key, what it is); a section starts with a None key.
FIGURES = [
    (None, "Server: event log and fan-out (bench-server-events)"),
    ("server.append_c0_b1", "append, 1 event per commit, no client"),
    ("server.append_c0_b100", "append, 100 events per commit, no client"),
    ("server.delivered_c1_b1", "fan-out, 1 client, delivered (1 per commit)"),
    ("server.delivered_c10_b1", "fan-out, 10 clients, delivered (1 per commit)"),
    ("server.delivered_c100_b1", "fan-out, 100 clients, delivered (1 per commit)"),
    ("server.delivered_c1_b100", "fan-out, 1 client, delivered (100 per commit)"),
    ("server.delivered_c10_b100", "fan-out, 10 clients, delivered (100 per commit)"),
    ("server.delivered_c100_b100", "fan-out, 100 clients, delivered (100 per commit)"),
    ("server.append_c1_b1", "append, 1 per commit, 1 client following"),
    ("server.append_c10_b1", "append, 1 per commit, 10 clients following"),
    ("server.append_c100_b1", "append, 1 per commit, 100 clients following"),
    ("server.append_c1_b100", "append, 100 per commit, 1 client following"),
    ("server.append_c10_b100", "append, 100 per commit, 10 clients following"),
    ("server.append_c100_b100", "append, 100 per commit, 100 clients following"),
    ("server.latency_p50_c1", "commit to client, 1 client at 1,000 ev/s, p50"),
    ("server.latency_p99_c1", "commit to client, 1 client at 1,000 ev/s, p99"),
    ("server.latency_p50_c10", "commit to client, 10 clients at 1,000 ev/s, p50"),
    ("server.latency_p99_c10", "commit to client, 10 clients at 1,000 ev/s, p99"),
    ("server.latency_p50_c100", "commit to client, 100 clients at 1,000 ev/s, p50"),
    ("server.latency_p99_c100", "commit to client, 100 clients at 1,000 ev/s, p99"),
    (None, "Console at 1,000 events/s under Xvfb (bench-ui-stream)"),
]
for _page in ("queues", "overview", "agents"):
    FIGURES += [
        (f"ui.{_page}.events", f"{_page}: events applied"),
        (f"ui.{_page}.main_cpu", f"{_page}: main thread busy (CPU time / run)"),
        (f"ui.{_page}.emit_screen_p50", f"{_page}: server emit to on screen, p50"),
        (f"ui.{_page}.emit_screen_p99", f"{_page}: server emit to on screen, p99"),
        (f"ui.{_page}.emit_apply_p50", f"{_page}: server emit to applied (client), p50"),
        (f"ui.{_page}.emit_apply_p99", f"{_page}: server emit to applied (client), p99"),
        (f"ui.{_page}.at_screen_p50", f"{_page}: event's at (ingest) to on screen, p50"),
        (f"ui.{_page}.at_screen_p99", f"{_page}: event's at (ingest) to on screen, p99"),
        (f"ui.{_page}.wait_p50", f"{_page}: applied to its frame's start, p50"),
        (f"ui.{_page}.wait_p99", f"{_page}: applied to its frame's start, p99"),
        (f"ui.{_page}.empty_frames", f"{_page}: frames with nothing new"),
        (f"ui.{_page}.apply_p50", f"{_page}: ingest sent to applied (client), p50"),
        (f"ui.{_page}.apply_p99", f"{_page}: ingest sent to applied (client), p99"),
        (f"ui.{_page}.screen_p50", f"{_page}: ingest sent to on screen, p50"),
        (f"ui.{_page}.screen_p99", f"{_page}: ingest sent to on screen, p99"),
        (f"ui.{_page}.work_p50", f"{_page}: frame work, p50"),
        (f"ui.{_page}.work_p99", f"{_page}: frame work, p99"),
        (f"ui.{_page}.gap_p50", f"{_page}: frame interval, p50"),
        (f"ui.{_page}.gap_p99", f"{_page}: frame interval, p99"),
    ]
FIGURES += [
    (None, "Console sync engine and cold start (bench-sync)"),
    ("sync.apply_wall", "events applied, whole pipeline, wall clock"),
    ("sync.apply_cpu", "events applied, whole pipeline, CPU time"),
    ("sync.apply_two_threads", "events applied as the app runs them (writer thread), wall clock"),
    ("sync.first_state", "first state from the cache, wall clock"),
    ("sync.first_state_cpu", "first state from the cache, CPU time"),
    ("sync.first_state_hwm", "VmHWM after the first state"),
    ("sync.snapshot_state", "no cache: snapshot text to state, 5,000 open tickets"),
    ("app.first_frame", "app started offline on the cache: first frame painted"),
    ("app.first_frame_hwm", "app started offline on the cache: VmHWM at that frame"),
    ("app.start_longest_stall", "app started offline on the cache: main loop held, longest"),
    ("app.start_longest_own_stall",
     "app started offline on the cache: held by other than GTK's frames or a wait, longest"),
    ("app.start_longest_own_stall_shown",
     "app started offline on the cache: the same, once the window is shown, longest"),
    (None, "KPIs and staffing (bench-kpi, bench-planning, bench-server-coverage)"),
    ("kpi.add_90d_agent", "KPIs of 90 days (630,000 contacts) recomputed, by agent"),
    ("kpi.add_90d_queue", "KPIs of 90 days (630,000 contacts) recomputed, by queue"),
    ("kpi.summaries_agent", "summaries of every agent + total"),
    ("kpi.summaries_queue", "summaries of every queue + total"),
    ("kpi.staffing_week", "Erlang staffing, 40 queues × 336 intervals"),
    ("planning.whatif", "coverage what-if recomputed (Erlang, 40 queues × 336)"),
    ("planning.shift_moved", "coverage after a shift moved"),
    ("coverage.erlang_compute", "server /coverage, compute step (Erlang)"),
    ("coverage.next_week", "server /coverage, next week of 40 queues"),
    (None, "Soak: pulse-server, 200 clients, 200 events/s (bench-soak)"),
    ("soak.clients", "WebSocket clients"),
    ("soak.rss_slope", "VmRSS slope, second half of the run"),
    ("soak.anon_slope", "RssAnon slope, second half of the run"),
    ("soak.rss_end", "VmRSS at the end"),
    ("soak.fds_end", "open fds at the end"),
    ("soak.latency_p50", "ingest sent to client, p50"),
    ("soak.latency_p99", "ingest sent to client, p99"),
    ("soak.clients_closed", "streams closed or with a gap"),
]

LINE = re.compile(r"(?:^|\s)BENCH\s+(\S+)\s+(-?[0-9.]+(?:e[-+]?[0-9]+)?)\s+(\S+)")


def read_runs(paths):
    """Returns {key: (unit, [values])} over every file, in file order."""
    samples = {}
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as run:
            for line in run:
                match = LINE.search(line)
                if match is None:
                    continue
                key, value, unit = match.group(1), float(match.group(2)), match.group(3)
                known_unit, values = samples.setdefault(key, (unit, []))
                if known_unit != unit:
                    raise ValueError(f"{path}: {key} in {unit}, before in {known_unit}")
                values.append(value)
    return samples


def number(value, whole=False):
    """A figure with as many digits as it is worth; @whole: a count, shown
    without decimals (a median of two may still end in .5)."""
    size = abs(value)
    text = f"{value:,.0f}" if whole and value == int(value) else _number(value, size)
    # -0.000 is 0: a slope a hair under zero is no decrease.
    return text.lstrip("-") if text.strip("-0.,") == "" else text


def _number(value, size):
    if size >= 1000:
        return f"{value:,.0f}"
    if size >= 100:
        return f"{value:.0f}"
    if size >= 10:
        return f"{value:.1f}"
    if size >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def row(label, unit, values):
    whole = all(v == int(v) for v in values)
    return (f"| {label} | {unit} | {number(min(values), whole)} | "
            f"{number(statistics.median(values), whole)} | {number(max(values), whole)} | "
            f"{len(values)} |")


def sections():
    """FIGURES as [(title, [(key, label), …]), …]."""
    out = []
    for key, label in FIGURES:
        if key is None:
            out.append((label, []))
        else:
            out[-1][1].append((key, label))
    return out


def table(samples, n_runs):
    header = ["| figure | unit | min | median | max | n |", "|---|---|--:|--:|--:|--:|"]
    lines = [f"Min / median / max over {n_runs} run{'s' if n_runs != 1 else ''} "
             "(n: samples; some benchmarks give several per run)."]
    known = set()
    for title, figures in sections() + [("Other", None)]:
        if figures is None:
            figures = [(k, k) for k in sorted(samples) if k not in known]
        known.update(k for k, _ in figures)
        rows = [row(label, *samples[k]) for k, label in figures if k in samples]
        if rows:
            lines += ["", f"**{title}**", ""] + header + rows
    return "\n".join(lines)


def main(argv):
    if len(argv) < 2:
        print("usage: bench-table.py RUN.txt [RUN.txt …]", file=sys.stderr)
        return 2
    try:
        samples = read_runs(argv[1:])
    except (OSError, ValueError) as error:
        print(f"bench-table: {error}", file=sys.stderr)
        return 1
    if not samples:
        print("bench-table: no BENCH line in " + ", ".join(argv[1:]), file=sys.stderr)
        return 1
    print(table(samples, len(argv) - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
