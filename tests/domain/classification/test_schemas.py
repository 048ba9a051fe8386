"""The published JSON Schemas accept the sample FACTS and every result the engine produces."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from greendesk.domain.classification import classify_json
from greendesk.paths import resources_dir

from .conftest import FACTS_DIR, load_case

CASES = sorted(p.stem for p in FACTS_DIR.glob("*.json"))


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (resources_dir() / "schemas" / name).read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize("name", CASES)
def test_sample_facts_and_results_match_the_schemas(name: str) -> None:
    facts = load_case(name)
    jsonschema.validate(facts, _schema("facts.schema.json"))
    result = classify_json(facts)
    jsonschema.validate(result, _schema("classification.schema.json"))


def test_facts_schema_refuses_floats_and_unknown_fields() -> None:
    schema = _schema("facts.schema.json")
    facts = load_case("burqin_grassland_sink")
    facts["loan"]["amount"] = 15000000.5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(facts, schema)
    facts = load_case("burqin_grassland_sink")
    facts["loan"]["colour"] = "green"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(facts, schema)


def test_there_are_samples_for_every_primary_class() -> None:
    primaries = {classify_json(load_case(name))["primary"] for name in CASES}
    assert primaries == {"green", "transition", "carbon_linked", "conventional"}
