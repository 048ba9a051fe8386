"""Memo look: paragraph styles, colours, table styles and the number/date formats it prints."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from greendesk.domain.money import format_money
from greendesk.reporting.fonts import LATIN, LATIN_BOLD, markup, register_fonts

INK = colors.HexColor("#1f2a30")
ACCENT = colors.HexColor("#1b6b4a")  # a sober green
LIGHT = colors.HexColor("#e8f1ec")
RULE = colors.HexColor("#9db5a8")
MUTED = colors.HexColor("#5f6b66")
ALERT = colors.HexColor("#b3261e")

PAGE_MARGIN = 18 * mm
BODY_SIZE = 9.0
TABLE_SIZE = 8.0


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles, built once the fonts are registered."""
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=LATIN,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.55,
        textColor=INK,
        wordWrap="CJK",  # Chinese breaks between characters; Latin words stay whole
        bulletFontName=LATIN,
    )
    return {
        "body": base,
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontSize=13,
            leading=18,
            spaceBefore=10,
            spaceAfter=6,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontSize=10,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            textColor=INK,
            keepWithNext=1,
        ),
        "h2_free": ParagraphStyle(  # for headings over long tables: CondPageBreak keeps them
            "h2_free", parent=base, fontSize=10, leading=14, spaceBefore=6, spaceAfter=3
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.35),
        "cell_right": ParagraphStyle(
            "cell_right",
            parent=base,
            fontSize=TABLE_SIZE,
            leading=TABLE_SIZE * 1.35,
            alignment=TA_RIGHT,
        ),
        "head": ParagraphStyle(
            "head",
            parent=base,
            fontSize=TABLE_SIZE,
            leading=TABLE_SIZE * 1.3,
            textColor=colors.white,
            alignment=TA_CENTER,
        ),
        "label": ParagraphStyle(
            "label", parent=base, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.35, textColor=MUTED
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=base,
            fontSize=26,
            leading=34,
            alignment=TA_CENTER,
            textColor=ACCENT,
        ),
        "cover_sub": ParagraphStyle(
            "cover_sub", parent=base, fontSize=13, leading=20, alignment=TA_CENTER, textColor=INK
        ),
        "alert": ParagraphStyle(
            "alert", parent=base, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.5, textColor=ALERT
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=10, bulletIndent=0, spaceAfter=1
        ),
    }


@cache
def _latin_variant(name: str) -> ParagraphStyle:
    """The style without CJK wrapping: Latin-only text then breaks at spaces only."""
    base = styles()[name]
    return ParagraphStyle(f"{name}_latin", parent=base, wordWrap=None)


def style_for(text: str, name: str) -> ParagraphStyle:
    """CJK wrapping (break between any two Chinese characters) only where there is Chinese."""
    return _latin_variant(name) if text.isascii() else styles()[name]


def para(text: str, style: str = "body", bold: bool = False) -> Paragraph:
    return Paragraph(markup(text, bold), style_for(text, style))


def money(value: Decimal | None) -> str:
    """Exact, to the fen, in 元 (the schedules and the appendices)."""
    return "—" if value is None else format_money(value, grouped=True)


def pct(value: Decimal | None, places: int = 2) -> str:
    """0.0335 -> '3.35%'."""
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal(1).scaleb(-places)):,}%"


def ratio(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.quantize(Decimal('0.01'))}"


def num(value: Decimal | None) -> str:
    """A quantity: grouped, without trailing zeros."""
    if value is None:
        return "—"
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def iso(value: date | None) -> str:
    return "—" if value is None else value.isoformat()


def long_date(value: date, lang: str) -> str:
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.strftime("%d %B %Y").lstrip("0")


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    right: Sequence[int] = (),
    font_size: float = TABLE_SIZE,
    total_row: bool = False,
    fixed_rows: bool = False,
) -> Table:
    """A ruled table whose header repeats after a page break.

    ``rows`` may hold plain strings (Latin only: numbers, dates) or Paragraphs (anything that
    may wrap or hold Chinese). ``fixed_rows`` fixes body row heights so long number tables lay
    out fast; only use it when every body cell is a one-line plain string.
    """
    head = [Paragraph(markup(h, bold=True), styles()["head"]) for h in header]
    body = [head, *rows]
    heights: list[float | None] | None = None
    if fixed_rows:
        heights = [None] + [font_size * 1.55] * len(rows)
    # splitInRow: a row taller than a page (2,000 characters of approval conditions) continues
    # on the next page instead of failing the whole memo with LayoutError
    table = Table(
        body, colWidths=list(widths), rowHeights=heights, repeatRows=1, splitInRow=not fixed_rows
    )
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), LATIN, font_size),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, ACCENT),
        ("TOPPADDING", (0, 1), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, LIGHT]),
    ]
    for col in right:
        cmds.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
    if total_row:
        cmds += [
            ("FONT", (0, -1), (-1, -1), LATIN_BOLD, font_size),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
            ("BACKGROUND", (0, -1), (-1, -1), LIGHT),
        ]
    table.setStyle(TableStyle(cmds))
    return table


def kv_table(pairs: Sequence[tuple[str, str]], width: float, columns: int = 2) -> Table:
    """Label / value pairs laid out in ``columns`` pairs per row; values wrap."""
    cells = [
        (Paragraph(markup(k), style_for(k, "label")), Paragraph(markup(v), style_for(v, "cell")))
        for k, v in pairs
    ]
    rows: list[list[Any]] = []
    for i in range(0, len(cells), columns):
        row: list[Any] = []
        for label, value in cells[i : i + columns]:
            row += [label, value]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    label_w = width * (0.36 if columns == 1 else 0.17)
    value_w = width / columns - label_w
    table = Table(rows, colWidths=[label_w, value_w] * columns, splitInRow=1)
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), LATIN, TABLE_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    for c in range(columns):
        cmds.append(("BACKGROUND", (2 * c, 0), (2 * c, -1), LIGHT))
    table.setStyle(TableStyle(cmds))
    return table
