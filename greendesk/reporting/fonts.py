"""The memo's fonts: DejaVu Sans for Latin text, Droid Sans Fallback for Chinese, both embedded.

Droid Sans Fallback has no Latin glyphs and DejaVu has no CJK ideographs, and reportlab does no
font fallback of its own, so every string is split into runs by glyph coverage: a character DejaVu
can draw goes to DejaVu, any other to Droid. Paragraphs get ``<font>`` markup; canvas and chart
strings are drawn run by run.

A character neither font can draw (an emoji, a control character such as ``\\x07`` from an
older database) would vanish silently; it is drawn as U+FFFD instead, visibly, and
:func:`undrawable` lets the memo say which characters were replaced.
"""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from greendesk.paths import resources_dir

LATIN = "GDSans"
LATIN_BOLD = "GDSans-Bold"
CJK = "GDCJK"

_FILES = {
    LATIN: "DejaVuSans.ttf",
    LATIN_BOLD: "DejaVuSans-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}


@cache
def register_fonts() -> None:
    """Register the shipped fonts with reportlab once per process."""
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(
        LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN, boldItalic=LATIN_BOLD
    )
    pdfmetrics.registerFontFamily(CJK, normal=CJK, bold=CJK, italic=CJK, boldItalic=CJK)


@cache
def _latin_chars() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(LATIN)
    return frozenset(font.face.charToGlyph)


REPLACEMENT = "\ufffd"
_KEPT = frozenset("\n")  # paragraph markup turns it into <br/>


@cache
def _drawable_chars() -> frozenset[str]:
    """Every character one of the two fonts can draw (controls excluded)."""
    register_fonts()
    cjk = pdfmetrics.getFont(CJK).face.charToGlyph
    return frozenset(chr(c) for c in (*_latin_chars(), *cjk) if c >= 32 and c != 127)


def _plain(text: str) -> bool:
    """Printable ASCII (what DejaVu draws) — most strings: numbers, dates, codes."""
    return text.isascii() and text.isprintable()


def printable(text: str) -> str:
    """``text`` with tabs as spaces, CR/CRLF as LF, and every undrawable character as U+FFFD."""
    if _plain(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    ok = _drawable_chars()
    if all(ch in ok or ch in _KEPT for ch in text):
        return text
    return "".join(ch if ch in ok or ch in _KEPT else REPLACEMENT for ch in text)


def undrawable(text: str) -> set[str]:
    """The characters of ``text`` that are printed as U+FFFD."""
    if _plain(text):
        return set()
    ok = _drawable_chars()
    return {ch for ch in text if ch not in ok and ch not in _KEPT and ch not in "\r\t"}


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split ``text`` into (font name, piece) runs that each font can draw."""
    latin = _latin_chars()
    latin_font = LATIN_BOLD if bold else LATIN
    out: list[tuple[str, str]] = []
    current_font = ""
    start = 0
    text = printable(text)
    for i, ch in enumerate(text):
        font = latin_font if ord(ch) in latin else CJK
        if font != current_font:
            if i > start:
                out.append((current_font, text[start:i]))
            current_font, start = font, i
    if len(text) > start:
        out.append((current_font, text[start:]))
    return out


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for ``text``: XML-escaped, each run wrapped in the font that draws it.

    The paragraph's own font is the regular Latin one, so only CJK and bold runs need a tag.
    """
    parts = []
    for font, piece in runs(text, bold):
        if font == LATIN:
            parts.append(escape(piece))
        else:
            parts.append(f'<font name="{font}">{escape(piece)}</font>')
    return "".join(parts).replace("\n", "<br/>")


def string_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` drawn run by run (what draw_runs would use)."""
    return sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in runs(text, bold))
