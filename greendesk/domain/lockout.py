"""When failed log-ins lock an account, as configuration data (defaults: 5 failures, 15 minutes).

The policy is a typed value with limits, checked in one place; the database may hold its own
(``app_meta``, set by an administrator) and ``services.auth`` applies it on every log-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from greendesk.domain.errors import UserError

MAX_FAILURES_LIMIT = 100
LOCK_MINUTES_LIMIT = 24 * 60


@dataclass(frozen=True)
class LockoutPolicy:
    """``max_failures`` consecutive failed log-ins lock the account for ``lock_minutes``."""

    max_failures: int = 5
    lock_minutes: int = 15

    def __post_init__(self) -> None:
        for name, value, top in (
            ("max_failures", self.max_failures, MAX_FAILURES_LIMIT),
            ("lock_minutes", self.lock_minutes, LOCK_MINUTES_LIMIT),
        ):
            if isinstance(value, bool) or not isinstance(value, int):
                raise UserError(f"lockout.{name}: must be a whole number")
            if not 1 <= value <= top:
                raise UserError(f"lockout.{name}: from 1 to {top}")

    def locked_until(self, failed_at: datetime) -> datetime:
        return failed_at + timedelta(minutes=self.lock_minutes)

    def to_json(self) -> dict[str, int]:
        return {"max_failures": self.max_failures, "lock_minutes": self.lock_minutes}

    @classmethod
    def from_json(cls, data: object) -> LockoutPolicy:
        if not isinstance(data, dict):
            raise UserError("lockout: must be an object with max_failures, lock_minutes")
        default = cls()
        return cls(
            max_failures=data.get("max_failures", default.max_failures),
            lock_minutes=data.get("lock_minutes", default.lock_minutes),
        )


DEFAULT_LOCKOUT = LockoutPolicy()
