"""Schedule sections: the yearly summary with the balance chart, and the two appendices.

The appendices can run to thousands of rows (240 periods × 12 lenders), so body cells are plain
Latin strings with fixed row heights: reportlab then lays them out without measuring each cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from greendesk.reporting.fonts import LATIN_BOLD, markup
from greendesk.reporting.memo.charts import balance_chart
from greendesk.reporting.memo.page import SectionHeading
from greendesk.reporting.memo.sections import heading
from greendesk.reporting.memo.styles import TABLE_SIZE, data_table, money, para, pct, styles
from greendesk.reporting.model import MemoData
from greendesk.reporting.templates import MemoTemplate

ZERO = Decimal("0.00")


def _fit_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], width: float, size: float
) -> tuple[list[float], float]:
    """Column widths from the widest cell, and the largest font size (≤ size) that fits.

    Headers wrap between words (or CJK characters) but never inside a Latin word, so each
    column is at least as wide as its header's longest word.
    """
    unit = []  # widest body cell per column at 1 pt
    for c in range(len(header)):
        longest = max((r[c] for r in rows), key=len, default="")
        unit.append(stringWidth(longest, LATIN_BOLD, 1))
    floors = []
    for label in header:
        word = max(label.split() or [""], key=lambda x: stringWidth(x, LATIN_BOLD, TABLE_SIZE))
        ascii_floor = stringWidth(word, LATIN_BOLD, TABLE_SIZE) + 9
        floors.append(TABLE_SIZE * 4.2 + 6 if not word.isascii() else ascii_floor)
    while True:
        widths = [max(u * size + 8, f) for u, f in zip(unit, floors, strict=True)]
        if sum(widths) <= width or size <= 5.5:
            break
        size -= 0.25
    spare = max(0.0, width - sum(widths)) / len(widths)
    return [w + spare for w in widths], size


def _year_ranges(years: list[int]) -> str:
    """``[2027, 2028, 2029, 2031]`` as ``2027–2029, 2031``."""
    parts: list[str] = []
    start = prev = years[0]
    for year in [*years[1:], None]:
        if year is not None and year == prev + 1:
            prev = year
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if year is not None:
            start = prev = year
    return ", ".join(parts)


def projected_note(data: MemoData, tpl: MemoTemplate) -> list[Flowable]:
    """The footnote explaining the years marked *, with the calendar version."""
    cal = data.calendar
    if not cal.projected_years:
        return []
    text = tpl.t("fields.projected_note").format(
        years=_year_ranges(list(cal.projected_years)),
        rule=cal.projection_rule or "",
        version=cal.version,
    )
    return [Spacer(1, 3), para(text, "label")]


def repayment(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading("repayment", tpl)]
    if not data.periods:
        return [*out, para(tpl.t("fields.no_schedule"))]
    years: dict[int, list[Decimal]] = {}
    for p in data.periods:
        acc = years.setdefault(p.payment_date.year, [Decimal(0)] * 6)
        acc[0] += 1
        acc[1] += p.drawdown
        acc[2] += p.principal
        acc[3] += p.interest
        acc[4] += p.fees
        acc[5] += p.payment
    closing = {p.payment_date.year: p.closing_balance for p in data.periods}
    projected = set(data.calendar.projected_years)
    rows = [
        [
            f"{y}*" if y in projected else str(y),
            str(int(a[0])),
            tpl.amount(a[1]),
            tpl.amount(a[2]),
            tpl.amount(a[3]),
            tpl.amount(a[4]),
            tpl.amount(a[5]),
            tpl.amount(closing[y]),
        ]
        for y, a in sorted(years.items())
    ]
    totals = [sum((a[i] for a in years.values()), Decimal(0)) for i in range(6)]
    rows.append([tpl.t("total"), str(int(totals[0])), *(tpl.amount(x) for x in totals[1:]), ""])
    header = tpl.headers("years")
    widths, size = _fit_widths(header, rows, width, 7.5)
    table = data_table(
        header, rows, widths, right=list(range(1, 8)), font_size=size, total_row=True
    )
    # the total label may be Chinese: make it a paragraph
    table._cellvalues[-1][0] = para(tpl.t("total"), "cell", bold=True)
    points = []
    if data.periods:
        first = data.periods[0]
        start = data.terms.start_date or first.payment_date
        points.append((start, first.opening_balance + first.drawdown))
        points += [(p.payment_date, p.closing_balance) for p in data.periods]
    chart = balance_chart(points, tpl.t("fields.balance_chart"), tpl.lang, width)
    return [*out, table, *projected_note(data, tpl), Spacer(1, 8), chart]


def appendix_schedule(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        heading("appendix_schedule", tpl),
        para(tpl.t("fields.exact_note"), "label"),
    ]
    if not data.periods:
        return [*out, para(tpl.t("fields.no_schedule"))]
    rows = [
        [
            str(p.no),
            p.payment_date.isoformat() + ("*" if p.projected else ""),
            money(p.opening_balance),
            money(p.drawdown),
            money(p.principal),
            money(p.interest),
            money(p.fees),
            money(p.payment),
            money(p.closing_balance),
        ]
        for p in data.periods
    ]
    sums = [
        sum((getattr(p, f) for p in data.periods), ZERO)
        for f in ("drawdown", "principal", "interest", "fees", "payment")
    ]
    rows.append(["", "", "", *(money(s) for s in sums), ""])
    header = tpl.headers("periods")
    widths, size = _fit_widths(header, rows, width, 7.5)
    table = data_table(
        header,
        rows,
        widths,
        right=list(range(2, 9)),
        font_size=size,
        total_row=True,
        fixed_rows=True,
    )
    return [*out, table, *projected_note(data, tpl)]


def appendix_lenders(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    out: list[Flowable] = [
        heading("appendix_lenders", tpl),
        para(tpl.t("fields.exact_note"), "label"),
    ]
    if not data.lender_schedules:
        return [*out, para(tpl.t("fields.no_lenders"))]
    header = tpl.headers("lender_periods")
    for i, ls in enumerate(data.lender_schedules, 1):
        title = f"{i}. {ls.name} · {tpl.values('role', ls.role)} · {pct(ls.share)}"
        rows = [
            [
                str(p.no),
                p.payment_date.isoformat(),
                money(p.drawdown),
                money(p.principal),
                money(p.interest),
                money(p.fees),
                money(p.payment),
            ]
            for p in ls.periods
        ]
        sums = [
            sum((getattr(p, f) for p in ls.periods), ZERO)
            for f in ("drawdown", "principal", "interest", "fees", "payment")
        ]
        rows.append(["", "", *(money(s) for s in sums)])
        widths, size = _fit_widths(header, rows, width, 7.5)
        out += [
            CondPageBreak(60),
            SectionHeading(
                markup(title), styles()["h2_free"], key=f"lender-{i}", title=title, level=1
            ),
            data_table(
                header,
                rows,
                widths,
                right=list(range(2, 7)),
                font_size=size,
                total_row=True,
                fixed_rows=True,
            ),
            Spacer(1, 6),
        ]
    return out
