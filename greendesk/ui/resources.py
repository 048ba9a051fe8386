"""Icons, the style sheet and the bundled fonts, all found through ``greendesk.paths``."""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from greendesk.paths import resources_dir

log = logging.getLogger(__name__)

UI_FONT_FAMILIES = ("DejaVu Sans", "Droid Sans Fallback")
"""Latin glyphs from DejaVu, Chinese from Droid Sans Fallback (both shipped in resources/fonts)."""


@cache
def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/<name>.svg`` (a missing icon is a packaging bug)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"icon {path} is missing")
    return QIcon(str(path))


def style_sheet() -> str:
    return (resources_dir() / "style" / "greendesk.qss").read_text(encoding="utf-8")


@cache
def load_fonts() -> tuple[str, ...]:
    """Register the shipped TrueType fonts so Chinese renders even where fontconfig has none.

    Once per process: the application font database keeps them until the process ends.
    """
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font %s could not be loaded", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(families)


def apply_look(app: QApplication) -> None:
    """Fonts, Fusion style, the style sheet and the window icon: the application's one look."""
    families = load_fonts()
    wanted = [f for f in UI_FONT_FAMILIES if f in families]
    if wanted:
        font = QFont()
        font.setFamilies(wanted)
        font.setPointSize(10)
        app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(icon("greendesk"))
