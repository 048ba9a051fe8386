"""Completeness of the window's error wording, checked against the source itself.

Every rule text the domain and the services can produce (literal or f-string) is found by reading
their syntax trees and must have a catalogue wording whose placeholders carry its variable parts;
the same for the refusals a record editor can meet. ``english_words`` is shared with the runtime
tests in ``test_error_text.py``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

import greendesk
from greendesk.domain.workflow import QuorumRule
from greendesk.paths import resources_dir
from greendesk.ui.error_text import ErrorWording, load_catalogue
from greendesk.ui.error_values import KINDS

PACKAGE = Path(greendesk.__file__).parent

# Latin-script tokens a Chinese banking text legitimately contains: currency and rate names,
# formats, units, product and file-format names. Anything else is English left untranslated.
ALLOWED_LATIN = frozenset(
    {
        "CNY",
        "LPR",
        "YYYY",
        "MM",
        "DD",
        "GreenDesk",
        "KPI",
        "MW",
        "CO2e",
        "TOML",
        "JSON",
        "CEA",
        "CCER",
        "true",
        "false",
        "SQLite",
        "PostgreSQL",
        "README",
        "ID",
    }
)
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]+")
SENTINEL = "⟦{}⟧"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def english_words(text: str, values: tuple[str, ...] = ()) -> list[str]:
    """Latin words in ``text`` outside the variable parts, quoted literals and allowed tokens."""
    for value in sorted(values, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    text = _QUOTED.sub(" ", text)
    return [w for w in _WORD.findall(text) if w not in ALLOWED_LATIN]


@dataclass(frozen=True)
class SourceRule:
    """A rule text as written in the source; variable parts replaced by numbered sentinels."""

    where: str
    text: str
    variables: int  # how many sentinels the text holds (0 for a plain literal)


def _text(node: ast.expr) -> tuple[str, int] | None:
    """The string an expression builds, with sentinels for its variable parts (None if unknown)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, 0
    if isinstance(node, ast.JoinedStr):
        out, count = "", 0
        for part in node.values:
            if isinstance(part, ast.Constant):
                out += str(part.value)
            else:
                count += 1
                out += SENTINEL.format(count)
        return out, count
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is None and right is None:
            return None
        lt, lc = left or (SENTINEL.format(1), 1)
        rt, rc = right or (SENTINEL.format(lc + 1), 1)
        return lt + rt, lc + rc
    return None


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _files(*parts: str) -> Iterator[Path]:
    for part in parts:
        target = PACKAGE / part
        yield from sorted(target.rglob("*.py")) if target.is_dir() else [target]


def field_rules() -> list[SourceRule]:
    """Every rule text given to ``ErrorCollector.add(path, rule)`` / ``FieldError(path, rule)``
    in the domain and the services, and every rule a reference-data check returns."""
    found: list[SourceRule] = []
    for path in _files("domain", "services"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(PACKAGE))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) != 2:
                continue
            if _name(node) not in ("add", "FieldError"):
                continue
            text = _text(node.args[1])
            if text is not None:
                found.append(SourceRule(f"{where}:{node.lineno}", *text))
    found += returned_rules()
    return found


# functions whose return value (or ValueError message) becomes a field's rule
RULE_SOURCES = {
    "domain/credit_code.py": ("validate_credit_code",),
    "domain/classification/catalogue.py": ("code_error",),
    "domain/collateral/types.py": ("type_error",),
    "domain/money.py": ("parse_decimal", "parse_money"),
}


def returned_rules() -> list[SourceRule]:
    found: list[SourceRule] = []
    for file, functions in RULE_SOURCES.items():
        tree = ast.parse((PACKAGE / file).read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef) or fn.name not in functions:
                continue
            for node in ast.walk(fn):
                value: ast.expr | None = None
                if isinstance(node, ast.Return) and node.value is not None:
                    value = node.value
                elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    value = node.exc.args[0] if node.exc.args else None
                text = _text(value) if value is not None else None
                if text is not None and isinstance(node, ast.stmt):
                    found.append(SourceRule(f"{file}:{node.lineno} ({fn.name})", *text))
    return found


# where the refusals the window can meet are raised: permissions, stale or missing records,
# write conflicts, the workflow, users and passwords, backups
REFUSAL_SOURCES = (
    "services/records/_unit.py",
    "domain/roles.py",
    "domain/workflow.py",
    "domain/passwords.py",
    "services/auth.py",
    "services/workflow/_unit.py",
    "services/workflow/state.py",
    "services/workflow/quorum.py",
    "services/workflow/transitions.py",
    "services/workflow/committee.py",
    "services/workflow/versions.py",
    "services/backup.py",
)
REFUSALS = frozenset(
    {"UserError", "PermissionDenied", "RecordChanged", "NotFound", "WorkflowError"}
)


QUORUM_RULES = (
    QuorumRule(3, Fraction(2, 3), inclusive=True),
    QuorumRule(3, Fraction(1, 2), inclusive=False),
)


def refusal_messages() -> list[SourceRule]:
    """Every message those modules raise as a user error (or build in a ``*_message`` helper)."""
    found: list[SourceRule] = []
    for file in REFUSAL_SOURCES:
        tree = ast.parse((PACKAGE / file).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            value: ast.expr | None = None
            line = 0
            if isinstance(node, ast.Call) and _name(node) in REFUSALS and node.args:
                value, line = node.args[0], node.lineno
            elif isinstance(node, ast.FunctionDef) and node.name.endswith("_message"):
                returns = [n for n in ast.walk(node) if isinstance(n, ast.Return)]
                value, line = (returns[0].value if returns else None), node.lineno
            text = _text(value) if value is not None else None
            if text is not None:
                found.append(SourceRule(f"{file}:{line}", *text))
    return found


# -- the tests ---------------------------------------------------------------------------------


def _wording(chinese: bool) -> ErrorWording:
    return ErrorWording(chinese)


def test_the_scanner_sees_the_rules_of_the_whole_code_base() -> None:
    """Guards the scan itself: a broken scanner must not pass by finding nothing."""
    rules = field_rules()
    literals = {r.text for r in rules if not r.variables}
    templates = [r for r in rules if r.variables]
    assert len(literals) >= 80 and len(templates) >= 45
    assert "after maturity" in literals and "required" in literals
    assert any(r.where.startswith("domain/credit_code.py") for r in rules)
    assert len(refusal_messages()) >= 8


@pytest.mark.parametrize("chinese", [True, False], ids=["zh", "en"])
def test_every_rule_in_the_source_has_a_wording(chinese: bool) -> None:
    """Each literal rule is in the catalogue; each f-string rule matches a template whose
    placeholders take exactly its variable parts (so the values reach the worded text)."""
    wording = _wording(chinese)
    missing, leaking = [], []
    for rule in field_rules():
        try:
            template, found = wording.catalogue.match(rule.text, wording.catalogue.rules)
        except LookupError:
            missing.append(f"{rule.where}: {rule.text}")
            continue
        carried = "".join(found.values())
        if any(SENTINEL.format(i) not in carried for i in range(1, rule.variables + 1)):
            leaking.append(f"{rule.where}: {rule.text} ~ {template.source}")
        worded = wording.rule(rule.text)
        assert worded.complete
        if chinese:
            assert not english_words(worded.text, worded.values), (rule.where, worded.text)
    assert not missing, "rules without a wording:\n" + "\n".join(missing)
    assert not leaking, "variable parts matched as fixed text:\n" + "\n".join(leaking)


def test_every_refusal_the_window_can_meet_has_a_wording() -> None:
    wording = _wording(True)
    for message in refusal_messages():
        # a refusal for a field its caller names ("{path}: required") is read for a known field
        text = re.sub(r"^⟦1⟧: ", "note: ", message.text)
        # a variable part another function words: the quorum rule, both ways it can read
        texts = {text.replace("(⟦3⟧)", f"({rule.describe()})") for rule in QUORUM_RULES}
        for variant in sorted(texts):
            worded = wording.message(variant)
            assert worded.complete, f"{message.where}: {variant}"
            assert not english_words(worded.text, worded.values), (message.where, worded.text)


def test_the_catalogue_is_consistent() -> None:
    """Same placeholders in every wording, known kinds, no English in the Chinese."""
    catalogue = load_catalogue(resources_dir() / "i18n" / "rules.json")
    sources = [t.source for t in catalogue.rules]
    assert len(sources) == len(set(sources))
    for template in (*catalogue.rules, *catalogue.messages):
        names = set(template.kinds)
        assert set(PLACEHOLDER.findall(template.zh)) == names, template.source
        assert set(PLACEHOLDER.findall(template.en)) == names, template.source
        assert set(template.kinds.values()) <= KINDS, template.source
        assert not english_words(PLACEHOLDER.sub(" ", template.zh)), template.zh
    for key, (zh, en) in catalogue.fields.items():
        assert zh and en and not english_words(zh), key
    for zh, _en in (*catalogue.records.values(), *catalogue.words.values()):
        assert not english_words(zh)
