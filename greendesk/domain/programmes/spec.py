"""Policy programmes (resources/programmes/*.toml) read into typed, validated data.

A programme's figures carry their source: each is ``{value, source}`` naming one of the file's
``[[sources]]``, or ``{value, confirmed = false, note}`` when no source confirms it; a figure
with no value is unknown and nothing is computed from it. Anything else is refused with a
message naming the file and the field, so an unsourced number can never reach a report.
"""

from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from greendesk.domain.errors import UserError

T = TypeVar("T")


@dataclass(frozen=True)
class Figure(Generic[T]):
    """One policy figure with where it comes from (``source``) or why it is unconfirmed."""

    value: T | None
    source: str | None
    confirmed: bool
    note: str = ""

    @property
    def known(self) -> bool:
        return self.value is not None

    def cite(self) -> str:
        """``source id`` or ``unconfirmed: note`` — what a report prints beside the figure."""
        return self.source or f"unconfirmed: {self.note}"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Area:
    key: str
    name_zh: str
    name_en: str
    source: str
    catalogue_codes: tuple[str, ...]
    transition_activities: tuple[str, ...]
    rule: str  # "" (catalogue/activity lists), "green_whole", "carbon_account_transition"
    note: str


@dataclass(frozen=True)
class ExcludedSector:
    sector: str
    source: str
    note_zh: str
    note_en: str


@dataclass(frozen=True)
class Version:
    id: str
    in_force_from: Figure[date]
    in_force_to: Figure[date] | None
    share_of_principal: Figure[Decimal]
    funding_rate: Figure[Decimal]
    term_months: Figure[int] | None
    rollovers: Figure[int] | None
    areas: tuple[str, ...]

    def in_force(self, day: date) -> bool:
        start = self.in_force_from.value
        end = self.in_force_to.value if self.in_force_to else None
        return start is not None and start <= day and (end is None or day <= end)

    @property
    def support_months(self) -> int | None:
        """How long one refinancing can last: the term and every rollover (12 × (1 + 2))."""
        if self.term_months is None or self.term_months.value is None:
            return None
        rollovers = self.rollovers.value if self.rollovers and self.rollovers.value else 0
        return self.term_months.value * (1 + rollovers)


@dataclass(frozen=True)
class Programme:
    key: str
    name_zh: str
    name_en: str
    issuer_zh: str
    issuer_en: str
    computes_refinancing: bool
    programme_end: Figure[date] | None
    sources: dict[str, Source]
    areas: dict[str, Area]
    excluded_sectors: tuple[ExcludedSector, ...]
    rate_rule: str
    rate_text_zh: str
    rate_text_en: str
    rate_tolerance_bps: Figure[int] | None
    region_contains: tuple[str, ...]
    region_text_zh: str
    region_text_en: str
    disclosure_frequency: Figure[str] | None
    reduction_method_zh: str
    reduction_method_en: str
    institutions_zh: str
    institutions_en: str
    versions: tuple[Version, ...]

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def version_on(self, day: date) -> Version | None:
        """The version in force on ``day``; ``None`` before the first or after the end."""
        end = self.programme_end.value if self.programme_end else None
        if end is not None and day > end:
            return None
        return next((v for v in self.versions if v.in_force(day)), None)


class _Reader:
    """Reads one file's fields, collecting every problem before refusing it."""

    def __init__(self, name: str, data: dict[str, Any]) -> None:
        self.name = name
        self.data = data
        self.errors: list[str] = []
        self.cited: set[str] = set()

    def fail(self, path: str, rule: str) -> None:
        self.errors.append(f"{self.name}: {path}: {rule}")

    def text(self, obj: dict[str, Any], key: str, path: str, required: bool = True) -> str:
        value = obj.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{path}{key}", "must be a non-empty string")
            return ""
        return value

    def cite(self, obj: dict[str, Any], key: str, path: str) -> str:
        source = self.text(obj, key, path)
        self.cited.add(source)
        return source

    def figure(
        self, obj: dict[str, Any], key: str, path: str, kind: type, required: bool = True
    ) -> Any:
        raw = obj.get(key)
        where = f"{path}{key}"
        if raw is None:
            if required:
                self.fail(where, "missing")
            return None
        if not isinstance(raw, dict):
            self.fail(where, "must be { value, source } or { value, confirmed = false, note }")
            return None
        value = raw.get("value")
        source = raw.get("source")
        confirmed = raw.get("confirmed", True)
        note = raw.get("note", "")
        if source is not None:
            if not isinstance(source, str) or confirmed is not True:
                self.fail(where, "a sourced figure names one source and is not 'confirmed = false'")
            self.cited.add(str(source))
        elif confirmed is not False or not isinstance(note, str) or not note.strip():
            self.fail(where, "names no source: say 'confirmed = false' and why, in 'note'")
        if value is not None:
            value = self._convert(value, kind, where)
        elif source is not None:
            self.fail(where, "a sourced figure must have a value")
        return Figure(value, source, source is not None, str(note))

    def _convert(self, value: Any, kind: type, where: str) -> Any:
        if kind is Decimal:
            if not isinstance(value, str):
                self.fail(where, 'a decimal is written as a string ("0.60"), never a float')
                return None
            try:
                return Decimal(value)
            except InvalidOperation:
                self.fail(where, f"{value!r} is not a decimal")
                return None
        if kind is int and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            self.fail(where, "must be a whole number ≥ 0")
            return None
        if kind is date and not (isinstance(value, date)):
            self.fail(where, "must be a TOML date (YYYY-MM-DD)")
            return None
        if kind is str and not isinstance(value, str):
            self.fail(where, "must be a string")
            return None
        return value


def _strings(obj: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(x) for x in obj.get(key) or [])


def parse_programme(name: str, data: dict[str, Any]) -> Programme:
    """Validate one programme document; :class:`UserError` lists every problem found."""
    r = _Reader(name, data)
    sources: dict[str, Source] = {}
    for i, s in enumerate(data.get("sources") or []):
        sid = r.text(s, "id", f"sources[{i}].")
        sources[sid] = Source(sid, r.text(s, "title", f"sources[{i}]."), str(s.get("url", "")))
    areas: dict[str, Area] = {}
    for i, a in enumerate(data.get("areas") or []):
        p = f"areas[{i}]."
        key = r.text(a, "key", p)
        areas[key] = Area(
            key,
            r.text(a, "name_zh", p),
            r.text(a, "name_en", p),
            r.cite(a, "source", p),
            _strings(a, "catalogue_codes"),
            _strings(a, "transition_activities"),
            str(a.get("rule", "")),
            str(a.get("note", "")),
        )
    excluded = tuple(
        ExcludedSector(
            r.text(x, "sector", f"excluded_sectors[{i}]."),
            r.cite(x, "source", f"excluded_sectors[{i}]."),
            r.text(x, "note_zh", f"excluded_sectors[{i}]."),
            r.text(x, "note_en", f"excluded_sectors[{i}]."),
        )
        for i, x in enumerate(data.get("excluded_sectors") or [])
    )
    rate = data.get("borrower_rate") or {}
    r.cite(rate, "source", "borrower_rate.")
    region = data.get("region") or {}
    if region:
        r.cite(region, "source", "region.")
    disclosure = data.get("disclosure") or {}
    for block in ("institutions",):
        if data.get(block):
            r.cite(data[block], "source", f"{block}.")
    versions: list[Version] = []
    for i, v in enumerate(data.get("versions") or []):
        p = f"versions[{i}]."
        names = _strings(v, "areas")
        for n in names:
            if n not in areas:
                r.fail(f"{p}areas", f"{n!r} is not one of the file's [[areas]]")
        versions.append(
            Version(
                r.text(v, "id", p),
                r.figure(v, "in_force_from", p, date),
                r.figure(v, "in_force_to", p, date, required=False),
                r.figure(v, "share_of_principal", p, Decimal),
                r.figure(v, "funding_rate", p, Decimal),
                r.figure(v, "term_months", p, int, required=False),
                r.figure(v, "rollovers", p, int, required=False),
                names,
            )
        )
        for key in ("annual_quota_yuan",):
            r.figure(v, key, p, Decimal, required=False)
        if v.get("mechanism_source"):
            r.cite(v, "mechanism_source", p)
    if not versions:
        r.fail("versions", "at least one version is needed")
    _check_versions(r, versions)
    for key in ("reported_total", "funded_from"):
        r.figure(data, key, "", Decimal if key == "reported_total" else str, required=False)
    for key in ("verification", "reduction_method"):
        r.figure(disclosure, key, "disclosure.", str, required=False)
    if disclosure.get("items_source"):
        r.cite(disclosure, "items_source", "disclosure.")
    for i, h in enumerate(data.get("history") or []):
        r.text(h, "text", f"history[{i}].")
        r.cite(h, "source", f"history[{i}].")
    programme = Programme(
        key=r.text(data, "key", ""),
        name_zh=r.text(data, "name_zh", ""),
        name_en=r.text(data, "name_en", ""),
        issuer_zh=r.text(data, "issuer_zh", ""),
        issuer_en=r.text(data, "issuer_en", ""),
        computes_refinancing=bool(data.get("computes_refinancing", False)),
        programme_end=r.figure(data, "programme_end", "", date, required=False),
        sources=sources,
        areas=areas,
        excluded_sectors=excluded,
        rate_rule=str(rate.get("rule", "")),
        rate_text_zh=str(rate.get("text_zh", "")),
        rate_text_en=str(rate.get("text_en", "")),
        rate_tolerance_bps=r.figure(rate, "tolerance_bps", "borrower_rate.", int, required=False),
        region_contains=_strings(region, "contains"),
        region_text_zh=str(region.get("text_zh", "")),
        region_text_en=str(region.get("text_en", "")),
        disclosure_frequency=r.figure(disclosure, "frequency", "disclosure.", str, required=False),
        reduction_method_zh=str(disclosure.get("reduction_method_zh", "")),
        reduction_method_en=str(disclosure.get("reduction_method_en", "")),
        institutions_zh=_institutions(data, "zh"),
        institutions_en=_institutions(data, "en"),
        versions=tuple(versions),
    )
    for sid in sorted(r.cited - set(sources)):
        r.fail("sources", f"{sid!r} is cited but not listed")
    for sid in sorted(set(sources) - r.cited):
        r.fail("sources", f"{sid!r} is listed but never cited")
    if programme.computes_refinancing:
        for v in versions:
            if not (v.share_of_principal.known and v.funding_rate.known and v.support_months):
                r.fail(f"versions[{v.id}]", "computes_refinancing needs share, rate and term")
    if r.errors:
        raise UserError("\n".join(r.errors))
    return programme


def _institutions(data: dict[str, Any], lang: str) -> str:
    """Who may borrow from the programme; GreenDesk does not check it (the bank knows)."""
    block = data.get("institutions") or {}
    text = str(block.get(f"text_{lang}", ""))
    if not text:
        return ""
    return f"适用机构（未核对）：{text}" if lang == "zh" else f"institutions (not checked): {text}"


def _check_versions(r: _Reader, versions: list[Version]) -> None:
    ordered = sorted(
        (v for v in versions if v.in_force_from and v.in_force_from.value),
        key=lambda v: v.in_force_from.value or date.min,
    )
    for before, after in itertools.pairwise(ordered):
        end = before.in_force_to.value if before.in_force_to else None
        start = after.in_force_from.value
        if end is None or start is None or end >= start:
            r.fail(f"versions[{after.id}]", f"overlaps version {before.id}")


def programmes_dir() -> Path:
    from greendesk.paths import resources_dir

    return resources_dir() / "programmes"


def load_programme_file(path: Path) -> Programme:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"{path.name}: cannot read: {exc}") from None
    return parse_programme(path.name, data)


@cache
def load_programmes() -> dict[str, Programme]:
    """Every programme file (not ``bank-funding.toml``), by key."""
    out: dict[str, Programme] = {}
    for path in sorted(programmes_dir().glob("*.toml")):
        if path.name == "bank-funding.toml":
            continue
        programme = load_programme_file(path)
        out[programme.key] = programme
    return out


@dataclass(frozen=True)
class ComparisonRate:
    start: date
    rate: Decimal
    source: str


@cache
def load_comparison_rates() -> tuple[ComparisonRate, ...]:
    """The bank's own funding cost by date (bank-funding.toml), oldest first."""
    path = programmes_dir() / "bank-funding.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = []
    for i, row in enumerate(data.get("comparison_rates") or []):
        try:
            rows.append(ComparisonRate(row["from"], Decimal(str(row["rate"])), str(row["source"])))
        except (KeyError, InvalidOperation):
            raise UserError(
                f"bank-funding.toml: comparison_rates[{i}]: needs from, rate, source"
            ) from None
    if not rows:
        raise UserError("bank-funding.toml: comparison_rates: at least one rate is needed")
    return tuple(sorted(rows, key=lambda x: x.start))
