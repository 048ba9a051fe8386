"""How each collateral alert reads, in banking Chinese and in English.

Kept beside the alert rules (not in ``resources/``) because every template is bound to an alert
kind and to figures only the rules compute; the pledge-type names it quotes are data
(``resources/collateral/types.json``), already in both languages. Placeholders: {seq} {type}
{instrument} {coverage} {threshold} {exposure} {expiry} {maturity} {vintage} {deadline}
{value_date} {age} {limit} {note}.
"""

from __future__ import annotations

ALERT_WORDING: dict[str, tuple[str, str]] = {
    "coverage_below_threshold": (
        "押品覆盖率 {coverage} 低于本笔贷款警戒线 {threshold}（敞口 {exposure} 元）",
        "collateral coverage {coverage} is below the loan's threshold {threshold} (exposure "
        "{exposure} CNY)",
    ),
    "pledge_expires_before_maturity": (
        "押品 {seq}（{type}）于 {expiry} 到期，早于贷款到期日 {maturity}",
        "pledge {seq} ({type}) expires {expiry}, before the loan matures {maturity}",
    ),
    "allowance_surrendered_before_maturity": (
        "押品 {seq}：{vintage} 年度配额须于 {deadline} 前清缴，早于贷款到期日 {maturity}",
        "pledge {seq}: {vintage} allowances must be surrendered by {deadline}, before the loan "
        "matures {maturity}",
    ),
    "allowance_vintage_unknown": (
        "押品 {seq}（{type}）未登记配额年度，清缴日期不明",
        "pledge {seq} ({type}): allowance vintage not recorded, so its surrender date is unknown",
    ),
    "expiry_unknown": (
        "押品 {seq}（{type}）有期限，但未登记到期日",
        "pledge {seq} ({type}) has a term but no expiry is recorded",
    ),
    "stale_price": (
        "押品 {seq}：{instrument} 参考价格日期为 {value_date}，"
        "已 {age} 天未更新（上限 {limit} 天）",
        "pledge {seq}: the {instrument} price of {value_date} is {age} days old (limit {limit})",
    ),
    "stale_appraisal": (
        "押品 {seq}：评估日 {value_date}，已 {age} 天（上限 {limit} 天），需重新评估",
        "pledge {seq}: the appraisal of {value_date} is {age} days old (limit {limit}); revalue",
    ),
    "no_value": (
        "押品 {seq}（{type}）无法估值：{note}",
        "pledge {seq} ({type}) cannot be valued: {note}",
    ),
}
