"""Load the report templates in ``reports/`` (TOML): memo sections and labels, workbook sheets.

Templates are data so a bank can reword or reorder them; a broken template is reported as a
user error naming the file and the key, never as a traceback.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from greendesk.domain.errors import UserError
from greendesk.domain.money_units import MoneyUnit, format_in_unit, unit_name
from greendesk.paths import reports_dir

LANGUAGES = ("zh", "en")
MEMO_SECTIONS = (
    "cover",
    "summary",
    "borrower",
    "project",
    "classification",
    "structure",
    "syndicate",
    "collateral",
    "repayment",
    "risks",
    "decision",
    "kpi_results",
    "emissions",
    "programmes",
    "appendix_schedule",
    "appendix_lenders",
)
COLUMN_KINDS = ("text", "money", "date", "month", "int", "ratio", "percent", "decimal")
# Workbook display units: the power of ten a converted money column is divided by.
UNITS = {"yuan": 0, "wan": 4, "yi": 8}


def _load(name: str, folder: Path | None) -> dict[str, Any]:
    path = (folder or reports_dir()) / name
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise UserError(f"{path}: cannot read report template ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: not a valid TOML template ({exc})") from None


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UserError(f"--lang: must be one of {', '.join(LANGUAGES)}, not {lang!r}")


@dataclass(frozen=True)
class Values:
    """Display names for stored keys (reports/values.toml), one language."""

    tables: dict[str, dict[str, str]]

    def __call__(self, table: str, key: str | None) -> str:
        if key is None:
            return ""
        return self.tables.get(table, {}).get(key, key)


def load_values(lang: str, folder: Path | None = None) -> Values:
    _check_lang(lang)
    data = _load("values.toml", folder)
    return Values({k: dict(v) for k, v in data.get(lang, {}).items()})


@dataclass(frozen=True)
class MemoTemplate:
    lang: str
    sections: tuple[str, ...]
    new_page: frozenset[str]
    author_fallback: str
    text: dict[str, Any]
    values: Values
    # the unit the memo's body shows CNY amounts in; ``{unit}`` in a label or header names it
    money_unit: MoneyUnit = MoneyUnit.YUAN

    @property
    def unit_name(self) -> str:
        """元 / 万元 / 亿元 (CNY / 10k CNY / 100m CNY in English)."""
        return unit_name(self.money_unit, self.lang)

    def amount(self, value: Decimal | None) -> str:
        """A CNY figure of the memo's body in the chosen unit (元 exact; 万元 / 亿元 rounded
        half-up to two decimals by ``domain.money_units``); its label names the unit."""
        return "—" if value is None else format_in_unit(value, self.money_unit)

    def with_unit(self, text: str) -> str:
        return text.replace("{unit}", self.unit_name)

    def t(self, path: str) -> str:
        """The label at a dotted path, e.g. ``fields.amount``, ``{unit}`` filled in."""
        node: Any = self.text
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                raise UserError(f"reports/memo.toml: [{self.lang}] has no label {path!r}")
            node = node[part]
        return self.with_unit(str(node))

    def headers(self, table: str) -> list[str]:
        try:
            return [self.with_unit(str(h)) for h in self.text["tables"][table]]
        except KeyError:
            raise UserError(f"reports/memo.toml: [{self.lang}.tables] has no {table!r}") from None


def load_memo_template(lang: str = "zh", folder: Path | None = None) -> MemoTemplate:
    _check_lang(lang)
    data = _load("memo.toml", folder)
    doc = data.get("document", {})
    sections = tuple(doc.get("sections", MEMO_SECTIONS))
    unknown = [s for s in sections if s not in MEMO_SECTIONS]
    if unknown:
        raise UserError(f"reports/memo.toml: document.sections: unknown section {unknown[0]!r}")
    if lang not in data:
        raise UserError(f"reports/memo.toml: no [{lang}] labels")
    return MemoTemplate(
        lang=lang,
        sections=sections,
        new_page=frozenset(doc.get("new_page", ())),
        author_fallback=str(doc.get("author_fallback", "GreenDesk")),
        text=data[lang],
        values=load_values(lang, folder),
    )


@dataclass(frozen=True)
class ColumnSpec:
    field: str
    kind: str
    width: float
    header: str
    values: str | None
    scale: int = 0  # a money column shown in 万元 (4) or 亿元 (8): the value divided by 10**scale


@dataclass(frozen=True)
class SheetSpec:
    key: str
    name: str
    columns: tuple[ColumnSpec, ...]

    def index(self, field: str) -> int:
        """0-based column index of ``field``; the Summary's formulas need it."""
        for i, col in enumerate(self.columns):
            if col.field == field:
                return i
        raise UserError(f"reports/workbook.toml: sheet {self.key!r} has no column {field!r}")


@dataclass(frozen=True)
class CoverageBucket:
    low: Decimal
    high: Decimal
    label: str


@dataclass(frozen=True)
class WorkbookTemplate:
    lang: str
    summary_name: str
    emissions_summary_name: str | None  # the Emissions sheet's formula summary, if wanted
    sheets: dict[str, SheetSpec]
    formats: dict[str, str]
    labels: dict[str, str]
    groups: tuple[tuple[str, str, bool], ...]  # (loans field, label key, chart?)
    buckets: tuple[CoverageBucket, ...]
    values: Values
    unit: str = "yuan"

    def label(self, key: str) -> str:
        if key not in self.labels:
            raise UserError(f"reports/workbook.toml: [labels.{self.lang}] has no {key!r}")
        return self.labels[key]


def _column(raw: dict[str, Any], lang: str, where: str) -> ColumnSpec:
    kind = raw.get("kind", "text")
    if kind not in COLUMN_KINDS:
        raise UserError(f"reports/workbook.toml: {where}.kind: unknown kind {kind!r}")
    if "field" not in raw or lang not in raw:
        raise UserError(f"reports/workbook.toml: {where}: needs field and {lang}")
    return ColumnSpec(
        field=str(raw["field"]),
        kind=str(kind),
        width=float(raw.get("width", 12)),  # float-ok: a column width, not money
        header=str(raw[lang]),
        values=raw.get("values"),
    )


def load_workbook_template(lang: str = "zh", folder: Path | None = None) -> WorkbookTemplate:
    _check_lang(lang)
    data = _load("workbook.toml", folder)
    sheets: dict[str, SheetSpec] = {}
    for i, raw in enumerate(data.get("sheets", [])):
        key = str(raw["key"])
        cols = tuple(
            _column(c, lang, f"sheets[{i}].columns[{j}]") for j, c in enumerate(raw["columns"])
        )
        sheets[key] = SheetSpec(key=key, name=str(raw[lang]), columns=cols)
    for needed in ("loans", "collateral", "syndicate", "maturity"):
        if needed not in sheets:
            raise UserError(f"reports/workbook.toml: sheets: no sheet with key {needed!r}")
    groups = tuple(
        (str(g["field"]), str(g["label"]), bool(g.get("chart", False)))
        for g in data.get("groups", [])
    )
    buckets = tuple(
        CoverageBucket(Decimal(str(b["low"])), Decimal(str(b["high"])), str(b["label"]))
        for b in data.get("coverage_buckets", [])
    )
    return WorkbookTemplate(
        lang=lang,
        summary_name=str(data["summary"][lang]),
        emissions_summary_name=(
            str(data["emissions_summary"][lang]) if "emissions_summary" in data else None
        ),
        sheets=sheets,
        formats={str(k): str(v) for k, v in data.get("formats", {}).items()},
        labels={str(k): str(v) for k, v in data.get("labels", {}).get(lang, {}).items()},
        groups=groups,
        buckets=buckets,
        values=load_values(lang, folder),
    )


def _unit_header(header: str, unit_name: str) -> str:
    """``授信金额（元）`` -> ``授信金额（万元）``; ``Amount (CNY)`` -> ``Amount (CNY 10k)``."""
    for plain, named in (("（元）", f"（{unit_name}）"), ("(CNY)", f"({unit_name})")):
        if plain in header:
            return header.replace(plain, named)
    return f"{header}（{unit_name}）" if "（" in header else f"{header} ({unit_name})"


def in_unit(tpl: WorkbookTemplate, unit: str) -> WorkbookTemplate:
    """The template with every money column followed by the same figure in ``unit``.

    A spreadsheet number format scales only by powers of 1,000 (trailing commas), so 万元
    cannot be a format of the exact 元 figure: the exact column stays (the Summary's formulas
    read it) and a converted one, headed in the unit, stands beside it.
    """
    if unit not in UNITS:
        raise UserError(f"--unit: must be one of {', '.join(UNITS)}, not {unit!r}")
    if unit == "yuan":
        return tpl
    name = tpl.label(f"unit_{unit}")
    sheets = {}
    for key, spec in tpl.sheets.items():
        columns: list[ColumnSpec] = []
        for col in spec.columns:
            columns.append(col)
            if col.kind == "money":
                columns.append(
                    replace(col, header=_unit_header(col.header, name), scale=UNITS[unit])
                )
        sheets[key] = replace(spec, columns=tuple(columns))
    return replace(tpl, sheets=sheets, unit=unit)
