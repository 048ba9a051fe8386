"""Reporting speed: the credit memo, and the 100,000-loan portfolio export against xlsxwriter.

``run()`` returns human-readable lines (tests/bench/run.py prints them). The export and the
writer comparison each run in a child process (this file with ``--child``), so their peak
memory (ru_maxrss) is their own. GREENDESK_BENCH_LOANS sets the portfolio size (default
100,000).
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

AS_OF = date(2026, 6, 30)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # float-ok: KiB -> MiB


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
    from greendesk.services.synthetic import generate_portfolio
    from greendesk.store.database import open_database

    url = f"sqlite:///{folder / 'book.db'}"
    db = open_database(url)
    started = time.perf_counter()
    try:
        generate_portfolio(db, loans, seed=1)
    finally:
        db.dispose()
    generated = time.perf_counter() - started
    rows_file = folder / "rows.pickle"
    export = _child(["export", url, str(folder / "book.xlsx"), str(rows_file)])
    writers = _child(["writers", str(rows_file), str(folder)])
    size = (folder / "book.xlsx").stat().st_size / 2**20  # float-ok: MiB
    return [
        f"generate-portfolio {loans:,} loans (bulk insert, SQLite): {generated:.1f} s",
        f"export {loans:,} loans (all sheets, schedules computed): {export['seconds']:.1f} s, "
        f"peak RSS {export['peak_mb']:.0f} MB (target < 300 MB), {size:.1f} MiB file",
        f"  of which schedule engine ~{export['schedule_seconds']:.1f} s for "
        f"{int(export['schedules']):,} disbursed loans",
        f"Loans sheet alone, same {loans:,} rows: openpyxl write-only (GreenDesk writer) "
        f"{writers['openpyxl']:.1f} s vs xlsxwriter constant_memory {writers['xlsxwriter']:.1f} s "
        f"-> ratio {writers['openpyxl'] / writers['xlsxwriter']:.2f}x (aim <= 1.5x)",
        f"whole export vs xlsxwriter Loans sheet: ratio "
        f"{export['seconds'] / writers['xlsxwriter']:.2f}x",
    ]


def run() -> list[str]:
    loans = int(os.environ.get("GREENDESK_BENCH_LOANS", "100000"))
    with tempfile.TemporaryDirectory(prefix="gd-bench-") as tmp:
        folder = Path(tmp)
        return [*bench_memo(), *bench_memo_from_db(folder), *bench_export(folder, loans)]


# ---- child processes ----------------------------------------------------------------------
def child_export(url: str, out: str, rows_file: str) -> dict[str, float]:
    """The real export; also times the schedule engine and saves the Loans rows for replay."""
    from greendesk.services import report_portfolio
    from greendesk.store.database import open_database

    engine_time = [0.0, 0]
    original = report_portfolio.loan_schedule

    def timed_schedule(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            engine_time[0] += time.perf_counter() - started
            engine_time[1] += 1

    report_portfolio.loan_schedule = timed_schedule  # type: ignore[assignment]
    dump_time = [0.0]
    db = open_database(url)
    with open(rows_file, "wb") as fh:

        def tap(bundle: object) -> None:
            started = time.perf_counter()
            pickle.dump(bundle.loan, fh, protocol=pickle.HIGHEST_PROTOCOL)  # type: ignore[attr-defined]
            dump_time[0] += time.perf_counter() - started

        started = time.perf_counter()
        report_portfolio.export_portfolio(db, out, as_of=AS_OF, tap=tap)
        seconds = time.perf_counter() - started - dump_time[0]
    db.dispose()
    return {
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "schedule_seconds": engine_time[0],
        "schedules": engine_time[1],
    }


def _rows(rows_file: str) -> list[object]:
    out = []
    with open(rows_file, "rb") as fh:
        while True:
            try:
                out.append(pickle.load(fh))
            except EOFError:
                return out


def child_writers(rows_file: str, folder: str) -> dict[str, float]:
    """The same Loans rows through GreenDesk's openpyxl writer and through xlsxwriter."""
    import xlsxwriter

    from greendesk.reporting.model import LoanBundle
    from greendesk.reporting.templates import load_workbook_template
    from greendesk.reporting.workbook import write_portfolio

    rows = _rows(rows_file)
    tpl = load_workbook_template("zh")
    started = time.perf_counter()
    write_portfolio(
        Path(folder) / "loans-openpyxl.xlsx",
        loans=(LoanBundle(r) for r in rows),  # type: ignore[arg-type]
        maturity=[],
        as_of=AS_OF,
        template=tpl,
    )
    ours = time.perf_counter() - started

    spec = tpl.sheets["loans"]
    started = time.perf_counter()
    wb = xlsxwriter.Workbook(str(Path(folder) / "loans-xlsxwriter.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet(spec.name)
    formats = {kind: wb.add_format({"num_format": f}) for kind, f in tpl.formats.items()}
    ws.write_row(0, 0, [c.header for c in spec.columns])
    for i, col in enumerate(spec.columns):
        ws.set_column(i, i, col.width)
    ws.freeze_panes(1, 0)
    cols = [(c.field, c.kind, c.values) for c in spec.columns]
    for r, row in enumerate(rows, 1):
        for c, (name, kind, table) in enumerate(cols):
            value = getattr(row, name)
            if value is None or value == "":
                continue
            if kind == "text":
                ws.write_string(r, c, tpl.values(table, value) if table else str(value))
            elif kind in ("date", "month"):
                ws.write_datetime(r, c, value, formats[kind])
            else:
                ws.write_number(r, c, value, formats[kind])
    ws.autofilter(0, 0, len(rows), len(cols) - 1)
    wb.close()
    theirs = time.perf_counter() - started
    return {"openpyxl": ours, "xlsxwriter": theirs}


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    kind, rest = sys.argv[2], sys.argv[3:]
    result = child_export(*rest) if kind == "export" else child_writers(*rest)
    print(json.dumps(result))
