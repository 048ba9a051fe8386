"""The memo's body sections, each a function of (data, template, frame width) -> flowables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from greendesk.domain.money_units import MoneyUnit
from greendesk.reporting.fonts import markup
from greendesk.reporting.memo.charts import collateral_chart
from greendesk.reporting.memo.page import SectionHeading
from greendesk.reporting.memo.styles import (
    data_table,
    iso,
    kv_table,
    long_date,
    money,
    num,
    para,
    pct,
    styles,
)
from greendesk.reporting.model import ConditionPrecedent, MemoData
from greendesk.reporting.templates import MemoTemplate

Section = Callable[[MemoData, MemoTemplate, float], list[Flowable]]


def heading(key: str, tpl: MemoTemplate) -> Flowable:
    title = tpl.t(f"sections.{key}")
    return SectionHeading(markup(title), styles()["h1"], key=key, title=title)


def subheading(text: str) -> Flowable:
    return para(text, "h2")


def bullets(items: Sequence[str], style: str = "bullet") -> list[Flowable]:
    return [Paragraph(markup(item), styles()[style], bulletText="•") for item in items]


def rate_text(data: MemoData, tpl: MemoTemplate) -> str:
    t = data.terms
    if t.rate_kind == "fixed" or t.base_rate is None or t.spread_bps is None:
        return tpl.t("fields.rate_fixed").format(rate=pct(t.annual_rate))
    sign = "+" if t.spread_bps >= 0 else "−"
    return tpl.t("fields.rate_floating").format(
        base=t.base_rate_name,
        base_rate=pct(t.base_rate),
        sign=sign,
        spread=abs(t.spread_bps),
        rate=pct(t.annual_rate),
    )


def cover_amount(data: MemoData, tpl: MemoTemplate) -> str:
    """``CNY 720,000,000.00``; in 万元 / 亿元 the rounded figure first, the exact one beside."""
    t = data.terms
    exact = f"{t.currency} {money(t.amount)}"
    if tpl.money_unit is MoneyUnit.YUAN:
        return exact
    shown = f"{tpl.amount(t.amount)} {tpl.unit_name}"
    return f"{shown}（{exact}）" if tpl.lang == "zh" else f"{shown} ({exact})"


def unit_note(data: MemoData, tpl: MemoTemplate) -> list[Flowable]:
    """How the body's amounts are rounded, with the facility amount as the example; nothing
    when the memo is in 元 (every figure then exact)."""
    if tpl.money_unit is MoneyUnit.YUAN:
        return []
    amount = data.terms.amount
    text = tpl.t("fields.unit_note").format(exact=money(amount), shown=tpl.amount(amount))
    return [para(text, "label"), Spacer(1, 3)]


# ---- cover --------------------------------------------------------------------------------
def cover(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    st = styles()
    v = tpl.values
    title = tpl.t("title")
    pairs = [
        (tpl.t("cover.bank"), data.bank),
        (tpl.t("cover.branch"), data.branch),
        (tpl.t("cover.reference"), data.reference),
        (tpl.t("cover.version"), str(data.application_version)),
        (tpl.t("cover.borrower"), data.borrower.name),
        (tpl.t("cover.amount"), cover_amount(data, tpl)),
        (tpl.t("cover.officer"), data.officer),
        (tpl.t("cover.date"), long_date(data.memo_date, tpl.lang)),
        (tpl.t("cover.status"), v("status", data.status)),
    ]
    return [
        Spacer(1, 45 * mm),
        Paragraph(markup(data.bank), st["cover_sub"]),
        Paragraph(markup(data.branch), st["cover_sub"]),
        Spacer(1, 12 * mm),
        SectionHeading(markup(title), st["cover_title"], key="cover", title=title),
        Spacer(1, 6 * mm),
        Paragraph(
            markup(data.project.name if data.project else data.borrower.name), st["cover_sub"]
        ),
        Spacer(1, 22 * mm),
        kv_table(pairs, width * 0.7, columns=1),
    ]


# ---- summary ------------------------------------------------------------------------------
def summary(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    v = tpl.values
    t = data.terms
    cls = data.classification
    pairs = [
        (tpl.t("fields.borrower"), data.borrower.name),
        (tpl.t("fields.project"), data.project.name if data.project else tpl.t("none")),
        (tpl.t("fields.amount"), tpl.amount(t.amount)),
        (tpl.t("fields.term"), str(t.term_months)),
        (tpl.t("fields.method"), v("method", t.method)),
        (tpl.t("fields.rate"), rate_text(data, tpl)),
        (tpl.t("fields.primary"), v("class", cls.override_primary or cls.primary) if cls else "—"),
        (tpl.t("fields.coverage"), pct(data.coverage_ratio)),
    ]
    out: list[Flowable] = [heading("summary", tpl), *unit_note(data, tpl), kv_table(pairs, width)]
    if data.summary:
        out += [subheading(tpl.t("fields.summary")), para(data.summary)]
    if data.recommendation:
        out += [subheading(tpl.t("fields.recommendation")), para(data.recommendation)]
    return out


# ---- borrower and project -----------------------------------------------------------------
def borrower(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    b = data.borrower
    yn = tpl.t("yes") if b.disclosure_yearly else tpl.t("no")
    pairs = [
        (tpl.t("fields.borrower"), b.name),
        (tpl.t("fields.credit_code"), b.credit_code or "—"),
        (tpl.t("fields.industry"), b.industry or "—"),
        (tpl.t("fields.sector"), tpl.values("sector", b.sector)),
        (tpl.t("fields.region"), b.region or "—"),
        (tpl.t("fields.carbon_account_grade"), b.carbon_account_grade or "—"),
    ]
    out: list[Flowable] = [heading("borrower", tpl), kv_table(pairs, width)]
    if b.baseline_intensity is not None or b.target_intensity is not None:
        plan = [
            (tpl.t("fields.baseline_intensity"), num(b.baseline_intensity)),
            (tpl.t("fields.target_intensity"), num(b.target_intensity)),
            (tpl.t("fields.base_year"), str(b.base_year or "—")),
            (tpl.t("fields.target_year"), str(b.target_year or "—")),
            (tpl.t("fields.disclosure"), yn),
        ]
        out += [subheading(tpl.t("fields.transition_plan")), kv_table(plan, width)]
    return out


def project(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    p = data.project
    out: list[Flowable] = [heading("project", tpl)]
    if p is None:
        return [*out, para(tpl.t("none"))]
    catalogue = f"{p.catalogue_code} {p.catalogue_name}".strip() or "—"
    pairs = [
        (tpl.t("fields.project"), p.name),
        (tpl.t("fields.location"), p.location or p.region or "—"),
        (tpl.t("fields.catalogue"), catalogue),
        (tpl.t("fields.capacity"), num(p.capacity_mw)),
        (tpl.t("fields.total_investment"), tpl.amount(p.total_investment)),
        (tpl.t("fields.co2e"), num(p.annual_co2e_reduction_t)),
        (tpl.t("fields.carbon_sink"), num(p.carbon_sink_t)),
        (tpl.t("fields.capacity_note"), p.capacity_note or "—"),
    ]
    out.append(kv_table(pairs, width))
    if p.description:
        out += [subheading(tpl.t("fields.description")), para(p.description)]
    if p.technology:
        rows = [[para(k, "cell"), para(v, "cell")] for k, v in p.technology]
        out += [
            subheading(tpl.t("fields.technology")),
            data_table(tpl.headers("techs"), rows, [width * 0.4, width * 0.6]),
        ]
    return out


# ---- classification -----------------------------------------------------------------------
def classification(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    c = data.classification
    out: list[Flowable] = [heading("classification", tpl)]
    if c is None:
        return [*out, para(tpl.t("none"))]
    v = tpl.values
    catalogue = " ".join(x for x in (c.catalogue_version, c.catalogue_code, c.catalogue_name) if x)
    pairs = [
        (tpl.t("fields.primary"), v("class", c.primary)),
        (tpl.t("fields.labels"), "、".join(v("class", x) for x in c.labels) or "—"),
        (tpl.t("fields.green_share"), pct(c.green_share)),
        (tpl.t("fields.catalogue"), catalogue or "—"),
    ]
    out.append(kv_table(pairs, width))
    if c.override_primary:
        override = [
            (
                tpl.t("fields.override"),
                f"{v('class', c.primary)} → {v('class', c.override_primary)}",
            ),
            (tpl.t("fields.override_reason"), c.override_reason or "—"),
        ]
        out += [Spacer(1, 4), kv_table(override, width, columns=1)]
    for key, items, style in (
        ("criteria_met", c.criteria_met, "bullet"),
        ("missing_evidence", c.missing_evidence, "alert"),
        ("flags", c.flags, "alert"),
    ):
        if items:
            out += [subheading(tpl.t(f"fields.{key}")), *bullets(items, style)]
    return out


def calendar_range(data: MemoData, tpl: MemoTemplate) -> str:
    """ " · official holidays through 2026 · 2027–2045 projected" for the terms table."""
    cal = data.calendar
    if cal.official_through is None:
        return ""
    text = " · " + tpl.t("fields.calendar_official").format(through=cal.official_through)
    if cal.projected_years:
        years = list(cal.projected_years)
        text += " · " + tpl.t("fields.calendar_projected").format(first=years[0], last=years[-1])
    return text


# ---- structure and pricing ----------------------------------------------------------------
def structure(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    t = data.terms
    v = tpl.values
    pairs = [
        (tpl.t("fields.amount"), tpl.amount(t.amount)),
        (tpl.t("fields.currency"), t.currency),
        (tpl.t("fields.start_date"), iso(t.start_date)),
        (tpl.t("fields.maturity_date"), iso(t.maturity_date)),
        (tpl.t("fields.term"), str(t.term_months)),
        (tpl.t("fields.frequency"), v("frequency", t.frequency)),
        (tpl.t("fields.method"), v("method", t.method)),
        (tpl.t("fields.grace"), str(t.grace_periods)),
        (tpl.t("fields.day_count"), t.day_count),
        (
            tpl.t("fields.calendar"),
            f"{v('calendar', t.calendar)} / {v('business_day', t.business_day)}"
            + calendar_range(data, tpl),
        ),
    ]
    out: list[Flowable] = [heading("structure", tpl), kv_table(pairs, width)]
    out += [Spacer(1, 4), kv_table([(tpl.t("fields.rate"), rate_text(data, tpl))], width, 1)]
    if t.purpose:
        out += [kv_table([(tpl.t("fields.purpose"), t.purpose)], width, 1)]
    if t.drawdowns:
        rows: list[list[object]] = [
            [str(i), iso(d.date), tpl.amount(d.amount)] for i, d in enumerate(t.drawdowns, 1)
        ]
        total = tpl.amount(sum((d.amount for d in t.drawdowns), Decimal(0)))
        rows.append([para(tpl.t("total"), "cell", bold=True), "", total])
        out += [
            subheading(tpl.t("fields.drawdowns")),
            data_table(
                tpl.headers("drawdown"),
                rows,
                [width * 0.15, width * 0.35, width * 0.5],
                right=[2],
                total_row=True,
            ),
        ]
    if t.ratchet:
        rows = [[iso(r.effective), f"{r.adjust_bps:+d}"] for r in t.ratchet]
        cap = t.ratchet_cap_bps
        out += [
            subheading(tpl.t("fields.ratchet")),
            data_table(tpl.headers("ratchet"), rows, [width * 0.5, width * 0.5], right=[1]),
            Spacer(1, 3),
            para(f"{tpl.t('fields.ratchet_cap')}: {cap if cap is not None else '—'}"),
        ]
    if t.kpis:
        rows = [
            [
                para(k.name, "cell"),
                para(k.unit, "cell"),
                num(k.baseline),
                num(k.target),
                para(", ".join(iso(d) for d in k.test_dates), "cell"),
                para(k.verifier, "cell"),
            ]
            for k in t.kpis
        ]
        w = [0.24, 0.12, 0.12, 0.12, 0.2, 0.2]
        out += [
            subheading(tpl.t("fields.kpis")),
            data_table(tpl.headers("kpi"), rows, [width * x for x in w], right=[2, 3]),
        ]
    return out


# ---- syndicate ----------------------------------------------------------------------------
def syndicate(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    t = data.terms
    out: list[Flowable] = [heading("syndicate", tpl)]
    if len(data.lenders) <= 1:
        out.append(para(tpl.t("fields.no_lenders")))
    if data.lenders:
        rows: list[list[object]] = [
            [
                para(x.name, "cell"),
                para(tpl.values("role", x.role), "cell"),
                tpl.amount(x.commitment),
                pct(x.share),
                tpl.amount(x.fees),
            ]
            for x in data.lenders
        ]
        rows.append(
            [
                para(tpl.t("total"), "cell", bold=True),
                "",
                tpl.amount(sum((x.commitment for x in data.lenders), Decimal(0))),
                pct(sum((x.share for x in data.lenders), Decimal(0))),
                tpl.amount(sum((x.fees for x in data.lenders), Decimal(0))),
            ]
        )
        w = [0.36, 0.14, 0.2, 0.1, 0.2]
        out.append(
            data_table(
                tpl.headers("lenders"),
                rows,
                [width * x for x in w],
                right=[2, 3, 4],
                total_row=True,
            )
        )
    fees = [
        (tpl.t("fields.arrangement_rate"), pct(t.arrangement_rate)),
        (
            tpl.t("fields.commitment_fee"),
            str(t.commitment_fee_bps) if t.commitment_fee_bps else "—",
        ),
        (tpl.t("fields.agency_fee"), tpl.amount(t.agency_fee_per_year)),
    ]
    out += [subheading(tpl.t("fields.fees")), kv_table(fees, width, columns=1)]
    return out


# ---- collateral ---------------------------------------------------------------------------
def collateral(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading("collateral", tpl)]
    if not data.pledges:
        out.append(para(tpl.t("fields.no_pledges")))
    else:
        rows: list[list[object]] = []
        for p in data.pledges:
            qty = f"{num(p.quantity)} {p.unit}".strip() if p.quantity is not None else ""
            basis = "\n".join(x for x in (qty, p.basis, iso(p.valuation_date)) if x)
            rows.append(
                [
                    str(p.seq),
                    para(f"{p.type_label}\n{p.description}", "cell"),
                    para(basis, "cell"),
                    tpl.amount(p.value),
                    pct(p.pledge_rate, 0),
                    tpl.amount(p.eligible_value),
                    para(f"{p.registry}\n{p.registration_no}", "cell"),
                    iso(p.expiry),
                ]
            )
        rows.append(
            [
                "",
                para(tpl.t("total"), "cell", bold=True),
                "",
                tpl.amount(sum((p.value for p in data.pledges), Decimal(0))),
                "",
                tpl.amount(sum((p.eligible_value for p in data.pledges), Decimal(0))),
                "",
                "",
            ]
        )
        w = [0.04, 0.18, 0.155, 0.145, 0.06, 0.145, 0.185, 0.09]
        table = data_table(
            tpl.headers("pledges"),
            rows,
            [width * x for x in w],
            right=[3, 4, 5],
            font_size=7,
            total_row=True,
        )
        out.append(table)
    pairs = [
        (tpl.t("fields.coverage"), pct(data.coverage_ratio)),
        (tpl.t("fields.coverage_threshold"), pct(data.coverage_threshold)),
    ]
    out += [Spacer(1, 4), kv_table(pairs, width)]
    if data.collateral_alerts:
        out += [subheading(tpl.t("fields.alerts")), *bullets(data.collateral_alerts, "alert")]
    if data.pledges:
        chart = collateral_chart(
            [(str(p.seq), p.value, p.eligible_value) for p in data.pledges],
            data.terms.amount,
            (
                tpl.t("fields.chart_value"),
                tpl.t("fields.chart_eligible"),
                tpl.t("fields.chart_exposure"),
            ),
            tpl.t("fields.collateral_chart"),
            tpl.lang,
            width,
        )
        out += [Spacer(1, 6), KeepTogether([chart])]
    return out


# ---- risks and decision -------------------------------------------------------------------
def risks(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading("risks", tpl)]
    out += [subheading(tpl.t("fields.risks")), *(bullets(data.risks) or [para(tpl.t("none"))])]
    out += [
        subheading(tpl.t("fields.conditions")),
        *(bullets(data.conditions) or [para(tpl.t("none"))]),
    ]
    if data.conditions_precedent:
        out.append(subheading(tpl.t("fields.conditions_precedent")))
        out += bullets([_condition_line(c, tpl) for c in data.conditions_precedent])
    return out


LONG_CELL = 240  # characters: a longer vote text is printed below the table, in full


def _condition_line(c: ConditionPrecedent, tpl: MemoTemplate) -> str:
    if c.satisfied_on is None:
        where = tpl.t("fields.condition_open")
    else:
        where = tpl.t("fields.condition_met").format(
            who=c.satisfied_by, date=c.satisfied_on.isoformat(), evidence=c.evidence
        )
    return f"{c.position}. {c.text} — {where}"


def decision(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading("decision", tpl)]
    out.append(kv_table([(tpl.t("cover.status"), tpl.values("status", data.status))], width, 1))
    out.append(Spacer(1, 4))
    if not data.votes:
        return [*out, para(tpl.t("fields.no_votes"))]
    headers = tpl.headers("votes")
    notes: list[tuple[str, str, str]] = []  # (voter, column, text) printed after the table

    def cell(text: str, voter: str, column: str) -> Flowable:
        if len(text) <= LONG_CELL:
            return para(text or "—", "cell")
        notes.append((voter, column, text))
        return para(tpl.t("fields.vote_note_ref").format(n=len(notes)), "cell")

    rows = [
        [
            para(vote.voter, "cell"),
            para(tpl.values("decision", vote.decision), "cell"),
            cell(vote.conditions, vote.voter, headers[2]),
            cell(vote.comment, vote.voter, headers[3]),
            vote.cast_at.strftime("%Y-%m-%d %H:%M") if vote.cast_at else "—",
        ]
        for vote in data.votes
    ]
    w = [0.16, 0.14, 0.27, 0.27, 0.16]
    out.append(data_table(headers, rows, [width * x for x in w]))
    for n, (voter, column, text) in enumerate(notes, 1):
        label = tpl.t("fields.vote_note").format(n=n, voter=voter, column=column)
        out += [Spacer(1, 4), para(label, "h2"), para(text)]  # body text splits across pages
    return out
