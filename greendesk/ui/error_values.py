"""The variable parts of a refusal, shown the way the window shows such values elsewhere.

A rule template names how each placeholder is shown (``{choices:codes}``): coded values become
their labels (``semiannual`` -> 按半年), Python reprs lose their quotes, 0-based list positions
become 1-based rows. A value that is not a known code is shown exactly as the service gave it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from greendesk.domain.money import format_money
from greendesk.domain.roles import ACTION_LABELS, ROLE_LABELS, Action, Role
from greendesk.domain.workflow import STATUS_LABELS, Status
from greendesk.services.records.reference import collateral_types
from greendesk.ui import labels

if TYPE_CHECKING:
    from greendesk.ui.error_text import Catalogue

KINDS = frozenset(
    {
        "",
        "money",
        "quoted",
        "code",
        "codes",
        "list",
        "index",
        "action",
        "action_value",
        "record",
        "collateral",
    }
)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",")]


def _join(parts: list[str], chinese: bool) -> str:
    return "、".join(parts) if chinese else ", ".join(parts)


def code_word(code: str, chinese: bool, catalogue: Catalogue) -> str:
    """A coded value's label (status, role, method, sector ...); unknown codes as they are."""
    pick = 0 if chinese else 1
    if code in catalogue.words:
        return catalogue.words[code][pick]
    if code in {s.value for s in Status}:
        return STATUS_LABELS[Status(code)][pick]
    if code in {r.value for r in Role}:
        return ROLE_LABELS[Role(code)][pick]
    # the interface's word table, read in the language asked for (labels.word reads the locale)
    pair = labels.word_pair(code)
    return pair[pick] if pair else code


def _action(phrase: str, chinese: bool) -> str:
    """An action as ``roles.require`` words it in English ("restore a backup")."""
    for zh, en in ACTION_LABELS.values():
        if phrase == en:
            return zh if chinese else en
    return phrase


def _action_value(text: str, chinese: bool) -> str:
    """An action as ``workflow.check_transition`` words it ("start review"); English stays."""
    if not chinese:
        return text
    try:
        zh, en = ACTION_LABELS[Action(text.replace(" ", "_"))]
    except (ValueError, KeyError):
        return text
    return zh if chinese else en


def _collateral(keys: str, chinese: bool) -> str:
    types = collateral_types().types
    names = []
    for key in _split(keys):
        kind = types.get(key)
        name = (kind.name_zh if chinese else kind.name_en) if kind is not None else ""
        names.append(name or key)
    return _join(names, chinese)


def _record(what: str, chinese: bool, catalogue: Catalogue) -> str:
    """``borrower 12`` -> ``借款人（编号 12）``: the record's kind in words, its id as given."""
    kind, _, rest = what.partition(" ")
    pair = catalogue.records.get(kind)
    if pair is None:
        return what
    if not rest:
        return pair[0] if chinese else pair[1]
    return f"{pair[0]}（编号 {rest}）" if chinese else f"{pair[1]} {rest}"


def _unquoted(value: str, chinese: bool) -> str:
    if chinese and len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return f"“{value[1:-1]}”"
    return value


def convert(kind: str, value: str, chinese: bool, catalogue: Catalogue) -> str:
    """``value`` (as the service wrote it) the way the window shows a value of this ``kind``."""
    if kind == "quoted":
        return _unquoted(value, chinese)
    if kind == "code":
        return code_word(value, chinese, catalogue)
    if kind == "codes":
        return _join([code_word(c, chinese, catalogue) for c in _split(value)], chinese)
    if kind == "list":
        return _join(_split(value), chinese)
    if kind == "index":
        return str(int(value) + 1) if value.isdigit() else value
    if kind == "action":
        return _action(value, chinese)
    if kind == "action_value":
        return _action_value(value, chinese)
    if kind == "record":
        return _record(value, chinese, catalogue)
    if kind == "collateral":
        return _collateral(value, chinese)
    if kind == "money":
        return _money(value)
    return value


def _money(value: str) -> str:
    """An exact amount as the window shows money: ``810000000.00`` -> ``810,000,000.00``."""
    try:
        return format_money(Decimal(value), grouped=True)
    except (InvalidOperation, ValueError):
        return value
