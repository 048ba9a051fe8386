"""Serialise whole data rows straight into a write-only sheet's lxml stream.

openpyxl's write-only ``append`` builds, types, styles and serialises a ``Cell`` object per
value, which is most of an export's time. The data sheets have a fixed type per column, so each
column gets one encoder, built once, that turns a value into the exact ``<c>`` XML openpyxl
would have written (same style ids, ``inlineStr`` text, ``%.16g`` numbers, Excel date serials);
a row is assembled as text, parsed by lxml (C) and written to the same stream openpyxl's own
rows go to. Everything else (styles, widths, panes, filters, the package) stays openpyxl's.

Text is always text here: a value that merely looks like a formula or an error code (``#N/A``)
is written as an inline string, and risky text (= + - @) gets the quote-prefix style too.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Generator, Sequence
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any

import openpyxl
from lxml import etree
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from greendesk.reporting.templates import SheetSpec, Values, WorkbookTemplate
from greendesk.reporting.workbook.cells import is_risky, sheet_text

# Encoder: column value (never None) -> the cell XML after ``<c r="A7`` (None: leave blank).
Encoder = Callable[[Any], str | None]
# openpyxl's number text: "%.16g" formats a Decimal through float; str.format would not.
_g16 = "%.16g".__mod__
_CACHE_LIMIT = 50_000  # distinct values remembered per column (keys, dates): memory stays flat
# free text repeats (regions, banks, branches, sectors, lenders) or never does (references): a
# few thousand texts per column catch the repeats and keep the unique ones' cost small
_TEXT_CACHE_LIMIT = 4_096
_MISSING: Any = object()


def supported(ws: WriteOnlyWorksheet) -> bool:
    """Can rows go straight into this sheet's stream (lxml, openpyxl internals as in 3.1)?"""
    return (
        bool(openpyxl.LXML)
        and ws._rows is None  # nothing appended yet
        and all(hasattr(ws, name) for name in ("_get_writer", "_writer", "_values_to_row", "_rows"))
    )


def escape_text(text: str) -> str:
    """Text as openpyxl stores it (checked, cut at 32,767), escaped for an XML fragment."""
    text = sheet_text(text[:32767])
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:  # a parser would turn a bare CR into LF
        text = text.replace("\r", "&#13;")
    return text


class _Style:
    """A cell style, registered with the workbook on first use (the order openpyxl's own is)."""

    def __init__(self, ws: WriteOnlyWorksheet, **style: Any) -> None:
        self._cell = WriteOnlyCell(ws)
        for key, value in style.items():
            setattr(self._cell, key, value)
        self._attr: str | None = None

    def attr(self) -> str:
        if self._attr is None:
            self._attr = f' s="{self._cell.style_id}"'
        return self._attr


def text_encoder(ws: WriteOnlyWorksheet, values: Values, table: str | None) -> Encoder:
    quoted = _Style(ws, quotePrefix=True)
    cache: dict[Any, str | None] = {}

    def encode_text(text: str) -> str | None:
        if not text:
            return None
        style = quoted.attr() if is_risky(text) else ""
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'"{style} t="inlineStr"><is><t{space}>{escape_text(text)}</t></is></c>'

    if table is None:

        def encode(value: Any) -> str | None:
            out = cache.get(value, _MISSING)
            if out is _MISSING:
                out = encode_text(value if isinstance(value, str) else str(value))
                if len(cache) < _TEXT_CACHE_LIMIT:
                    cache[value] = out
            return out

        return encode

    def encode_key(value: Any) -> str | None:
        try:
            return cache[value]
        except KeyError:
            out = encode_text(values(table, value)) if value != "" else None
            if len(cache) < _CACHE_LIMIT:
                cache[value] = out
            return out

    return encode_key


def number_encoder(
    ws: WriteOnlyWorksheet, number_format: str, kind: str, scale: int = 0
) -> Encoder:
    """``scale``: a money figure shown in 万元 / 亿元, divided by 10**scale (exact, in Decimal)."""
    style = _Style(ws, number_format=number_format)
    epoch = ws.parent.epoch
    dates: dict[date, str] = {}

    def encode_date(value: date) -> str:
        try:
            return dates[value]
        except KeyError:
            out = f'"{style.attr()} t="n"><v>{_g16(to_excel(value, epoch))}</v></c>'
            if len(dates) < _CACHE_LIMIT:
                dates[value] = out
            return out

    def encode_number(value: int | float | Decimal) -> str | None:
        if kind == "int" and isinstance(value, Decimal):
            value = int(value)
        elif scale:
            value = Decimal(value).scaleb(-scale)
        text = _g16(value)
        if text in ("nan", "inf", "-inf"):  # openpyxl leaves these blank too
            return None
        return f'"{style.attr()} t="n"><v>{text}</v></c>'

    def encode(value: Any) -> str | None:
        kind_of = type(value)
        if kind_of is Decimal or kind_of is int or kind_of is float:
            return encode_number(value)
        if kind_of is date:
            return encode_date(value)
        if isinstance(value, bool):
            return f'"{style.attr()} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, (int, float, Decimal)):
            return encode_number(value)
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)
            return f'"{style.attr()} t="n"><v>{_g16(to_excel(value, epoch))}</v></c>'
        if isinstance(value, date):
            return f'"{style.attr()} t="n"><v>{_g16(to_excel(value, epoch))}</v></c>'
        raise ValueError(f"Cannot convert {value!r} to Excel")

    return encode


def column_encoders(
    ws: WriteOnlyWorksheet, spec: SheetSpec, tpl: WorkbookTemplate
) -> list[Encoder]:
    """One encoder per column, styles registered once."""
    return [
        text_encoder(ws, tpl.values, col.values)
        if col.kind == "text"
        else number_encoder(ws, tpl.formats[col.kind], col.kind, col.scale)
        for col in spec.columns
    ]


_MARKER = "greendesk-rows"  # a comment openpyxl's stream writes where the data rows go
_BUFFER = 1 << 20


def _sheet_data(ws: WriteOnlyWorksheet, header: list[Any]) -> Generator[None, None, None]:
    """Stands in for openpyxl's row generator: the header row (openpyxl cells), then a marker
    comment that ``RowWriter.finish`` replaces with the data rows written beside the sheet."""
    writer = ws._writer
    xf = writer.xf.send(True)
    with xf.element("sheetData"):
        writer.write_row(xf, ws._values_to_row(header, 1), 1)
        xf.write(etree.Comment(_MARKER))
        try:
            while True:
                yield
        except GeneratorExit:
            pass
    writer.xf.send(None)


class RowWriter:
    """Writes a header (openpyxl cells) and then data rows (encoded XML) to one sheet.

    The data rows go as text to a file of their own, not through lxml (parsing each row to
    write it again was a third of the export); ``finish`` closes the sheet and splices them in.
    """

    def __init__(
        self,
        ws: WriteOnlyWorksheet,
        fields: Sequence[str],
        encoders: Sequence[Encoder],
        header: list[Any],
    ) -> None:
        ws._get_writer()
        self.ws = ws
        self._send = _sheet_data(ws, header)
        next(self._send)
        ws._rows = self._send  # ws.close() ends the sheetData and the sheet as usual
        # closed by finish(); dropped with the writer if the export fails half-way
        self._rows = tempfile.TemporaryFile("w+b", buffering=_BUFFER)  # noqa: SIM115
        self._write = self._rows.write
        self.row_idx = 1
        self._get = (
            attrgetter(*fields) if len(fields) > 1 else (lambda row: (getattr(row, fields[0]),))
        )
        self._plan = [('<c r="' + get_column_letter(i), enc) for i, enc in enumerate(encoders, 1)]

    def add(self, row: Any) -> None:
        self.row_idx += 1
        idx = str(self.row_idx)
        parts = []
        for (start, enc), value in zip(self._plan, self._get(row), strict=True):
            if value is None:
                continue
            tail = enc(value)
            if tail is not None:
                parts.append(start + idx + tail)
        # ASCII with character references, byte for byte what lxml writes for openpyxl
        self._write(f'<row r="{idx}">{"".join(parts)}</row>'.encode("ascii", "xmlcharrefreplace"))

    def finish(self) -> None:
        """Close the sheet (its tail: filter, margins …) and put the data rows in place."""
        self.ws.close()
        path = self.ws._writer.out
        with open(path, "rb") as fh:
            sheet = fh.read()  # head, header row, marker, tail: a few kilobytes
        head, marker, tail = sheet.partition(f"<!--{_MARKER}-->".encode())
        if not marker:
            raise RuntimeError("workbook rows: the sheet lost its row marker")
        self._rows.seek(0)
        with open(path, "wb", buffering=_BUFFER) as out:
            out.write(head)
            shutil.copyfileobj(self._rows, out, _BUFFER)
            out.write(tail)
        self._rows.close()
