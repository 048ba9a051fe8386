"""The desk's own preferences (language, last user, layout, automatic backup) in an INI file."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from greendesk.domain.money_units import UNIT_CHOICES


def default_settings_path() -> Path:
    return Path(platformdirs.user_config_dir("GreenDesk", appauthor=False)) / "greendesk.ini"


class Settings:
    """Typed access to the few values the window remembers between runs."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_settings_path()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _text(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return str(value) if value is not None else default

    @property
    def language(self) -> str:
        return self._text("ui/language", "zh_CN")

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("ui/language", value)

    @property
    def last_username(self) -> str:
        return self._text("ui/last_username")

    @last_username.setter
    def last_username(self, value: str) -> None:
        self._qs.setValue("ui/last_username", value)

    @property
    def money_unit(self) -> str:
        """How amounts read in the list and detail: ``yuan`` 元, ``wan`` 万元, ``yi`` 亿元."""
        value = self._text("ui/money_unit", "yuan")
        return value if value in UNIT_CHOICES else "yuan"

    @money_unit.setter
    def money_unit(self, value: str) -> None:
        self._qs.setValue("ui/money_unit", value)

    def geometry(self, key: str) -> QByteArray | None:
        value = self._qs.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(f"layout/{key}", value)

    @property
    def auto_backup(self) -> bool:
        return self._text("backup/auto", "true") == "true"  # on unless the user turns it off

    @auto_backup.setter
    def auto_backup(self, value: bool) -> None:
        self._qs.setValue("backup/auto", "true" if value else "false")

    @property
    def backup_folder(self) -> str:
        return self._text("backup/folder")

    @backup_folder.setter
    def backup_folder(self, value: str) -> None:
        self._qs.setValue("backup/folder", value)

    @property
    def backup_keep(self) -> int:
        try:
            return max(1, int(self._text("backup/keep", "14")))
        except ValueError:
            return 14

    @backup_keep.setter
    def backup_keep(self, value: int) -> None:
        self._qs.setValue("backup/keep", str(value))

    def sync(self) -> None:
        self._qs.sync()
