"""The reference-data rules the record editors rely on, each owned by another part of GreenDesk.

- credit codes: ``domain.credit_code.validate_credit_code`` (GB 32100 check character);
- loan terms: ``domain.schedule.parse_terms`` — the schedule engine's own TERMS rules;
- catalogue codes: the classification engine's catalogues (``domain.classification``);
- collateral types: the collateral engine's type table (``domain.collateral``).
"""

from __future__ import annotations

from typing import Any

from greendesk.domain.classification.catalogue import (
    Catalogue,
    catalogue_code_error,
    load_catalogue,
)
from greendesk.domain.collateral import (
    CollateralTypes,
    collateral_type_error,
    load_collateral_types,
)
from greendesk.domain.credit_code import validate_credit_code
from greendesk.domain.errors import FieldError, InvalidInput
from greendesk.domain.schedule.parse import parse_terms
from greendesk.services.records.validation import Checks


def terms_errors(terms: dict[str, Any]) -> list[FieldError]:
    """The schedule engine's verdict on TERMS JSON: the rules it breaks, with TERMS paths.

    Payment dates after the official CN years use the projected holidays (the engine's
    default), as every stored loan's schedule does.
    """
    try:
        parse_terms(terms)
    except InvalidInput as exc:
        return list(exc.errors)
    return []


def green_catalogue() -> Catalogue:
    """The green-project catalogues (every shipped version) that use-of-proceeds lines cite."""
    return load_catalogue()


def collateral_types() -> CollateralTypes:
    """The collateral types a pledge may be, with their valuation basis and pledge rates."""
    return load_collateral_types()


def collateral_priced(key: str) -> bool:
    """Whether a known collateral type is valued as quantity × reference price."""
    ctype = load_collateral_types().get(key)
    return ctype is not None and ctype.priced


def reference_checks() -> Checks:
    return Checks(
        credit_code=validate_credit_code,
        catalogue_code=catalogue_code_error,
        collateral_type=collateral_type_error,
        collateral_priced=collateral_priced,
        terms=terms_errors,
    )
