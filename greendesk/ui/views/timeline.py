"""A loan's audit events as a timeline a person reads: who did what, in words, values formatted.

Each event becomes one sentence in the window's language (``提交贷审会``, ``修改条款：金额
1,000,000.00 → 1,200,000.00；期限（月） 36 → 48``, ``投票：附条件同意 — 条件：…``); field names
come from the same catalogue that words refused input (resources/i18n/rules.json), codes read as
words, money grouped, rates as percentages, and record ids, versions and JSON stay out. The raw
event (every field before and after, and its hash) stays one click away in the history tab.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from greendesk.services.audit import Change, HistoryRow
from greendesk.ui import labels
from greendesk.ui.error_text import shipped_catalogue
from greendesk.ui.views.collateral_tab import type_label

MONEY = frozenset(
    {
        "amount",
        "commitment",
        "funded",
        "agency_fee_per_year",
        "collateral_value",
        "eligible_collateral_value",
        "appraised_value",
        "value",
        "eligible_value",
        "total_investment",
    }
)
RATES = frozenset({"annual_rate", "base_rate", "arrangement_rate"})
SHARES = frozenset({"coverage_ratio", "coverage_threshold", "green_share", "pledge_rate"})
CODES = frozenset(
    {
        "frequency",
        "repayment_method",
        "method",
        "rate_kind",
        "calendar",
        "business_day",
        "status",
        "classification_primary",
        "override_primary",
        "decision",
        "role",
        "sector",
    }
)
# bookkeeping the reader has no use for: ids, versions, stamps, the engine's stored detail
HIDDEN = frozenset(
    {
        "id",
        "version",
        "loan_id",
        "borrower_id",
        "project_id",
        "officer_id",
        "previous_id",
        "voter_id",
        "seq",
        "created_at",
        "updated_at",
        "created_by",
        "updated_by",
        "cast_at",
        "classification_json",
        "classification_labels",
        "application_version",
        "pledges",
    }
)
_SHOWN_CHANGES = 4
_FIELD_ALIASES = {"repayment_method": "method", "syndicate_shares": "lenders"}


def field_label(name: str) -> str:
    """A stored field's name as the editors label it (the refused-input catalogue's words)."""
    key = _FIELD_ALIASES.get(name, name)
    catalogue = shipped_catalogue()
    pair = catalogue.fields.get(key)
    if pair is None:
        return name.replace("_", " ")
    return pair[0] if labels.chinese() else pair[1]


def value_text(name: str, value: Any) -> str:
    """One stored value as the window shows it elsewhere (money grouped, rates in %, codes)."""
    if value is None or value == "" or value == []:
        return labels.DASH
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Timeline", "yes")
            if value
            else QCoreApplication.translate("Timeline", "no")
        )
    if isinstance(value, list):
        return QCoreApplication.translate("Timeline", "{n} items").format(n=len(value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if name in CODES:
        return labels.word(str(value))
    if name in MONEY or name in RATES or name in SHARES:
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        if name in MONEY:
            return labels.money(number)
        if name in RATES:
            return labels.rate(number)
        return labels.percent(number, 1)
    return str(value)


def change_text(change: Change) -> str:
    name = change.field
    before, after = value_text(name, change.before), value_text(name, change.after)
    return f"{field_label(name)} {before} → {after}"


def _changes(row: HistoryRow) -> str:
    shown = [c for c in row.changes if c.field not in HIDDEN]
    if not shown:
        return QCoreApplication.translate("Timeline", "no visible change")
    parts = [change_text(c) for c in shown[:_SHOWN_CHANGES]]
    more = len(shown) - _SHOWN_CHANGES
    if more > 0:
        parts.append(QCoreApplication.translate("Timeline", "{n} more").format(n=more))
    return _join(parts)


def _join(parts: list[str]) -> str:
    return ("；" if labels.chinese() else "; ").join(parts)


def _get(data: Mapping[str, Any] | None, key: str) -> Any:
    return None if data is None else data.get(key)


def describe(row: HistoryRow) -> str:
    """The event in one sentence of the window's language."""
    a, b, act = row.after, row.before, row.action
    what = labels.audit_action(act)
    if act == "loan.create":
        return QCoreApplication.translate(
            "Timeline", "{what} {reference}: {amount}, {months} months"
        ).format(
            what=what,
            reference=_get(a, "reference") or "",
            amount=value_text("amount", _get(a, "amount")),
            months=_get(a, "term_months") or labels.DASH,
        )
    if act in ("loan.update_terms", "pledge.update", "borrower.update", "project.update"):
        return f"{what}：{_changes(row)}" if labels.chinese() else f"{what}: {_changes(row)}"
    if act == "loan.classify":
        share = _get(a, "green_share")
        text = QCoreApplication.translate("Timeline", "{what}: {cls}").format(
            what=what, cls=labels.word(_get(a, "classification_primary"))
        )
        if share is not None:
            text += " " + QCoreApplication.translate("Timeline", "(green share {share})").format(
                share=value_text("green_share", share)
            )
        return text
    if act == "loan.revalue":
        return QCoreApplication.translate(
            "Timeline", "{what}: collateral {value}, eligible {eligible}, coverage {coverage}"
        ).format(
            what=what,
            value=value_text("collateral_value", _get(a, "collateral_value")),
            eligible=value_text("eligible_collateral_value", _get(a, "eligible_collateral_value")),
            coverage=value_text("coverage_ratio", _get(a, "coverage_ratio")),
        )
    if act == "loan.override_classification":
        return QCoreApplication.translate("Timeline", "{what}: {cls} — {reason}").format(
            what=what,
            cls=labels.word(_get(a, "override_primary")),
            reason=_get(a, "override_reason") or labels.DASH,
        )
    if act in ("pledge.create", "pledge.delete"):
        data = a if act == "pledge.create" else b
        return QCoreApplication.translate("Timeline", "{what}: {type} — {description}").format(
            what=what,
            type=_collateral(_get(data, "collateral_type")),
            description=_get(data, "description") or labels.DASH,
        )
    if act == "vote":
        text = QCoreApplication.translate("Timeline", "{what}: {decision}").format(
            what=what, decision=labels.word(_get(a, "decision"))
        )
        if _get(a, "conditions"):
            text += " — " + QCoreApplication.translate("Timeline", "conditions: {text}").format(
                text=_get(a, "conditions")
            )
        if _get(a, "comment"):
            text += " — " + QCoreApplication.translate("Timeline", "comment: {text}").format(
                text=_get(a, "comment")
            )
        return text
    if act == "decide":
        votes = _get(a, "votes") or {}
        text = QCoreApplication.translate(
            "Timeline",
            "{what}: {status} ({cast} votes: {approving} approving, {declining} declining)",
        )
        text = text.format(
            what=what,
            status=labels.status_text(str(_get(a, "status"))),
            cast=votes.get("cast", 0),
            approving=votes.get("approving", 0),
            declining=votes.get("declining", 0),
        )
        if _get(a, "conditions"):
            text += " — " + QCoreApplication.translate("Timeline", "conditions: {text}").format(
                text=_join(_get(a, "conditions"))
            )
        return text
    if act == "return":
        return QCoreApplication.translate("Timeline", "{what}: {reason}").format(
            what=what, reason=_get(a, "reason") or ""
        )
    if act == "reopen":
        return QCoreApplication.translate(
            "Timeline", "{what}: version {version} as a draft"
        ).format(what=what, version=_get(a, "application_version") or "")
    if act == "loan.allocate_proceeds":
        return QCoreApplication.translate(
            "Timeline", "{what}: {amount} of drawdown {drawdown} to use-of-proceeds line {line}"
        ).format(
            what=what,
            amount=value_text("amount", _get(a, "amount")),
            drawdown=_get(a, "drawdown_no") or labels.DASH,
            line=_get(a, "line_no") or labels.DASH,
        )
    if act == "condition.satisfy":
        return QCoreApplication.translate(
            "Timeline", "Condition {n} satisfied: {text} — evidence: {evidence}"
        ).format(
            n=_get(a, "position"), text=_get(a, "text") or "", evidence=_get(a, "evidence") or ""
        )
    return what


def _collateral(key: Any) -> str:
    return type_label(str(key)) if key else labels.DASH


def raw_text(row: HistoryRow) -> str:
    """The audit event as stored: action code, actor, every field before and after, the hash."""
    lines = [
        f"#{row.seq} {labels.instant(row.occurred_at)} {row.actor} {row.action} "
        f"{row.entity_type} {row.entity_id or ''}".rstrip()
    ]
    for change in row.changes:
        before = json.dumps(change.before, ensure_ascii=False)
        after = json.dumps(change.after, ensure_ascii=False)
        lines.append(f"  {change.field}: {before} → {after}")
    lines.append(f"hash {row.hash}")
    return "\n".join(lines)
