"""Refusals in the window's language: a field path named by its label, the rule in words.

The services word every bad input as ``path: rule`` in English (``drawdowns[2].date: after
maturity``); the command line, the JSON outputs and the tests rely on that text, so it never
changes. The window rewords it here, at the last moment: each part of the path becomes the label
the user sees (the form's own label where the dialog passes it, else the catalogue's), list indices
become 1-based rows (``提款计划 第3行 日期``), and the rule is matched against a catalogue of rule
templates (``resources/i18n/rules.json``) whose variable parts — limits, dates, amounts, names —
are carried over into the Chinese (or window-English) wording.

A rule or field the catalogue does not know is shown as the service words it (never nothing,
never a crash) and logged once, so a missing entry is noticed and added.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from greendesk.domain.errors import FieldError, InvalidInput, UserError
from greendesk.paths import resources_dir
from greendesk.ui.error_values import convert
from greendesk.ui.labels import chinese

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
_TOKEN = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
_PATH_RULE = re.compile(r"^(?P<path>[\w().\[\] -]+?): (?P<rule>.+)$", re.DOTALL)
_missed: set[str] = set()


@dataclass(frozen=True)
class Template:
    """One wording: the English pattern the services produce and its window wordings."""

    source: str
    zh: str
    en: str  # the English the window shows (the source, unless the catalogue words it better)
    kinds: dict[str, str]  # placeholder -> how its value is shown (see error_values.convert)
    pattern: re.Pattern[str]

    @classmethod
    def from_entry(cls, entry: Mapping[str, str]) -> Template:
        source = entry["en"]
        kinds: dict[str, str] = {}
        regex, last = "", 0
        for found in _PLACEHOLDER.finditer(source):
            name, kind = found.group(1), found.group(2) or ""
            regex += re.escape(source[last : found.start()]) + f"(?P<{name}>.+?)"
            kinds[name] = kind
            last = found.end()
        regex += re.escape(source[last:])
        plain = _PLACEHOLDER.sub(lambda m: "{" + m.group(1) + "}", source)
        return cls(
            source=source,
            zh=entry["zh"],
            en=entry.get("en_window", plain),
            kinds=kinds,
            pattern=re.compile(regex, re.DOTALL),
        )

    @property
    def fixed_chars(self) -> int:
        """How much of the pattern is literal text: more literal text is a more specific match."""
        return len(_PLACEHOLDER.sub("", self.source))


@dataclass(frozen=True)
class Catalogue:
    """The wordings of ``rules.json``: field labels, rule and message templates."""

    fields: dict[str, tuple[str, str]]  # path key (e.g. "lenders[].name" or "amount") -> (zh, en)
    records: dict[str, tuple[str, str]]
    words: dict[str, tuple[str, str]]
    item_lists: frozenset[str]  # lists of single values: their index reads "第N个", not "第N行"
    free_keys: frozenset[str]  # mappings whose keys are the user's own names (shown as typed)
    unknown_field_rules: frozenset[str]  # rules whose path ends in a name the user made up
    rules: tuple[Template, ...]
    messages: tuple[Template, ...]

    def match(self, text: str, templates: Sequence[Template]) -> tuple[Template, dict[str, str]]:
        """The most specific template that reads exactly ``text``, with its variable parts."""
        for template in templates:
            found = template.pattern.fullmatch(text)
            if found:
                return template, found.groupdict()
        raise LookupError(text)


def _pairs(raw: Mapping[str, Mapping[str, str]]) -> dict[str, tuple[str, str]]:
    return {key: (value["zh"], value["en"]) for key, value in raw.items()}


def _ordered(entries: Sequence[Mapping[str, str]]) -> tuple[Template, ...]:
    templates = [Template.from_entry(e) for e in entries]
    return tuple(sorted(templates, key=lambda t: (not t.kinds, t.fixed_chars), reverse=True))


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read a catalogue file (the shipped ``resources/i18n/rules.json`` by default)."""
    if path is None:
        return shipped_catalogue()
    data = json.loads(path.read_text(encoding="utf-8"))
    return Catalogue(
        fields=_pairs(data["fields"]),
        records=_pairs(data["records"]),
        words=_pairs(data["words"]),
        item_lists=frozenset(data["item_lists"]),
        free_keys=frozenset(data["free_keys"]),
        unknown_field_rules=frozenset(data["unknown_field_rules"]),
        rules=_ordered(data["rules"]),
        messages=_ordered(data["messages"]),
    )


@lru_cache(maxsize=1)
def shipped_catalogue() -> Catalogue:
    return load_catalogue(resources_dir() / "i18n" / "rules.json")


@dataclass(frozen=True)
class Worded:
    """A text as the window shows it; ``complete`` is False when part of it fell back to English."""

    text: str
    complete: bool = True
    values: tuple[str, ...] = ()  # the variable parts as shown, in the template's order


def _well_formed(path: str) -> bool:
    """A path made only of names and [index] parts joined by dots (``a.b[2].c``)."""
    return "".join(m.group(0) for m in _TOKEN.finditer(path)) == path.replace(".", "")


def _missing(what: str, text: str, chinese: bool) -> None:
    """Log a catalogue gap once per text, so it is noticed without flooding the log."""
    key = f"{what}:{text}"
    if key not in _missed:
        _missed.add(key)
        language = "zh_CN" if chinese else "en"
        log.warning(
            "no %s wording of the %s %r; shown as the service words it", language, what, text
        )


class ErrorWording:
    """Words services' refusals for the window, in the interface's current language.

    ``form_labels`` maps a top-level input path (``credit_code``) to the label the dialog shows
    next to that field, so a message names the field exactly as the form does.
    """

    def __init__(
        self,
        chinese: bool,
        form_labels: Mapping[str, str] | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        self.chinese = chinese
        self.form_labels = dict(form_labels or {})
        self.catalogue = catalogue or shipped_catalogue()

    def _pick(self, pair: tuple[str, str]) -> str:
        return pair[0] if self.chinese else pair[1]

    # -- field paths ---------------------------------------------------------------------------

    def field(self, path: str, user_named: bool = False) -> Worded:
        """``drawdowns[2].date`` -> ``提款计划 第3行 日期`` / ``Drawdowns, row 3, Date``.

        ``user_named``: the last name is one the user typed (an unknown field), shown quoted.
        """
        tokens = [(m.group(1), m.group(2)) for m in _TOKEN.finditer(path)]
        if not tokens or not _well_formed(path):
            _missing("field", path, self.chinese)
            return Worded(path, complete=False)
        parts: list[str] = []
        key, last_name, complete = "", "", True
        for i, (index, name) in enumerate(tokens):
            if index is not None:
                number = int(index) + 1
                row = i + 1 < len(tokens) or last_name not in self.catalogue.item_lists
                if self.chinese:
                    parts.append(f"第{number}行" if row else f"第{number}个")
                else:
                    parts.append(f"row {number}" if row else f"no. {number}")
                key += "[]"
                continue
            own = user_named and i == len(tokens) - 1
            if own or (last_name in self.catalogue.free_keys and not key.endswith("[]")):
                parts.append(f"“{name}”")  # the user's own name
            elif not key and name in self.form_labels:
                parts.append(self.form_labels[name])
            else:
                label = self.catalogue.fields.get(f"{key}.{name}" if key else name)
                label = label or self.catalogue.fields.get(name)
                if label is None:
                    complete = False
                    parts.append(name)
                else:
                    parts.append(self._pick(label))
            key = f"{key}.{name}" if key else name
            last_name = name
        if not complete:
            _missing("field", path, self.chinese)
        # a form may label a group by its one field ("quorum" shown as its share's label)
        shown = [p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1]]
        return Worded(" ".join(shown) if self.chinese else ", ".join(shown), complete)

    # -- rules and messages --------------------------------------------------------------------

    def _template(self, text: str, templates: Sequence[Template], what: str) -> Worded:
        try:
            template, found = self.catalogue.match(text, templates)
        except LookupError:
            _missing(what, text, self.chinese)
            return Worded(text, complete=False)
        return self._render(template, found)

    def _render(self, template: Template, found: Mapping[str, str]) -> Worded:
        values = {
            name: convert(template.kinds[name], value, self.chinese, self.catalogue)
            for name, value in found.items()
        }
        wording = template.zh if self.chinese else template.en
        return Worded(wording.format(**values), True, tuple(values.values()))

    def rule(self, rule: str) -> Worded:
        """A rule (``after maturity``) in the window's language."""
        return self._template(rule, self.catalogue.rules, "rule")

    def error(self, error: FieldError) -> Worded:
        """One field error: ``提款计划 第3行 日期：晚于到期日``."""
        user_named = error.rule in self.catalogue.unknown_field_rules
        field, rule = self.field(error.path, user_named), self.rule(error.rule)
        colon = "：" if self.chinese else ": "
        return Worded(
            f"{field.text}{colon}{rule.text}", field.complete and rule.complete, rule.values
        )

    def message(self, text: str) -> Worded:
        """A refusal that is a sentence (``permission denied: ...``) or a ``path: rule`` line."""
        lines = [self._line(line) for line in text.splitlines() or [text]]
        return Worded(
            "\n".join(w.text for w in lines),
            all(w.complete for w in lines),
            tuple(v for w in lines for v in w.values),
        )

    def _line(self, line: str) -> Worded:
        try:
            template, found = self.catalogue.match(line, self.catalogue.messages)
        except LookupError:
            pass
        else:
            return self._render(template, found)
        parts = _PATH_RULE.match(line)
        if parts:
            worded = self._known_error(FieldError(parts.group("path"), parts.group("rule")))
            if worded is not None:
                return worded
        _missing("message", line, self.chinese)
        return Worded(line, complete=False)

    def _known_error(self, error: FieldError) -> Worded | None:
        """A ``path: rule`` refusal, worded only when the catalogue knows both parts."""
        names = [m.group(2) for m in _TOKEN.finditer(error.path) if m.group(2)]
        if not _well_formed(error.path) or not all(
            n in self.catalogue.fields or n in self.form_labels for n in names
        ):
            return None
        try:
            self.catalogue.match(error.rule, self.catalogue.rules)
        except LookupError:
            return None
        return self.error(error)

    def exception(self, exc: UserError) -> Worded:
        """What the window shows for a refused action: every field error, or the message."""
        if isinstance(exc, InvalidInput) and exc.errors:
            worded = [self.error(e) for e in exc.errors]
            return Worded(
                "\n".join(w.text for w in worded),
                all(w.complete for w in worded),
                tuple(v for w in worded for v in w.values),
            )
        return self.message(str(exc))


def window_text(exc: UserError) -> str:
    """A refusal as the window shows it outside the record editors, in the current language."""
    return ErrorWording(chinese()).exception(exc).text
