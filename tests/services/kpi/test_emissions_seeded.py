"""PCAF figures of every seeded loan, worked by hand from seeds/emissions.toml and the factors.

On 2024-12-31 no seeded loan has repaid principal except XJ-ALT-2024-001 (one semi-annual
instalment of 2,500,000.00), so each outstanding amount below is its drawn amount.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

from greendesk.cli import main
from greendesk.services.emissions import emissions_report
from greendesk.store.database import Database

DAY = date(2024, 12, 31)

# reference: (outstanding, option, score, financed scope 1+2, scope 3, avoided)
HAND = {
    # 1a: 360,000,000 / (1.2 bn + 2.4 bn) = 0.1; 2,350,000 × 0.1; scope 3 310,000 × 0.1
    "XJ-CJ-2024-002": (D("360000000.00"), "1a", 1, D("235000.00"), D("31000.00"), None),
    # 2a project finance: 2,185,000,000 / (607 m + 2,443 m); 18,500 MWh × 0.5703 = 10,550.55 t
    #   × 2185/3050 = 7,558.34; avoided 580,000 × 2185/3050 = 415,508.20
    "XJ-CJ-2023-001": (D("2185000000.00"), "2a", 2, D("7558.34"), None, D("415508.20")),
    # 2b, negative equity → 0: 50 m / 1.9 bn; 10,000,000 kg × 0.045 = 450,000 t → 11,842.11
    "XJ-CJ-2024-004": (D("50000000.00"), "2b", 3, D("11842.11"), None, None),
    # 1b: 200 m / 3.6 bn = 1/18; 2,160,000 / 18 = 120,000; 450,000 / 18 = 25,000;
    #   avoided 180,000 / 18 = 10,000
    "XJ-CJ-2024-005": (D("200000000.00"), "1b", 2, D("120000.00"), D("25000.00"), D("10000.00")),
    # 3a on total assets: 12.5 m / 48 m; 19.7 m revenue × 10 t per million = 197 t → 51.30
    "XJ-ALT-2024-001": (D("12500000.00"), "3a", 4, D("51.30"), None, None),
    # not disbursed (approved, under review, submitted), closed, or not yet started: nothing out
    "GS-JQ-2024-001": (D("0.00"), "2a", 2, D("0.00"), None, D("0.00")),
    "GS-YM-2026-001": (D("0.00"), "1b", 2, D("0.00"), None, D("0.00")),
    "GS-ZY-2024-001": (D("0.00"), "3b", 5, D("0.00"), None, D("0.00")),
    "NX-PY-2024-001": (D("0.00"), "3c", 5, D("0.00"), None, None),
    "XJ-CJ-2024-003": (D("0.00"), "3b", 5, D("0.00"), None, None),
    "XJ-CJ-2026-006": (D("0.00"), "3c", 5, D("0.00"), None, None),
}


def test_every_seeded_loan_matches_its_hand_worked_figures(db: Database) -> None:
    report = emissions_report(db, DAY, "en")
    got = {
        x.reference: (x.outstanding, x.option, x.score, x.financed_t, x.financed_scope3_t,
                      x.avoided_t)
        for x in report.loans
    }  # fmt: skip
    assert got == HAND
    assert all(x.assumed for x in report.loans)
    notes = {x.reference: x.notes for x in report.loans}
    assert notes["XJ-CJ-2024-004"] == ("negative equity -150000000.00 counted as 0",)
    assert notes["XJ-ALT-2024-001"] == ("equity and debt unknown: attributed on total assets",)
    basis = {x.reference: x.basis for x in report.loans}
    assert basis["XJ-CJ-2023-001"] == "project finance"
    assert basis["XJ-CJ-2024-005"] == "business loan"


def test_totals_and_the_weighted_score(db: Database) -> None:
    report = emissions_report(db, DAY, "en")
    # 235,000 + 7,558.34 + 11,842.11 + 120,000 + 51.30
    assert report.total.financed_t == D("374451.75")
    assert report.total.financed_scope3_t == D("56000.00")
    assert report.total.avoided_t == D("425508.20")  # beside, never netted
    # (360 × 1 + 2,185 × 2 + 50 × 3 + 200 × 2 + 12.5 × 4) / 2,807.5 = 1.898… → 1.90
    assert report.total.score == D("1.90")
    assert sum((g.financed_t for g in report.by_class), D(0)) == report.total.financed_t
    assert sum((g.financed_t for g in report.by_region), D(0)) == report.total.financed_t
    assert sum((g.loans for g in report.by_category), 0) == 11


def test_option_3c_on_a_live_loan(db: Database) -> None:
    # 2026-12-01: XJ-CJ-2026-006 (bullet) has 5,000,000 out; 5 m × 0.50 × 120 t per million
    row = next(
        x for x in emissions_report(db, date(2026, 12, 1)).loans if x.reference == "XJ-CJ-2026-006"
    )
    assert (row.outstanding, row.financed_t, row.attribution) == (
        D("5000000.00"),
        D("300.00"),
        None,
    )


def test_the_command_prints_the_same_figures(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    assert main(["emissions", "--as-of", "2024-12-31", "--json", "--db", str(db.engine.url)]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    rows = {x["reference"]: x for x in data["loans"]}
    assert rows["XJ-CJ-2024-005"]["financed_t"] == "120000.00"
    assert rows["XJ-CJ-2024-005"]["avoided_t"] == "10000.00"
    assert data["total"]["financed_t"] == "374451.75" and data["total"]["score"] == "1.90"
    assert main(["emissions", "--as-of", "2024-12-31", "--db", str(db.engine.url)]) == 0
    text = capsys.readouterr().out
    assert "XJ-CJ-2024-004" in text and "negative equity" in text and "ASSUMED" in text
    with pytest.raises(SystemExit) as refused:  # argparse: a usage error, status 2
        main(["emissions", "--as-of", "31/12/2024", "--db", str(db.engine.url)])
    assert refused.value.code == 2
    assert "'31/12/2024' is not a date" in capsys.readouterr().err


def test_an_english_report_names_the_categories_in_english(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from greendesk.services.loan_filter import category_names
    from greendesk.services.portfolio_summary import portfolio_summary

    zh, en = emissions_report(db, DAY, "zh"), emissions_report(db, DAY, "en")
    chinese, english = category_names("zh"), category_names("en")
    by_name = {chinese[k]: english[k] for k in chinese}
    groups_en = {g.key: g for g in en.by_category}
    assert len(groups_en) == len(zh.by_category) > 1
    for group in zh.by_category:  # the same group, figure for figure, under its English name
        english_group = groups_en[by_name.get(group.key, group.key)]
        assert (english_group.loans, english_group.financed_t) == (group.loans, group.financed_t)
    assert "Clean energy industry" in {g.key for g in en.by_category}
    summary = portfolio_summary(db, lang="en")
    assert summary.category_names == {k: english[k] for k in summary.category_names}
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    assert main(["portfolio", "summary", "--json", "--lang", "en", "--db", str(db.engine.url)]) == 0
    printed = json.loads(capsys.readouterr().out)["category_names"]
    assert printed == summary.category_names and "清洁能源产业" not in printed.values()
