"""The one table ``make bench`` prints: every path of issue 13, each with its peer measured in
the same run, on SQLite and on PostgreSQL where a database is involved.

Bench modules call ``add`` (or ``timed`` to measure); ``run.py`` prints the table at the end
and writes every row to bench/results.json under "table". Times are min / median / max of the
runs; "peer" is the peer's median in the same run and "ratio" the two medians' quotient. Peak
memory is the child process's peak RSS where the path runs in a child of its own (window,
export, memo batch), otherwise the Python heap's peak during one run (tracemalloc).
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Row:
    path: str
    backend: str  # "sqlite", "postgresql", or "-" (no database)
    unit: str  # "ms", "s" or "/s" (a rate: the peer's ratio is then a speed-up)
    mine: tuple[float, float, float]  # min, median, max
    peer_name: str = ""
    peer: float | None = None  # the peer's median, same unit
    peak_mb: float | None = None
    peak_kind: str = ""  # "RSS" (a child's peak resident size) or "heap" (tracemalloc)
    target: str = ""
    note: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.mine[1] / self.peer if self.peer else None


ROWS: list[Row] = []


def add(row: Row) -> Row:
    ROWS.append(row)
    return row


def own_peak_rss_mb() -> float:
    """This process's own peak resident size (VmHWM), in MB. Not ``ru_maxrss``: on Linux that
    survives exec, so a child started by a large parent would report the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # float-ok: kB -> MB
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # float-ok: MB


def spread(values: list[float]) -> tuple[float, float, float]:
    return (min(values), statistics.median(values), max(values))


def heap_peak_mb(fn: Callable[[], object]) -> float:
    """The Python heap's peak during one call of ``fn``, in MB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20  # float-ok: MB
    finally:
        tracemalloc.stop()


def paired(
    mine: Callable[[], object], peer: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """``repeat`` runs of each, interleaved (mine, peer, mine, peer …) after one warm-up each,
    so a burst of other work on the shared cores falls on both sides alike; in ms."""
    mine()
    peer()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for fn, out in ((mine, a), (peer, b)):
            started = time.perf_counter()
            fn()
            out.append((time.perf_counter() - started) * 1000)
    return a, b


def _cell(row: Row | None) -> list[str]:
    if row is None:
        return ["", "", ""]
    places = 1 if row.unit in ("ms", "/s") else 2
    low, mid, high = row.mine
    times = f"{low:.{places}f} / {mid:.{places}f} / {high:.{places}f} {row.unit}"
    peer = f"{row.peer:.{places if row.peer >= 0.1 else 3}f}" if row.peer is not None else ""
    ratio = f"{row.ratio:.2f}" if row.ratio is not None else ""
    return [times, peer, ratio]


def render(rows: list[Row] | None = None) -> list[str]:
    """A Markdown table: one line a path, SQLite and PostgreSQL side by side."""
    rows = ROWS if rows is None else rows
    paths: dict[str, dict[str, Row]] = {}
    for row in rows:
        paths.setdefault(row.path, {})[row.backend] = row
    head = ["path", "SQLite (or no DB) min / median / max", "peer", "ratio",
            "PostgreSQL min / median / max", "peer", "ratio",
            "peak MB", "peer is", "target"]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for path, by in paths.items():
        first = by.get("sqlite") or by.get("-")
        pg = by.get("postgresql")
        any_row = first or pg
        assert any_row is not None
        peaks = []
        for label, r in (("SQLite", first), ("PG", pg)):
            if r is not None and r.peak_mb is not None:
                peaks.append(f"{r.peak_mb:.0f} {r.peak_kind}" + (f" ({label})" if pg else ""))
        cells = [path, *_cell(first), *_cell(pg), "; ".join(peaks), any_row.peer_name,
                 any_row.target]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def as_json(rows: list[Row] | None = None) -> list[dict[str, Any]]:
    out = []
    for row in ROWS if rows is None else rows:
        item = asdict(row)
        item["ratio"] = row.ratio
        out.append(item)
    return out
