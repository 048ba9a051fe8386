"""The dashboard's figures, declared: what each charts, from which source, and its table.

A ``Figure`` names its chart kind (``bar``, ``pie``, ``ladder``: ``charts.py``), the source it
reads (``data.READERS``), its rows, each row's name, the table's columns and the bar sets. Its
key names the form's widgets (``<key>ChartHost``, ``<key>Table``). Texts are marked with
``QT_TRANSLATE_NOOP`` and translated when shown. Bars are drawn in 亿元 / 10,000 t as floats —
drawing needs them; every figure in the tables is the exact Decimal, formatted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from greendesk.ui import labels
from greendesk.ui.dialogs.pledge import collateral_types
from greendesk.ui.models.rows import Column
from greendesk.ui.views.filter_bar import band_text, category_text
from greendesk.ui.views.language import content_language

YI = Decimal(100_000_000)  # 亿
GREEN, PALE, BROWN, GOLD = "#2E6B50", "#A9C9B8", "#8C6D46", "#C9A227"
PALETTE = (GREEN, "#5B9A78", GOLD, BROWN, "#4F7CAC", "#A0522D", "#7A8B99", "#B5651D")
Row = Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker, typed: lupdate takes ``text`` into the .ts files; ``tr`` translates it."""
    return text


def translated(text: str) -> str:
    """A text marked above with ``QT_TRANSLATE_NOOP("Dashboard", …)``, in the window's language."""
    return QCoreApplication.translate("Dashboard", text) if text else ""


@dataclass(frozen=True)
class Col:
    header: str  # untranslated
    text: Callable[[Row], str]
    tooltip: Callable[[Row], str] | None = None
    right: bool = True

    def column(self) -> Column[Row]:
        return Column(translated(self.header), self.text, right=self.right, tooltip=self.tooltip)


@dataclass(frozen=True)
class Series:
    title: str  # untranslated
    value: Callable[[Row], float | None]  # None: not drawn (a ladder row shown in the table only)
    colour: str = GREEN


@dataclass(frozen=True)
class Figure:
    key: str
    kind: str  # "bar", "pie" or "ladder"
    source: str  # a key of data.READERS
    rows: Callable[[Any], tuple[Row, ...]]
    name: Callable[[Row, Any], str]  # (row, the source's data): the row's name
    columns: tuple[Col, ...]
    series: tuple[Series, ...] = ()
    title: str = ""  # untranslated; default: the one series' title
    unit: str = ""  # untranslated value-axis title
    stacked: bool = False
    short: Callable[[Row], str] | None = None  # a shorter bar label than the name
    weight: Callable[[Row], Decimal] | None = None  # pie: each slice's exact weight
    bar_set: Callable[[Row], str] | None = None  # ladder: the bar set of the row (its steps: names)
    heading: str = QT_TRANSLATE_NOOP("Dashboard", "Group")


def _yi(amount: Decimal) -> float:
    return float(amount / YI)  # float-ok: bar heights in 亿元, for drawing only


def _wan_t(tonnes: Decimal | None) -> float:
    return float((tonnes or 0) / 10_000)  # float-ok: bar heights in 10,000 t, for drawing only


def class_name(key: str) -> str:
    return labels.word(key) if key else QCoreApplication.translate("Dashboard", "Not classified")


def _count(n: int | Decimal) -> str:
    return f"{int(n):,}"


def _tonnes(value: Decimal) -> str:
    return labels.number(value.quantize(Decimal(1)), "t")


def tonnes(value: Decimal | None) -> str:
    """tCO2e as ``greendesk emissions`` prints them: grouped, two decimals."""
    return f"{value:,.2f}" if value is not None else labels.DASH


LOANS = Col(QT_TRANSLATE_NOOP("Dashboard", "Loans"), lambda g: _count(g.count))
AMOUNT = Col(QT_TRANSLATE_NOOP("Dashboard", "Amount (CNY)"), lambda g: labels.money(g.amount))
AMOUNT_YI = QT_TRANSLATE_NOOP("Dashboard", "Amount (100 million CNY)")
FIELD_NAMES = {
    "projects": QT_TRANSLATE_NOOP("Dashboard", "Projects in the library"),
    "total_investment": QT_TRANSLATE_NOOP("Dashboard", "Total investment"),
    "loan_demand": QT_TRANSLATE_NOOP("Dashboard", "Loan demand"),
    "projects_granted": QT_TRANSLATE_NOOP("Dashboard", "Projects granted credit"),
    "credit_granted": QT_TRANSLATE_NOOP("Dashboard", "Credit granted"),
    "disbursed": QT_TRANSLATE_NOOP("Dashboard", "Disbursed"),
}
EMISSION_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Dashboard", "Loans"), lambda x: _count(x.total.loans)),
    Col(QT_TRANSLATE_NOOP("Dashboard", "Outstanding\n(CNY)"),
        lambda x: labels.money(x.total.outstanding)),
    Col(QT_TRANSLATE_NOOP("Dashboard", "Scope 1+2\n(tCO2e)"),
        lambda x: tonnes(x.total.financed_t)),
    Col(QT_TRANSLATE_NOOP("Dashboard", "Scope 3\n(tCO2e)"),
        lambda x: tonnes(x.total.financed_scope3_t)),
    Col(QT_TRANSLATE_NOOP("Dashboard", "Avoided\n(tCO2e)"), lambda x: tonnes(x.total.avoided_t)),
    Col(QT_TRANSLATE_NOOP("Dashboard", "PCAF\nscore"),
        lambda x: labels.number(x.total.score)),
)  # fmt: skip
EMISSION_SERIES = (
    Series(QT_TRANSLATE_NOOP("Dashboard", "Financed, scope 1+2"),
           lambda x: _wan_t(x.total.financed_t), BROWN),
    Series(QT_TRANSLATE_NOOP("Dashboard", "Financed, scope 3"),
           lambda x: _wan_t(x.total.financed_scope3_t), GOLD),
    Series(QT_TRANSLATE_NOOP("Dashboard", "Avoided (beside, not netted)"),
           lambda x: _wan_t(x.total.avoided_t), GREEN),
)  # fmt: skip
# short: a vertical axis title longer than the chart is high is cut ("tCO2e a year (10,…")
EMISSION_UNIT = QT_TRANSLATE_NOOP("Dashboard", "10,000 tCO2e/year")
LIBRARY_COLUMNS = (
    Col(QT_TRANSLATE_NOOP("Dashboard", "As reported"),
        lambda x: labels.money(x.value) if x.money else _count(x.value)),
    Col(QT_TRANSLATE_NOOP("Dashboard", "Library and source"), lambda x: f"[{x.note}]",
        lambda x: f"{x.library.name(content_language())}: {x.library.source}", right=False),
)  # fmt: skip


FIGURES: tuple[Figure, ...] = (
    Figure("class", "bar", "summary", lambda s: s.by_class, lambda g, _: class_name(g.key),
           (LOANS, AMOUNT), (Series(AMOUNT_YI, lambda g: _yi(g.amount)),)),
    Figure("category", "bar", "summary", lambda s: s.by_category,
           lambda g, s: category_text(g.key, s.category_names),
           (LOANS, AMOUNT,
            Col(QT_TRANSLATE_NOOP("Dashboard", "Green (CNY)"),
                lambda g: labels.money(g.figure("green_amount"))),
            Col(QT_TRANSLATE_NOOP("Dashboard", "Green share"),
                lambda g: labels.percent(g.figure("green_share")))),
           (Series(QT_TRANSLATE_NOOP("Dashboard", "Green"),
                   lambda g: _yi(g.figure("green_amount"))),
            Series(QT_TRANSLATE_NOOP("Dashboard", "Other"),
                   lambda g: _yi(g.amount - g.figure("green_amount")), PALE)),
           unit=AMOUNT_YI, stacked=True, short=lambda g: g.key or labels.DASH),
    Figure("collateral", "pie", "summary", lambda s: s.collateral,
           lambda g, _: dict(collateral_types()).get(g.key, g.key),
           (Col(QT_TRANSLATE_NOOP("Dashboard", "Pledges"), lambda g: _count(g.count)),
            Col(QT_TRANSLATE_NOOP("Dashboard", "Loans"), lambda g: _count(g.figure("loans"))),
            Col(QT_TRANSLATE_NOOP("Dashboard", "Value (CNY)"),
                lambda g: labels.money(g.figure("value"))),
            Col(QT_TRANSLATE_NOOP("Dashboard", "Eligible value (CNY)"),
                lambda g: labels.money(g.amount))),
           title=QT_TRANSLATE_NOOP("Dashboard", "Eligible collateral value by type"),
           weight=lambda g: g.amount),
    Figure("coverage", "bar", "summary", lambda s: s.coverage, lambda g, _: band_text(g.key),
           (LOANS, AMOUNT),
           (Series(QT_TRANSLATE_NOOP("Dashboard", "Loans"),
                   lambda g: float(g.count)),)),  # float-ok: bar heights
    Figure("maturity", "bar", "summary", lambda s: s.maturity, lambda g, _: g.key, (LOANS, AMOUNT),
           (Series(QT_TRANSLATE_NOOP("Dashboard", "Disbursed amount maturing (100 million CNY)"),
                   lambda g: _yi(g.amount)),)),
    Figure("benefit", "bar", "summary", lambda s: s.benefit, lambda g, _: class_name(g.key),
           (LOANS,
            Col(QT_TRANSLATE_NOOP("Dashboard", "CO2e reduction a year"),
                lambda g: _tonnes(g.figure("co2e_reduction_t"))),
            Col(QT_TRANSLATE_NOOP("Dashboard", "Carbon sink"),
                lambda g: _tonnes(g.figure("carbon_sink_t")))),
           (Series(QT_TRANSLATE_NOOP("Dashboard", "CO2e reduction a year (10,000 t)"),
                   lambda g: _wan_t(g.figure("co2e_reduction_t"))),
            Series(QT_TRANSLATE_NOOP("Dashboard", "Carbon sink (10,000 t)"),
                   lambda g: _wan_t(g.figure("carbon_sink_t")), PALE))),
    Figure("emissionsClass", "bar", "emissions", lambda e: e.by_class,
           lambda x, _: class_name(x.total.key), EMISSION_COLUMNS, EMISSION_SERIES,
           title=QT_TRANSLATE_NOOP("Dashboard", "Financed emissions by class"), unit=EMISSION_UNIT),
    Figure("emissionsCategory", "bar", "emissions", lambda e: e.by_category,
           lambda x, _: x.total.key or category_text(""), EMISSION_COLUMNS, EMISSION_SERIES,
           title=QT_TRANSLATE_NOOP("Dashboard", "Financed emissions by catalogue category"),
           unit=EMISSION_UNIT),
    Figure("library", "ladder", "pipeline", lambda p: p.rows,
           lambda x, _: translated(FIELD_NAMES[x.field]), LIBRARY_COLUMNS,
           (Series(QT_TRANSLATE_NOOP("Dashboard", "100 million CNY"),
                   lambda x: _yi(x.value) if x.money else None),),
           title=QT_TRANSLATE_NOOP("Dashboard", "The libraries' figures (100 million CNY)"),
           bar_set=lambda x: x.library.name(content_language()),
           heading=QT_TRANSLATE_NOOP("Dashboard", "Figure")),
)  # fmt: skip
