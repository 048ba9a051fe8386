"""How each classification finding reads, in banking Chinese and in English.

The templates sit here, beside the rules, rather than in ``resources/``: each one is bound to a
finding id the engine emits and to placeholders only the engine computes (amounts, rates,
years), so a data file would need its own loader and consistency checks while giving a bank
nothing it could safely change alone. The names the findings quote — catalogue items,
criteria, sectors, activities, sources — are reference data and stay in ``resources/``, each
already in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from greendesk.domain.classification.catalogue import Catalogue, CatalogueItem
from greendesk.domain.classification.result import Finding


@dataclass(frozen=True)
class Both:
    """A placeholder value that differs by language (a name, a word)."""

    zh: str
    en: str


# key: (zh, en). A finding's id is the key unless the rule gives a more specific one.
WORDING: dict[str, tuple[str, str]] = {
    # green: use of proceeds
    "green.use_of_proceeds": (
        "募集资金用途符合《{title}》{code} {name}（金额 {amount} 元）",
        "{amount} finances {item} ({name_en})",
    ),
    "green.use_of_proceeds_unallocated": (
        "缺少：募集资金用途明细，暂按全部贷款资金用于本项目认定",
        "loan.use_of_proceeds: no breakdown given; the whole amount is taken to finance the "
        "project",
    ),
    "green.technology_unstated": (
        "缺少：项目技术类型（{parameter}，应为 {values} 之一），无法适用{item}的技术标准",
        "project.technology.{parameter}: state one of {values} so the criteria of {item} can "
        "be applied",
    ),
    "green.technology_selector_unstated": (
        "缺少：项目技术参数 {parameter}，无法适用{item}的技术标准",
        "project.technology.{parameter}: needed to apply the criteria of {item}",
    ),
    "green.criteria_not_applicable": (
        "{item}：技术指标不适用于 {value}",
        "{item}: numeric criteria do not apply to {value}",
    ),
    "green.criterion_missing": (
        "缺少：“{criterion_zh}”的证明（项目技术参数 {parameter}）",
        "project.technology.{parameter}: needed to show {criterion_en} ({criterion_zh})",
    ),
    "green.criterion_not_number": (
        "项目技术参数 {parameter} 的取值“{raw}”不是数字，无法核对“{criterion_zh}”",
        "project.technology.{parameter}: {raw!r} is not a number",
    ),
    "green.criterion_met": (
        "符合“{criterion_zh}”：项目为 {measured}{unit}",
        "{criterion_en}: {measured}{unit} ({criterion_zh})",
    ),
    "green.criterion_failed": (
        "{item}：不符合“{criterion_zh}”，项目为 {measured}{unit}",
        "{item}: {criterion_en} — project has {measured}{unit} ({criterion_zh})",
    ),
    "green.evidence_missing": (
        "缺少：{evidence}（{item}）",
        "{item}: {evidence}",
    ),
    "green.catalogue_position_unverified": (
        "{item}：{note}，认定前须核实",
        "{item}: {note}",
    ),
    "green.pending_evidence": (
        "绿色认定以补齐上列缺失的技术证明材料为前提",
        "green subject to the missing technical evidence listed",
    ),
    "green.partial_share": (
        "仅 {pct}% 的募集资金符合绿色标准，绿色贷款按该比例认定",
        "only {pct} % of the proceeds are green-eligible",
    ),
    # transition
    "transition.high_carbon_sector": (
        "借款人属于高碳行业：{sector}（{source}）",
        "borrower sector {sector_zh} ({sector}) — {source}",
    ),
    "transition.activity_unstated": (
        "缺少：贷款资金支持的转型活动",
        "project.transition_activity: name the transition activity the loan finances",
    ),
    "transition.library_recognised": (
        "项目已列入{library}（{rule}认定，编号 {reference}，{date}）：{amount} 元视为合格转型活动",
        "the project is recognised in {library} (under {rule}, reference {reference}, {date}): "
        "{amount} counts as an eligible transition activity",
    ),
    "transition.eligible_activity": (
        "{amount} 元用于{activity}，属于{sector}行业合格转型活动",
        "{amount} finances {activity_zh} ({activity}), eligible for {sector_zh}",
    ),
    "transition.lock_in": (
        "{activity}属于锁定高碳产能的活动，不符合转型金融支持范围（{path}）",
        "{path}: {activity_zh} ({activity}) locks in high-carbon capacity",
    ),
    "transition.activity_not_for_sector": (
        "{key} 不属于{sector}行业的合格转型活动（{path}）",
        "{path}: {key} is not an eligible transition activity for {sector_zh}",
    ),
    "transition.high_carbon_without_plan": (
        "高碳行业借款人未提供转型计划（{sector}）",
        "borrower in high-carbon sector {sector_zh} has no transition plan",
    ),
    "transition.plan_field_missing": (
        "缺少：转型计划的{field}",
        "borrower.transition_plan.{name}: not given",
    ),
    "transition.plan.disclosure": (
        "缺少：转型进展年度披露安排",
        "borrower.transition_plan.disclosure: yearly disclosure not stated",
    ),
    "transition.no_yearly_disclosure": (
        "借款人未按年度披露转型进展",
        "borrower does not disclose progress yearly",
    ),
    "transition.yearly_disclosure": (
        "借款人按年度披露转型进展",
        "borrower discloses progress yearly",
    ),
    "transition.plan_does_not_reduce": (
        "碳排放强度由 {baseline}{unit}（{base_year}年）变为 {target}{unit}（{target_year}年），"
        "年均降幅 {pct}%，转型计划未降低碳排放强度",
        "intensity {baseline}{unit} ({base_year}) → {target}{unit} ({target_year}): {pct} % a "
        "year; the plan does not reduce intensity",
    ),
    "transition.below_benchmark": (
        "碳排放强度由 {baseline}{unit}（{base_year}年）降至 {target}{unit}（{target_year}年），"
        "年均降幅 {pct}%，低于{sector}行业基准 {benchmark}%",
        "intensity {baseline}{unit} ({base_year}) → {target}{unit} ({target_year}): {pct} % a "
        "year, below the {sector_zh} benchmark of {benchmark} % a year",
    ),
    "transition.plan_meets_benchmark": (
        "碳排放强度由 {baseline}{unit}（{base_year}年）降至 {target}{unit}（{target_year}年），"
        "年均降幅 {pct}%，不低于{sector}行业基准 {benchmark}%",
        "intensity {baseline}{unit} ({base_year}) → {target}{unit} ({target_year}): {pct} % a "
        "year, at least the {sector_zh} benchmark of {benchmark} % a year",
    ),
    # carbon-linked
    "carbon.no_kpi": (
        "缺少：碳绩效指标（碳排放强度、碳效码等级、碳足迹等）",
        "loan.kpis: no carbon KPI (carbon intensity, 碳效码 grade, carbon footprint)",
    ),
    "carbon.kpi_value_missing": (
        "缺少：碳绩效指标“{kpi}”的{what}",
        "{path}.{name}: {kpi} has no {name}",
    ),
    "carbon.test_dates_missing": (
        "缺少：碳绩效指标“{kpi}”的考核日期",
        "{path}.test_dates: no test dates for {kpi}",
    ),
    "carbon.target_not_ambitious": (
        "碳绩效指标“{kpi}”的目标值 {target} 未{word}基准值 {baseline}",
        "{path}: target {target} is not {word} baseline {baseline} ({kpi})",
    ),
    "carbon.kpi": (
        "碳绩效指标“{kpi}”：基准值 {baseline} → 目标值 {target}{unit}",
        "{kpi}: baseline {baseline} → target {target}{unit}",
    ),
    "carbon.baseline_trend": (
        "缺少：碳绩效指标“{kpi}”的基准趋势，无法证明目标优于常规情景",
        "{path}.baseline_trend_pct_per_year: trend not given, so ambition beyond "
        "business-as-usual is not shown",
    ),
    "carbon.beyond_trend": (
        "碳绩效指标“{kpi}”的目标值 {target} 优于 {years} 年后的常规情景值 {bau}",
        "{kpi}: target {target} beats the business-as-usual {bau} after {years} years",
    ),
    "carbon.target_within_trend": (
        "碳绩效指标“{kpi}”的目标值 {target} 未优于基准趋势（{years} 年后为 {bau}）",
        "{path}: target {target} is no better than the baseline trend ({bau} after {years} years)",
    ),
    "carbon.test_dates": (
        "碳绩效指标“{kpi}”考核日期：{dates}",
        "{kpi} tested on {dates}",
    ),
    "carbon.ratchet_missing": (
        "缺少：与碳绩效指标挂钩的利率调整机制",
        "loan.ratchet_bps: no margin ratchet tied to the KPIs",
    ),
    "carbon.ratchet_cap": (
        "缺少：利率调整上限",
        "loan.ratchet_cap_bps: the ratchet has no cap",
    ),
    "carbon.ratchet": (
        "利率按碳绩效每档调整 {bps} 个基点，累计不超过 {cap} 个基点",
        "margin ratchet {bps} bps a step, capped at {cap} bps",
    ),
    "carbon.verification": (
        "外部核查机构：{verifier}",
        "external verification by {verifier}",
    ),
    "carbon.verification_missing": (
        "缺少：外部核查机构",
        "loan.verifier: no external verifier named",
    ),
    "carbon.incomplete": (
        "碳挂钩定价要素不全，见缺失材料",
        "carbon-linked pricing lacks parts listed under missing evidence",
    ),
}

# Evidence a catalogue item asks for (keys in resources/taxonomy), as the officer would ask.
EVIDENCE_NAMES: dict[str, Both] = {
    "project_approval": Both("项目核准或备案文件", "project approval or filing (核准/备案文件)"),
    "grid_connection_approval": Both("并网接入批复", "grid-connection approval (并网接入批复)"),
    "environmental_impact_approval": Both(
        "环境影响评价批复", "environmental impact approval (环评批复)"
    ),
    "land_use_right_or_contract": Both(
        "林地、草地使用权证或承包合同", "land-use right or contract (林地草地使用权/承包合同)"
    ),
    "carbon_sink_methodology": Both(
        "碳汇项目方法学及监测报告", "sink methodology and monitoring (碳汇方法学及监测报告)"
    ),
    "soil_conservation_plan_approval": Both(
        "水土保持方案批复", "soil-conservation plan approval (水土保持方案批复)"
    ),
}

PLAN_FIELDS: dict[str, str] = {
    "baseline_intensity": "基准年碳排放强度",
    "target_intensity": "目标碳排放强度",
    "base_year": "基准年",
    "target_year": "目标年",
}


def say(key: str, finding_id: str | None = None, /, **fields: object) -> Finding:
    """The finding ``key`` worded in both languages; ``Both`` values are chosen per language."""
    zh, en = WORDING[key]
    return Finding(finding_id or key, _fill(zh, fields, "zh"), _fill(en, fields, "en"))


def _fill(template: str, fields: dict[str, object], lang: str) -> str:
    values = {k: (getattr(v, lang) if isinstance(v, Both) else v) for k, v in fields.items()}
    return template.format(**values)


def item_label(item: CatalogueItem) -> Both:
    """How a finding names a catalogue item, e.g. ``2019版目录 3.2.2 太阳能利用设施建设和运营``."""
    return Both(
        f"{item.version}版目录 {item.code} {item.name_zh}",
        f"{item.key} {item.name_zh}",
    )


def catalogue_title(catalogue: Catalogue, version: str) -> Both:
    return Both(
        catalogue.titles.get(version, version),
        catalogue.titles_en.get(version, version),
    )


def evidence_name(key: str) -> Both:
    return EVIDENCE_NAMES.get(key, Both(key, key))
