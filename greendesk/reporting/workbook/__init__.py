"""The portfolio workbook: streamed (openpyxl write-only) so memory stays flat on any size.

Rows arrive as iterables of the dataclasses in ``greendesk.reporting.model`` and are written as
they come; the Summary sheet is created first (so it is the first tab) and filled last, once the
Loans sheet's size and group keys are known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from greendesk.reporting.model import MaturityRow, PledgeRow, PortfolioRow, SyndicateRow
from greendesk.reporting.templates import SheetSpec, WorkbookTemplate, load_workbook_template
from greendesk.reporting.workbook.cells import column_converters, header_row
from greendesk.reporting.workbook.summary import GroupKeys, SummaryWriter

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class WorkbookStats:
    loans: int
    pledges: int
    syndicate_rows: int
    maturity_rows: int


def _prepare(wb: Workbook, spec: SheetSpec, tpl: WorkbookTemplate) -> WriteOnlyWorksheet:
    ws = wb.create_sheet(spec.name)
    for i, col in enumerate(spec.columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    ws.append(header_row(ws, [c.header for c in spec.columns]))
    return ws


def _stream(
    ws: WriteOnlyWorksheet,
    spec: SheetSpec,
    tpl: WorkbookTemplate,
    rows: Iterable[Any],
    on_row: Callable[[Any], None] | None = None,
) -> int:
    converters = column_converters(ws, spec, tpl)
    getters = [c.field for c in spec.columns]
    plan = list(zip(getters, converters, strict=True))
    count = 0
    append = ws.append
    for row in rows:
        append([conv(getattr(row, name)) for name, conv in plan])
        count += 1
        if on_row is not None:
            on_row(row)
    last_col = get_column_letter(len(spec.columns))
    ws.auto_filter.ref = f"A1:{last_col}{count + 1}"
    return count


def _check_fields(spec: SheetSpec, row_type: type) -> None:
    names = {f.name for f in fields(row_type)}
    for col in spec.columns:
        if col.field not in names:
            from greendesk.domain.errors import UserError

            raise UserError(
                f"reports/workbook.toml: sheet {spec.key!r}: unknown field {col.field!r} "
                f"(known: {', '.join(sorted(names))})"
            )


def write_portfolio(
    out: str | Path | BinaryIO,
    *,
    loans: Iterable[PortfolioRow],
    pledges: Iterable[PledgeRow],
    syndicate: Iterable[SyndicateRow],
    maturity: Iterable[MaturityRow],
    as_of: date,
    lang: str = "zh",
    total_loans: int = 0,
    progress: Progress | None = None,
    template: WorkbookTemplate | None = None,
) -> WorkbookStats:
    """Write the workbook; ``progress(done, total)`` is called as loans stream (total may be 0)."""
    tpl = template or load_workbook_template(lang)
    for key, row_type in (("loans", PortfolioRow), ("collateral", PledgeRow),
                          ("syndicate", SyndicateRow), ("maturity", MaturityRow)):
        _check_fields(tpl.sheets[key], row_type)
    wb = Workbook(write_only=True)
    summary_ws = wb.create_sheet(tpl.summary_name)
    sheets = {key: _prepare(wb, spec, tpl) for key, spec in tpl.sheets.items()}

    seen: dict[str, dict[str, None]] = {g[0]: {} for g in tpl.groups}
    group_values = [(field, tpl.sheets["loans"].columns[tpl.sheets["loans"].index(field)].values,
                     seen[field]) for field, _, _ in tpl.groups]
    done = 0

    def on_loan(row: PortfolioRow) -> None:
        nonlocal done
        for field, table, bucket in group_values:
            value = getattr(row, field)
            key = "" if value in (None, "") else (tpl.values(table, value) if table else str(value))
            if key not in bucket:
                bucket[key] = None
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, max(total_loans, done))

    n_loans = _stream(sheets["loans"], tpl.sheets["loans"], tpl, loans, on_loan)
    if progress is not None:
        progress(n_loans, max(total_loans, n_loans))
    n_pledges = _stream(sheets["collateral"], tpl.sheets["collateral"], tpl, pledges)
    n_synd = _stream(sheets["syndicate"], tpl.sheets["syndicate"], tpl, syndicate)
    n_mat = _stream(sheets["maturity"], tpl.sheets["maturity"], tpl, maturity)

    groups = [GroupKeys(field, label, chart, sorted(seen[field], key=lambda k: (k == "", k)))
              for field, label, chart in tpl.groups]
    SummaryWriter(summary_ws, tpl, n_loans).write(as_of, datetime.now(timezone.utc), groups)
    wb.save(str(out) if isinstance(out, Path) else out)
    return WorkbookStats(n_loans, n_pledges, n_synd, n_mat)
