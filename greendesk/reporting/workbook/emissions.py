"""The Emissions summary sheet: every figure a formula over the 排放 Emissions sheet.

Totals (outstanding, financed scope 1+2 and 3, avoided, the outstanding-weighted data-quality
score) and the same by class, catalogue category and region, as SUM / SUMIFS / SUMPRODUCT, so
an analyst traces each figure to the loans and LibreOffice or Excel recalculates it.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from greendesk.reporting.templates import SheetSpec, WorkbookTemplate
from greendesk.reporting.workbook.cells import header_row, text_cell
from greendesk.reporting.workbook.summary import BOLD, TITLE_FONT, criterion, quote_sheet

FIGURES = ("outstanding", "financed_t", "financed_scope3_t", "avoided_t")
GROUPS = (("classification", "by_class"), ("category", "by_category"), ("region", "by_region"))
SCORE_FORMAT = "0.00"


class EmissionsSummaryWriter:
    def __init__(
        self, ws: WriteOnlyWorksheet, spec: SheetSpec, tpl: WorkbookTemplate, rows: int
    ) -> None:
        self.ws, self.spec, self.tpl = ws, spec, tpl
        self.sheet = quote_sheet(spec.name)
        self.last = max(rows + 1, 2)
        for letter, width in (("A", 30), ("B", 10), ("C", 22), ("D", 20), ("E", 20), ("F", 20)):
            ws.column_dimensions[letter].width = width
        ws.column_dimensions["G"].width = 14

    def rng(self, field: str) -> str:
        col = get_column_letter(self.spec.index(field) + 1)
        return f"{self.sheet}!${col}$2:${col}${self.last}"

    def _cell(self, value: object, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=value)
        cell.number_format = number_format
        return cell

    def _score(self, group: tuple[str, str, str] | None = None) -> str:
        """Σ outstanding × score ÷ Σ outstanding of the loans with a score (in the group).

        ``group`` is (key range, the key as an exact text literal, its *IFS criterion).
        """
        out, score = self.rng("outstanding"), self.rng("score")
        if group is not None:
            key_rng, exact, crit = group
            num = f"SUMPRODUCT(({key_rng}={exact})*{out}*{score})"
            den = f'SUMIFS({out},{score},"<>",{key_rng},{crit})'
        else:
            num = f"SUMPRODUCT({out},{score})"
            den = f'SUMIFS({out},{score},"<>")'
        return f'=IF({den}=0,"",{num}/{den})'

    def _head(self) -> list[WriteOnlyCell]:
        t = self.tpl.label
        return header_row(
            self.ws,
            [t("key"), t("count"), t("emissions_outstanding"), t("financed"),
             t("financed_scope3"), t("avoided"), t("dq_score")],
        )  # fmt: skip

    def write(self, groups: Sequence[tuple[str, Sequence[str]]]) -> None:
        t, fmt = self.tpl.label, self.tpl.formats
        self.ws.append([text_cell(self.ws, t("emissions_title"), font=TITLE_FONT)])
        self.ws.append([])
        self.ws.append(self._head())
        ref = self.rng("reference")
        self.ws.append(
            [
                text_cell(self.ws, t("totals"), font=BOLD),
                self._cell(f"=COUNTA({ref})", fmt["int"]),
                *(
                    self._cell(
                        f"=SUM({self.rng(f)})", fmt["money" if f == "outstanding" else "decimal"]
                    )
                    for f in FIGURES
                ),
                self._cell(self._score(), SCORE_FORMAT),
            ]
        )
        labels = dict(GROUPS)
        for field, keys in groups:
            self.ws.append([])
            self.ws.append([text_cell(self.ws, t(labels[field]), font=BOLD)])
            self.ws.append(self._head())
            key_rng = self.rng(field)
            for key in keys:
                crit = criterion(key)
                # SUMPRODUCT compares text exactly; criterion() is for *IFS (leading "=").
                exact = '""' if key == "" else '"' + key.replace('"', '""') + '"'
                self.ws.append(
                    [
                        text_cell(self.ws, key or t("blank")),
                        self._cell(f"=COUNTIFS({key_rng},{crit})", fmt["int"]),
                        *(
                            self._cell(
                                f"=SUMIFS({self.rng(f)},{key_rng},{crit})",
                                fmt["money" if f == "outstanding" else "decimal"],
                            )
                            for f in FIGURES
                        ),
                        self._cell(self._score((key_rng, exact, crit)), SCORE_FORMAT),
                    ]
                )
