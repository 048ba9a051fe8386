"""What head office can ask of the loan list: filters, search words and the sort, as one value.

A ``LoanFilter`` is checked once (``checked``) and then turned into conditions on the
``loan_facets`` read model (``conditions``), which the list, the CLI and the dashboard's
click-through share. Values inside one filter are alternatives (class green *or* transition);
different filters must all hold; several search words must all be found.

Search: each word is looked for as a substring of the loan's search text (reference, borrower
name and credit code, project name and region, officer, catalogue codes), case-insensitively
for Latin letters. A word of three characters or more goes through the trigram index (FTS5 on
SQLite, ``pg_trgm`` on PostgreSQL); a shorter one (most Chinese words are two characters, which
trigrams cannot index directly) is looked up through the trigrams that start with it, read
from the index's vocabulary; only a word with very many such trigrams is checked by a scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    column,
    false,
    func,
    or_,
    select,
    table,
)
from sqlalchemy.orm import Session

from greendesk.domain.errors import FieldError, InvalidInput
from greendesk.domain.validation import CLASSIFICATIONS, COVERAGE_BAND_KEYS, LOAN_STATUSES
from greendesk.services.records.reference import collateral_types, green_catalogue
from greendesk.store.models import LoanFacet, Pledge, User

SEARCH_LIMIT = 200  # characters of search text
_WORDS_LIMIT = 10
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CATEGORY = re.compile(r"^(\d{4}):(\d{1,2})$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
TRIGRAM = 3
# The FTS5 trigram table of the search text (SQLite; made by migration portfolio3).
_FTS = table("loan_search", column("rowid", Integer), column("loan_search"), column("search_text"))
_PG_SEARCH = table("loan_search", column("loan_id", Integer), column("search_text", String))
_VOCAB = table("loan_search_vocab", column("term", String))
_TOP = chr(0x10FFFF)  # after every character: [word, word + _TOP) is "starts with word"
_OR_LIMIT = 64  # more trigrams than this for a short word: scan the search text instead

# Coverage bands (eligible collateral value ÷ loan amount) used by the filter and the dashboard:
# key, lower bound (inclusive), upper bound (exclusive). "none": no valued collateral.
COVERAGE_BANDS: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    ("none", None, None),
    ("lt1.0", Decimal(0), Decimal("1.0")),
    ("1.0-1.3", Decimal("1.0"), Decimal("1.3")),
    ("1.3-1.5", Decimal("1.3"), Decimal("1.5")),
    ("1.5-2.0", Decimal("1.5"), Decimal("2.0")),
    ("ge2.0", Decimal("2.0"), None),
)
BAND_KEYS = tuple(b[0] for b in COVERAGE_BANDS)
assert BAND_KEYS == COVERAGE_BAND_KEYS, "keep COVERAGE_BAND_KEYS and the bands in step"

# sort keys of the list (LOAN_ORDER_KEYS) → facet columns; ties go by reference then id
ORDER_COLUMNS: dict[str, Any] = {
    "reference": LoanFacet.reference,
    "borrower": LoanFacet.borrower_name,
    "project": LoanFacet.project_name,
    "region": LoanFacet.region,
    "amount": LoanFacet.amount,
    "status": LoanFacet.status,
    "classification": LoanFacet.classification,
    "start_date": LoanFacet.start_date,
    "maturity_date": LoanFacet.maturity_date,
    "updated_at": LoanFacet.updated_at,
}


@dataclass(frozen=True)
class LoanFilter:
    """Filters on the current loans; empty tuples and None mean "any"."""

    search: str = ""
    classes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()  # a province ("新疆"), a prefecture ("新疆 昌吉州") or a region
    categories: tuple[str, ...] = ()  # catalogue top categories, "2019:3"
    officers: tuple[str, ...] = ()  # usernames
    collateral: tuple[str, ...] = ()  # collateral type keys; a loan with any of them
    coverage_bands: tuple[str, ...] = ()  # BAND_KEYS
    coverage_below: Decimal | None = None  # valued loans with coverage below this ratio
    start_from: date | None = None
    start_to: date | None = None
    maturity_from: date | None = None
    maturity_to: date | None = None
    words: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def active(self) -> bool:
        """Whether anything at all is asked (the plain list needs no filter)."""
        return self != LoanFilter()

    def with_(self, **changes: Any) -> LoanFilter:
        return replace(self, **changes)


def search_words(text_: str) -> tuple[str, ...]:
    """The search text as words: control characters are spaces, Latin letters lower case."""
    cleaned = _CONTROL.sub(" ", text_).translate(_ASCII_LOWER)
    return tuple(dict.fromkeys(cleaned.split()))


def region_text(value: str) -> str:
    return " ".join(value.split())


def category_names(lang: str = "zh") -> dict[str, str]:
    """Top categories of the shipped catalogues: ``"2019:3"`` → ``"清洁能源产业"`` (or, in
    English, ``"Clean energy industry"``)."""
    return green_catalogue().top_category_names(lang)


def checked(wanted: LoanFilter) -> LoanFilter:
    """The filter with its values checked and normalised; every broken rule listed at once."""
    errors: list[FieldError] = []

    def known(name: str, values: tuple[str, ...], choices: Any) -> tuple[str, ...]:
        out = tuple(dict.fromkeys(v.strip() for v in values))
        for v in out:
            if v not in choices:
                listed = ", ".join(sorted(choices))
                errors.append(FieldError(name, f"unknown value {v!r} (one of: {listed})"))
        return out

    if len(wanted.search) > SEARCH_LIMIT:
        errors.append(FieldError("search", f"longer than {SEARCH_LIMIT} characters"))
    words = search_words(wanted.search[:SEARCH_LIMIT])
    if len(words) > _WORDS_LIMIT:
        errors.append(FieldError("search", f"at most {_WORDS_LIMIT} words"))
    classes = known("class", wanted.classes, CLASSIFICATIONS)
    statuses = known("status", wanted.statuses, LOAN_STATUSES)
    categories = known("category", wanted.categories, category_names())
    collateral = known("collateral", wanted.collateral, collateral_types().types)
    bands = known("coverage", wanted.coverage_bands, BAND_KEYS)
    regions = tuple(dict.fromkeys(r for r in (region_text(v) for v in wanted.regions) if r))
    officers = tuple(dict.fromkeys(o.strip() for o in wanted.officers if o.strip()))
    below = wanted.coverage_below
    if below is not None:
        if not isinstance(below, Decimal) or not below.is_finite():
            errors.append(FieldError("coverage_below", "must be a number such as 1.3"))
        elif not Decimal(0) < below <= Decimal(1000) or below.as_tuple().exponent < -4:  # type: ignore[operator]
            errors.append(
                FieldError("coverage_below", "must be above 0 and at most 1000, to 4 decimals")
            )
    for name, low, high in (
        ("start", wanted.start_from, wanted.start_to),
        ("maturity", wanted.maturity_from, wanted.maturity_to),
    ):
        if low is not None and high is not None and low > high:
            errors.append(FieldError(f"{name}_from", f"later than the end date {high}"))
    if errors:
        raise InvalidInput(errors)
    return replace(
        wanted,
        search=wanted.search.strip(),
        words=words,
        classes=classes,
        statuses=statuses,
        categories=categories,
        collateral=collateral,
        coverage_bands=bands,
        regions=regions,
        officers=officers,
    )


def parse_ratio(text_: str, name: str = "coverage_below") -> Decimal:
    """A ratio typed by a person (``1.3`` or ``130%``) as a Decimal, or a clear error."""
    raw = text_.strip()
    try:
        value = Decimal(raw[:-1]) / 100 if raw.endswith("%") else Decimal(raw)
    except InvalidOperation:
        raise InvalidInput([FieldError(name, f"{raw!r} is not a number")]) from None
    return value


def _units(ratio: Decimal) -> int:
    return int(ratio * 10_000)  # checked: at most four decimals, so exact


def _coverage_below(limit: Decimal) -> ColumnElement[bool]:
    """Stored coverage (four places, as ten-thousandths) below ``limit``; valued loans only."""
    return and_(LoanFacet.coverage_bp.is_not(None), LoanFacet.coverage_bp < _units(limit))


def band_condition(key: str) -> ColumnElement[bool]:
    """Loans in the coverage band ``key`` (one of BAND_KEYS)."""
    low, high = next((b[1], b[2]) for b in COVERAGE_BANDS if b[0] == key)
    if key == "none":
        return LoanFacet.coverage_bp.is_(None)
    parts: list[ColumnElement[bool]] = [LoanFacet.coverage_bp.is_not(None)]
    if low is not None and low > 0:
        parts.append(LoanFacet.coverage_bp >= _units(low))
    if high is not None:
        parts.append(LoanFacet.coverage_bp < _units(high))
    return and_(*parts)


def _starting_trigrams(session: Session, word: str) -> list[str] | None:
    """The indexed trigrams that start with a one- or two-character ``word`` (None: too many).

    Every character of the search text starts a trigram (each field ends with a new line and
    the text with two), so the loans containing ``word`` are exactly those with one of these.
    """
    rows = session.execute(
        select(_VOCAB.c.term)
        .where(_VOCAB.c.term >= word, _VOCAB.c.term < word + _TOP)
        .limit(_OR_LIMIT + 1)
    ).scalars()
    terms = list(rows)
    return None if len(terms) > _OR_LIMIT else terms


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _search(words: tuple[str, ...], session: Session) -> list[ColumnElement[bool]]:
    if session.get_bind().dialect.name != "sqlite":
        found = select(_PG_SEARCH.c.loan_id).where(
            *[
                _PG_SEARCH.c.search_text.like(
                    "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",
                    escape="\\",
                )
                for w in words
            ]
        )
        return [LoanFacet.loan_id.in_(found)] if words else []
    groups: list[str] = []  # FTS5 query parts, all of which must match
    scanned: list[ColumnElement[bool]] = []
    for word in words:
        if len(word) >= TRIGRAM:
            groups.append(_phrase(word))
            continue
        terms = _starting_trigrams(session, word)
        if terms is None:
            scanned.append(func.instr(_FTS.c.search_text, word) > 0)
        elif not terms:
            return [false()]
        else:
            groups.append("(" + " OR ".join(_phrase(t) for t in terms) + ")")
    if not groups and not scanned:
        return []
    inside = [_FTS.c.loan_search.match(" AND ".join(groups))] if groups else []
    matched = select(_FTS.c.rowid).where(*inside, *scanned)
    return [LoanFacet.loan_id.in_(matched)]


def conditions(wanted: LoanFilter, session: Session) -> list[ColumnElement[bool]]:
    """The WHERE conditions on ``loan_facets`` for a checked filter (the session reads the
    search index's vocabulary for short words)."""
    where: list[ColumnElement[bool]] = []
    if wanted.classes:
        where.append(LoanFacet.classification.in_(wanted.classes))
    if wanted.statuses:
        where.append(LoanFacet.status.in_(wanted.statuses))
    if wanted.regions:
        where.append(
            or_(
                LoanFacet.province.in_(wanted.regions),
                LoanFacet.prefecture.in_(wanted.regions),
                LoanFacet.region.in_(wanted.regions),
            )
        )
    if wanted.categories:
        where.append(LoanFacet.category.in_(wanted.categories))
    if wanted.officers:
        officer_ids = select(User.id).where(User.username.in_(wanted.officers))
        where.append(LoanFacet.officer_id.in_(officer_ids))
    if wanted.collateral:
        pledged = select(Pledge.loan_id).where(Pledge.collateral_type.in_(wanted.collateral))
        where.append(LoanFacet.loan_id.in_(pledged))
    if wanted.coverage_bands:
        where.append(or_(*[band_condition(k) for k in wanted.coverage_bands]))
    if wanted.coverage_below is not None:
        where.append(_coverage_below(wanted.coverage_below))
    for dated, low, high in (
        (LoanFacet.start_date, wanted.start_from, wanted.start_to),
        (LoanFacet.maturity_date, wanted.maturity_from, wanted.maturity_to),
    ):
        if low is not None:
            where.append(dated >= low)
        if high is not None:
            where.append(dated <= high)
    where.extend(_search(wanted.words, session))
    return where
