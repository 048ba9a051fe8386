"""Translations (zh_CN default, en) and the Designer forms every dialog is built from."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from greendesk.paths import forms_dir, resources_dir
from greendesk.ui.forms import setup_form
from greendesk.ui.i18n import Translations

LANGS = ("zh_CN", "en")


def _messages(lang: str) -> list[tuple[str, str, str]]:
    tree = ET.parse(resources_dir() / "i18n" / f"greendesk_{lang}.ts")
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (
                f"{lang}: {name}: {message.findtext('source')!r} is not translated"
            )
            found.append((name, message.findtext("source") or "", translation.text or ""))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_compiled(lang: str, desk_app: object) -> None:
    messages = _messages(lang)
    assert len(messages) > 200
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / f"greendesk_{lang}.qm"))
    for context, source, text in messages:
        assert text.strip(), f"{context}: {source!r} has an empty translation"
        assert translator.translate(context, source) == text, f"{context}: {source!r}"
        # placeholders survive translation
        for token in ("{}", "{n}", "{ref}", "{path}", "{loans}"):
            assert source.count(token) == text.count(token), f"{context}: {source!r}"


def test_language_switch_changes_the_interface(
    desk_app: object, desk_translations: Translations
) -> None:
    translations = desk_translations
    assert translations.use("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "New loan…") == "新建贷款…"
    assert translations.use("en") == "en"
    assert QCoreApplication.translate("MainWindow", "New loan…") == "New loan…"
    assert translations.use("klingon") == "zh_CN"  # unknown: the default
    assert QCoreApplication.translate("MainWindow", "New loan…") == "新建贷款…"


@pytest.mark.parametrize("path", sorted(forms_dir().glob("*.ui")), ids=lambda p: p.stem)
def test_every_form_loads(path: Path, desk_app: object) -> None:
    root = ET.parse(path).getroot()
    top = root.find("widget")
    assert top is not None
    kind = top.get("class")
    base: QWidget = (
        QMainWindow() if kind == "QMainWindow" else QDialog() if kind == "QDialog" else QWidget()
    )
    setup_form(base, path.stem)
    assert base.objectName() == top.get("name")
    names = {str(w.get("name")) for w in root.iter("widget")} - {str(top.get("name"))}
    for name in names:
        assert base.findChild(QWidget, name) is not None or name.startswith("menu"), name
    base.deleteLater()


def test_translation_sources_cover_every_interface_string(tmp_path: Path) -> None:
    """Re-extract the strings with lupdate: none may be missing from the shipped .ts files."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    assert lupdate.exists(), "pyside6-lupdate ships with PySide6"
    package = Path(__file__).resolve().parents[2] / "greendesk" / "ui"
    sources = [str(p) for p in sorted(package.rglob("*.py"))]
    sources += [str(p) for p in sorted(forms_dir().glob("*.ui"))]
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    tree = ET.parse(fresh)
    wanted = {
        (context.findtext("name"), message.findtext("source"))
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }
    assert len(wanted) > 200
    for lang in LANGS:
        shipped = {(c, s) for c, s, _t in _messages(lang)}
        assert wanted - shipped == set(), f"greendesk_{lang}.ts lacks strings: run lupdate"


def _translate_calls_with_computed_text(path: Path) -> list[str]:
    """``QCoreApplication.translate`` calls whose context or text is not a literal string.

    pyside6-lupdate extracts literals only: text passed through a variable (a ``_tr(text)``
    wrapper, say) never reaches the .ts files and would stay English in the Chinese window.
    The one exception is Qt's own idiom for tables of texts: a module that marks its texts
    with ``QT_TRANSLATE_NOOP("Context", "literal")`` (lupdate extracts those) may translate
    them later by variable, in that literal context.
    """
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    marked = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and len(node.args) == 2
        and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
    }
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "translate"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "QCoreApplication"
        ):
            continue
        literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2]]
        if literal[:1] == [True] and node.args[0].value in marked:
            continue  # the module's own QT_TRANSLATE_NOOP texts, translated by variable
        if len(literal) < 2 or not all(literal):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_every_translated_text_is_a_literal_lupdate_can_extract() -> None:
    ui = Path(__file__).resolve().parents[2] / "greendesk" / "ui"
    offenders = [
        hit for p in sorted(ui.rglob("*.py")) for hit in _translate_calls_with_computed_text(p)
    ]
    assert offenders == []
