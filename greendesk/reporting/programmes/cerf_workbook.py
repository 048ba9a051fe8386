"""The carbon emission reduction facility's quarterly disclosure as an Excel workbook.

Columns, headers and formats come from ``reports/cerf.toml``. The loan rows are values; the
totals row is formulas (SUM per amount column, SUMPRODUCT for the amount-weighted rate, rounded
to four places as the service rounds it), so
the sheet stays right when a reader filters or edits it and a recalculating program (Excel,
LibreOffice) shows the same totals the service computed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from greendesk.domain.errors import UserError
from greendesk.paths import reports_dir
from greendesk.services.programmes import Disclosure, DisclosureRow

BOLD = Font(bold=True)


@dataclass(frozen=True)
class Column:
    field: str
    kind: str
    width: int
    total: str
    zh: str
    en: str

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class CerfTemplate:
    formats: dict[str, str]
    columns: tuple[Column, ...]
    labels: dict[str, dict[str, str]]

    def label(self, key: str, lang: str) -> str:
        return self.labels[lang][key]


@cache
def load_template() -> CerfTemplate:
    path = reports_dir() / "cerf.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    columns = tuple(
        Column(c["field"], c["kind"], int(c["width"]), c.get("total", ""), c["zh"], c["en"])
        for c in data["columns"]
    )
    return CerfTemplate(dict(data["formats"]), columns, data["labels"])


def _value(row: DisclosureRow, field: str, lang: str) -> Any:
    if field == "areas":
        return row.areas_zh if lang == "zh" else row.areas_en
    if field == "method":
        return row.method_zh if lang == "zh" else row.method_en
    return getattr(row, field)


def _total(col: Column, letter: str, first: int, last: int, by: dict[str, str]) -> str | None:
    rng = f"{letter}{first}:{letter}{last}"
    if col.total == "sum":
        return f"=SUM({rng})"
    if col.total.startswith("weighted:"):
        weight = by[col.total.split(":", 1)[1]]
        wrng = f"{weight}{first}:{weight}{last}"
        return f"=IF(SUM({wrng})=0,0,ROUND(SUMPRODUCT({rng},{wrng})/SUM({wrng}),4))"
    return None


def write_cerf(report: Disclosure, target: Path | BinaryIO, lang: str = "zh") -> None:
    """Write the disclosure to ``target`` (a path or a binary file)."""
    if lang not in ("zh", "en"):
        raise UserError(f"--lang: {lang!r} is not zh or en")
    tpl = load_template()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = f"{tpl.label('sheet', lang)} {report.quarter}"
    letters = {c.field: get_column_letter(i) for i, c in enumerate(tpl.columns, 1)}
    for i, col in enumerate(tpl.columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
        cell = ws.cell(row=1, column=i, value=col.header(lang))
        cell.font = BOLD
    ws.freeze_panes = "A2"
    for r, row in enumerate(report.rows, 2):
        for i, col in enumerate(tpl.columns, 1):
            cell = ws.cell(row=r, column=i, value=_value(row, col.field, lang))
            if col.kind in tpl.formats:
                cell.number_format = tpl.formats[col.kind]
    first, last = 2, max(len(report.rows) + 1, 2)
    totals = len(report.rows) + 2
    ws.cell(row=totals, column=1, value=tpl.label("totals", lang)).font = BOLD
    ws.cell(row=totals, column=2, value=f"=COUNTA(A{first}:A{last})" if report.rows else 0)
    for i, col in enumerate(tpl.columns, 1):
        formula = _total(col, letters[col.field], first, last, letters)
        if formula is None:
            continue
        cell = ws.cell(row=totals, column=i, value=formula if report.rows else 0)
        cell.font = BOLD
        if col.kind in tpl.formats:
            cell.number_format = tpl.formats[col.kind]
    _basis_sheet(wb, report, tpl, lang)
    wb.save(target)


def _basis_sheet(wb: Workbook, report: Disclosure, tpl: CerfTemplate, lang: str) -> None:
    ws = wb.create_sheet(tpl.label("sources", lang))
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 60
    name = report.name_zh if lang == "zh" else report.name_en
    rate = "—" if report.funding_rate is None else f"{report.funding_rate * 100:.2f}%"
    share = report.rows[0].share_of_principal if report.rows else None
    rows = [
        (tpl.label("title", lang), name, ""),
        (tpl.label("quarter", lang), f"{report.quarter} ({report.start} – {report.end})", ""),
        (tpl.label("version", lang), report.version or "—", ""),
        (tpl.label("funding_rate", lang), rate, report.rate_source),
        (
            tpl.label("share", lang),
            "—" if share is None else f"{share * 100:.0f}%",
            report.share_source,
        ),
        (tpl.label("count", lang), len(report.rows), ""),
    ]
    if not report.rows:
        rows.append((tpl.label("none", lang), "", ""))
    ws.append(["", "", tpl.label("source", lang)])
    for line in rows:
        ws.append(list(line))
