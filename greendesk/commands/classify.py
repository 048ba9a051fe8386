"""``greendesk classify FACTS.json``: green, transition, carbon-linked or conventional.

Reads FACTS JSON (``-`` for standard input; schema: resources/schemas/facts.schema.json) and
prints the result JSON (schema: resources/schemas/classification.schema.json). Bad input lists
every violated rule as ``path: rule`` and exits with status 2, without a traceback.
"""

from __future__ import annotations

import argparse
from typing import Any

from greendesk.commands._common import print_json, read_json_file
from greendesk.domain.errors import UserError


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "classify",
        help="classify a loan from FACTS (JSON): green, transition, carbon-linked, conventional",
        description="Classify a loan from a FACTS JSON file (schema: "
        "resources/schemas/facts.schema.json); prints the result as JSON (schema: "
        "resources/schemas/classification.schema.json).",
    )
    parser.add_argument("facts", metavar="FACTS.json", help="loan facts as JSON; '-' reads stdin")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from greendesk.domain.classification import classify, parse_facts

    data = read_json_file(args.facts)
    source = "<stdin>" if args.facts == "-" else args.facts
    try:
        facts = parse_facts(data)
    except UserError as exc:
        raise UserError(f"{source}: invalid facts\n{exc}") from None
    print_json(classify(facts).to_json())
    return 0
