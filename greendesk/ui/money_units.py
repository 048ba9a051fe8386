"""View → Amounts in 元 / 万元 / 亿元: how the list, the detail and the memo show CNY amounts.

The choice is remembered in the settings and only changes the display (``labels.money``); the
figures underneath stay exact to the fen, and schedules and totals keep showing every fen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from greendesk.ui import labels
from greendesk.ui.settings import Settings


def unit_choices() -> tuple[tuple[str, str], ...]:
    """(code, words) of each unit, for the menu and the memo preview's choice."""
    return (
        ("yuan", QCoreApplication.translate("MoneyUnits", "Yuan (元)")),
        ("wan", QCoreApplication.translate("MoneyUnits", "Ten thousand yuan (万元)")),
        ("yi", QCoreApplication.translate("MoneyUnits", "Hundred million yuan (亿元)")),
    )


def unit_actions(menu: QMenu, settings: Settings, changed: Callable[[], None]) -> list[QAction]:
    """Add the submenu to ``menu``, apply the remembered unit, and call ``changed`` on a switch."""
    labels.set_money_unit(settings.money_unit)
    sub = menu.addMenu(QCoreApplication.translate("MoneyUnits", "Amounts in"))
    sub.setObjectName("menuMoneyUnit")
    group = QActionGroup(sub)
    actions = []
    for code, text in unit_choices():
        action = QAction(text, sub)
        action.setObjectName(f"actionMoney_{code}")
        action.setCheckable(True)
        action.setChecked(code == labels.money_unit())
        group.addAction(action)
        sub.addAction(action)

        def choose(_checked: bool = False, unit: str = code) -> None:
            settings.money_unit = unit
            labels.set_money_unit(unit)
            changed()

        action.triggered.connect(choose)
        actions.append(action)
    return actions
