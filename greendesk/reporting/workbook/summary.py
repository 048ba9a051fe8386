"""The Summary sheet: COUNTIFS / SUMIFS formulas over the Loans sheet, and two charts.

Excel users trace every summary figure back to the data, so nothing here is a typed-in number:
the only values are the group keys (collected while the Loans sheet streamed) and the dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from greendesk.reporting.templates import WorkbookTemplate
from greendesk.reporting.workbook.cells import header_row, text_cell

TITLE_FONT = Font(name="Calibri", bold=True, size=14, color="1B6B4A")
BOLD = Font(name="Calibri", bold=True)


@dataclass(frozen=True)
class GroupKeys:
    """Distinct values seen in a Loans column, in first-seen order ("" = blank)."""

    field: str
    label: str
    chart: bool
    keys: Sequence[str]


def quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def criterion(key: str) -> str:
    """A COUNTIFS criterion that matches ``key`` exactly (operators and wildcards escaped)."""
    if key == "":
        return '""'
    escaped = key.replace("~", "~~").replace("*", "~*").replace("?", "~?").replace('"', '""')
    return f'"={escaped}"'


class SummaryWriter:
    def __init__(self, ws: WriteOnlyWorksheet, tpl: WorkbookTemplate, loan_rows: int) -> None:
        self.ws = ws
        self.tpl = tpl
        self.loans = tpl.sheets["loans"]
        self.sheet = quote_sheet(self.loans.name)
        self.last = max(loan_rows + 1, 2)  # last data row on the Loans sheet
        self.row = 0
        for letter, width in (("A", 30), ("B", 12), ("C", 22), ("D", 22), ("E", 12)):
            ws.column_dimensions[letter].width = width

    def rng(self, field: str) -> str:
        col = get_column_letter(self.loans.index(field) + 1)
        return f"{self.sheet}!${col}$2:${col}${self.last}"

    def _append(self, values: list[object]) -> None:
        self.ws.append(values)
        self.row += 1

    def _cell(self, value: object, number_format: str | None = None, bold: bool = False) -> object:
        cell = WriteOnlyCell(self.ws, value=value)
        if number_format:
            cell.number_format = number_format
        if bold:
            cell.font = BOLD
        return cell

    def write(self, as_of: date, generated: datetime, groups: Sequence[GroupKeys]) -> None:
        tpl = self.tpl
        fmt = tpl.formats
        self._append([text_cell(self.ws, tpl.label("title"), font=TITLE_FONT)])
        self._append([text_cell(self.ws, tpl.label("as_of")), None, self._cell(as_of, fmt["date"])])
        self._append(
            [
                text_cell(self.ws, tpl.label("generated")),
                None,
                self._cell(generated.replace(tzinfo=None, microsecond=0), "yyyy-mm-dd hh:mm"),
            ]
        )
        chart_rows: tuple[int, int] | None = None
        for group in groups:
            self._append([])
            first, last = self._group(group)
            if group.chart and chart_rows is None:
                chart_rows = (first, last)
        self._append([])
        self._totals()
        self._append([])
        buckets = self._coverage()
        if chart_rows:
            self._bar(chart_rows, 3, tpl.label("chart_class"), "G2")
        self._bar(buckets, 2, tpl.label("chart_coverage"), "G20")

    def _group(self, group: GroupKeys) -> tuple[int, int]:
        tpl, fmt = self.tpl, self.tpl.formats
        self._append([text_cell(self.ws, tpl.label(group.label), font=BOLD)])
        self._append(
            header_row(
                self.ws, [tpl.label(k) for k in ("key", "count", "amount", "outstanding", "share")]
            )
        )
        key_rng = self.rng(group.field)
        amount, outstanding = self.rng("amount"), self.rng("outstanding")
        first = self.row + 1
        total_row = first + len(group.keys)
        for key in group.keys:
            r = self.row + 1
            crit = criterion(key)
            self._append(
                [
                    text_cell(self.ws, key or tpl.label("blank")),
                    self._cell(f"=COUNTIFS({key_rng},{crit})", fmt["int"]),
                    self._cell(f"=SUMIFS({amount},{key_rng},{crit})", fmt["money"]),
                    self._cell(f"=SUMIFS({outstanding},{key_rng},{crit})", fmt["money"]),
                    self._cell(f"=IF($C${total_row}=0,0,C{r}/$C${total_row})", fmt["percent"]),
                ]
            )
        last = self.row
        cols = []
        for c, f in (("B", "int"), ("C", "money"), ("D", "money"), ("E", "percent")):
            if last < first:
                cols.append(self._cell(0, fmt[f], bold=True))
            else:
                cols.append(self._cell(f"=SUM({c}{first}:{c}{last})", fmt[f], bold=True))
        self._append([text_cell(self.ws, tpl.label("totals"), font=BOLD), *cols])
        return first, last

    def _totals(self) -> None:
        tpl, fmt = self.tpl, self.tpl.formats
        amount, share = self.rng("amount"), self.rng("green_share")
        self._append(
            [
                text_cell(self.ws, tpl.label("green_share"), font=BOLD),
                None,
                self._cell(
                    f"=IF(SUM({amount})=0,0,SUMPRODUCT({amount},{share})/SUM({amount}))",
                    fmt["percent"],
                ),
            ]
        )
        self._append([text_cell(self.ws, tpl.label("environment"), font=BOLD)])
        self._append(
            [
                text_cell(self.ws, tpl.label("co2e_total")),
                None,
                self._cell(f"=SUM({self.rng('annual_co2e_reduction_t')})", fmt["decimal"]),
            ]
        )
        self._append(
            [
                text_cell(self.ws, tpl.label("sink_total")),
                None,
                self._cell(f"=SUM({self.rng('carbon_sink_t')})", fmt["decimal"]),
            ]
        )

    def _coverage(self) -> tuple[int, int]:
        tpl, fmt = self.tpl, self.tpl.formats
        cov = self.rng("coverage_ratio")
        self._append([text_cell(self.ws, tpl.label("coverage"), font=BOLD)])
        self._append(header_row(self.ws, [tpl.label("key"), tpl.label("count")]))
        first = self.row + 1
        for b in tpl.buckets:
            self._append(
                [
                    text_cell(self.ws, b.label),
                    self._cell(f'=COUNTIFS({cov},">={b.low}",{cov},"<{b.high}")', fmt["int"]),
                ]
            )
        self._append(
            [
                text_cell(self.ws, tpl.label("coverage_none")),
                self._cell(f'=COUNTIFS({self.rng("reference")},"<>",{cov},"")', fmt["int"]),
            ]
        )
        return first, self.row

    def _bar(self, rows: tuple[int, int], col: int, title: str, anchor: str) -> None:
        first, last = rows
        if last < first:
            return
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.legend = None
        chart.height, chart.width = 7.5, 14
        data = Reference(self.ws, min_col=col, min_row=first, max_row=last)
        cats = Reference(self.ws, min_col=1, min_row=first, max_row=last)
        chart.add_data(data, titles_from_data=False)
        chart.set_categories(cats)
        self.ws.add_chart(chart, anchor)
