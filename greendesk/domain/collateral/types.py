"""Collateral types as data: valuation basis, default pledge rate, registry, expiry.

Which assets a bank accepts and at what haircut is credit policy that changes without a code
release, so each type is a record in ``resources/collateral/types.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from greendesk.domain.money import parse_decimal
from greendesk.paths import resources_dir

VALUATION_BASES = ("market_price", "projected_credits", "appraisal", "face_value")
PRICED_BASES = ("market_price", "projected_credits")


@dataclass(frozen=True)
class Registry:
    key: str
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class CollateralType:
    key: str
    name_zh: str
    name_en: str
    valuation_basis: str
    unit: str
    price_instrument: str | None
    default_pledge_rate: Decimal
    registry: Registry
    expiry_applies: bool
    allowance_vintage: bool

    @property
    def priced(self) -> bool:
        """Valued as quantity × a reference price (rather than by appraisal)."""
        return self.valuation_basis in PRICED_BASES


@dataclass(frozen=True)
class CollateralPolicy:
    max_price_age_days: int
    max_appraisal_age_days: int


@dataclass(frozen=True)
class CollateralTypes:
    types: dict[str, CollateralType]
    registries: dict[str, Registry]
    policy: CollateralPolicy

    def get(self, key: str) -> CollateralType | None:
        return self.types.get(key)

    def type_error(self, key: str) -> str | None:
        """None if ``key`` is a known collateral type, else the rule broken."""
        if key in self.types:
            return None
        return "unknown collateral type (known: " + ", ".join(sorted(self.types)) + ")"


def load_collateral_file(path: Path) -> CollateralTypes:
    data = json.loads(path.read_text(encoding="utf-8"))
    registries = {
        key: Registry(key, raw["name_zh"], raw["name_en"])
        for key, raw in data["registries"].items()
    }
    types: dict[str, CollateralType] = {}
    for raw in data["types"]:
        basis = raw["valuation_basis"]
        if basis not in VALUATION_BASES:
            raise ValueError(f"{path.name}: {raw['key']}: unknown valuation basis {basis!r}")
        rate = parse_decimal(raw["default_pledge_rate"])
        if not Decimal(0) < rate <= Decimal(1):
            raise ValueError(f"{path.name}: {raw['key']}: pledge rate {rate} outside (0, 1]")
        types[raw["key"]] = CollateralType(
            key=raw["key"],
            name_zh=raw["name_zh"],
            name_en=raw["name_en"],
            valuation_basis=basis,
            unit=raw["unit"],
            price_instrument=raw.get("price_instrument"),
            default_pledge_rate=rate,
            registry=registries[raw["registry"]],
            expiry_applies=bool(raw["expiry_applies"]),
            allowance_vintage=bool(raw.get("allowance_vintage", False)),
        )
    policy = CollateralPolicy(
        max_price_age_days=int(data["policy"]["max_price_age_days"]),
        max_appraisal_age_days=int(data["policy"]["max_appraisal_age_days"]),
    )
    return CollateralTypes(types=types, registries=registries, policy=policy)


@cache
def load_collateral_types() -> CollateralTypes:
    """The shipped collateral types (read once)."""
    return load_collateral_file(resources_dir() / "collateral" / "types.json")


def collateral_type_error(key: str) -> str | None:
    """Store/service hook: None if ``key`` is a known collateral type, else the rule."""
    return load_collateral_types().type_error(key)
