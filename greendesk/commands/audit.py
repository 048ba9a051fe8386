"""``greendesk audit verify`` checks the hash chain; ``greendesk audit log`` shows the events."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import add_db_argument, print_json, resolve_db_url, whole_number

if TYPE_CHECKING:
    from greendesk.services.audit import HistoryRow


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("audit", help="verify or list the tamper-evident audit trail")
    inner = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = inner.add_parser(
        "verify", help="check the hash chain; exit 1 naming the first bad event"
    )
    add_db_argument(verify)
    verify.add_argument(
        "--anchor",
        metavar="SEQ:HASH",
        action="append",
        default=[],
        help="also compare with this chain head (e.g. from a credit memo); may be repeated",
    )
    verify.set_defaults(handler=run_verify)
    log = inner.add_parser("log", help="list audit events (oldest first)")
    add_db_argument(log)
    log.add_argument("--loan", metavar="REF", help="only the events of this loan (all versions)")
    log.add_argument(
        "--limit", type=whole_number, default=200, help="newest N events (default 200)"
    )
    log.add_argument("--json", action="store_true", help="JSON instead of a table")
    log.set_defaults(handler=run_log)


def run_verify(args: argparse.Namespace) -> int:
    from greendesk.domain.audit_chain import Anchor, ExternalAnchor
    from greendesk.domain.errors import UserError
    from greendesk.services import audit
    from greendesk.store.database import open_database

    given = []
    for text in args.anchor:
        anchor = Anchor.parse(text.strip())
        if anchor is None:
            raise UserError(f"--anchor: {text!r} is not SEQ:HASH (e.g. 121:6db5…, 64 hex digits)")
        given.append(ExternalAnchor(anchor, "the head given with --anchor"))
    db = open_database(resolve_db_url(args.db))
    try:
        result = audit.verify(db, given)
    finally:
        db.dispose()
    if not result.ok:
        where = f"event #{result.bad_seq}" if result.bad_seq is not None else "the trail"
        print(f"audit trail: FAILED at {where} ({result.kind})", file=sys.stderr)
        print(result.message, file=sys.stderr)
        return 1
    head = f"#{result.head.seq} {result.head.hash}" if result.head else "(empty)"
    print(f"audit trail: OK, {result.events} events, chain head {head}")
    for source in result.checked:
        print(f"  matches {source}")
    if not result.checked:
        print("  (no chain head kept outside the database was found to compare with)")
    return 0


def _row(h: HistoryRow) -> dict[str, Any]:
    from greendesk.domain.audit_chain import utc_text

    return {
        "seq": h.seq,
        "occurred_at": utc_text(h.occurred_at),
        "actor": h.actor,
        "action": h.action,
        "entity_type": h.entity_type,
        "entity_id": h.entity_id,
        "changes": [{"field": c.field, "before": c.before, "after": c.after} for c in h.changes],
    }


def _short(value: Any) -> str:
    text = "∅" if value is None else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def run_log(args: argparse.Namespace) -> int:
    from greendesk.services import audit
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        if args.loan:
            rows = audit.loan_history(db, args.loan)
            if args.limit:
                rows = rows[-args.limit :]
        else:
            rows = audit.recent(db, max(args.limit, 1))
    finally:
        db.dispose()
    if args.json:
        print_json([_row(r) for r in rows])
        return 0
    for h in rows:
        when = h.occurred_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        print(f"#{h.seq:<6} {when}  {h.actor:<12} {h.action:<16} {h.entity_type} {h.entity_id}")
        for c in h.changes[:12]:
            print(f"{'':10}{c.field}: {_short(c.before)} → {_short(c.after)}")
        if len(h.changes) > 12:
            print(f"{'':10}… {len(h.changes) - 12} more fields")
    if not rows:
        print("no audit events")
    return 0
