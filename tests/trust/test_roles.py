"""The permission table: who may do what, and the README copy of it."""

from __future__ import annotations

import pytest

from greendesk.domain.errors import UserError
from greendesk.domain.roles import (
    PERMISSIONS,
    Action,
    PermissionDenied,
    Role,
    allowed,
    parse_role,
    permission_table_markdown,
    require,
)


def test_every_action_has_a_row_and_someone_may_do_it() -> None:
    assert set(PERMISSIONS) == set(Action)
    assert all(PERMISSIONS[a] for a in Action)


def test_segregation_of_duties() -> None:
    # The officer prepares, the committee checks, the administrator keeps the system.
    assert allowed(Role.OFFICER, Action.EDIT_APPLICATION)
    assert not allowed(Role.OFFICER, Action.VOTE)
    assert not allowed(Role.OFFICER, Action.DECIDE)
    assert allowed(Role.REVIEWER, Action.VOTE)
    assert not allowed(Role.REVIEWER, Action.EDIT_APPLICATION)
    assert not allowed(Role.ADMIN, Action.VOTE)
    assert not allowed(Role.ADMIN, Action.EDIT_APPLICATION)
    assert allowed(Role.ADMIN, Action.MANAGE_USERS)
    assert not allowed(Role.OFFICER, Action.MANAGE_USERS)
    assert not allowed(Role.REVIEWER, Action.RESTORE)
    for role in Role:
        assert allowed(role, Action.VIEW)
        assert allowed(role, Action.VERIFY_AUDIT)


def test_require_names_the_role_and_who_may() -> None:
    with pytest.raises(PermissionDenied, match=r"wang \(officer\) may not vote.*allowed: reviewer"):
        require(Role.OFFICER, Action.VOTE, "wang")
    require(Role.REVIEWER, Action.VOTE, "li")


def test_parse_role() -> None:
    assert parse_role(" Reviewer ") is Role.REVIEWER
    with pytest.raises(UserError, match="unknown role 'boss'"):
        parse_role("boss")


def test_markdown_table_matches_the_permissions() -> None:
    lines = permission_table_markdown().splitlines()
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    assert header[1:] == [
        f"{zh} {r.value}"
        for r, zh in zip(Role, ["客户经理", "贷审会委员", "系统管理员", "总行分析员"], strict=True)
    ]
    body = lines[2:]
    assert len(body) == len(Action)
    for action, line in zip(Action, body, strict=True):
        cells = [c.strip() for c in line.strip("|").split("|")]
        marks = {role for role, cell in zip(Role, cells[1:], strict=True) if cell == "✔"}
        assert marks == set(PERMISSIONS[action]), action
