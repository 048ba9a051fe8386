"""Errors that reach users: bad input or a bad environment, never bugs.

A ``UserError`` is shown as its message (no traceback) and makes a command exit with status 2.
``InvalidInput`` carries every violated rule at once, each naming the field's path and the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class UserError(Exception):
    """Input or environment the user can fix; the message says what and where."""


@dataclass(frozen=True)
class FieldError:
    path: str  # e.g. "drawdowns[2].date"
    rule: str  # e.g. "after maturity"

    def __str__(self) -> str:
        return f"{self.path}: {self.rule}"


class InvalidInput(UserError):
    """One or more fields break a rule; all of them are listed."""

    def __init__(self, errors: Iterable[FieldError], source: str | None = None) -> None:
        self.errors = list(errors)
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + str(e) for e in self.errors))


class ErrorCollector:
    """Gathers field errors while validating, so all are reported together."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, path: str, rule: str) -> None:
        self.errors.append(FieldError(path, rule))

    def raise_if_any(self, source: str | None = None) -> None:
        if self.errors:
            raise InvalidInput(self.errors, source)

    def __bool__(self) -> bool:
        return bool(self.errors)
