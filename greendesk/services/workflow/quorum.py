"""The credit committee's quorum: how many votes, and what share approving, decide an application.

The administrator sets it (kept in ``app_meta``, audited); a stored rule that breaks the rules is
never applied — deciding is refused until it is set again.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from greendesk.domain.audit_chain import canonical_json
from greendesk.domain.errors import UserError
from greendesk.domain.roles import Action, Principal, Role
from greendesk.domain.workflow import QuorumRule
from greendesk.services import audit
from greendesk.services.workflow._unit import unit
from greendesk.store.database import Database
from greendesk.store.models import AppMeta, User

QUORUM_KEY = "workflow_quorum"
_QUORUM = select(AppMeta.value).where(AppMeta.key == QUORUM_KEY)


def stored_quorum(session: Session) -> QuorumRule:
    """The quorum in force; a stored rule that breaks the rules is refused, never applied."""
    text = session.execute(_QUORUM).scalar_one_or_none()
    if text is None:
        return QuorumRule()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    try:
        return QuorumRule.from_json(data)
    except UserError:
        raise UserError(
            "quorum: the stored quorum breaks the rules (at least 1 vote, a share above 0 and "
            "at most 1); an administrator must set it again"
        ) from None


def usable_quorum(session: Session) -> QuorumRule | None:
    """The quorum in force, or None when the stored one breaks the rules (nothing is decided)."""
    try:
        return stored_quorum(session)
    except UserError:
        return None


def get_quorum(db: Database) -> QuorumRule:
    with db.session() as session:
        return stored_quorum(session)


def active_reviewers(db: Database) -> int:
    """How many active committee members could vote."""
    with db.session() as session:
        return int(
            session.execute(
                select(func.count(User.id)).where(
                    User.role == Role.REVIEWER.value, User.active.is_(True)
                )
            ).scalar_one()
        )


def quorum_warning(db: Database, rule: QuorumRule) -> str | None:
    """A warning when the rule needs more votes than there are active reviewers to cast them."""
    members = active_reviewers(db)
    if rule.min_votes <= members:
        return None
    return (
        f"quorum.min_votes: {rule.min_votes} votes needed but only {members} active reviewers "
        "can vote; no application can be decided until more reviewers are added"
    )


@audit.refusals_audited
def set_quorum(db: Database, actor: Principal, rule: QuorumRule) -> QuorumRule:
    """The administrator sets the committee's quorum (kept in app_meta, audited)."""
    actor.require(Action.CONFIGURE_WORKFLOW)
    with unit(db) as session:
        try:
            before: dict[str, object] | None = stored_quorum(session).to_json()
        except UserError:  # replacing a stored rule that breaks the rules
            before = None
        row = session.get(AppMeta, QUORUM_KEY)
        text = canonical_json(rule.to_json())
        if row is None:
            session.add(AppMeta(key=QUORUM_KEY, value=text))
        else:
            row.value = text
        session.flush()
        audit.record(
            session,
            actor,
            "settings.update",
            ("settings", QUORUM_KEY),
            before,
            rule.to_json(),
        )
    return rule
