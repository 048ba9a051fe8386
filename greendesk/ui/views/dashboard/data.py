"""What the dashboard reads, on worker threads: three sources, each a service's plain figures.

- ``summary``: ``services.portfolio_summary`` (SQL aggregates; ``greendesk portfolio summary``);
- ``emissions``: ``services.emissions.emissions_report`` (PCAF; ``greendesk emissions``), its
  groups by class and by catalogue category, each with the ``LoanFilter`` that lists its loans
  where one exists (a named class; a category whose catalogue codes are known);
- ``pipeline``: ``services.libraries.pipeline`` (``greendesk portfolio pipeline``): the project
  libraries' own reported figures, one row a figure, each citing its library's source. These are
  the libraries' figures, not the bank's loans: the list's filters do not narrow them.

Nothing here touches a widget; the readers run in ``Tasks`` and hand frozen rows back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from greendesk.domain.validation import CLASSIFICATIONS
from greendesk.services.emissions import EmissionsReport, GroupTotal, emissions_report
from greendesk.services.libraries import LibrarySummary, Pipeline, pipeline
from greendesk.services.loan_filter import LoanFilter, category_names
from greendesk.services.portfolio_summary import portfolio_summary
from greendesk.store.database import Database

# a library's figures in the order the article reports them; money ones are charted
LIBRARY_FIELDS = (
    "projects",
    "total_investment",
    "loan_demand",
    "projects_granted",
    "credit_granted",
    "disbursed",
)
LIBRARY_MONEY = frozenset({"total_investment", "loan_demand", "credit_granted", "disbursed"})


@dataclass(frozen=True)
class EmissionGroup:
    """One group of the emissions report, and the loans behind it (None: no filter for it)."""

    total: GroupTotal
    filter: LoanFilter | None


@dataclass(frozen=True)
class EmissionFigures:
    report: EmissionsReport
    by_class: tuple[EmissionGroup, ...]
    by_category: tuple[EmissionGroup, ...]


@dataclass(frozen=True)
class LibraryFigure:
    """One reported figure of one library, with the number of the source it cites."""

    library: LibrarySummary
    field: str
    note: int  # 1-based: the dashboard lists the sources under the table as [1], [2] …

    @property
    def value(self) -> Decimal | int:
        value: Decimal | int = getattr(self.library, self.field)
        return value

    @property
    def money(self) -> bool:
        return self.field in LIBRARY_MONEY


@dataclass(frozen=True)
class LibraryFigures:
    pipeline: Pipeline
    rows: tuple[LibraryFigure, ...]


def read_summary(db: Database, scope: LoanFilter, lang: str) -> Any:
    return portfolio_summary(db, scope, lang)


def read_emissions(db: Database, scope: LoanFilter, lang: str) -> EmissionFigures:
    """The PCAF report over the loans ``scope`` selects, its groups with their filters."""
    report = emissions_report(db, lang=lang, filters=scope)
    codes: dict[str, list[str]] = {}
    for code, name in category_names(lang).items():  # the report names top categories, not codes
        codes.setdefault(name, []).append(code)

    def by_class(g: GroupTotal) -> LoanFilter | None:
        return scope.with_(classes=(g.key,)) if g.key in CLASSIFICATIONS else None

    def by_category(g: GroupTotal) -> LoanFilter | None:
        return scope.with_(categories=tuple(codes[g.key])) if g.key in codes else None

    def groups(
        totals: tuple[GroupTotal, ...], rule: Callable[[GroupTotal], LoanFilter | None]
    ) -> tuple[EmissionGroup, ...]:
        return tuple(EmissionGroup(g, rule(g)) for g in totals)

    return EmissionFigures(
        report, groups(report.by_class, by_class), groups(report.by_category, by_category)
    )


def read_pipeline(db: Database, scope: LoanFilter, lang: str) -> LibraryFigures:
    """The libraries' reported figures; ``scope`` is not theirs to narrow."""
    report = pipeline(db)
    rows = tuple(
        LibraryFigure(library, field, note)
        for note, library in enumerate(report.libraries, start=1)
        for field in LIBRARY_FIELDS
    )
    return LibraryFigures(report, rows)


READERS: dict[str, Callable[[Database, LoanFilter, str], Any]] = {
    "summary": read_summary,
    "emissions": read_emissions,
    "pipeline": read_pipeline,
}
