"""``greendesk quorum show | set``: the credit committee's quorum.

A decision needs ``--min-votes`` votes of which more than (``--more-than``, the default) or at
least (``--at-least``) ``--share`` approve: a simple majority is ``--share 1/2 --more-than``, two
thirds ``--share 2/3 --at-least``. Only an administrator may change it; ``set`` keeps whatever
is not given, and the change is audited by the service.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from greendesk.commands._common import (
    add_db_argument,
    login,
    print_json,
    resolve_db_url,
    whole_number,
)
from greendesk.commands._reference_data import add_acting

if TYPE_CHECKING:
    from greendesk.domain.workflow import QuorumRule


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser("quorum", help="show or set the credit committee's quorum")
    inner = parser.add_subparsers(dest="quorum_command", metavar="ACTION", required=True)

    show = inner.add_parser("show", help="the quorum in force")
    show.add_argument("--json", action="store_true")
    add_db_argument(show)
    show.set_defaults(handler=run_show)

    change = inner.add_parser("set", help="change the quorum (administrator)")
    change.add_argument(
        "--min-votes", type=whole_number, metavar="N", help="votes a decision needs"
    )
    change.add_argument("--share", metavar="FRACTION", help="approving share, e.g. 1/2 or 2/3")
    kind = change.add_mutually_exclusive_group()
    kind.add_argument(
        "--at-least", dest="inclusive", action="store_const", const=True, help="share or more"
    )
    kind.add_argument(
        "--more-than", dest="inclusive", action="store_const", const=False, help="above share"
    )
    change.add_argument("--json", action="store_true")
    add_acting(change, "ADMIN")
    change.set_defaults(handler=run_set)


def _as_json(rule: QuorumRule) -> dict[str, Any]:
    return {**rule.to_json(), "describe": rule.describe()}


def _show(rule: QuorumRule, as_json: bool, prefix: str = "quorum") -> None:
    if as_json:
        print_json(_as_json(rule))
        return
    print(f"{prefix}: {rule.describe()}")


def run_show(args: argparse.Namespace) -> int:
    from greendesk.services import workflow
    from greendesk.store.database import open_database

    db = open_database(resolve_db_url(args.db))
    try:
        rule = workflow.get_quorum(db)
    finally:
        db.dispose()
    _show(rule, args.json)
    return 0


def run_set(args: argparse.Namespace) -> int:
    from greendesk.domain.errors import UserError
    from greendesk.domain.workflow import QuorumRule
    from greendesk.services import workflow
    from greendesk.store.database import open_database

    if args.min_votes is None and args.share is None and args.inclusive is None:
        raise UserError("nothing to change: give --min-votes, --share, --at-least or --more-than")
    db = open_database(resolve_db_url(args.db))
    try:
        actor = login(db, args.acting)
        try:
            current = workflow.get_quorum(db)
        except UserError:  # a stored rule that breaks the rules: what is not given is default
            current = QuorumRule()
        wanted = QuorumRule.from_json(
            {
                "min_votes": current.min_votes if args.min_votes is None else args.min_votes,
                "share": str(current.share) if args.share is None else args.share.strip(),
                "inclusive": current.inclusive if args.inclusive is None else args.inclusive,
            }
        )
        rule = workflow.set_quorum(db, actor, wanted)
        warning = workflow.quorum_warning(db, rule)
    finally:
        db.dispose()
    if warning:
        print(f"greendesk: warning: {warning}", file=sys.stderr)
    _show(rule, args.json, "quorum set")
    return 0
