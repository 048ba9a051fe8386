"""How coded values read in the interface: statuses, roles, methods — in the current language.

Statuses and roles take their words from the domain tables (one source with the CLI and the
reports); the rest are the interface's own. The language is Qt's default locale, which
:mod:`greendesk.ui.i18n` sets together with the translator.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from greendesk.domain.money import format_money
from greendesk.domain.money_units import UNIT_CHOICES, MoneyUnit, format_in_unit, unit_name
from greendesk.domain.roles import ROLE_LABELS, Role
from greendesk.domain.workflow import STATUS_LABELS, Status

DASH = "—"

_WORDS: dict[str, tuple[str, str]] = {
    # classification
    "green": ("绿色贷款", "green"),
    "transition": ("转型贷款", "transition"),
    "carbon_linked": ("碳挂钩贷款", "carbon-linked"),
    "conventional": ("一般贷款", "conventional"),
    # frequencies
    "monthly": ("按月", "monthly"),
    "quarterly": ("按季", "quarterly"),
    "semiannual": ("按半年", "semi-annual"),
    "annual": ("按年", "annual"),
    # repayment methods
    "annuity": ("等额本息", "annuity"),
    "equal_principal": ("等额本金", "equal principal"),
    "bullet": ("按期付息到期还本", "interest-only, bullet"),
    "custom": ("按计划还款", "custom plan"),
    # rate kinds
    "fixed": ("固定利率", "fixed"),
    "floating": ("浮动利率（LPR 加点）", "floating (LPR + spread)"),
    # lender roles
    "lead_arranger": ("牵头行", "lead arranger"),
    "agent": ("代理行", "agent"),
    "participant": ("参加行", "participant"),
    # business-day rules and calendars
    "following": ("顺延", "following"),
    "modified_following": ("修正顺延", "modified following"),
    "preceding": ("提前", "preceding"),
    "unadjusted": ("不调整", "unadjusted"),
    "CN": ("中国节假日（含调休）", "China (holidays and working weekends)"),
    "NONE": ("仅周末", "weekends only"),
    # votes
    "approve": ("同意", "approve"),
    "approve_with_conditions": ("附条件同意", "approve with conditions"),
    "decline": ("否决", "decline"),
    # sectors
    "coal_power": ("煤电", "coal power"),
    "steel": ("钢铁", "steel"),
    "building_materials": ("建材", "building materials"),
    "agriculture": ("农业", "agriculture"),
    "coal_chemical": ("现代煤化工", "coal chemicals"),
    "nonferrous_smelting": ("有色冶炼", "non-ferrous smelting"),
    "mining": ("采矿", "mining"),
    "petrochemical": ("石化", "petrochemicals"),
    "chemicals": ("化工", "chemicals"),
    "papermaking": ("造纸", "papermaking"),
    "aviation": ("航空", "aviation"),
    "shipping": ("航运", "shipping"),
    "thermal_power": ("火电", "thermal power"),
    "other": ("其他", "other"),
}

AUDIT_ACTIONS: dict[str, tuple[str, str]] = {
    "loan.create": ("新建贷款申请", "loan application created"),
    "loan.kpi_observation": ("录入 KPI 观测值", "KPI observation recorded"),
    "loan.kpi_result": ("KPI 测试结果判定", "KPI test decided"),
    "loan.schedule_version": ("还款计划新版本（利率调整）", "new schedule version (margin change)"),
    "loan.update_terms": ("修改贷款条款", "loan terms changed"),
    "loan.classify": ("系统分类", "classified by the engine"),
    "loan.revalue": ("押品重估", "collateral revalued"),
    "loan.allocate_proceeds": ("分配募集资金", "proceeds allocated"),
    "condition.satisfy": ("放款前提条件已满足", "condition precedent satisfied"),
    "loan.override_classification": ("调整分类", "classification overridden"),
    "loan.clear_override": ("撤销分类调整", "classification override removed"),
    "pledge.create": ("新增押品", "pledge added"),
    "pledge.update": ("修改押品", "pledge changed"),
    "pledge.delete": ("解除押品", "pledge released"),
    "borrower.create": ("新建借款人", "borrower created"),
    "borrower.update": ("修改借款人", "borrower changed"),
    "project.create": ("新建项目", "project created"),
    "project.update": ("修改项目", "project changed"),
    "project.evidence_value": ("补充技术参数", "technology value supplied"),
    "project.evidence_document": ("登记证明材料", "evidence document recorded"),
    "project.evidence_withdraw": ("撤回证明材料", "evidence document withdrawn"),
    "submit": ("提交申请", "submitted"),
    "start_review": ("受理审查", "review started"),
    "return": ("退回修改", "returned for changes"),
    "vote": ("投票", "vote cast"),
    "vote.void": ("投票作废", "vote voided"),
    "decide": ("形成决议", "decision recorded"),
    "disburse": ("放款", "disbursed"),
    "close": ("结清", "closed"),
    "reopen": ("变更为新版本", "reopened as a new version"),
}

STATUS_COLOURS: dict[Status, str] = {
    Status.DRAFT: "#5B6B63",
    Status.SUBMITTED: "#1F5F99",
    Status.UNDER_REVIEW: "#8A5A00",
    Status.APPROVED: "#1E7A46",
    Status.APPROVED_WITH_CONDITIONS: "#4F7A1E",
    Status.DECLINED: "#A32D2D",
    Status.RETURNED: "#B0531C",
    Status.DISBURSED: "#2E6B50",
    Status.CLOSED: "#7A8A82",
}


def chinese() -> bool:
    """True when the interface runs in Chinese (the default)."""
    return QLocale().language() == QLocale.Language.Chinese


def _pick(pair: tuple[str, str]) -> str:
    return pair[0] if chinese() else pair[1]


def word_pair(code: str) -> tuple[str, str] | None:
    """A coded value's (zh, en) labels, for callers that choose the language themselves."""
    return _WORDS.get(code)


def word(code: str | None) -> str:
    """The label of a coded value; unknown codes show as they are."""
    if not code:
        return DASH
    pair = _WORDS.get(code)
    return _pick(pair) if pair else code


def status_text(code: str) -> str:
    try:
        return _pick(STATUS_LABELS[Status(code)])
    except ValueError:
        return code


def audit_action(code: str) -> str:
    """An audit event's action in words (the code itself when it has none)."""
    pair = AUDIT_ACTIONS.get(code)
    return _pick(pair) if pair else code


def status_colour(code: str) -> QColor:
    try:
        return QColor(STATUS_COLOURS[Status(code)])
    except ValueError:
        return QColor("#1F2A24")


def role_text(role: Role) -> str:
    return _pick(ROLE_LABELS[role])


# display units for CNY amounts: the rule and the names are the domain's (domain.money_units)
MONEY_UNITS = UNIT_CHOICES
_money_unit = MoneyUnit.YUAN


def set_money_unit(unit: str) -> None:
    """Show CNY amounts in 元, 万元 or 亿元 (the window's setting; the data stay in fen)."""
    global _money_unit
    _money_unit = MoneyUnit(unit) if unit in MONEY_UNITS else MoneyUnit.YUAN


def money_unit() -> str:
    return _money_unit.value


def money(amount: Decimal | None, currency: str = "") -> str:
    """Money as the desk shows it: grouped, two decimals, in the chosen unit (never via float).

    In 万元 or 亿元 the figure is the exact amount divided and rounded half-up to two decimals,
    with the unit named (``domain.money_units``); other currencies, and :func:`money_exact`,
    stay in whole units.
    """
    if amount is None:
        return DASH
    if _money_unit is MoneyUnit.YUAN or currency not in ("", "CNY"):
        return money_exact(amount, currency)
    return f"{format_in_unit(amount, _money_unit)} {unit_text(_money_unit)}"


def unit_text(unit: MoneyUnit) -> str:
    """元 / 万元 / 亿元 in Chinese, CNY / 10k CNY / 100m CNY in English."""
    return unit_name(unit, "zh" if chinese() else "en")


def money_exact(amount: Decimal | None, currency: str = "") -> str:
    """Money to the fen, grouped, whatever the display unit (schedules, totals, tooltips)."""
    if amount is None:
        return DASH
    text = format_money(amount, grouped=True)
    return f"{text} {currency}".rstrip()


def number(value: Decimal | None, unit: str = "") -> str:
    """A non-money quantity, grouped, without trailing zeros beyond what it has."""
    if value is None:
        return DASH
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    text = f"{normal:,.{places}f}"
    return f"{text} {unit}".rstrip()


def percent(value: Decimal | None, places: int = 2) -> str:
    """A fraction as a percentage: Decimal('0.0345') -> '3.45%'."""
    if value is None:
        return DASH
    return f"{value * 100:.{places}f}%"


def rate(value: Decimal | None) -> str:
    """An interest rate as a percentage with two decimals, more only when the rate has them."""
    if value is None:
        return DASH
    pct = (value * 100).normalize()
    exponent = pct.as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{pct:.{places}f}%"


def day(value: date | None) -> str:
    return value.isoformat() if value else DASH


def instant(value: datetime | None) -> str:
    """A UTC instant in the desk's local time, to the minute."""
    if value is None:
        return DASH
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def text(value: object) -> str:
    return DASH if value is None or value == "" else str(value)
