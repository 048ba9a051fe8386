"""Building the ``greendesk`` parser must stay light.

``greendesk --help`` and opening the window both build the full parser, which imports every
module in ``greendesk.commands``; a subcommand that imports SQLAlchemy, openpyxl, reportlab or Qt
at module level slows every start. Each check runs in a fresh interpreter, so modules imported
by other tests cannot hide (or fake) an import.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("sqlalchemy", "openpyxl", "reportlab", "PySide6")


def _modules_after_build_parser(names_expr: str) -> list[str]:
    """Build the parser in a child interpreter and return what ``names_expr`` lists from it."""
    code = (
        "import json, sys, greendesk.cli; greendesk.cli.build_parser(); "
        f"print(json.dumps({names_expr}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    found: list[str] = json.loads(result.stdout)
    return found


def test_building_the_parser_imports_no_heavy_library() -> None:
    loaded = _modules_after_build_parser(f"sorted(m for m in {HEAVY!r} if m in sys.modules)")
    assert loaded == []


def test_building_the_parser_imports_no_service_store_or_ui_module() -> None:
    # the handlers import these when they run; at parse time they are not needed
    loaded = _modules_after_build_parser(
        "sorted(m for m in sys.modules if m.split('.')[:2] in "
        "(['greendesk', 'services'], ['greendesk', 'store'], ['greendesk', 'ui']))"
    )
    assert loaded == []


def test_parser_keeps_the_choices_taken_from_domain_and_reporting_constants() -> None:
    from greendesk.cli import build_parser
    from greendesk.domain.roles import Role
    from greendesk.reporting.templates import LANGUAGES

    parser = build_parser()
    for lang in LANGUAGES:
        assert parser.parse_args(["memo", "X-1", "-o", "m.pdf", "--lang", lang]).lang == lang
        assert parser.parse_args(["export", "-o", "p.xlsx", "--lang", lang]).lang == lang
    for role in Role:
        assert parser.parse_args(["users", "add", "amy", "--role", role.value]).role == role.value


def test_every_simple_workflow_action_reaches_its_service() -> None:
    # the action names are parsed without importing the services; each must still resolve
    from greendesk.commands import workflow as command
    from greendesk.services import workflow as service

    expected = {
        "submit": service.submit,
        "review": service.start_review,
        "decide": service.decide,
        "disburse": service.disburse,
        "close": service.close,
        "reopen": service.reopen,
    }
    assert set(command.SIMPLE) == set(expected)
    for name, function in expected.items():
        assert command._simple_service(name) is function
