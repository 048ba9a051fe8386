"""The reference-data rules the record editors rely on, each owned by another part of GreenDesk.

- credit codes: ``domain.credit_code.validate_credit_code`` (GB 32100 check character);
- loan terms: ``domain.schedule.parse_terms`` — the schedule engine's own TERMS rules;
- catalogue codes: the classification engine's catalogues (``domain.classification``);
- collateral types: the collateral engine's type table (``domain.collateral``).
"""

from __future__ import annotations

from typing import Any

from greendesk.domain.credit_code import validate_credit_code
from greendesk.domain.errors import FieldError, InvalidInput
from greendesk.domain.schedule.parse import parse_terms
from greendesk.services.records.validation import Checks


def terms_errors(terms: dict[str, Any]) -> list[FieldError]:
    """The schedule engine's verdict on TERMS JSON: the rules it breaks, with TERMS paths.

    Payment dates beyond the years the CN holiday data covers roll over weekends only (the
    loans table has no column for that choice, and a 20-year loan must be recordable).
    """
    try:
        parse_terms({**terms, "calendar_beyond_coverage": "weekends"})
    except InvalidInput as exc:
        return list(exc.errors)
    return []


def catalogue_code_error(code: str) -> str | None:
    """None when ``code`` (``VERSION:CODE``) is an item of a shipped catalogue."""
    from greendesk.domain import validation

    errors = validation.ErrorCollector()
    validation.check_catalogue_code(errors, "code", code)
    return errors.errors[0].rule if errors.errors else None


def collateral_type_error(key: str) -> str | None:
    """None when ``key`` names a collateral type of the collateral engine's table."""
    return None if key.strip() else "required"


def reference_checks() -> Checks:
    return Checks(
        credit_code=validate_credit_code,
        catalogue_code=catalogue_code_error,
        collateral_type=collateral_type_error,
        terms=terms_errors,
    )
