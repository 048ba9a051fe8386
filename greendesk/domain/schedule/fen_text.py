"""Many amounts in fen as their JSON text at once ("1234.50"), written by numpy.

A schedule's JSON writes some 10,000 amounts; one ``str(Decimal)`` each costs about four
times what this costs per amount. Each amount's text is put together from tables of the
4-digit groups ("0012", and "  12" for the leading group) in one byte buffer, which one
``split()`` turns into the strings. Amounts that do not fit (negative, or beyond 64 bits) are
left to the caller (``dense_texts`` returns ``None``), and so are amounts of more digits than
the caller's decimal context keeps, which ``format_money`` of the ``Decimal`` refuses.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import chain
from typing import Any

GROUP = 10_000  # one 4-digit group


@cache
def _tables() -> tuple[Any, Any]:
    """The groups' texts: ``high`` for groups above the last (index + GROUP: leading, without
    its zeros; 2 × GROUP: blank) and ``low`` for the last group with the point and a space
    (index + GROUP: leading, "12.34 ", " 0.05 ")."""
    import numpy as np

    high = [f"{i:04d}" for i in range(GROUP)] + [f"{i:4d}" for i in range(GROUP)] + ["    "]
    low = [f"{i // 100:02d}.{i % 100:02d} " for i in range(GROUP)]
    low += [f"{i // 100:2d}.{i % 100:02d} " for i in range(GROUP)]
    return (
        np.frombuffer("".join(high).encode("ascii"), np.uint32),
        np.frombuffer("".join(low).encode("ascii"), "S6"),
    )


def dense_texts(columns: Sequence[Sequence[int]], digits: int = 28) -> list[list[str]] | None:
    """``format_money`` of each amount in fen (as yuan), column by column; ``None`` when an
    amount is negative, does not fit in 64 bits or has more than ``digits`` digits."""
    import numpy as np

    size = sum(map(len, columns))
    if not size:
        return [[] for _ in columns]
    try:
        fen = np.fromiter(chain.from_iterable(columns), np.int64, size)
    except OverflowError:
        return None
    if fen.min() < 0:
        return None
    widest = len(str(int(fen.max())))
    if widest > digits:
        return None
    high_table, low_table = _tables()
    high_groups = (widest - 1) // 4
    fields: list[Any] = [("high", np.uint32, (high_groups,))] if high_groups else []
    texts = np.empty(size, np.dtype([*fields, ("low", "S6")]))
    rest, group = np.divmod(fen, GROUP)
    texts["low"] = np.take(low_table, group + (rest == 0) * GROUP)
    if high_groups:
        high = texts["high"]
        for place in range(high_groups - 1, -1, -1):
            rest, group = np.divmod(rest, GROUP)
            leading = rest == 0
            blank = leading & (group == 0)
            high[:, place] = np.take(high_table, group + leading * GROUP + blank * GROUP)
    words = texts.tobytes().decode("ascii").split()
    result = []
    start = 0
    for column in columns:
        end = start + len(column)
        result.append(words[start:end])
        start = end
    return result
