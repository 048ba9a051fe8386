"""Memo pages: A4 document template, header and footer, "page x of y", and the outline.

"y" is unknown while pages are drawn, so every footer refers to a PDF form XObject that the
canvas defines once, when the document is saved: one build pass, no second layout run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import BaseDocTemplate

from greendesk.reporting.fonts import LATIN, runs
from greendesk.reporting.memo.styles import ACCENT, MUTED, PAGE_MARGIN, RULE

TOTAL_FORM = "gdPageTotal"
FOOTER_SIZE = 7.5


def draw_runs(canvas: Canvas, x: float, y: float, text: str, size: float) -> float:
    """Draw ``text`` left-aligned run by run in the right fonts; return the x after it."""
    for font, piece in runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, piece)
        x += canvas.stringWidth(piece, font, size)
    return x


def runs_width(canvas: Canvas, text: str, size: float) -> float:
    return sum(canvas.stringWidth(piece, font, size) for font, piece in runs(text))


HEADER_GAP = 12.0  # points between the header's left and right texts
ELLIPSIS = "…"


def fit(canvas: Canvas, text: str, size: float, width: float) -> str:
    """``text`` shortened with "…" to fit ``width`` (a 200-character bank and branch would run
    off the page); the whole text stays on the cover and in the document's metadata."""
    if runs_width(canvas, text, size) <= width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
    while low < high:
        mid = (low + high + 1) // 2
        if runs_width(canvas, text[:mid].rstrip() + ELLIPSIS, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS


class MemoCanvas(Canvas):
    """A canvas that counts its pages and writes the page total into the footer form."""

    total_suffix: str = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or LATIN
        super().__init__(*args, **kwargs)
        self.pages_done = 0

    def showPage(self) -> None:
        self.pages_done += 1
        super().showPage()

    def save(self) -> None:
        self.beginForm(TOTAL_FORM)
        draw_runs(self, 0, 0, f"{self.pages_done}{self.total_suffix}", FOOTER_SIZE)
        self.endForm()
        self.showOutline()
        super().save()


@dataclass(frozen=True)
class Furniture:
    """What the header and footer say; ``footer_page`` holds {page} and {total}."""

    header_left: str
    header_right: str
    footer_left: str
    footer_page: str
    footer_note: str = ""  # a second, smaller line: the audit chain head the memo was made at


class MemoDocTemplate(BaseDocTemplate):
    """A4 portrait pages with header, footer and an outline entry per section heading."""

    def __init__(self, filename: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=PAGE_MARGIN,
            rightMargin=PAGE_MARGIN,
            topMargin=PAGE_MARGIN + 6,
            bottomMargin=PAGE_MARGIN,
            **kwargs,
        )
        self.furniture = furniture
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._footer_only),
                PageTemplate(id="body", frames=[frame], onPage=self._header_footer),
            ]
        )

    def handle_pageBegin(self) -> None:
        # Only the first page is the cover; every later page uses the body template.
        super().handle_pageBegin()
        self._handle_nextPageTemplate("body")

    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "outline_key", None)
        if key:
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_title, key, level=flowable.outline_level)

    # ---- page furniture ------------------------------------------------------------------
    def _footer(self, canvas: Canvas) -> None:
        f = self.furniture
        y = PAGE_MARGIN - 10
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(self.leftMargin, y + 9, self.leftMargin + self.width, y + 9)
        canvas.setFillColor(MUTED)
        draw_runs(canvas, self.leftMargin, y, f.footer_left, FOOTER_SIZE)
        if f.footer_note:
            draw_runs(canvas, self.leftMargin, y - FOOTER_SIZE - 2, f.footer_note, FOOTER_SIZE - 1)
        before, _, _after = f.footer_page.partition("{total}")
        text = before.format(page=canvas.getPageNumber())
        # the total and whatever follows it come from the form; leave room for "999 页"
        x = self.leftMargin + self.width - runs_width(canvas, text, FOOTER_SIZE) - 32
        x = draw_runs(canvas, x, y, text, FOOTER_SIZE)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()

    def _footer_only(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        self._footer(canvas)
        canvas.restoreState()

    def _header_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        f = self.furniture
        top = self.pagesize[1] - PAGE_MARGIN + 4
        canvas.setFillColor(ACCENT)
        size = FOOTER_SIZE + 0.5
        right = fit(canvas, f.header_right, size, self.width / 2)
        width = runs_width(canvas, right, size)
        left = fit(canvas, f.header_left, size, self.width - width - HEADER_GAP)
        draw_runs(canvas, self.leftMargin, top, left, size)
        draw_runs(canvas, self.leftMargin + self.width - width, top, right, size)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(self.leftMargin, top - 4, self.leftMargin + self.width, top - 4)
        self._footer(canvas)
        canvas.restoreState()


class SectionHeading(Paragraph):
    """A heading that becomes an outline entry (bookmark) when it is drawn."""

    def __init__(self, text: str, style: Any, key: str, title: str, level: int = 0) -> None:
        super().__init__(text, style)
        self.outline_key = key
        self.outline_title = title
        self.outline_level = level


def make_canvas_class(total_suffix: str) -> type[MemoCanvas]:
    """A canvas class whose footer form prints the total then ``total_suffix`` (e.g. " 页")."""
    return type("BoundMemoCanvas", (MemoCanvas,), {"total_suffix": total_suffix})
