"""Loan classification: green (use of proceeds), transition, carbon-linked, conventional.

Public entry points: ``parse_facts`` (checks FACTS, raising ``InvalidInput``), ``classify``
(FACTS → ``ClassificationResult``), ``classify_json`` (JSON in and out), ``apply_override``,
and ``catalogue_code_error`` for other layers validating a ``VERSION:CODE``.
"""

from greendesk.domain.classification.catalogue import (
    Catalogue,
    CatalogueItem,
    catalogue_code_error,
    load_catalogue,
)
from greendesk.domain.classification.engine import classify, classify_json
from greendesk.domain.classification.facts import Facts, parse_facts
from greendesk.domain.classification.override import apply_override, check_override
from greendesk.domain.classification.result import (
    PRIMARY_CLASSES,
    ClassificationResult,
    Finding,
    Override,
)
from greendesk.domain.classification.sectors import Sector, load_sectors

__all__ = [
    "PRIMARY_CLASSES",
    "Catalogue",
    "CatalogueItem",
    "ClassificationResult",
    "Facts",
    "Finding",
    "Override",
    "Sector",
    "apply_override",
    "catalogue_code_error",
    "check_override",
    "classify",
    "classify_json",
    "load_catalogue",
    "load_sectors",
    "parse_facts",
]
