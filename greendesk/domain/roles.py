"""Roles and the permission table: which role may do which action.

The table is data so that the window can hide what a role cannot do, the services can refuse it
anyway, and the README can print the very same table (``permission_table_markdown``).
Segregation of duties is deliberate: the administrator keeps users, reference data and backups but
neither originates loans nor votes, and an officer never sits on the committee. The head-office
analyst reads the portfolio, its trail and its reports and exports them, and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from greendesk.domain.errors import UserError


class Role(StrEnum):
    OFFICER = "officer"  # 客户经理
    REVIEWER = "reviewer"  # 贷审会委员
    ADMIN = "admin"  # 系统管理员
    ANALYST = "analyst"  # 总行组合分析员: reads and exports, never changes or votes


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.OFFICER: ("客户经理", "loan officer"),
    Role.REVIEWER: ("贷审会委员", "credit committee member"),
    Role.ADMIN: ("系统管理员", "administrator"),
    Role.ANALYST: ("总行分析员", "head-office analyst"),
}


class Action(StrEnum):
    """Everything a user can ask GreenDesk to do that a role may be refused."""

    VIEW = "view"
    EDIT_APPLICATION = "edit_application"  # borrowers, projects, loans, pledges, drawdowns ...
    SUBMIT = "submit"
    START_REVIEW = "start_review"
    RETURN = "return"
    VOTE = "vote"
    DECIDE = "decide"
    DISBURSE = "disburse"
    CLOSE = "close"
    REOPEN = "reopen"
    EXPORT = "export"
    EDIT_REFERENCE_DATA = "edit_reference_data"  # prices and rates
    MANAGE_USERS = "manage_users"
    CONFIGURE_WORKFLOW = "configure_workflow"  # committee quorum
    BACKUP = "backup"
    RESTORE = "restore"
    GENERATE_PORTFOLIO = "generate_portfolio"  # synthetic loans for benchmarks and tests
    VIEW_AUDIT = "view_audit"
    VERIFY_AUDIT = "verify_audit"
    # KPI observations and their review (maker-checker in services.kpi_recording)
    RECORD_KPI = "record_kpi"
    # a supplied evidence document taken off file: the officer of record (checked in
    # services.evidence_withdraw) or an administrator, and only before the committee decides
    WITHDRAW_EVIDENCE = "withdraw_evidence"


_O, _R, _A, _N = Role.OFFICER, Role.REVIEWER, Role.ADMIN, Role.ANALYST

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.VIEW: frozenset({_O, _R, _A, _N}),
    Action.EDIT_APPLICATION: frozenset({_O}),
    Action.SUBMIT: frozenset({_O}),
    Action.START_REVIEW: frozenset({_R}),
    Action.RETURN: frozenset({_R}),
    Action.VOTE: frozenset({_R}),
    Action.DECIDE: frozenset({_R}),
    Action.DISBURSE: frozenset({_O}),
    Action.CLOSE: frozenset({_O}),
    Action.REOPEN: frozenset({_O}),
    Action.EXPORT: frozenset({_O, _R, _A, _N}),
    Action.EDIT_REFERENCE_DATA: frozenset({_A}),
    Action.MANAGE_USERS: frozenset({_A}),
    Action.CONFIGURE_WORKFLOW: frozenset({_A}),
    Action.BACKUP: frozenset({_A}),  # a backup is a copy of every record
    Action.RESTORE: frozenset({_A}),
    Action.GENERATE_PORTFOLIO: frozenset({_A}),
    Action.VIEW_AUDIT: frozenset({_O, _R, _A, _N}),
    Action.VERIFY_AUDIT: frozenset({_O, _R, _A, _N}),
    Action.RECORD_KPI: frozenset({_O, _R}),
    Action.WITHDRAW_EVIDENCE: frozenset({_O, _A}),
}

ACTION_LABELS: dict[Action, tuple[str, str]] = {
    Action.VIEW: ("查看贷款、客户、报告", "view loans, borrowers, reports"),
    Action.EDIT_APPLICATION: (
        "录入/修改客户、项目、贷款、押品",
        "enter or change borrowers, projects, loans, pledges",
    ),
    Action.SUBMIT: ("提交申请", "submit an application"),
    Action.START_REVIEW: ("受理审查", "start the committee review"),
    Action.RETURN: ("退回修改", "return an application for changes"),
    Action.VOTE: ("投票", "vote (approve / approve with conditions / decline)"),
    Action.DECIDE: ("形成审批决议（法定票数）", "record the decision once the quorum is met"),
    Action.DISBURSE: ("放款", "mark an approved loan disbursed"),
    Action.CLOSE: ("结清", "close a disbursed loan"),
    Action.REOPEN: ("变更已批条款（新版本）", "reopen approved terms as a new version"),
    Action.EXPORT: ("导出报告与工作簿", "export memos and workbooks"),
    Action.EDIT_REFERENCE_DATA: ("维护碳价、利率", "maintain carbon prices and rates"),
    Action.MANAGE_USERS: ("管理用户", "add users, reset passwords, deactivate"),
    Action.CONFIGURE_WORKFLOW: ("设置贷审会法定票数", "set the committee quorum"),
    Action.BACKUP: ("备份数据库", "back up the database"),
    Action.RESTORE: ("恢复备份", "restore a backup"),
    Action.GENERATE_PORTFOLIO: (
        "生成模拟贷款组合（基准与测试）",
        "insert a synthetic portfolio (benchmarks, tests)",
    ),
    Action.VIEW_AUDIT: ("查看审计记录", "read the audit trail"),
    Action.VERIFY_AUDIT: ("校验审计链", "verify the audit chain"),
    Action.RECORD_KPI: (
        "录入KPI观测值（经办人录入不生效）",
        "record KPI observations (the officer of record's own do not count)",
    ),
    Action.WITHDRAW_EVIDENCE: (
        "撤回证明材料（经办客户经理，审批决议前）",
        "withdraw a supplied evidence document (the officer of record, before the decision)",
    ),
}


class Refused(UserError):
    """An action refused to this user for who they are (role, involvement): the services audit
    each one with ``who`` asked for ``what`` and the message saying why."""

    def __init__(self, message: str, *, who: str = "", what: str = "") -> None:
        super().__init__(message)
        self.who = who
        self.what = what


class PermissionDenied(Refused):
    """The user's role does not allow the action (the window should have hidden it)."""


def parse_role(text: str) -> Role:
    """The role named ``text``; a clear error listing the known roles otherwise."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise UserError(f"role: unknown role {text!r} (known: {known})") from None


def allowed(role: Role, action: Action) -> bool:
    return role in PERMISSIONS[action]


def require(role: Role, action: Action, who: str = "") -> None:
    """Refuse ``action`` unless ``role`` may do it."""
    if not allowed(role, action):
        subject = f"{who} ({role.value})" if who else f"role {role.value}"
        may = ", ".join(sorted(r.value for r in PERMISSIONS[action])) or "nobody"
        raise PermissionDenied(
            f"permission denied: {subject} may not {ACTION_LABELS[action][1]} (allowed: {may})",
            who=who,
            what=action.value,
        )


def permission_table_markdown() -> str:
    """The README table of roles and what each may do, generated from PERMISSIONS."""
    roles = list(Role)
    head = "| action | " + " | ".join(f"{ROLE_LABELS[r][0]} {r.value}" for r in roles) + " |"
    rule = "|---|" + "|".join(":-:" for _ in roles) + "|"
    rows = []
    for action in Action:
        zh, en = ACTION_LABELS[action]
        marks = " | ".join("✔" if r in PERMISSIONS[action] else "—" for r in roles)
        rows.append(f"| {en} ({zh}) | {marks} |")
    return "\n".join([head, rule, *rows]) + "\n"


@dataclass(frozen=True)
class Principal:
    """The logged-in user, handed to every service call that changes data.

    Services take the role from here and the name for the audit trail; ``user_id`` is None only
    for GreenDesk's own work (seeding the demo portfolio), whose actor is ``system``.
    """

    user_id: int | None
    username: str
    display_name: str
    role: Role

    def require(self, action: Action) -> None:
        require(self.role, action, self.username)

    def may(self, action: Action) -> bool:
        return allowed(self.role, action)


SYSTEM = Principal(None, "system", "GreenDesk", Role.ADMIN)
