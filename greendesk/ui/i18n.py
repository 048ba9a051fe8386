"""Interface language: Qt translators (compiled .qm from the .ts sources) and the default locale.

Chinese (zh_CN) is the default; English is the other choice. Source strings in code and forms are
English; ``resources/i18n/greendesk_<lang>.ts`` hold the translations and ``.qm`` their compiled
form (``pyside6-lrelease``). Qt's own dialogs (standard buttons, file dialogs) use Qt's catalogue.
"""

from __future__ import annotations

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from greendesk.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


class Translations:
    """The translators installed on the application; :meth:`use` switches the language."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def use(self, language: str) -> str:
        """Install ``language`` (unknown values fall back to the default); return the one used."""
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        for old in self._installed:
            self._app.removeTranslator(old)
        self._installed.clear()
        locale = QLocale("zh_CN")
        if language == "en":
            locale = QLocale("en_US")
        QLocale.setDefault(locale)
        own = QTranslator(self._app)
        path = resources_dir() / "i18n" / f"greendesk_{language}.qm"
        if own.load(str(path)):
            self._install(own)
        else:
            log.warning("translation %s could not be loaded", path)
        if language != "en":
            self._install_qt(locale)
        self.language = language
        return language

    def _install_qt(self, locale: QLocale) -> None:
        """Qt's own catalogue (file dialogs, standard buttons): Qt's folder, else PySide6's."""
        folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
        folders.append(str(Path(PySide6.__file__).parent / "Qt" / "translations"))
        for folder in folders:
            qt_own = QTranslator(self._app)
            if qt_own.load(locale, "qtbase", "_", folder):
                self._install(qt_own)
                return
        log.warning("Qt's own %s translation (qtbase) not found in %s", locale.name(), folders)

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)
