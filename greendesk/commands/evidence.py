"""``greendesk evidence list | supply | withdraw``: the missing evidence of a loan's classification.

``list REF`` shows each missing item and what supplies it (a technology value with its unit and
rule, or a document of a kind) and the documents on file; ``supply REF --item ID`` records a
value (``--value``) or a document received (``--document FILE --kind K --date D --issuer TEXT``)
and re-classifies the loan — the same service as the window's evidence page. ``withdraw REF
--document ID`` takes a document off file (the officer of record or an administrator, before the
committee decides) and re-classifies the loan; its file goes when no other record keeps it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import (
    add_db_argument,
    login,
    print_json,
    resolve_db_url,
    whole_number,
)
from greendesk.commands._reference_data import add_acting, plain

if TYPE_CHECKING:
    from greendesk.services.evidence import EvidenceItem, LoanEvidence


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "evidence", help="list or supply the missing evidence of a loan's classification"
    )
    inner = parser.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)

    listing = inner.add_parser("list", help="the missing evidence of loan REF")
    listing.add_argument("reference", metavar="REF")
    listing.add_argument("--json", action="store_true")
    add_db_argument(listing)
    listing.set_defaults(handler=run_list)

    supply = inner.add_parser("supply", help="supply one missing item of REF (officer)")
    supply.add_argument("reference", metavar="REF")
    supply.add_argument("--item", required=True, metavar="ID", help="the item's id (see list)")
    what = supply.add_mutually_exclusive_group(required=True)
    what.add_argument("--value", metavar="V", help="the technology value")
    what.add_argument("--document", metavar="FILE", help="the document's file, to attach")
    supply.add_argument("--kind", metavar="K", help="the document's evidence kind")
    supply.add_argument("--date", metavar="D", help="the date the document was received")
    supply.add_argument("--issuer", metavar="TEXT", help="who issued the document")
    supply.add_argument("--reference", dest="doc_reference", metavar="TEXT", default="")
    supply.add_argument("--json", action="store_true")
    add_acting(supply)
    supply.set_defaults(handler=run_supply)

    withdraw = inner.add_parser(
        "withdraw",
        help="withdraw a supplied document of REF (the officer of record or an administrator, "
        "before the committee decides)",
    )
    withdraw.add_argument("reference", metavar="REF")
    withdraw.add_argument(
        "--document",
        required=True,
        type=whole_number,
        metavar="ID",
        help="the document's id (see list --json)",
    )
    withdraw.add_argument("--json", action="store_true")
    add_acting(withdraw)
    withdraw.set_defaults(handler=run_withdraw)


def _item_json(item: EvidenceItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "text": item.en,
        "text_zh": item.zh,
        "supplied_by": item.supply,
        "parameter": item.parameter,
        "unit": item.unit or None,
        "choices": list(item.choices),
        "minimum": None if item.minimum is None else plain(item.minimum),
        "maximum": None if item.maximum is None else plain(item.maximum),
        "rule": item.rule_en,
        "kind": item.kind,
        "current": item.current,
    }


def _as_json(found: LoanEvidence) -> dict[str, Any]:
    return {
        "reference": found.reference,
        "project": found.project_name or None,
        "class": found.primary,
        "missing": [_item_json(i) for i in found.items],
        "documents": [
            {
                "id": d.id,
                "kind": d.kind,
                "received_on": d.received_on.isoformat(),
                "issuer": d.issuer,
                "reference": d.reference or None,
                "file_name": d.file_name,
                "file_size": d.file_size,
                "sha256": d.sha256,
                "recorded_by": d.recorded_by,
            }
            for d in found.documents
        ],
    }


def _item_line(item: EvidenceItem) -> str:
    if item.supply == "value":
        unit = f" [{item.unit}]" if item.unit else ""
        how = f"value {item.parameter}{unit}: {item.rule_en}"
    elif item.supply == "document":
        how = f"document of kind {item.kind}"
    else:
        how = item.rule_en or "supplied in another editor"
    return f"  {item.id}\n      {item.en}\n      → {how}"


def _print(found: LoanEvidence) -> None:
    head = f"{found.reference}: class {found.primary or 'not classified'}"
    print(head + (f", project {found.project_name}" if found.project_name else ""))
    if not found.items:
        print("no missing evidence")
    else:
        print(f"{len(found.items)} missing item(s):")
        for item in found.items:
            print(_item_line(item))
    if found.documents:
        print("documents on file:")
        for d in found.documents:
            ref = f" {d.reference}" if d.reference else ""
            print(f"  {d.kind}: {d.issuer}{ref}, received {d.received_on}, {d.file_name} "
                  f"(sha256 {d.sha256[:12]}…)")  # fmt: skip


def run_list(args: argparse.Namespace) -> int:
    from greendesk.services import evidence, workflow
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        found = evidence.missing_evidence(db, workflow.latest_loan_id(db, args.reference))
    finally:
        db.dispose()
    if args.json:
        print_json(_as_json(found))
    else:
        _print(found)
    return 0


def run_supply(args: argparse.Namespace) -> int:
    from greendesk.domain.errors import UserError
    from greendesk.services import evidence_supply, workflow
    from greendesk.store.database import open_database

    if args.value is not None:
        extra = [n for n in ("kind", "date", "issuer") if getattr(args, n) is not None]
        if extra or args.doc_reference:
            raise UserError("--value: --kind, --date, --issuer and --reference are for documents")
    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        loan_id = workflow.latest_loan_id(db, args.reference)
        if args.value is not None:
            done = evidence_supply.supply_value(db, actor, loan_id, args.item, args.value)
        else:
            data = evidence_supply.DocumentInput(
                kind=args.kind or "",
                received_on=args.date or "",
                issuer=args.issuer or "",
                reference=args.doc_reference,
                path=args.document,
            )
            done = evidence_supply.supply_document(db, actor, loan_id, args.item, data)
    finally:
        db.dispose()
    if args.json:
        print_json({"item": done.item_id, "satisfied": done.satisfied, **_as_json(done.evidence)})
        return 0
    state = "satisfied" if done.satisfied else "recorded, still missing"
    print(f"{args.reference}: {done.item_id} {state}; class {done.evidence.primary}")
    print(f"{len(done.evidence.items)} missing item(s) left")
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    from greendesk.services import evidence_withdraw, workflow
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        loan_id = workflow.latest_loan_id(db, args.reference)
        done = evidence_withdraw.withdraw_document(db, actor, loan_id, args.document)
    finally:
        db.dispose()
    if args.json:
        print_json(
            {"withdrawn": done.document_id, "file_removed": done.file_removed,
             **_as_json(done.evidence)}
        )  # fmt: skip
        return 0
    kept = "its file removed" if done.file_removed else "its file kept (another record has it)"
    print(f"{args.reference}: document {done.document_id} withdrawn, {kept}; "
          f"class {done.evidence.primary}")  # fmt: skip
    print(f"{len(done.evidence.items)} missing item(s)")
    return 0
