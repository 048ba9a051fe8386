"""Reference prices by instrument and date; the price in force is the latest on or before a day."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class PricePoint:
    instrument: str
    price_date: date
    price: Decimal
    source: str = ""


class PriceTable:
    """Immutable price history; ``with_price`` returns a new table (for what-if revaluation)."""

    def __init__(self, points: Iterable[PricePoint] = ()) -> None:
        series: dict[str, dict[date, PricePoint]] = {}
        for p in points:
            if p.price < 0:
                raise ValueError(f"{p.instrument} {p.price_date}: negative price")
            series.setdefault(p.instrument, {})[p.price_date] = p
        self._series = {
            k: sorted(v.values(), key=lambda p: p.price_date) for k, v in series.items()
        }
        # the sorted dates per instrument, built once: ``latest`` runs once per pledge valued
        self._dates = {k: [p.price_date for p in v] for k, v in self._series.items()}

    def points(self) -> list[PricePoint]:
        return [p for series in self._series.values() for p in series]

    def instruments(self) -> list[str]:
        return sorted(self._series)

    def latest(self, instrument: str, as_of: date) -> PricePoint | None:
        """The price in force on ``as_of``: the latest quoted on or before it, else None."""
        series = self._series.get(instrument)
        if series is None:
            return None
        i = bisect.bisect_right(self._dates[instrument], as_of)
        return series[i - 1] if i else None

    def with_price(self, point: PricePoint) -> PriceTable:
        """A copy with ``point`` added (replacing any quote on the same instrument and date)."""
        return PriceTable([*self.points(), point])
