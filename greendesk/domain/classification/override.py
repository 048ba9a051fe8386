"""Officer override of the primary class: allowed only with a written reason, kept with the loan.

Rules cannot foresee every file; an officer may correct a result, but the reason must be written
down so the credit committee and later audits can see why the engine was overruled.
"""

from __future__ import annotations

from greendesk.domain.classification.result import PRIMARY_CLASSES, ClassificationResult, Override
from greendesk.domain.errors import ErrorCollector

MIN_REASON_CHARS = 10


def _collect(primary: str, reason: str | None) -> ErrorCollector:
    e = ErrorCollector()
    if primary not in PRIMARY_CLASSES:
        e.add("override.primary", f"must be one of {', '.join(PRIMARY_CLASSES)}")
    text = (reason or "").strip()
    if not text:
        e.add("override.reason", "required: an override needs a written reason")
    elif len(text) < MIN_REASON_CHARS:
        e.add("override.reason", f"too short: write at least {MIN_REASON_CHARS} characters")
    return e


def check_override(primary: str, reason: str | None) -> list[str]:
    """The rules an override breaks, as ``path: rule`` strings (empty when it is acceptable)."""
    return [str(err) for err in _collect(primary, reason).errors]


def apply_override(
    result: ClassificationResult, primary: str, reason: str | None, by: str | None = None
) -> ClassificationResult:
    """The result with the officer's primary class; ``InvalidInput`` without a proper reason."""
    _collect(primary, reason).raise_if_any()
    engine_primary = result.override.engine_primary if result.override else result.primary
    return result.with_override(Override(primary, (reason or "").strip(), engine_primary, by))
