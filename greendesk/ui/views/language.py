"""Which of a bilingual text's two languages the views show.

``i18n.Translations.use`` sets Qt's default locale along with the translator, so the locale is
the one process-wide record of the interface language; domain texts use ``zh``/``en`` codes.
"""

from __future__ import annotations

from greendesk.ui import labels


def content_language() -> str:
    """``"zh"`` in the Chinese interface, else ``"en"``: the key of stored bilingual texts."""
    return "zh" if labels.chinese() else "en"
