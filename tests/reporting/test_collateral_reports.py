"""Memo and workbook collateral come from the collateral engine, classification from the store.

The reference is ``services.assessment.collateral_report`` (what ``greendesk collateral``
prints): every value, eligible value, coverage and alert the reports show must be its.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import event, select

from greendesk.domain.collateral import load_collateral_types
from greendesk.paths import reports_dir
from greendesk.services.assessment import LoanCollateralReport, collateral_report
from greendesk.services.portfolio import list_loans
from greendesk.services.report_portfolio import export_portfolio
from greendesk.services.reports import memo_data, write_memo
from greendesk.services.seeding import seed_demo
from greendesk.services.synthetic import generate_portfolio
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan
from tests.reporting import pdftools

AS_OF = date(2026, 6, 30)
LATE = date(2027, 6, 30)  # a year on: prices and appraisals have gone stale
VALUES = tomllib.loads((reports_dir() / "values.toml").read_text(encoding="utf-8"))
WORKBOOK = tomllib.loads((reports_dir() / "workbook.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('db') / 'c.db'}")
    seed_demo(database)
    generate_portfolio(database, 60, seed=5, into_existing=True)  # beside the demo cases
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture(scope="module")
def seeded(db: Database) -> list[str]:
    return sorted(x.reference for x in list_loans(db) if not x.reference.startswith("SYN"))


def reports_by_ref(db: Database, on: date) -> dict[str, LoanCollateralReport]:
    return {r.reference: r for r in collateral_report(db, None, on)}


def test_memo_collateral_is_the_engines(db: Database, seeded: list[str]) -> None:
    engine = reports_by_ref(db, LATE)
    kinds_seen: set[str] = set()
    for ref in seeded:
        data = memo_data(db, ref, "zh", LATE)
        want = engine[ref]
        assert data.coverage_ratio == want.coverage
        assert data.coverage_threshold == want.coverage_threshold
        assert [(p.seq, p.value, p.eligible_value, p.pledge_rate) for p in data.pledges] == [
            (p.seq, p.value, p.eligible_value, p.pledge_rate) for p in want.pledges
        ]
        assert [p.valuation_date for p in data.pledges] == [p.value_date for p in want.pledges]
        assert len(data.collateral_alerts) == len(want.alerts)
        for text, alert in zip(data.collateral_alerts, want.alerts, strict=True):
            kinds_seen.add(alert.kind)
            assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", text.replace("SINK", "")), text
            if alert.pledge_seq is not None:
                assert text.startswith(f"押品 {alert.pledge_seq}"), text
            if alert.kind == "coverage_below_threshold":
                assert want.coverage is not None and f"{want.coverage:.2%}" in text
        assert set(data.collateral_alerts) <= set(data.risks)
    # a year on the seed book raises staleness, expiry and surrender alerts
    assert {"stale_price", "stale_appraisal", "coverage_below_threshold"} <= kinds_seen
    assert "allowance_surrendered_before_maturity" in kinds_seen


def test_every_valuation_basis_has_a_wording() -> None:
    """Each valuation basis is worded in both languages (alerts come worded by the engine)."""
    for lang in ("zh", "en"):
        assert set(VALUES[lang]["basis"]) == {"price", "pledge_price", "appraisal", "none"}
        assert "alert" not in VALUES[lang]  # one wording of alerts: the engine's


def test_memo_alerts_are_the_engines_wording_with_its_figures(db: Database) -> None:
    """The memo shows each alert as the engine worded it, in the memo's language."""
    engine = reports_by_ref(db, LATE)
    ref, want = next(
        (r, x) for r, x in engine.items() if "allowance_surrendered_before_maturity" in
        [a.kind for a in x.alerts]
    )  # fmt: skip
    with db.session() as session:
        loan = session.scalars(select(Loan).where(Loan.reference == ref)).first()
        assert loan is not None and loan.maturity_date is not None
        maturity = loan.maturity_date
    zh = memo_data(db, ref, "zh", LATE).collateral_alerts
    en = memo_data(db, ref, "en", LATE).collateral_alerts
    surrender = [i for i, a in enumerate(want.alerts) if a.kind.startswith("allowance_surr")]
    for i in surrender:
        seq = want.alerts[i].pledge_seq
        assert zh[i].startswith(f"押品 {seq}：") and "年度配额须于" in zh[i]
        assert f"早于贷款到期日 {maturity.isoformat()}" in zh[i]
        assert en[i].startswith(f"pledge {seq}: ") and "allowances must be surrendered by" in en[i]
        # the deadline shown is 31 December of the year after the vintage, before maturity
        deadline = date.fromisoformat(re.findall(r"\d{4}-12-31", zh[i])[0])
        vintage = int(re.findall(r"(\d{4}) 年度配额", zh[i])[0])
        assert deadline == date(vintage + 1, 12, 31) and deadline < maturity


def test_memo_pdf_shows_engine_coverage_and_alerts(
    db: Database, seeded: list[str], tmp_path: Path
) -> None:
    engine = reports_by_ref(db, LATE)
    ref = next(r for r in seeded if engine[r].coverage is not None and engine[r].alerts)
    want = engine[ref]
    assert want.coverage is not None
    for lang in ("zh", "en"):
        pdf = tmp_path / f"{lang}.pdf"
        write_memo(db, ref, pdf, lang, LATE)
        flat = re.sub(r"\s+", "", pdftools.text(pdf))
        assert f"{want.coverage:.2%}" in flat
        data = memo_data(db, ref, lang, LATE)
        for text in data.collateral_alerts:
            assert re.sub(r"\s+", "", text) in flat
        for line in want.pledges:
            assert f"{line.eligible_value:,.2f}" in flat
        if lang == "en":
            assert all(t.startswith(("pledge", "collateral")) for t in data.collateral_alerts)


def test_memo_classification_is_the_stored_one(db: Database, seeded: list[str]) -> None:
    with db.session() as session:
        stored = {
            loan.reference: (
                loan.classification_primary,
                loan.classification_labels,
                loan.classification_json,
            )
            for loan in session.scalars(select(Loan).where(Loan.reference.in_(seeded)))
        }
    assert all(primary for primary, _, _ in stored.values())  # the seed step classifies
    for ref in seeded:
        c = memo_data(db, ref, "en", AS_OF).classification
        primary, labels, result = stored[ref]
        assert c is not None and c.primary == primary and list(c.labels) == list(labels or [])
        catalogue: dict[str, Any] = (result or {}).get("catalogue") or {}
        assert c.catalogue_name == (catalogue.get("name_en") or "")
        assert len(c.criteria_met) == len((result or {}).get("criteria_met") or [])


def test_memo_shows_an_override_beside_the_stored_result(
    db: Database, seeded: list[str], tmp_path: Path
) -> None:
    ref = seeded[0]
    with db.session(write=True) as session:
        loan = session.scalars(select(Loan).where(Loan.reference == ref)).one()
        engine_primary = loan.classification_primary
        loan.override_primary = "conventional" if engine_primary != "conventional" else "green"
        loan.override_reason = "委员会要求补充环评批复"
        override = loan.override_primary
    try:
        data = memo_data(db, ref, "zh", AS_OF)
        assert data.classification is not None
        assert data.classification.primary == engine_primary
        assert data.classification.override_primary == override
        write_memo(db, ref, tmp_path / "o.pdf", "zh", AS_OF)
        flat = re.sub(r"\s+", "", pdftools.text(tmp_path / "o.pdf"))
        assert "委员会要求补充环评批复" in flat
        assert VALUES["zh"]["class"][override] in flat
    finally:
        with db.session(write=True) as session:
            loan = session.scalars(select(Loan).where(Loan.reference == ref)).one()
            loan.override_primary = None
            loan.override_reason = None


def _record(cols: list[str], row: tuple[Any, ...]) -> dict[str, Any]:
    """A sheet row by field; read-only openpyxl drops trailing empty cells."""
    return dict(zip(cols, [*row, *([None] * (len(cols) - len(row)))], strict=True))


def _columns(sheet_key: str) -> list[str]:
    sheet = next(s for s in WORKBOOK["sheets"] if s["key"] == sheet_key)
    return [c["field"] for c in sheet["columns"]]


def test_workbook_collateral_is_the_engines(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    selects: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "reference_prices" in statement:
            selects.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        stats = export_portfolio(db, path, as_of=LATE, lang="zh")
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(selects) == 1  # one price table per export, not a query per pledge
    engine = reports_by_ref(db, LATE)
    assert stats.pledges == sum(len(r.pledges) for r in engine.values())
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        pledge_rows = list(wb["押品"].iter_rows(min_row=2, values_only=True))
        loan_rows = list(wb["贷款"].iter_rows(min_row=2, values_only=True))
    finally:
        wb.close()
    cols = _columns("collateral")
    seen = 0
    for row in pledge_rows:
        got = _record(cols, row)
        report = engine[str(got["reference"])]
        line = next(p for p in report.pledges if p.seq == got["seq"])
        assert Decimal(str(got["value"])).quantize(Decimal("0.01")) == line.value
        assert Decimal(str(got["eligible_value"])).quantize(Decimal("0.01")) == (
            line.eligible_value
        )
        assert Decimal(str(got["pledge_rate"])) == line.pledge_rate
        valued = got["valuation_date"]
        assert (valued.date() if valued is not None else None) == line.value_date
        own = [a for a in report.alerts if a.pledge_seq == line.seq]
        assert bool(got["alerts"]) == bool(own)
        if own:
            assert str(got["alerts"]).count("押品") == len(own)
        seen += 1
    assert seen == len(pledge_rows) > 0
    loan_cols = _columns("loans")
    for row in loan_rows:
        got = _record(loan_cols, row)
        report = engine[str(got["reference"])]
        assert Decimal(str(got["eligible_value"])).quantize(Decimal("0.01")) == (
            report.total_eligible
        )
        if report.pledges:
            assert Decimal(str(got["coverage_ratio"])) == report.coverage
        else:
            assert got["coverage_ratio"] is None


def test_collateral_types_in_the_workbook_are_named(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "en.xlsx"
    export_portfolio(db, path, as_of=AS_OF, lang="en")
    names = {t.name_en for t in load_collateral_types().types.values()}
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = list(wb["Collateral"].iter_rows(min_row=2, values_only=True))
    finally:
        wb.close()
    col = _columns("collateral").index("collateral_type")
    assert rows and all(r[col] in names for r in rows)
