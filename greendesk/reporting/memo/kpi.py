"""The memo's after-approval sections: KPI results and margin history, financed emissions.

The KPI section appears only for a carbon-linked loan (one with KPIs); the emissions section
for every loan PCAF can see. Each is empty otherwise, so the template may list them always.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether, Spacer

from greendesk.reporting.memo.sections import bullets, heading, subheading
from greendesk.reporting.memo.styles import data_table, iso, kv_table, num, para, pct
from greendesk.reporting.model import MemoData
from greendesk.reporting.templates import MemoTemplate


def _bps(value: int | None) -> str:
    return "—" if value is None else f"{value:+d}"


def kpi_results(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    k = data.kpi
    if k is None:
        return []
    head: list[Flowable] = [heading("kpi_results", tpl), para(k.policy), Spacer(1, 4)]
    rows: list[list[object]] = [
        [
            para(f"{t.kpi}（{t.unit}）" if t.unit else t.kpi, "cell"),
            num(t.baseline),
            num(t.target),
            para(f"{iso(t.test_date)} / {iso(t.deadline)}", "cell"),
            para(t.comparison or "—", "cell"),
            para(t.verification, "cell"),
            para(t.outcome, "cell"),
            _bps(t.adjust_bps),
            _bps(t.cumulative_bps),
        ]
        for t in k.tests
    ]
    w = [0.14, 0.09, 0.06, 0.12, 0.17, 0.16, 0.12, 0.07, 0.07]
    tests = data_table(tpl.headers("kpi_tests"), rows, [width * x for x in w], right=[1, 2, 7, 8])
    # The heading never stands alone at the foot of a page: it keeps the tests table with it.
    out: list[Flowable] = [KeepTogether([*head, subheading(tpl.t("fields.kpi_tests")), tests])]
    out.append(subheading(tpl.t("fields.margin_history")))
    if k.margin:
        margin_rows: list[list[object]] = [
            [str(m.version), para(m.reason, "cell"), _bps(m.ratchet_bps),
             "—" if m.from_period is None else str(m.from_period), pct(m.from_rate),
             para(m.created_by, "cell")]
            for m in k.margin
        ]  # fmt: skip
        w = [0.09, 0.43, 0.13, 0.10, 0.11, 0.14]
        out.append(
            data_table(tpl.headers("margin"), margin_rows, [width * x for x in w], right=[2, 3, 4])
        )
    else:
        out.append(para(tpl.t("fields.margin_unchanged")))
    if k.alerts:
        out += [subheading(tpl.t("fields.alerts")), *bullets(k.alerts, "alert")]
    return out


def _t(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,.2f}"


def emissions(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    """PCAF figures of the loan: financed emissions, and avoided emissions beside them."""
    e = data.emissions
    if e is None:
        return []
    f = tpl.t
    out: list[Flowable] = [heading("emissions", tpl)]
    if not e.option:
        return [*out, para(f("fields.pcaf_none"))]
    af = "—" if e.attribution is None else pct(e.attribution, 4)
    pairs = [
        (f("fields.pcaf_basis"), f(f"fields.pcaf_{e.basis.replace(' ', '_')}")),
        (f("fields.pcaf_option"), f"{e.option} · {f('fields.pcaf_score')} {e.score or '—'}"),
        (f("fields.pcaf_outstanding"), tpl.amount(e.outstanding)),
        (f("fields.pcaf_attribution"), af),
        (f("fields.pcaf_emissions"), f"{_t(e.emissions_t)} ({e.year or '—'})"),
        (f("fields.pcaf_financed"), _t(e.financed_t)),
        (f("fields.pcaf_scope3"), _t(e.financed_scope3_t)),
        (f("fields.pcaf_avoided"), _t(e.avoided_t)),
    ]
    out.append(kv_table(pairs, width))
    source = e.source + (f" · {f('fields.pcaf_assumed')}" if e.assumed else "")
    out += [Spacer(1, 3), para(f"{f('fields.pcaf_source')}: {source}")]
    if e.notes:
        out.append(para(e.notes))
    out.append(para(f("fields.pcaf_never_netted")))
    return out
