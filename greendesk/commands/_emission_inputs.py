"""``greendesk emissions inputs set | show``: a borrower's or project's PCAF inputs.

``set`` records or changes them (officers, ``--as USER``): the options given replace those
fields of the stored record, an empty value (``--equity ""``) clears one, and every rule is
checked before anything is saved (``field: rule``). ``show`` prints the record, the PCAF formula
branch it leads to (business loan or project finance, the fallback to total assets in words) and
its change history from the audit trail. Hooked under ``greendesk emissions`` by
``commands/emissions.py``.
"""

from __future__ import annotations

import argparse
import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, login, print_json, resolve_db_url
from greendesk.commands._reference_data import add_acting

if TYPE_CHECKING:
    from greendesk.services.emission_inputs import InputsView

OPTIONS = ("1a", "1b", "2a", "2b", "3a", "3b", "3c")  # domain.emissions.pcaf.OPTIONS
# option name -> input field (all text, so the service's rules name the field)
VALUES = {
    "equity": "equity",
    "debt": "debt",
    "total_assets": "total_assets",
    "revenue": "revenue",
    "scope12": "scope12_t",
    "scope3": "scope3_t",
    "sector": "sector",
    "year": "year",
    "source": "source",
    "avoided": "avoided_t",
}


def _subject(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--borrower", metavar="CODE", help="the borrower's credit code (or id)")
    which.add_argument("--project", metavar="ID", help="the project's id (project finance)")


def register_inputs(inner: argparse._SubParsersAction[Any]) -> None:
    parser = inner.add_parser("inputs", help="a borrower's or project's PCAF inputs")
    verbs = parser.add_subparsers(dest="inputs_command", metavar="ACTION", required=True)

    put = verbs.add_parser("set", help="record or change the inputs (officer)")
    _subject(put)
    put.add_argument("--option", metavar="CODE", help=f"PCAF option: {', '.join(OPTIONS)}")
    put.add_argument("--equity", metavar="YUAN", help="total equity (may be negative)")
    put.add_argument("--debt", metavar="YUAN", help="total debt")
    put.add_argument("--total-assets", metavar="YUAN", help="total assets (the fallback)")
    put.add_argument("--revenue", metavar="YUAN", help="revenue (option 3a)")
    put.add_argument("--scope12", metavar="T", help="scope 1+2 emissions, tCO2e a year")
    put.add_argument("--scope3", metavar="T", help="scope 3 emissions, tCO2e a year")
    put.add_argument("--year", metavar="YYYY", help="the year the figures are for")
    put.add_argument(
        "--activity",
        action="append",
        metavar="FACTOR=QTY",
        help="an activity line (options 2a/2b); repeat for more; replaces the stored lines",
    )
    put.add_argument("--clear-activity", action="store_true", help="remove the activity lines")
    put.add_argument("--sector", metavar="KEY", help="sector factor (options 3a/3b/3c)")
    put.add_argument("--source", metavar="TEXT", help="where the figures come from")
    put.add_argument("--avoided", metavar="T", help="a project's expected yearly reduction")
    assumed = put.add_mutually_exclusive_group()
    assumed.add_argument("--assumed", dest="assumed", action="store_true", default=None)
    assumed.add_argument("--not-assumed", dest="assumed", action="store_false")
    put.add_argument("--json", action="store_true")
    add_acting(put)
    put.set_defaults(handler=run_set)

    show = verbs.add_parser("show", help="the inputs, the formula branch and their history")
    _subject(show)
    show.add_argument("--json", action="store_true")
    add_db_argument(show)
    show.set_defaults(handler=run_show)


def _plain(value: Any) -> Any:
    from greendesk.services.audit import to_jsonable

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return format(value, "f")
    return to_jsonable(value)


def _which(args: argparse.Namespace) -> tuple[str, str]:
    return ("borrower", args.borrower) if args.borrower is not None else ("project", args.project)


def _text(view: InputsView, lang: str = "en") -> str:
    r = view.record
    lines = [f"{view.subject} {view.subject_id} {view.name}"]
    if r is None:
        lines.append("  no PCAF inputs on record")
    else:

        def v(x: object) -> str:
            return "—" if x is None else f"{x:,.2f}" if isinstance(x, Decimal) else str(x)

        lines += [
            f"  option {r.option}, year {v(r.year)}" + ("  ASSUMED" if r.assumed else ""),
            f"  equity {v(r.equity)}  debt {v(r.debt)}  total assets {v(r.total_assets)}"
            f"  revenue {v(r.revenue)}",
            f"  scope 1+2 {v(r.scope12_t)} t  scope 3 {v(r.scope3_t)} t  sector {v(r.sector)}",
        ]
        lines += [f"  activity {a.factor} = {a.quantity}" for a in r.activity]
        lines.append(f"  source: {r.source or '—'}")
    if view.subject == "project":
        avoided = "—" if view.avoided_t is None else f"{view.avoided_t:,.2f}"
        lines.append(f"  avoided (expected yearly reduction, never netted) {avoided} t")
    lines.append(f"  formula: {view.branch.text(lang)}")
    for h in view.history:
        what = ", ".join(f"{f} {b!r} → {a!r}" for f, b, a in h.changes)
        lines.append(f"  #{h.seq} {h.occurred_at} {h.actor}: {what}")
    return "\n".join(lines)


def run_show(args: argparse.Namespace) -> int:
    from greendesk.services import emission_inputs as inputs
    from greendesk.store.database import open_database

    subject, key = _which(args)
    db = open_database(resolve_db_url(args.db))
    try:
        view = inputs.show_inputs(db, subject, inputs.find_subject(db, subject, key))
    finally:
        db.dispose()
    if args.json:
        print_json(_plain(view))
    else:
        print(_text(view))
    return 0


def run_set(args: argparse.Namespace) -> int:
    from greendesk.services import emission_inputs as inputs
    from greendesk.store.database import open_database

    subject, key = _which(args)
    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        subject_id = inputs.find_subject(db, subject, key)
        current = inputs.show_inputs(db, subject, subject_id)
        data = inputs.current_input(current.record, current.avoided_t)
        if args.option is not None:
            data.option = args.option
        for option, name in VALUES.items():
            given = getattr(args, option)
            if given is not None:
                setattr(data, name, given)
        if args.clear_activity:
            data.activity = []
        if args.activity is not None:
            data.activity = list(args.activity)
        if args.assumed is not None:
            data.assumed = args.assumed
        inputs.set_inputs(db, actor, subject, subject_id, data)
        view = inputs.show_inputs(db, subject, subject_id)
    finally:
        db.dispose()
    if args.json:
        print_json(_plain(view))
    else:
        print(_text(view))
    return 0
