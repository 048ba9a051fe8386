"""``greendesk programmes``: policy-programme eligibility, the CERF disclosure, the pipeline.

- ``eligibility [REF] [--as-of DATE] [--json] [--lang zh|en]``: every current loan's (or one
  loan's) standing under each programme: conditions met and missing, eligible outstanding,
  refinancing amount, funding benefit over the loan's life, with the figures' sources;
- ``report cerf --quarter 2026Q4 [--json] [-o FILE.xlsx] [--lang zh|en]``: the quarterly list
  of supported loans with totals (the workbook's totals are formulas);
- ``pipeline [--json]``: the project libraries' figures (to become ``portfolio pipeline``).
Amounts in JSON are exact strings; findings carry ``zh`` and ``en``.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import (
    add_db_argument,
    date_argument,
    print_json,
    resolve_db_url,
    whole_number,
)

if TYPE_CHECKING:
    from greendesk.services.programmes import Disclosure, LoanProgrammes

LANGS = ("zh", "en")

WORDS: dict[str, tuple[str, str]] = {
    "eligible": ("符合", "eligible"),
    "not_eligible": ("不符合", "not eligible"),
    "met": ("已满足", "met"),
    "missing": ("未满足", "missing"),
    "note": ("说明", "note"),
    "outstanding": ("余额", "outstanding"),
    "eligible_outstanding": ("合格余额", "eligible outstanding"),
    "refinancing": ("再贷款支持", "refinancing"),
    "benefit": ("存续期资金收益", "funding benefit over the loan's life"),
    "not_computed": ("不计算", "not computed"),
    "co2e": ("带动年碳减排量", "reduction driven"),
    "share": ("比例", "share"),
    "rate": ("利率", "rate"),
    "source": ("来源", "source"),
    "as_of": ("数据日期", "as of"),
    "totals": ("合计", "totals"),
    "loans": ("笔", "loans"),
    "weighted": ("加权平均利率", "weighted average rate"),
    "none": ("本季无获支持的贷款", "no supported loans in this quarter"),
    "cannot": ("无法评估", "cannot assess"),
}


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "programmes",
        help="policy programmes: eligibility, CERF disclosure, library pipeline",
        description="The article's policy instruments: the PBoC carbon emission reduction "
        "facility (碳减排支持工具) and Changji's 绿碳融 relending, from the programme files in "
        "resources/programmes/.",
    )
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)
    elig = sub.add_parser(
        "eligibility",
        help="each loan's eligibility, refinancing and funding benefit",
        description="Eligibility of every current loan (or LOAN_REF) for each programme on "
        "--as-of (default today): conditions met and missing, eligible outstanding principal, "
        "refinancing amount, funding benefit over the loan's life.",
    )
    elig.add_argument("reference", metavar="LOAN_REF", nargs="?", help="one loan's reference")
    elig.add_argument("--as-of", metavar="DATE", type=date_argument, default=None)
    elig.add_argument("--json", action="store_true", help="print JSON instead of text")
    elig.add_argument("--lang", choices=LANGS, default="en", help="text report language")
    add_db_argument(elig)
    elig.set_defaults(handler=run_eligibility)
    report = sub.add_parser(
        "report",
        help="a programme's quarterly disclosure (cerf)",
        description="The quarterly list of loans a programme supports, with totals.",
    )
    report.add_argument("programme", choices=("cerf",), help="the programme (cerf)")
    report.add_argument("--quarter", required=True, metavar="YYYYQn", help="e.g. 2026Q4")
    report.add_argument("--json", action="store_true", help="print JSON instead of text")
    report.add_argument("-o", "--output", metavar="FILE.xlsx", help="write an Excel workbook")
    report.add_argument("--lang", choices=LANGS, default="zh", help="language (default zh)")
    add_db_argument(report)
    report.set_defaults(handler=run_report)
    pipeline = sub.add_parser(
        "pipeline",
        help="project libraries: projects, investment, loan demand, credit, disbursed",
        description="The project libraries' reported figures (the Gansu climate "
        "investment-and-financing library …), each with its source.",
    )
    pipeline.add_argument("--json", action="store_true", help="print JSON instead of text")
    pipeline.add_argument("--lang", choices=LANGS, default="en", help="text report language")
    add_db_argument(pipeline)
    pipeline.set_defaults(handler=run_pipeline)
    library = sub.add_parser(
        "library",
        help="record a loan's project in a project library, or list the entries",
        description="Project libraries (项目库) as classification evidence: a project recognised "
        "as a transition project satisfies the eligible-transition-activity point.",
    )
    lverbs = library.add_subparsers(dest="library_verb", metavar="add|list", required=True)
    ladd = lverbs.add_parser("add", help="record LOAN_REF's project in a library (--as OFFICER)")
    ladd.add_argument("loan", metavar="LOAN_REF", help="the loan whose project is recognised")
    ladd.add_argument("--library", required=True, help="e.g. 昌吉州降碳转型升级项目库")
    ladd.add_argument("--date", required=True, type=date_argument, help="date recognised")
    ladd.add_argument("--rule", required=True, help="the recognition rule (认定办法)")
    ladd.add_argument("--source", required=True, help="where the recognition is documented")
    ladd.add_argument("--reference", default="", help="the project's reference in the library")
    ladd.add_argument(
        "--kind",
        default="transition_project",
        choices=("transition_project", "transition_enterprise", "climate_project"),
    )
    ladd.add_argument("--as", dest="acting", required=True, metavar="USER")
    ladd.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_db_argument(ladd)
    ladd.set_defaults(handler=run_library_add)
    llist = lverbs.add_parser("list", help="every library entry with its project and loans")
    llist.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_db_argument(llist)
    llist.set_defaults(handler=run_library_list)
    _register_carbon_accounts(sub)


def _register_carbon_accounts(sub: argparse._SubParsersAction[Any]) -> None:
    account = sub.add_parser(
        "carbon-account",
        help="a borrower's carbon-account record (碳账户): show, or add an assessment",
        description="Show a borrower's carbon-account grade (碳效码), its history and the "
        "pricing policy's proposal; or add a platform assessment (a grade change flags the "
        "borrower's live loans for repricing review).",
    )
    verbs = account.add_subparsers(dest="account_verb", metavar="show|add", required=True)
    show = verbs.add_parser("show", help="grade, history and pricing proposal")
    show.add_argument("credit_code", metavar="CREDIT_CODE", help="the borrower's credit code")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.add_argument("--lang", choices=LANGS, default="en", help="text report language")
    add_db_argument(show)
    show.set_defaults(handler=run_account_show)
    add = verbs.add_parser("add", help="record an assessment (needs --as OFFICER)")
    add.add_argument("credit_code", metavar="CREDIT_CODE", help="the borrower's credit code")
    add.add_argument("--platform", required=True, help="e.g. 新能源云昌吉州碳中和支撑服务平台")
    add.add_argument("--grade", required=True, help="carbon-account grade (碳效码), e.g. B")
    add.add_argument("--date", required=True, type=date_argument, help="assessment date")
    add.add_argument("--source", required=True, help="where the assessment comes from")
    add.add_argument("--intensity", default=None, help="carbon intensity, an exact number")
    add.add_argument("--unit", default=None, help="the intensity's unit, e.g. tCO2/MWh")
    add.add_argument("--as", dest="acting", required=True, metavar="USER")
    add.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_db_argument(add)
    add.set_defaults(handler=run_account_add)
    reviews = sub.add_parser(
        "reviews",
        help="open repricing reviews raised by carbon-account grade changes",
        description="The loans flagged for repricing review; --resolve ID closes one.",
    )
    reviews.add_argument("--resolve", type=whole_number, metavar="ID", help="resolve review ID")
    reviews.add_argument("--note", help="the outcome, required with --resolve")
    reviews.add_argument("--as", dest="acting", metavar="USER", help="needed with --resolve")
    reviews.add_argument("--json", action="store_true", help="print JSON instead of text")
    reviews.add_argument("--lang", choices=LANGS, default="en", help="text report language")
    add_db_argument(reviews)
    reviews.set_defaults(handler=run_reviews)


def plain(value: Any) -> Any:
    """JSON-ready: decimals and dates as exact strings."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def eligibility_text(loans: list[LoanProgrammes], lang: str) -> str:
    def w(key: str) -> str:
        zh, en = WORDS[key]
        return zh if lang == "zh" else en

    lines: list[str] = []
    for lp in loans:
        lines.append(f"{lp.reference}  {lp.borrower}  ({lp.status})")
        if lp.error:
            lines.append(f"  {w('cannot')}: {lp.error}")
        for r in lp.results:
            verdict = w("eligible") if r.eligible else w("not_eligible")
            lines.append(f"  {r.name(lang)} [{r.version or '—'}]: {verdict}")
            lines.extend(f"    + {f.in_lang(lang)}" for f in r.criteria_met)
            lines.extend(f"    - {f.in_lang(lang)}" for f in r.missing)
            lines.extend(f"    · {f.in_lang(lang)}" for f in r.notes)
            if not r.eligible:
                continue
            lines.append(
                f"    {w('outstanding')} {_money(r.outstanding)}   "
                f"{w('eligible_outstanding')} {_money(r.eligible_outstanding)}"
            )
            if r.refinancing is None:
                lines.append(f"    {w('refinancing')}: {w('not_computed')}")
            else:
                share = r.share_of_principal or Decimal(0)
                rate = r.funding_rate or Decimal(0)
                lines.append(
                    f"    {w('refinancing')} {_money(r.refinancing)} "
                    f"({w('share')} {share * 100:.0f}% [{r.share_source}], "
                    f"{w('rate')} {rate * 100:.2f}% [{r.rate_source}])"
                )
            if r.funding_benefit is not None:
                lines.append(
                    f"    {w('benefit')} {_money(r.funding_benefit)} [{r.comparison_source}]"
                )
            if r.annual_co2e_t is not None:
                method = r.co2e_method_zh if lang == "zh" else r.co2e_method_en
                lines.append(f"    {w('co2e')} {r.annual_co2e_t:,.2f} tCO2e ({method})")
        lines.append("")
    return "\n".join(lines)


def eligibility_json(loans: list[LoanProgrammes]) -> list[dict[str, Any]]:
    return [plain(asdict(lp)) for lp in loans]


def disclosure_json(report: Disclosure) -> dict[str, Any]:
    data = plain(asdict(report))
    data["totals"] = plain(
        {
            "count": len(report.rows),
            "amount": report.total_amount,
            "disbursed_in_quarter": report.total_disbursed,
            "outstanding": report.total_outstanding,
            "refinanced": report.total_refinanced,
            "annual_co2e_t": report.total_co2e_t,
            "weighted_rate": report.weighted_rate,
        }
    )
    return dict(data)


def disclosure_text(report: Disclosure, lang: str) -> str:
    def w(key: str) -> str:
        zh, en = WORDS[key]
        return zh if lang == "zh" else en

    name = report.name_zh if lang == "zh" else report.name_en
    rate = "—" if report.funding_rate is None else f"{report.funding_rate * 100:.2f}%"
    lines = [f"{name}  {report.quarter} ({report.start} – {report.end})  [{report.version}]"]
    lines.append(f"  {w('rate')} {rate} [{report.rate_source}]")
    if not report.rows:
        lines.append(f"  {w('none')}")
    for r in report.rows:
        areas = r.areas_zh if lang == "zh" else r.areas_en
        co2e = "—" if r.annual_co2e_t is None else f"{r.annual_co2e_t:,.2f}"
        lines.append(
            f"  {r.reference}  {r.borrower}  {areas}  {_money(r.amount)}  {r.rate * 100:.2f}%  "
            f"{r.start_date}–{r.maturity_date}  {w('outstanding')} {_money(r.outstanding)}  "
            f"{w('refinancing')} {_money(r.refinanced)}  {co2e} tCO2e"
        )
    weighted = report.weighted_rate
    lines.append(
        f"  {w('totals')}: {len(report.rows)} {w('loans')}  {_money(report.total_amount)}  "
        f"{w('outstanding')} {_money(report.total_outstanding)}  "
        f"{w('refinancing')} {_money(report.total_refinanced)}  "
        f"{report.total_co2e_t:,.2f} tCO2e  "
        f"{w('weighted')} {'—' if weighted is None else f'{weighted * 100:.2f}%'}"
    )
    return "\n".join(lines) + "\n"


def run_eligibility(args: argparse.Namespace) -> int:
    from greendesk.services.programmes import eligibility
    from greendesk.store.database import open_database

    as_of = args.as_of or date.today()
    db = open_database(resolve_db_url(args.db))
    try:
        loans = eligibility(db, args.reference, as_of)
    finally:
        db.dispose()
    if args.json:
        print_json(eligibility_json(loans))
    else:
        print(eligibility_text(loans, args.lang), end="")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from greendesk.domain.errors import UserError
    from greendesk.services.programmes import disclosure, parse_quarter
    from greendesk.store.database import open_database

    parse_quarter(args.quarter)  # refuse a bad quarter before opening anything
    if args.output and not args.output.lower().endswith(".xlsx"):
        raise UserError(f"-o: {args.output!r}: the workbook's name must end in .xlsx")
    db = open_database(resolve_db_url(args.db))
    try:
        report = disclosure(db, args.programme, args.quarter)
    finally:
        db.dispose()
    if args.output:
        from greendesk.reporting.programmes.cerf_workbook import write_cerf

        target = Path(args.output)
        if not target.parent.is_dir():
            raise UserError(f"-o: folder {str(target.parent)!r} does not exist")
        write_cerf(report, target, args.lang)
    if args.json:
        print_json(disclosure_json(report))
    elif not args.output:
        print(disclosure_text(report, args.lang), end="")
    return 0


def run_pipeline(args: argparse.Namespace) -> int:
    from greendesk.services.libraries import pipeline
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        report = pipeline(db)
    finally:
        db.dispose()
    if args.json:
        print_json(plain(asdict(report)))
    else:
        print(report.text(args.lang), end="")
    return 0


def account_text(account: Any, lang: str) -> str:
    zh = lang == "zh"
    lines = [f"{account.borrower}  {account.credit_code}"]
    lines.append(f"  {'碳效码' if zh else 'grade'}: {account.grade or '—'}")
    if account.proposal is not None:
        lines.append(f"  {account.proposal.in_lang(lang)}  [{account.proposal.source}]")
    for r in account.history:
        intensity = "" if r.intensity is None else f"  {r.intensity} {r.intensity_unit}".rstrip()
        lines.append(f"  {r.assessed_on}  {r.grade}  {r.platform}{intensity}  ({r.source})")
    return "\n".join(lines) + "\n"


def run_account_show(args: argparse.Namespace) -> int:
    from greendesk.services.carbon_accounts import carbon_account
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        account = carbon_account(db, args.credit_code)
    finally:
        db.dispose()
    if args.json:
        print_json(plain(asdict(account)))
    else:
        print(account_text(account, args.lang), end="")
    return 0


def run_account_add(args: argparse.Namespace) -> int:
    from greendesk.commands._common import login
    from greendesk.services.carbon_accounts import record_assessment
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        done = record_assessment(
            db,
            actor,
            args.credit_code,
            platform=args.platform,
            grade=args.grade,
            assessed_on=args.date,
            source=args.source,
            intensity=args.intensity,
            intensity_unit=args.unit,
        )
    finally:
        db.dispose()
    if args.json:
        print_json(plain(asdict(done)))
        return 0
    print(f"recorded carbon-account assessment {done.record.id}: grade {done.record.grade}")
    if done.grade_changed:
        print(f"grade changed from {done.previous_grade or '—'}; {len(done.flagged)} loans flagged")
    for alert in done.flagged:
        print(f"  ! {alert.en}")
    return 0


def run_reviews(args: argparse.Namespace) -> int:
    from greendesk.domain.errors import UserError
    from greendesk.services.carbon_accounts import open_reviews, resolve_review
    from greendesk.store.database import open_database

    if args.resolve is not None and (not args.acting or not args.note):
        raise UserError("--resolve: needs --note (the outcome) and --as USER")
    db = open_database(resolve_db_url(args.db))
    try:
        if args.resolve is not None:
            from greendesk.commands._common import login

            resolve_review(db, login(db, args.acting), args.resolve, args.note)
        alerts = open_reviews(db)
    finally:
        db.dispose()
    if args.json:
        print_json(plain([asdict(a) for a in alerts]))
    else:
        for a in alerts:
            print(f"[{a.id}] {a.in_lang(args.lang)}")
    return 0


def run_library_add(args: argparse.Namespace) -> int:
    from greendesk.commands._common import login
    from greendesk.services.libraries import record_entry
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        entry = record_entry(
            db,
            login(db, args.acting),
            args.loan,
            library=args.library,
            recognised_on=args.date,
            rule=args.rule,
            source=args.source,
            reference=args.reference,
            kind=args.kind,
        )
    finally:
        db.dispose()
    if args.json:
        print_json(plain(asdict(entry)))
    else:
        print(
            f"recorded library entry {entry.id}: {entry.project} in {entry.library}; "
            f"re-classified {', '.join(entry.loans)}"
        )
    return 0


def run_library_list(args: argparse.Namespace) -> int:
    from greendesk.services.libraries import entries
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        rows = entries(db)
    finally:
        db.dispose()
    if args.json:
        print_json(plain([asdict(r) for r in rows]))
    else:
        for r in rows:
            print(f"[{r.id}] {r.library}  {r.reference or '—'}  {r.recognised_on}  {r.project}")
    return 0
