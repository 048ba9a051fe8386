"""Shared helpers: the article's cases as FACTS files beside these tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

FACTS_DIR = Path(__file__).parent / "facts"


def load_case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FACTS_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return copy.deepcopy(data)


@pytest.fixture
def case() -> Any:
    return load_case
