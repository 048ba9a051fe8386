"""Turn row dataclasses into styled write-only cells, fast and safe.

One prototype cell per column carries the number format; write-only worksheets serialise a row
as soon as it is appended, so the same cell objects are reused for every row (no per-cell
allocation). Text that a spreadsheet could read as a formula (= + - @) is always written as a
string with Excel's quote prefix, so it stays text even if someone edits the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from greendesk.reporting.templates import SheetSpec, Values, WorkbookTemplate

FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_FILL = PatternFill("solid", fgColor="1B6B4A")
HEADER_FONT = Font(name="Calibri", bold=True, color="FFFFFF")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


REPLACEMENT = "\ufffd"


def sheet_text(text: str) -> str:
    """Text a worksheet can hold: control characters XML forbids (\\x07, \\x1b …) become
    U+FFFD, visibly. They reach here from any source, an older database included; one bad
    name must not stop the whole export with openpyxl's IllegalCharacterError."""
    return ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT, text)


def is_risky(text: str) -> bool:
    """Would a spreadsheet take this text for a formula (or a DDE/at-function)?"""
    return text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


class TextCells:
    """A normal and a quote-prefixed text cell for one column."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.plain = WriteOnlyCell(ws)
        self.quoted = WriteOnlyCell(ws)
        self.quoted.quotePrefix = True

    def __call__(self, text: str) -> Cell | str:
        text = sheet_text(text)
        if text and is_risky(text):
            cell = self.quoted
            cell.value = text
            cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
            return cell
        return text


def text_cell(ws: WriteOnlyWorksheet, text: str, **style: Any) -> Cell:
    """A one-off text cell (headers, labels), safe against formula injection."""
    cell = WriteOnlyCell(ws)
    text = sheet_text(text)
    cell.value = text
    cell.data_type = "s"
    if text and is_risky(text):
        cell.quotePrefix = True
    for key, value in style.items():
        setattr(cell, key, value)
    return cell


def header_row(ws: WriteOnlyWorksheet, headers: Sequence[str]) -> list[Cell]:
    return [
        text_cell(ws, h, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGN)
        for h in headers
    ]


Converter = Callable[[Any], Any]


def column_converters(
    ws: WriteOnlyWorksheet, spec: SheetSpec, tpl: WorkbookTemplate
) -> list[Converter]:
    """One function per column: dataclass value -> what to append (value or styled cell)."""
    out: list[Converter] = []
    for col in spec.columns:
        if col.kind == "text":
            out.append(_text_converter(ws, tpl.values, col.values))
        else:
            out.append(_number_converter(ws, tpl.formats[col.kind], col.kind, col.scale))
    return out


def _text_converter(ws: WriteOnlyWorksheet, values: Values, table: str | None) -> Converter:
    cells = TextCells(ws)

    def convert(value: Any) -> Any:
        if value is None or value == "":
            return None
        text = values(table, value) if table else str(value)
        return cells(text)

    return convert


def _number_converter(
    ws: WriteOnlyWorksheet, number_format: str, kind: str, scale: int = 0
) -> Converter:
    proto = WriteOnlyCell(ws)
    proto.number_format = number_format

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)
        elif kind == "int" and isinstance(value, Decimal):
            value = int(value)
        elif scale and isinstance(value, (int, Decimal)):
            value = Decimal(value).scaleb(-scale)
        proto.value = value
        return proto

    return convert
