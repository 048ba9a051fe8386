"""Reporting speed: the credit memo, the memo batch on one core and on all, and the portfolio
export against xlsxwriter writing the very same cells.

``run()`` returns human-readable lines (tests/bench/run.py prints them). The export (cold
schedule cache, then warm) and the xlsxwriter peer each run in a child process (this file with
``--child``), so their peak memory (ru_maxrss) and CPU time are their own; CPU time is reported
beside wall time because the machine may be shared. GREENDESK_BENCH_LOANS sets the portfolio
size (default 100,000).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import table  # noqa: E402

AS_OF = date(2026, 6, 30)


def _peak_mb() -> float:
    return table.own_peak_rss_mb()


def bench_memo() -> list[str]:
    from greendesk.reporting.memo import render_memo_bytes
    from tests.reporting.cases import mulei_memo

    data = mulei_memo(periods=240, lenders=12)
    started = time.perf_counter()
    first = render_memo_bytes(data, "zh")
    cold = time.perf_counter() - started
    times = []
    for _ in range(5):
        started = time.perf_counter()
        render_memo_bytes(data, "zh")
        times.append(time.perf_counter() - started)
    rows = len(data.periods) * (1 + len(data.lender_schedules))
    table.add(
        table.Row(
            path="memo, 240 periods x 12 lenders, alone", backend="-", unit="s",
            mine=table.spread(times), peer_name="(target)",
            peak_mb=table.heap_peak_mb(lambda: render_memo_bytes(data, "zh")),
            peak_kind="heap", target="< 1 s", note={"first_s": cold},
        )
    )  # fmt: skip
    return [
        f"memo, 240 periods x 12 lenders ({rows} schedule rows, {len(first) // 1024} KiB): "
        f"first {cold:.2f} s (fonts loaded), then median {statistics.median(times):.2f} s "
        f"(target < 1 s)",
    ]


def bench_memo_from_db(folder: Path) -> list[str]:
    from greendesk.services.reports import write_memo
    from greendesk.services.seeding import seed_demo
    from greendesk.store.database import open_database

    db = open_database(f"sqlite:///{folder / 'demo.db'}")
    try:
        seed_demo(db)
        started = time.perf_counter()
        pages = write_memo(db, "XJ-CJ-2023-001", folder / "mulei.pdf", "zh", AS_OF)
        took = time.perf_counter() - started
    finally:
        db.dispose()
    return [f"memo from the database (seeded 木垒 loan, {pages} pages): {took:.2f} s"]


def _child(args: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench child {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_export(folder: Path, loans: int) -> list[str]:
    import shutil

    from greendesk.services.synthetic import generate_portfolio
    from greendesk.store.database import open_database
    from tests.bench.portfolio_db import bench_database, sizes

    url = f"sqlite:///{folder / 'book.db'}"
    started = time.perf_counter()
    if loans == sizes()[0]:  # a copy of the cached book (the export stores its aggregates)
        cached, _how = bench_database()
        shutil.copyfile(cached.removeprefix("sqlite:///"), folder / "book.db")
        made = "copied the cached"
    else:
        db = open_database(url)
        try:
            generate_portfolio(db, loans, seed=1)
        finally:
            db.dispose()
        made = "generate-portfolio (bulk insert)"
    generated = time.perf_counter() - started
    book = folder / "book.xlsx"
    cold = _child(["export", url, str(book)])  # fills the schedule cache
    warm = _child(["export", url, str(book)])  # every schedule aggregate fresh: none computed
    peer = _child(["xlsxwriter", str(book), str(folder / "peer.xlsx")])
    _export_rows("sqlite", loans, [warm], [peer], cold)
    size = book.stat().st_size / 2**20  # float-ok: MiB
    lines = [f"{made} {loans:,}-loan book (SQLite): {generated:.1f} s"]
    for name, run in (("cold cache", cold), ("warm cache", warm)):
        lines.append(
            f"export {loans:,} loans, all sheets, {name}: {run['seconds']:.1f} s wall, "
            f"{run['cpu']:.1f} s CPU, peak RSS {run['peak_mb']:.0f} MB (target < 300 MB); "
            f"schedules computed {int(run['computed']):,}, reused {int(run['reused']):,} "
            f"(aggregates {run['schedule_seconds']:.1f} s)"
        )
    lines += [
        f"xlsxwriter constant_memory writing the same {int(peer['cells']):,} cells "
        f"({size:.1f} MiB file): {peer['seconds']:.1f} s wall, {peer['cpu']:.1f} s CPU, "
        f"peak RSS {peer['peak_mb']:.0f} MB (cells held in memory before the clock starts)",
        f"export vs xlsxwriter, warm cache: {warm['seconds'] / peer['seconds']:.2f}x wall, "
        f"{warm['cpu'] / peer['cpu']:.2f}x CPU (aim <= 1.5x); cold cache: "
        f"{cold['seconds'] / peer['seconds']:.2f}x wall, {cold['cpu'] / peer['cpu']:.2f}x CPU",
    ]
    lines += bench_memo_batch(url, folder)
    lines += bench_export_pg(folder, loans, peer)
    return lines


def _export_rows(
    backend: str,
    loans: int,
    warm: list[dict[str, float]],
    peers: list[dict[str, float]],
    cold: dict[str, float] | None = None,
) -> None:
    name = f"export, all sheets, {loans:,} loans"
    peer_name = f"xlsxwriter writing the same {int(peers[0]['cells']):,} cells"
    table.add(
        table.Row(
            path=f"{name} (warm schedule cache)", backend=backend, unit="s",
            mine=table.spread([w["seconds"] for w in warm]), peer_name=peer_name,
            peer=statistics.median(p["seconds"] for p in peers),
            peak_mb=max(w["peak_mb"] for w in warm), peak_kind="RSS",
            target="<= 1.5x, < 300 MB",
            note={"cpu_s": [w["cpu"] for w in warm], "peer_cpu_s": [p["cpu"] for p in peers],
                  "peer_peak_mb": max(p["peak_mb"] for p in peers)},
        )
    )  # fmt: skip
    table.add(
        table.Row(
            path=f"{name}, CPU seconds (warm)", backend=backend, unit="s",
            mine=table.spread([w["cpu"] for w in warm]), peer_name=f"{peer_name}, CPU",
            peer=statistics.median(p["cpu"] for p in peers), target="<= 1.5x",
        )
    )  # fmt: skip
    if cold is not None:
        table.add(
            table.Row(
                path=f"{name} (cold: every schedule computed)", backend=backend, unit="s",
                mine=(cold["seconds"],) * 3, peer_name=peer_name,
                peer=statistics.median(p["seconds"] for p in peers),
                peak_mb=cold["peak_mb"], peak_kind="RSS",
            )
        )  # fmt: skip


def bench_export_pg(folder: Path, loans: int, peer: dict[str, float]) -> list[str]:
    """The same export on the 100,000-loan PostgreSQL database (tests/bench/pg_db.py); its
    peer is the SQLite run's xlsxwriter child (the same generator and seed: the same cells)."""
    from tests.bench.pg_db import pg_bench_database

    if loans != int(os.environ.get("GREENDESK_BENCH_LOANS", "100000")):
        return []
    book = folder / "book-pg.xlsx"
    with pg_bench_database() as (url, how):
        first = _child(["export", url, str(book)])  # cold the first time ever, then warm
        warm = _child(["export", url, str(book)])
    _export_rows("postgresql", loans, [warm], [peer])
    return [
        f"PostgreSQL ({how}): export {loans:,} loans, first run {first['seconds']:.1f} s "
        f"(computed {int(first['computed']):,}), warm {warm['seconds']:.1f} s wall, "
        f"{warm['cpu']:.1f} s CPU, peak RSS {warm['peak_mb']:.0f} MB; xlsxwriter same cells "
        f"{peer['seconds']:.1f} s: {warm['seconds'] / peer['seconds']:.2f}x wall, "
        f"{warm['cpu'] / peer['cpu']:.2f}x CPU"
    ]


def bench_memo_batch(url: str, folder: Path, count: int = 16) -> list[str]:
    """``memo --refs`` on one worker process and on one per core: memos per second."""
    from greendesk.services.memo_batch import memo_references, render_memos
    from greendesk.store.database import open_database

    db = open_database(url)
    try:
        refs = memo_references(db)[:count]
    finally:
        db.dispose()
    lines = []
    rates: dict[int, float] = {}
    cores = os.cpu_count() or 1
    for workers in sorted({1, cores}):
        out = folder / f"memos-{workers}"
        out.mkdir()
        cpu = _cpu(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        outcomes = render_memos(url, refs, out, today=AS_OF, workers=workers)
        took = time.perf_counter() - started
        cpu = _cpu(resource.RUSAGE_CHILDREN) - cpu
        failed = sum(1 for o in outcomes if o.error)
        rates[workers] = len(refs) / took
        table.add(
            table.Row(
                path=f"memo batch, {len(refs)} loans, memos per second, {workers} worker(s)",
                backend="sqlite", unit="/s", mine=(len(refs) / took,) * 3,
                peer_name="one worker" if workers > 1 else "",
                peer=rates.get(1) if workers > 1 else None,
                note={"wall_s": took, "cpu_s": cpu, "failed": failed},
            )
        )  # fmt: skip
        lines.append(
            f"memo batch, {len(refs)} loans on {workers} worker(s): {took:.1f} s wall "
            f"({len(refs) / took:.2f} memos/s, worker start-up included), {cpu:.1f} s CPU in "
            f"the workers, {failed} failed"
        )
    return lines


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime  # float-ok: seconds


def run() -> list[str]:
    loans = int(os.environ.get("GREENDESK_BENCH_LOANS", "100000"))
    with tempfile.TemporaryDirectory(prefix="gd-bench-") as tmp:
        folder = Path(tmp)
        return [*bench_memo(), *bench_memo_from_db(folder), *bench_export(folder, loans)]


# ---- child processes ----------------------------------------------------------------------
def child_export(url: str, out: str) -> dict[str, float]:
    """The real export; also times and counts the schedule aggregates (cache or engine)."""
    from greendesk.services import report_portfolio
    from greendesk.store.database import open_database

    stats = {"computed": 0, "reused": 0, "schedule_seconds": 0.0}

    class TimedCache(report_portfolio.CheckedAggregates):
        def aggregates(self, loans: list[Any]) -> Any:
            started = time.perf_counter()
            try:
                return super().aggregates(loans)
            finally:
                stats["schedule_seconds"] += time.perf_counter() - started

        def flush(self) -> None:
            stats["computed"] = self.cache.computed
            stats["reused"] = self.checked + self.cache.reused
            super().flush()

    report_portfolio.CheckedAggregates = TimedCache  # type: ignore[misc]
    db = open_database(url)
    cpu = _cpu(resource.RUSAGE_SELF)
    started = time.perf_counter()
    report_portfolio.export_portfolio(db, out, as_of=AS_OF)
    seconds = time.perf_counter() - started
    cpu = _cpu(resource.RUSAGE_SELF) - cpu
    db.dispose()
    return {"seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb(), **stats}


def child_xlsxwriter(book: str, out: str) -> dict[str, float]:
    """Every cell of GreenDesk's workbook (values, formulas, number formats) read back, then
    written again by xlsxwriter with the same sheets; only the writing is timed. (Column widths,
    frozen panes and filters are a few records per sheet: left out of both sides' cost.)"""
    import openpyxl
    import xlsxwriter

    source = openpyxl.load_workbook(book, read_only=True)
    sheets: list[tuple[str, list[list[tuple[Any, str, str]]]]] = []
    cells = 0
    for ws in source.worksheets:
        rows = [[(c.value, c.data_type, c.number_format) for c in row] for row in ws.iter_rows()]
        cells += sum(1 for row in rows for v, _, _ in row if v is not None)
        sheets.append((ws.title, rows))
    source.close()

    cpu = _cpu(resource.RUSAGE_SELF)
    started = time.perf_counter()
    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    formats: dict[str, Any] = {}
    for title, rows in sheets:
        ws = wb.add_worksheet(title)
        for r, row in enumerate(rows):
            for c, (value, kind, number_format) in enumerate(row):
                if value is None:
                    continue
                fmt = None
                if number_format != "General":
                    fmt = formats.get(number_format)
                    if fmt is None:
                        fmt = formats[number_format] = wb.add_format({"num_format": number_format})
                if kind == "f":
                    ws.write_formula(r, c, value, fmt)
                elif kind == "s":
                    ws.write_string(r, c, value, fmt)
                elif isinstance(value, date):  # datetime too
                    ws.write_datetime(r, c, value, fmt)
                elif kind == "b":
                    ws.write_boolean(r, c, value, fmt)
                else:
                    ws.write_number(r, c, value, fmt)
    wb.close()
    seconds = time.perf_counter() - started
    cpu = _cpu(resource.RUSAGE_SELF) - cpu
    return {"seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb(), "cells": cells}


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    kind, rest = sys.argv[2], sys.argv[3:]
    result = child_export(*rest) if kind == "export" else child_xlsxwriter(*rest)
    print(json.dumps(result))
