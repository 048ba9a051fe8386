"""Is a loan eligible for a programme, and what does the programme bring the bank?

For each programme: the conditions met and missing (worded in zh and en like the
classification's findings), the eligible outstanding principal (outstanding × the share of the
loan's use of proceeds in eligible areas), the refinancing amount (the version's share of
principal × the eligible outstanding still inside its refinancing window, rounded half-up to the
fen once), and the bank's funding benefit over the loan's life from the schedule:
Σ refinanced principal × (the bank's own funding cost − the programme's rate) × days / 360,
exact until one final rounding.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from greendesk.domain.classification.result import Finding
from greendesk.domain.money import round_fen
from greendesk.domain.programmes.position import ZERO, LoanPosition, in_window_share
from greendesk.domain.programmes.spec import Area, ComparisonRate, Programme, Version
from greendesk.domain.schedule.dates import add_months

BASIS = Decimal(360)
TONNE = Decimal("0.01")


@dataclass(frozen=True)
class SupportWindow:
    drawdown_date: date
    amount: Decimal
    ends: date


@dataclass(frozen=True)
class ProgrammeResult:
    programme: str
    name_zh: str
    name_en: str
    version: str | None
    as_of: date
    eligible: bool
    criteria_met: tuple[Finding, ...]
    missing: tuple[Finding, ...]
    notes: tuple[Finding, ...]
    areas: tuple[str, ...]
    eligible_share: Decimal  # 0..1 of the loan's amount in eligible areas
    outstanding: Decimal
    eligible_outstanding: Decimal
    share_of_principal: Decimal | None
    share_source: str
    funding_rate: Decimal | None
    rate_source: str
    refinancing: Decimal | None  # None: the programme's figures do not allow computing it
    support_windows: tuple[SupportWindow, ...]
    funding_benefit: Decimal | None
    comparison_source: str
    annual_co2e_t: Decimal | None
    co2e_method_zh: str
    co2e_method_en: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


def _pct(rate: Decimal) -> str:
    return f"{rate * 100:.2f}%"


def _money(x: Decimal) -> str:
    return f"{x:,.2f}"


class _Findings:
    def __init__(self) -> None:
        self.met: list[Finding] = []
        self.missing: list[Finding] = []
        self.notes: list[Finding] = []

    def add(self, ok: bool, fid: str, zh: str, en: str) -> None:
        (self.met if ok else self.missing).append(Finding(fid, zh, en))


def _area_amount(area: Area, loan: LoanPosition) -> tuple[Decimal, list[str]]:
    """The loan amount falling in ``area`` and the codes or activities that put it there."""
    if area.rule == "green_whole":
        whole = loan.classification == "green" and loan.green_share == Decimal(1)
        return (loan.amount if whole else ZERO), (["100%"] if whole else [])
    if area.rule == "carbon_account_transition":
        ok = loan.classification == "transition" and bool(loan.carbon_account_grade)
        return (loan.amount if ok else ZERO), (
            [f"碳效码 {loan.carbon_account_grade}"] if ok else []
        )
    if loan.transition_activity and loan.transition_activity in area.transition_activities:
        return loan.amount, [loan.transition_activity]
    if loan.use_of_proceeds:
        hits = [u for u in loan.use_of_proceeds if u.catalogue_code in area.catalogue_codes]
        return sum((u.amount for u in hits), ZERO), sorted({str(u.catalogue_code) for u in hits})
    if loan.project_code and loan.project_code in area.catalogue_codes:
        return loan.amount, [loan.project_code]
    return ZERO, []


def _areas(p: Programme, v: Version, loan: LoanPosition, f: _Findings) -> tuple[Decimal, list[str]]:
    total, keys = ZERO, []
    for key in v.areas:
        area = p.areas[key]
        amount, why = _area_amount(area, loan)
        if amount > 0:
            total += amount
            keys.append(key)
            f.add(
                True,
                f"area.{key}",
                f"用途属于支持领域“{area.name_zh}”（{'、'.join(why)}，{_money(amount)}）",
                f"use of proceeds in the eligible area '{area.name_en}' ({', '.join(why)}, "
                f"{_money(amount)})",
            )
    if not keys:
        names_zh = "、".join(p.areas[k].name_zh for k in v.areas)
        names_en = ", ".join(p.areas[k].name_en for k in v.areas)
        code = loan.project_code or "—"
        f.add(
            False,
            "area",
            f"用途不属于任何支持领域（{names_zh}）；项目目录代码 {code}",
            f"no use of proceeds in an eligible area ({names_en}); project catalogue code {code}",
        )
    share = min(total / loan.amount, Decimal(1)) if loan.amount else Decimal(0)
    return share, keys


def _conditions(p: Programme, v: Version, loan: LoanPosition, f: _Findings) -> None:
    for x in p.excluded_sectors:
        if loan.sector == x.sector:
            f.add(
                False,
                "sector",
                f"借款人行业（{x.sector}）：{x.note_zh}",
                f"borrower sector ({x.sector}): {x.note_en}",
            )
    if p.rate_rule == "at_most_lpr_same_tenor":
        tol = (
            p.rate_tolerance_bps.value if p.rate_tolerance_bps and p.rate_tolerance_bps.value else 0
        )
        if loan.lpr_at_start is None:
            f.add(
                False,
                "rate",
                f"起息日无{loan.lpr_name}报价，无法核对利率条件",
                f"no {loan.lpr_name} on the start date to check the rate against",
            )
        else:
            limit = loan.lpr_at_start + Decimal(tol) / 10000
            ok = loan.start_rate <= limit
            sign = "≤" if ok else ">"
            rate, lpr = _pct(loan.start_rate), _pct(loan.lpr_at_start)
            f.add(
                ok,
                "rate",
                f"起息利率 {rate} {sign} 同期限 {loan.lpr_name} {lpr} + {tol}bp"
                f"（{p.rate_text_zh}）",
                f"start rate {rate} {sign} same-tenor {loan.lpr_name} {lpr} + {tol} bps "
                f"({p.rate_text_en})",
            )
    elif p.rate_text_en:
        f.notes.append(Finding("rate", p.rate_text_zh, p.rate_text_en))
    if p.region_contains:
        ok = any(token in loan.region for token in p.region_contains)
        f.add(
            ok,
            "region",
            f"地区“{loan.region or '—'}”{'属于' if ok else '不属于'}{p.region_text_zh}",
            f"region '{loan.region or '—'}' is {'' if ok else 'not '}in {p.region_text_en}",
        )


def _version_for(p: Programme, day: date) -> Version | None:
    """The version whose terms apply on ``day``; past the programme's end, the last one (money
    already lent runs to the end of its window; nothing new is refinanced)."""
    found = p.version_on(day)
    if found is None and p.programme_end and p.programme_end.value and day > p.programme_end.value:
        return p.version_on(p.programme_end.value)
    return found


def _comparison(rates: tuple[ComparisonRate, ...], day: date) -> Decimal:
    rate = rates[0].rate
    for r in rates:
        if r.start <= day:
            rate = r.rate
    return rate


def _support_bounds(p: Programme) -> tuple[date, date]:
    first = min(v.in_force_from.value for v in p.versions if v.in_force_from.value)
    end = p.programme_end.value if p.programme_end and p.programme_end.value else date.max
    return first, end


def _eligible_draws(p: Programme, loan: LoanPosition) -> tuple[tuple[date, Decimal], ...]:
    """Drawdowns made while the programme was open; the others are never refinanced (their
    amount still counts in the balance, as a share that is not refinanced)."""
    first, end = _support_bounds(p)
    return tuple((d, a) for d, a in loan.drawdowns if first <= d <= end)


def _window_share(p: Programme, loan: LoanPosition, day: date) -> Decimal:
    v = _version_for(p, day)
    if v is None or not v.support_months:
        return Decimal(0)
    first, end = _support_bounds(p)
    return in_window_share(loan.drawdowns, day, v.support_months, first, end)


def _benefit(
    p: Programme, loan: LoanPosition, eligible_share: Decimal, rates: tuple[ComparisonRate, ...]
) -> Decimal:
    """Σ refinanced × (bank funding cost − programme rate) × days / 360 over the schedule."""
    points = {loan.start_date, loan.maturity_date}
    points.update(d for d, _ in loan.drawdowns)
    points.update(d for d, _ in loan.repayments)
    for v in p.versions:
        if v.in_force_from.value:
            points.add(v.in_force_from.value)
        if v.in_force_to and v.in_force_to.value:
            points.add(v.in_force_to.value + timedelta(days=1))
        if v.support_months:
            points.update(add_months(d, v.support_months) for d, _ in loan.drawdowns)
    points.update(r.start for r in rates)
    days = sorted(d for d in points if loan.start_date <= d <= loan.maturity_date)
    total = Decimal(0)
    for t0, t1 in itertools.pairwise(days):
        terms = _version_for(p, t0)
        if terms is None or terms.share_of_principal.value is None:
            continue
        if terms.funding_rate.value is None:
            continue
        window = _window_share(p, loan, t0)
        if window == 0:
            continue
        refinanced = (
            terms.share_of_principal.value * eligible_share * loan.principal_at(t0) * window
        )
        spread = _comparison(rates, t0) - terms.funding_rate.value
        total += refinanced * spread * (t1 - t0).days / BASIS
    return round_fen(total)


def _co2e(p: Programme, loan: LoanPosition, f: _Findings) -> Decimal | None:
    if loan.annual_co2e_t is None:
        return None
    if not loan.total_investment:
        f.notes.append(
            Finding(
                "co2e",
                "项目总投资未知，无法按贷款占比折算碳减排量",
                "the project's total investment is unknown: the reduction cannot be attributed",
            )
        )
        return None
    ratio = min(loan.amount / loan.total_investment, Decimal(1))
    return (loan.annual_co2e_t * ratio).quantize(TONNE)


def _window_note(months: int, window: Decimal) -> Finding:
    pct = f"{window * 100:.2f}%"
    return Finding(
        "window",
        f"部分提款自提款日起{months}个月的再贷款支持期（期限加展期）已届满："
        f"仅 {pct} 的余额仍获支持",
        f"the refinancing window ({months} months from each drawdown: term and rollovers) has "
        f"closed for part of the loan: {pct} of the balance is still refinanced",
    )


def assess(
    p: Programme, loan: LoanPosition, as_of: date, rates: tuple[ComparisonRate, ...]
) -> ProgrammeResult:
    """Eligibility of ``loan`` for ``p`` on ``as_of``, with its figures."""
    f = _Findings()
    v = p.version_on(as_of)
    if v is None:
        f.add(
            False,
            "in_force",
            f"{p.name_zh}在 {as_of} 不在施行期内",
            f"{p.name_en} is not in force on {as_of}",
        )
        share, keys = Decimal(0), list[str]()
    else:
        start = v.in_force_from.value
        f.add(
            True,
            "in_force",
            f"{p.name_zh}（{v.id}版，自{start}起施行）",
            f"{p.name_en} (version {v.id}, in force from {start})",
        )
        share, keys = _areas(p, v, loan, f)
        _conditions(p, v, loan, f)
    eligible = v is not None and not f.missing
    outstanding = loan.outstanding(as_of)
    eligible_outstanding = round_fen(outstanding * share) if eligible else ZERO
    refinancing: Decimal | None = None
    windows: tuple[SupportWindow, ...] = ()
    benefit: Decimal | None = None
    computes = p.computes_refinancing and v is not None
    if computes and v is not None and v.share_of_principal.value is not None:
        months = v.support_months or 0
        windows = tuple(
            SupportWindow(d, a, add_months(d, months)) for d, a in _eligible_draws(p, loan)
        )
        if eligible:
            window = _window_share(p, loan, as_of)
            refinancing = round_fen(v.share_of_principal.value * eligible_outstanding * window)
            benefit = _benefit(p, loan, share, rates)
            if window < 1 and outstanding > 0:
                f.notes.append(_window_note(months, window))
        else:
            refinancing = ZERO
            benefit = ZERO
    elif eligible and not p.computes_refinancing:
        f.notes.append(
            Finding(
                "refinancing",
                "该工具的再贷款比例和利率未经证实，不计算再贷款金额和资金收益",
                "the programme's share of principal and rate are not confirmed: no refinancing "
                "amount or funding benefit is computed",
            )
        )
    co2e = _co2e(p, loan, f) if eligible and p.reduction_method_en else None
    if eligible and p.institutions_en:
        f.notes.append(Finding("institution", p.institutions_zh, p.institutions_en))
    return ProgrammeResult(
        programme=p.key,
        name_zh=p.name_zh,
        name_en=p.name_en,
        version=v.id if v else None,
        as_of=as_of,
        eligible=eligible,
        criteria_met=tuple(f.met),
        missing=tuple(f.missing),
        notes=tuple(f.notes),
        areas=tuple(keys),
        eligible_share=share,
        outstanding=outstanding,
        eligible_outstanding=eligible_outstanding,
        share_of_principal=v.share_of_principal.value if v else None,
        share_source=v.share_of_principal.cite() if v else "",
        funding_rate=v.funding_rate.value if v else None,
        rate_source=v.funding_rate.cite() if v else "",
        refinancing=refinancing,
        support_windows=windows,
        funding_benefit=benefit,
        comparison_source=rates[0].source if rates else "",
        annual_co2e_t=co2e,
        co2e_method_zh=p.reduction_method_zh,
        co2e_method_en=p.reduction_method_en,
    )
