"""``greendesk kpi record | list | review | alerts``: carbon-linked loans after approval.

``record`` stores one observation of a KPI for one of its test dates. Only a verified one (a
verifier named, ``--report FILE`` attached, and entered by someone other than the loan's officer
of record) decides the test and moves the margin: met → the step-down, missed → the step-up,
from the first period starting on or after the test date, as a new schedule version
(``greendesk schedule --loan REF --version N`` prints any of them). ``review`` decides as missed
every test whose grace period ended without a verified observation. ``list`` and ``alerts``
only read.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import (
    add_db_argument,
    date_argument,
    login,
    print_json,
    resolve_db_url,
)
from greendesk.commands._reference_data import add_acting
from greendesk.domain.errors import UserError

if TYPE_CHECKING:
    from greendesk.services.kpi_input import ReportFile
    from greendesk.services.kpi_readout import LoanKpiReport
    from greendesk.services.kpi_recording import Decision


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "kpi", help="record and list KPI observations of carbon-linked loans; the margin ratchet"
    )
    inner = parser.add_subparsers(dest="kpi_command", metavar="ACTION", required=True)

    record = inner.add_parser(
        "record", help="record an observation (a verified one decides the test and the margin)"
    )
    record.add_argument("reference", metavar="REF", help="the loan's reference")
    record.add_argument("--kpi", required=True, metavar="NAME", help="the KPI's name")
    record.add_argument("--date", required=True, metavar="TEST_DATE", help="its test date")
    record.add_argument("--value", required=True, metavar="V", help="the observed value")
    record.add_argument("--verifier", default="", metavar="TEXT", help="the verification body")
    record.add_argument("--report", metavar="FILE", help="the verifier's report (attached)")
    record.add_argument("--report-ref", default="", metavar="TEXT", help="the report's number")
    record.add_argument("--report-date", metavar="DATE", help="the report's date")
    record.add_argument("--period-start", metavar="DATE", help="start of the period covered")
    record.add_argument("--period-end", metavar="DATE", help="end of the period covered")
    record.add_argument("--json", action="store_true")
    add_acting(record)
    record.set_defaults(handler=run_record)

    listing = inner.add_parser("list", help="a loan's KPIs, tests, observations and margin")
    listing.add_argument("reference", metavar="REF")
    listing.add_argument("--as-of", type=date_argument, metavar="DATE", help="default: today")
    listing.add_argument("--json", action="store_true")
    add_db_argument(listing)
    listing.set_defaults(handler=run_list)

    review = inner.add_parser(
        "review", help="decide as missed the tests whose grace period ended unverified"
    )
    review.add_argument("references", nargs="*", metavar="REF", help="default: every loan")
    review.add_argument("--json", action="store_true")
    add_acting(review)
    review.set_defaults(handler=run_review)

    alerts = inner.add_parser("alerts", help="KPI tests due within 30 days or overdue")
    alerts.add_argument("--as-of", type=date_argument, metavar="DATE", help="default: today")
    alerts.add_argument("--json", action="store_true")
    add_db_argument(alerts)
    alerts.set_defaults(handler=run_alerts)


def _plain(value: Any) -> Any:
    from greendesk.services.audit import to_jsonable

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return to_jsonable(value)


def _read_report(path: str | None) -> ReportFile | None:
    from greendesk.services.kpi_input import MAX_REPORT_BYTES, ReportFile

    if path is None:
        return None
    file = Path(path)
    try:
        if file.stat().st_size > MAX_REPORT_BYTES:
            raise UserError(f"--report: {path} is larger than {MAX_REPORT_BYTES // 2**20} MB")
        return ReportFile(file.name, file.read_bytes())
    except OSError as exc:
        raise UserError(f"--report: cannot read {path} ({exc.strerror})") from None


def _decision_line(d: Decision) -> str:
    version = f", schedule version {d.schedule_version}" if d.schedule_version else ""
    return (
        f"{d.reference} {d.kpi} {d.test_date}: {d.outcome.value}, margin {d.adjust_bps:+d} bps"
        f"{version}"
    )


def run_record(args: argparse.Namespace) -> int:
    from greendesk.services.kpi_input import ObservationInput
    from greendesk.services.kpi_recording import record_observation
    from greendesk.store.database import open_database

    report = _read_report(args.report)
    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        outcome = record_observation(
            db,
            actor,
            ObservationInput(
                reference=args.reference,
                kpi=args.kpi,
                test_date=args.date,
                value=args.value,
                verifier=args.verifier,
                report=report,
                report_reference=args.report_ref,
                report_date=args.report_date,
                period_start=args.period_start,
                period_end=args.period_end,
            ),
        )
    finally:
        db.dispose()
    if args.json:
        print_json(_plain(outcome))
        return 0
    obs = outcome.observation
    state = "verified" if obs.verified else f"NOT verified ({obs.unverified_reason})"
    print(f"observation {obs.id} recorded, {state}")
    if obs.comparison_en:
        print(f"  {obs.comparison_en}")
    if outcome.decision is not None:
        print("  " + _decision_line(outcome.decision))
    else:
        print("  the margin is unchanged")
    for note in outcome.notes:
        if note not in (obs.unverified_reason or ""):
            print(f"  note: {note}")
    return 0


def _text(report: LoanKpiReport) -> str:
    lines = [f"{report.reference} — officer of record: {report.officer or '(none)'}"]
    policy = report.policy
    if policy is not None:
        cap = f"±{policy.cap_bps} bps" if policy.cap_bps is not None else "none"
        lines.append(
            f"ratchet: met −{policy.step_down_bps} bps, missed +{policy.step_up_bps} bps, "
            f"cap {cap}, grace {policy.grace_days} days"
        )
    else:
        lines.append("ratchet: none (results are judged but move no margin)")
    for k in report.kpis:
        baseline = "—" if k.baseline is None else str(k.baseline)
        target = "—" if k.target is None else str(k.target)
        lines.append(f"KPI {k.name} [{k.unit or ''}]: baseline {baseline}, SPT {target}")
        for t in k.tests:
            step = f" {t.adjust_bps:+d} bps" if t.outcome is not None else ""
            lines.append(
                f"  test {t.test_date} (deadline {t.deadline}): {t.outcome_text('en')}{step}"
            )
    for o in report.observations:
        verified = "verified" if o.verified else f"unverified: {o.unverified_reason}"
        lines.append(
            f"  #{o.id} {o.kpi} {o.test_date} = {o.value} by {o.entered_by} on {o.entered_on}"
            f" ({verified}) {o.comparison_en or ''}".rstrip()
        )
    lines.append(f"margin change in force: {report.cumulative_bps:+d} bps")
    for v in report.versions:
        lines.append(f"  schedule version {v.version}: {v.reason} ({v.created_by})")
    lines += [f"! {a.en}" for a in report.alerts]
    return "\n".join(lines)


def run_list(args: argparse.Namespace) -> int:
    from greendesk.services.kpi_readout import loan_kpis
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        report = loan_kpis(db, args.reference, today=args.as_of)
    finally:
        db.dispose()
    if args.json:
        print_json(_plain(report) | {"cumulative_bps": report.cumulative_bps})
    else:
        print(_text(report))
    return 0


def run_review(args: argparse.Namespace) -> int:
    from greendesk.services.kpi_recording import review_overdue
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        decisions = review_overdue(db, actor, references=args.references or None)
    finally:
        db.dispose()
    if args.json:
        print_json(_plain(decisions))
    else:
        for d in decisions:
            print(_decision_line(d))
        print(f"{len(decisions)} test(s) decided as missed")
    return 0


def run_alerts(args: argparse.Namespace) -> int:
    from greendesk.services.kpi_readout import kpi_alerts
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        alerts = kpi_alerts(db, today=args.as_of)
    finally:
        db.dispose()
    if args.json:
        print_json([{"reference": ref, **_plain(a)} for ref, a in alerts])
    else:
        for ref, a in alerts:
            print(f"{ref}  {a.en}")
    return 0
