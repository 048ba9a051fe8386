"""The amounts' texts written many at once by numpy (``fen_text.dense_texts``) and the
schedule's ``money_texts`` that uses them: each text must be ``format_money`` of the
``Decimal`` amount, for every non-negative 64-bit amount; anything else (negative amounts,
amounts beyond 64 bits or beyond the decimal context's digits) is left to the exact
formatter, which gives the same texts, or refuses the same amounts, as before."""

from __future__ import annotations

import copy
from decimal import InvalidOperation, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from greendesk.domain.money import format_money
from greendesk.domain.schedule import build_schedule, parse_terms, schedule_to_json
from greendesk.domain.schedule.fen_text import dense_texts
from greendesk.domain.schedule.model import FEN_UNIT
from greendesk.domain.schedule.output import money_texts
from tests.domain.schedule.helpers import SYNDICATE

INT64_MAX = 2**63 - 1
EDGES = [
    0, 1, 5, 9, 10, 99, 100, 101, 999, 1000, 9999, 10000, 10001, 99999, 100000, 12345678,
    99999999, 100000000, 100000001, 10**12 + 7, 10**16 - 1, 10**16, 10**18, INT64_MAX,
]  # fmt: skip


def _expected(column: list[int]) -> list[str]:
    return [format_money(FEN_UNIT * fen) for fen in column]


def test_every_group_boundary_is_written_as_format_money_does() -> None:
    texts = dense_texts([EDGES])
    assert texts == [_expected(EDGES)]
    assert texts is not None
    assert texts[0][:4] == ["0.00", "0.01", "0.05", "0.09"]
    assert texts[0][-1] == "92233720368547758.07"


@pytest.mark.parametrize("width", [1, 2, 3, 4, 5, 8, 9, 12, 13, 17, 19])
def test_columns_of_one_width_and_the_empty_column(width: int) -> None:
    column = [10 ** (width - 1), min(10**width - 1, INT64_MAX), 10 ** (width - 1) + 5]
    assert dense_texts([[], column, []]) == [[], _expected(column), []]


@settings(max_examples=300, deadline=None)
@given(
    columns=st.lists(
        st.lists(
            st.one_of(
                st.just(0),
                st.integers(min_value=0, max_value=20_000),
                st.integers(min_value=0, max_value=INT64_MAX),
            ),
            max_size=30,
        ),
        max_size=6,
    )
)
def test_dense_texts_equal_format_money_of_the_decimal(columns: list[list[int]]) -> None:
    assert dense_texts(columns) == [_expected(column) for column in columns]


@pytest.mark.parametrize(
    "column",
    [[5, -1, 7], [INT64_MAX + 1], [-(2**63)], [3, 10**27]],
    ids=["negative", "beyond-64-bits", "most-negative", "28-digits"],
)
def test_what_numpy_does_not_hold_is_left_to_the_exact_formatter(column: list[int]) -> None:
    if column == [3, 10**27]:
        assert dense_texts([column]) is None  # beyond 64 bits
        assert dense_texts([[3, 10**17]], digits=17) is None  # beyond the given digits
    else:
        assert dense_texts([column]) is None
    mixed = [column * 4, [0] * 10 + column, [1, 2, 3, 400]]
    assert money_texts(mixed) == [_expected(c) for c in mixed]
    for sparse in ([True, True, True], [False, False, False], [False, True, False]):
        assert money_texts(mixed, sparse) == [_expected(c) for c in mixed]


def test_columns_said_sparse_or_dense_wrongly_are_written_all_the_same() -> None:
    columns = [[0] * 20 + [7], list(range(1, 30)), [], [0] * 5]
    expected = [_expected(c) for c in columns]
    for flags in ([True] * 4, [False] * 4, [False, True, False, True]):
        assert money_texts(columns, flags) == expected


def test_money_texts_follow_the_decimal_context_as_the_amounts_read() -> None:
    column = [123, 12345678, 45]
    with localcontext() as ctx:
        ctx.prec = 6  # 12345678 fen has 8 digits: format_money of its Decimal refuses it
        with pytest.raises(InvalidOperation):
            format_money(FEN_UNIT * 12345678)
        for sparse in (None, [True], [False]):
            with pytest.raises(InvalidOperation):
                money_texts([column], sparse)
        assert money_texts([[123, 99999, 7]]) == [["1.23", "999.99", "0.07"]]


def test_a_whole_schedule_is_written_as_from_its_periods() -> None:
    schedule = build_schedule(parse_terms(copy.deepcopy(SYNDICATE)))
    data = schedule_to_json(schedule)
    assert [row["principal"] for row in data["periods"]] == [
        format_money(p.principal) for p in schedule.periods
    ]
    for lender, written in zip(schedule.lenders, data["lenders"], strict=True):
        assert [row["payment"] for row in written["periods"]] == [
            format_money(p.payment) for p in lender.periods
        ]
        assert [row["payment_date"] for row in written["periods"]] == [
            p.payment_date.isoformat() for p in lender.periods
        ]
    assert [(row["start"], row["end"]) for row in data["periods"]] == [
        (p.start.isoformat(), p.end.isoformat()) for p in schedule.periods
    ]
