"""The portfolio workbook: streamed (openpyxl write-only) so memory stays flat on any size.

Rows arrive as iterables of the dataclasses in ``greendesk.reporting.model`` and are written as
they come; the Summary sheet is created first (so it is the first tab) and filled last, once the
Loans sheet's size and group keys are known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from greendesk.reporting.model import (
    AllocationRow,
    EmissionRow,
    KpiTestInfo,
    LoanBundle,
    MaturityRow,
    PledgeRow,
    PortfolioRow,
    SyndicateRow,
)
from greendesk.reporting.templates import SheetSpec, WorkbookTemplate, load_workbook_template
from greendesk.reporting.workbook import rows
from greendesk.reporting.workbook.cells import column_converters, header_row
from greendesk.reporting.workbook.emissions import GROUPS as EMISSION_GROUPS
from greendesk.reporting.workbook.emissions import EmissionsSummaryWriter
from greendesk.reporting.workbook.summary import GroupKeys, SummaryWriter

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class WorkbookStats:
    loans: int
    pledges: int
    syndicate_rows: int
    maturity_rows: int


def _prepare(wb: Workbook, spec: SheetSpec) -> WriteOnlyWorksheet:
    ws = wb.create_sheet(spec.name)
    for i, col in enumerate(spec.columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "A2"
    return ws


class _SheetStream:
    """Appends row dataclasses to one write-only sheet through its column converters."""

    def __init__(self, ws: WriteOnlyWorksheet, spec: SheetSpec, tpl: WorkbookTemplate) -> None:
        self.ws = ws
        self.spec = spec
        self.count = 0
        fields_ = [c.field for c in spec.columns]
        header = header_row(ws, [c.header for c in spec.columns])
        self._writer: rows.RowWriter | None = None
        if rows.supported(ws):
            writer = rows.RowWriter(ws, fields_, rows.column_encoders(ws, spec, tpl), header)
            self._writer = writer
            self._add: Callable[[Any], None] = writer.add
        else:  # no lxml, or openpyxl internals changed: openpyxl's own per-cell path
            ws.append(header)
            plan = list(zip(fields_, column_converters(ws, spec, tpl), strict=True))
            self._add = lambda row: ws.append([conv(getattr(row, name)) for name, conv in plan])

    def add(self, row: Any) -> None:
        self._add(row)
        self.count += 1

    def close(self) -> int:
        last_col = get_column_letter(len(self.spec.columns))
        self.ws.auto_filter.ref = f"A1:{last_col}{self.count + 1}"
        if self._writer is not None:
            self._writer.finish()
        return self.count


def _check_fields(spec: SheetSpec, row_type: type) -> None:
    names = {f.name for f in fields(row_type)}
    for col in spec.columns:
        if col.field not in names:
            from greendesk.domain.errors import UserError

            raise UserError(
                f"reports/workbook.toml: sheet {spec.key!r}: unknown field {col.field!r} "
                f"(known: {', '.join(sorted(names))})"
            )


def _emission_keys(
    tpl: WorkbookTemplate, row: EmissionRow, seen: dict[str, dict[str, None]]
) -> None:
    """The group keys as the Emissions sheet shows them (translated where it translates)."""
    spec = tpl.sheets["emissions"]
    for field in seen:
        value = getattr(row, field)
        table = spec.columns[spec.index(field)].values
        key = "" if value in (None, "") else (tpl.values(table, value) if table else str(value))
        seen[field].setdefault(key, None)


def write_portfolio(
    out: str | Path | BinaryIO,
    *,
    loans: Iterable[LoanBundle],
    maturity: Iterable[MaturityRow],
    as_of: date,
    lang: str = "zh",
    total_loans: int = 0,
    progress: Progress | None = None,
    template: WorkbookTemplate | None = None,
    kpi: Iterable[KpiTestInfo] = (),
    allocation: Iterable[AllocationRow] = (),
) -> WorkbookStats:
    """Write the workbook in one pass over ``loans``; ``maturity`` is iterated afterwards.

    Each loan's pledge and lender rows go to their sheets as the loan streams (write-only
    sheets may be appended to in any order). ``progress(done, total)`` follows the loans;
    ``total`` is ``total_loans`` when the caller knows it. ``kpi`` (every test of every
    carbon-linked loan) fills the KPI sheet when the template has one.
    """
    tpl = template or load_workbook_template(lang)
    for key, row_type in (
        ("loans", PortfolioRow),
        ("collateral", PledgeRow),
        ("syndicate", SyndicateRow),
        ("maturity", MaturityRow),
    ):
        _check_fields(tpl.sheets[key], row_type)
    if "kpi" in tpl.sheets:
        _check_fields(tpl.sheets["kpi"], KpiTestInfo)
    if "emissions" in tpl.sheets:
        _check_fields(tpl.sheets["emissions"], EmissionRow)
    if "allocation" in tpl.sheets:
        _check_fields(tpl.sheets["allocation"], AllocationRow)
    wb = Workbook(write_only=True)
    summary_ws = wb.create_sheet(tpl.summary_name)
    streams = {key: _SheetStream(_prepare(wb, spec), spec, tpl) for key, spec in tpl.sheets.items()}
    loan_sheet, pledge_sheet, synd_sheet = (
        streams["loans"],
        streams["collateral"],
        streams["syndicate"],
    )
    loans_spec = tpl.sheets["loans"]
    groups: list[tuple[str, str | None, dict[str, None]]] = [
        (field, loans_spec.columns[loans_spec.index(field)].values, {})
        for field, _, _ in tpl.groups
    ]
    seen: list[dict[str, None]] = [g[2] for g in groups]
    emission_sheet = streams.get("emissions")
    emission_keys: dict[str, dict[str, None]] = {f: {} for f, _ in EMISSION_GROUPS}
    done = 0
    for bundle in loans:
        row = bundle.loan
        loan_sheet.add(row)
        for pledge in bundle.pledges:
            pledge_sheet.add(pledge)
        for share in bundle.syndicate:
            synd_sheet.add(share)
        if emission_sheet is not None and bundle.emissions is not None:
            emission_sheet.add(bundle.emissions)
            _emission_keys(tpl, bundle.emissions, emission_keys)
        for field, table, bucket in groups:
            value = getattr(row, field)
            key = "" if value in (None, "") else (tpl.values(table, value) if table else str(value))
            if key not in bucket:
                bucket[key] = None
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, max(total_loans, done))
    if progress is not None:
        progress(done, max(total_loans, done))
    for item in maturity:
        streams["maturity"].add(item)
    if "kpi" in streams:
        for test in kpi:
            streams["kpi"].add(test)
    if "allocation" in streams:
        for line in allocation:
            streams["allocation"].add(line)
    counts = {key: stream.close() for key, stream in streams.items()}
    if emission_sheet is not None and tpl.emissions_summary_name:
        EmissionsSummaryWriter(
            wb.create_sheet(tpl.emissions_summary_name),
            emission_sheet.spec,
            tpl,
            counts["emissions"],
        ).write([(f, sorted(k, key=lambda x: (x == "", x))) for f, k in emission_keys.items()])
    keys = [
        GroupKeys(field, label, chart, sorted(bucket, key=lambda k: (k == "", k)))
        for (field, label, chart), bucket in zip(tpl.groups, seen, strict=True)
    ]
    SummaryWriter(summary_ws, tpl, counts["loans"]).write(as_of, datetime.now(UTC), keys)
    wb.save(str(out) if isinstance(out, Path) else out)
    return WorkbookStats(
        counts["loans"], counts["collateral"], counts["syndicate"], counts["maturity"]
    )
