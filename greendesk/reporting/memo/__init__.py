"""The credit memo (授信审批报告): MemoData in, an A4 PDF out, sections in the template's order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, PageBreak, Spacer

from greendesk.domain.money_units import MoneyUnit
from greendesk.reporting.fonts import printable, register_fonts, undrawable
from greendesk.reporting.memo import kpi, schedule, sections
from greendesk.reporting.memo import programmes as programmes_section
from greendesk.reporting.memo.page import Furniture, MemoDocTemplate, make_canvas_class
from greendesk.reporting.memo.sections import Section
from greendesk.reporting.memo.styles import para
from greendesk.reporting.model import MemoData
from greendesk.reporting.templates import MemoTemplate, load_memo_template

BUILDERS: dict[str, Section] = {
    "cover": sections.cover,
    "summary": sections.summary,
    "borrower": sections.borrower,
    "project": sections.project,
    "classification": sections.classification,
    "structure": sections.structure,
    "syndicate": sections.syndicate,
    "collateral": sections.collateral,
    "repayment": schedule.repayment,
    "risks": sections.risks,
    "decision": sections.decision,
    "kpi_results": kpi.kpi_results,
    "emissions": kpi.emissions,
    "appendix_schedule": schedule.appendix_schedule,
    "appendix_lenders": schedule.appendix_lenders,
    "programmes": programmes_section.programmes,
}


def _strings(value: object) -> Iterator[str]:
    """Every string inside the memo's data (dataclasses, lists, tuples, dicts)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)


def undrawable_note(data: MemoData, tpl: MemoTemplate) -> str | None:
    """The memo's own word that some characters are printed as U+FFFD, naming them, or None."""
    odd: set[str] = set()
    for text in _strings(data):
        odd |= undrawable(text)
    if not odd:
        return None
    names = [f"U+{ord(ch):04X}" for ch in sorted(odd)]
    shown = ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
    return tpl.t("undrawable").format(count=len(odd), chars=shown)


def _story(data: MemoData, tpl: MemoTemplate, width: float) -> list[Flowable]:
    story: list[Flowable] = []
    note = undrawable_note(data, tpl)
    if note and "cover" not in tpl.sections:
        story.append(para(note, "alert"))
    if "summary" not in tpl.sections:
        story += sections.unit_note(data, tpl)  # the summary names the unit; else the story does
    for i, key in enumerate(tpl.sections):
        if i > 0 and (key in tpl.new_page or tpl.sections[i - 1] == "cover"):
            story.append(PageBreak())
        story += BUILDERS[key](data, tpl, width)
        if key == "cover" and note:
            story += [Spacer(1, 6), para(note, "alert")]
    return story


def render_memo(
    data: MemoData,
    out: str | Path | BinaryIO,
    lang: str = "zh",
    template: MemoTemplate | None = None,
    unit: MoneyUnit = MoneyUnit.YUAN,
) -> int:
    """Write the memo PDF to ``out`` (a path or a binary file); return the page count.

    ``unit``: the body's CNY amounts in 元, 万元 or 亿元 (the appendices stay in 元, to the fen);
    a loan in another currency is always shown in its own whole units.
    """
    register_fonts()
    tpl = template or load_memo_template(lang)
    if data.terms.currency not in ("", "CNY"):
        unit = MoneyUnit.YUAN
    tpl = dataclasses.replace(tpl, money_unit=unit)
    title = tpl.t("title")
    fields = {"bank": data.bank, "branch": data.branch, "reference": data.reference, "title": title}
    furniture = Furniture(
        header_left=tpl.t("header_left").format(**fields),
        header_right=tpl.t("header_right").format(**fields),
        footer_left=tpl.t("footer_left").format(**fields),
        footer_page=tpl.t("footer_page"),
        footer_note=(
            tpl.t("footer_anchor").format(seq=data.audit_head[0], hash=data.audit_head[1])
            if data.audit_head
            else ""
        ),
    )
    target: str | BinaryIO = str(out) if isinstance(out, Path) else out
    doc = MemoDocTemplate(
        target,
        furniture,
        title=printable(f"{title} {data.reference} {data.borrower.name}"),
        author=printable(data.officer or tpl.author_fallback),
        subject=tpl.t("subject"),
        creator="GreenDesk",
        keywords=[printable(k) for k in (data.reference, data.bank, data.branch)],
        lang="zh-CN" if tpl.lang == "zh" else "en",
    )
    suffix = furniture.footer_page.partition("{total}")[2]
    story = _story(data, tpl, doc.width)
    canvas_class = make_canvas_class(suffix)
    doc.build(story, canvasmaker=canvas_class)
    return doc.page


def render_memo_bytes(data: MemoData, lang: str = "zh", unit: MoneyUnit = MoneyUnit.YUAN) -> bytes:
    buffer = BytesIO()
    render_memo(data, buffer, lang, unit=unit)
    return buffer.getvalue()
