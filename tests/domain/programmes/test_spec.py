"""The programme files: every figure sourced or marked unconfirmed, versions in order, refusals."""

from __future__ import annotations

import copy
import tomllib
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from greendesk.domain.classification.catalogue import load_catalogue
from greendesk.domain.classification.sectors import load_sectors
from greendesk.domain.errors import UserError
from greendesk.domain.programmes.spec import load_programmes, parse_programme, programmes_dir


def _raw(name: str) -> dict[str, Any]:
    return tomllib.loads((programmes_dir() / name).read_text(encoding="utf-8"))


def test_both_programmes_load_with_their_versions() -> None:
    programmes = load_programmes()
    assert set(programmes) == {"cerf", "lvtanrong"}
    cerf = programmes["cerf"]
    assert cerf.name_zh == "碳减排支持工具"
    assert [v.id for v in cerf.versions] == ["2021-11", "2025-05", "2026-01"]
    assert cerf.version_on(date(2021, 11, 7)) is None  # before the announcement
    assert cerf.version_on(date(2021, 11, 8)).id == "2021-11"  # type: ignore[union-attr]
    assert cerf.version_on(date(2026, 1, 19)).id == "2026-01"  # type: ignore[union-attr]
    assert cerf.version_on(date(2028, 1, 1)) is None  # extended only to the end of 2027


def test_cerf_2021_figures_are_the_announced_ones_with_their_sources() -> None:
    v = load_programmes()["cerf"].version_on(date(2022, 6, 30))
    assert v is not None
    assert v.share_of_principal.value == Decimal("0.60")
    assert v.share_of_principal.source == "xinhua-2021-11-08"
    assert v.funding_rate.value == Decimal("0.0175")
    assert v.term_months is not None and v.term_months.value == 12
    assert v.rollovers is not None and v.rollovers.value == 2
    assert v.support_months == 36


def test_later_rate_cuts_are_versions_and_unrestated_figures_say_so() -> None:
    cerf = load_programmes()["cerf"]
    v2025 = cerf.version_on(date(2025, 6, 1))
    v2026 = cerf.version_on(date(2026, 6, 1))
    assert v2025 is not None and v2026 is not None
    assert v2025.funding_rate.value == Decimal("0.0150")
    assert v2026.funding_rate.value == Decimal("0.0125")
    assert not v2026.share_of_principal.confirmed
    assert "not restate" in v2026.share_of_principal.note


def test_lvtanrong_computes_nothing_it_cannot_source() -> None:
    p = load_programmes()["lvtanrong"]
    assert not p.computes_refinancing
    for v in p.versions:
        assert v.share_of_principal.value is None and not v.share_of_principal.confirmed
        assert v.funding_rate.value is None and v.funding_rate.note


def test_lvtanrong_states_the_quota_rates_found_and_why_its_own_stay_unconfirmed() -> None:
    raw = _raw("lvtanrong.toml")
    sources = {s["id"]: s for s in raw["sources"]}
    history = {h["text"]: h["source"] for h in raw["history"]}
    # the one-year 支农支小 relending rate behind the quotas, each step with its source
    dated = {text[:10]: source for text, source in history.items() if text[:4].isdigit()}
    assert dated["2021-12-07"] == "reuters-2021-12-07"
    assert "2 %" in sources["reuters-2021-12-07"]["title"]
    assert "1.5 %" in sources[dated["2025-05-07"]]["title"]
    assert "1.25%" in sources[dated["2026-01-19"]]["title"]
    # yet neither 绿碳融's own rate nor its share is a figure: the notes say what was found
    first = load_programmes()["lvtanrong"].version_on(date(2022, 6, 30))
    assert first is not None and first.funding_rate.value is None
    assert "2.00 %" in first.funding_rate.note and "not known" in first.funding_rate.note
    assert "100 %" in first.share_of_principal.note
    assert not load_programmes()["lvtanrong"].computes_refinancing


def test_every_area_code_and_activity_exists() -> None:
    catalogue = load_catalogue()
    activities = {a.key for s in load_sectors().values() for a in s.eligible}
    for p in load_programmes().values():
        for area in p.areas.values():
            for code in area.catalogue_codes:
                assert catalogue.get(code) is not None, (p.key, area.key, code)
            for key in area.transition_activities:
                assert key in activities, (p.key, area.key, key)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["versions"][0]["funding_rate"].pop("source"), "names no source"),
        (lambda d: d["versions"][0]["funding_rate"].update(value=0.0175), "never a float"),
        (lambda d: d["versions"][0]["funding_rate"].update(source="nowhere"), "'nowhere' is cited"),
        (lambda d: d["sources"].append({"id": "x", "title": "t"}), "'x' is listed but never"),
        (lambda d: d["versions"][1]["in_force_from"].update(value=date(2025, 1, 1)), "overlaps"),
        (lambda d: d["versions"][0]["term_months"].update(value=-12), "whole number"),
        (lambda d: d["versions"][0].update(areas=["moon"]), "'moon' is not one of"),
        (lambda d: d["versions"][0]["share_of_principal"].update(value="sixty"), "not a decimal"),
    ],
)
def test_a_broken_file_is_refused_naming_the_field(edit: Any, message: str) -> None:
    data = copy.deepcopy(_raw("cerf.toml"))
    edit(data)
    with pytest.raises(UserError, match=message) as caught:
        parse_programme("cerf.toml", data)
    assert str(caught.value).startswith("cerf.toml: ")


def test_an_unconfirmed_figure_needs_a_note() -> None:
    data = copy.deepcopy(_raw("cerf.toml"))
    data["versions"][1]["share_of_principal"] = {"value": "0.60", "confirmed": False}
    with pytest.raises(UserError, match=r"versions\[1\]\.share_of_principal: names no source"):
        parse_programme("cerf.toml", data)
