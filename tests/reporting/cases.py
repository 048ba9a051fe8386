"""Realistic memo inputs from the article's cases, built by hand for the renderer tests.

The schedule here is a plain equal-principal schedule worked out in the test (ACT/360 on the
drawn balance), split among lenders with the largest-remainder rule; the renderers only print it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from greendesk.domain.money import allocate, round_fen
from greendesk.reporting.model import (
    BorrowerInfo,
    ClassificationInfo,
    Drawdown,
    Kpi,
    LenderInfo,
    LenderPeriod,
    LenderSchedule,
    MemoData,
    PledgeInfo,
    PortfolioRow,
    ProjectInfo,
    RatchetStep,
    SchedulePeriod,
    TermsInfo,
    Vote,
)

D = Decimal
MULEI_AMOUNT = D("2443000000.00")
LONG_LENDER = (
    "中国农业银行股份有限公司新疆维吾尔自治区分行营业部"
    "昌吉回族自治州木垒哈萨克自治县支行绿色金融事业部"
)


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


def equal_principal(
    amount: Decimal,
    start: date,
    periods: int,
    months_per: int,
    rate: Decimal,
    lenders: list[tuple[str, str, Decimal]],
) -> tuple[list[SchedulePeriod], list[LenderSchedule]]:
    """Equal principal, interest = balance × rate × days / 360, lenders' parts split exactly."""
    per = round_fen(amount / periods)
    balance = amount
    out: list[SchedulePeriod] = []
    prev = start
    for no in range(1, periods + 1):
        pay = _add_months(start, months_per * no)
        interest = round_fen(balance * rate * (pay - prev).days / 360)
        principal = per if no < periods else balance
        drawn = amount if no == 1 else D("0.00")
        opening = D("0.00") if no == 1 else balance
        out.append(
            SchedulePeriod(
                no,
                pay,
                opening,
                drawn,
                principal,
                interest,
                D("0.00"),
                principal + interest,
                balance - principal,
                rate,
            )
        )
        balance -= principal
        prev = pay
    weights = [c for _, _, c in lenders]
    per_lender: list[list[LenderPeriod]] = [[] for _ in lenders]
    for p in out:
        parts = [allocate(getattr(p, f), weights) for f in ("drawdown", "principal", "interest")]
        for i, bucket in enumerate(per_lender):
            dd, pr, it = parts[0][i], parts[1][i], parts[2][i]
            bucket.append(LenderPeriod(p.no, p.payment_date, dd, pr, it, D("0.00"), pr + it))
    schedules = [
        LenderSchedule(name, role, c / amount, per_lender[i])
        for i, (name, role, c) in enumerate(lenders)
    ]
    return out, schedules


def mulei_memo(periods: int = 60, lenders: int = 4) -> MemoData:
    """The 木垒 125 MW / 500 MWh storage + 500 MW wind-solar project, 2.443 bn syndicated loan."""
    base = [
        (LONG_LENDER, "lead_arranger", D("1243000000.00")),
        ("国家开发银行新疆维吾尔自治区分行", "participant", D("600000000.00")),
        ("中国建设银行昌吉回族自治州分行", "agent", D("400000000.00")),
        ("新疆昌吉农村商业银行股份有限公司", "participant", D("200000000.00")),
    ]
    if lenders > 4:
        # split the last commitment among extra participants (still adds up to the facility)
        extra = lenders - 3
        parts = allocate(D("1400000000.00"), [D(1)] * extra)
        base = base[:1] + [
            (
                f"参加行 {i + 1} 号（昌吉州辖内城市商业银行）",
                "participant" if i else "agent",
                parts[i],
            )
            for i in range(extra)
        ]
    rate = D("0.0335")
    sched, per_lender = equal_principal(
        MULEI_AMOUNT,
        date(2026, 3, 20),
        periods,
        240 // periods if periods <= 240 else 1,
        rate,
        base,
    )
    lender_info = [
        LenderInfo(
            n,
            r,
            c,
            c / MULEI_AMOUNT,
            round_fen(D("0.002") * c) if r == "lead_arranger" else D("0.00"),
        )
        for n, r, c in base
    ]
    pledges = [
        PledgeInfo(
            1,
            "renewable_subsidy",
            "可再生能源补贴应收账款质押",
            "风光同场项目电费及补贴收费权",
            None,
            "",
            None,
            "评估",
            date(2026, 2, 28),
            D("1450000000.00"),
            D("0.70"),
            D("1015000000.00"),
            "中国人民银行征信中心动产融资统一登记公示系统（中登网）",
            "ZD-2026-0654321",
            date(2046, 3, 20),
            "新疆木垒新能源有限公司",
        ),
        PledgeInfo(
            2,
            "equipment",
            "设备抵押",
            "储能电池舱及风电机组 =SUM(A1)",
            D("1"),
            "套",
            None,
            "评估",
            date(2026, 2, 28),
            D("1800000000.00"),
            D("0.60"),
            D("1080000000.00"),
            "中登网",
            "DJ-2026-000812",
            None,
            "新疆木垒新能源有限公司",
        ),
        PledgeInfo(
            3,
            "cea",
            "碳排放配额（CEA）",
            "2025 年度配额",
            D("1200000"),
            "吨",
            D("92.00"),
            "CEA 2026-03-31 × 92.00",
            date(2026, 3, 31),
            D("110400000.00"),
            D("0.50"),
            D("55200000.00"),
            "全国碳排放权注册登记系统",
            "CEA-NX-778899",
            date(2026, 12, 31),
            "昌吉某热电有限公司",
        ),
    ]
    eligible = sum((p.eligible_value for p in pledges), D(0))
    return MemoData(
        reference="GD-2026-CJ-0007",
        bank="中国农业银行",
        branch="新疆分行 · 昌吉分行",
        officer="李娜",
        memo_date=date(2026, 3, 10),
        status="under_review",
        application_version=1,
        borrower=BorrowerInfo(
            name="新疆木垒新能源有限公司",
            credit_code="91652328MA78XXXX1K",
            industry="电力、热力生产和供应业",
            sector="other",
            region="新疆昌吉州木垒县",
            carbon_account_grade="A",
        ),
        project=ProjectInfo(
            name="木垒哈萨克自治县 12.5 万千瓦/50 万千瓦时储能+50 万千瓦风光同场项目",
            location="新疆昌吉回族自治州木垒哈萨克自治县",
            region="新疆",
            description="列入自治区政策性开发性金融工具支持市场化并网新能源项目清单（2022 年）。",
            catalogue_code="2019:3.4.2",
            catalogue_name="储能设施建设和运营",
            capacity_mw=D("625"),
            capacity_note="储能 125 MW / 500 MWh，风光 500 MW",
            total_investment=D("3054000000.00"),
            annual_co2e_reduction_t=D("812000"),
            technology=[
                ("储能时长（小时）", "4"),
                ("风电装机（MW）", "300"),
                ("光伏装机（MW）", "200"),
                ("组件效率", "22.1%"),
            ],
        ),
        classification=ClassificationInfo(
            primary="green",
            labels=["green"],
            green_share=D("1"),
            catalogue_version="2019",
            catalogue_code="3.4.2",
            catalogue_name="储能设施建设和运营",
            criteria_met=["募集资金用于目录 3.4.2 储能设施", "光伏组件效率 22.1% ≥ 门槛"],
            missing_evidence=["第三方环境效益评估报告"],
        ),
        terms=TermsInfo(
            amount=MULEI_AMOUNT,
            purpose="项目建设（固定资产贷款）",
            start_date=date(2026, 3, 20),
            maturity_date=sched[-1].payment_date,
            term_months=240,
            frequency="monthly" if periods == 240 else "quarterly",
            method="equal_principal",
            grace_periods=0,
            rate_kind="floating",
            annual_rate=rate,
            base_rate_name="LPR5Y",
            base_rate=D("0.0350"),
            spread_bps=-15,
            drawdowns=[Drawdown(date(2026, 3, 20), MULEI_AMOUNT)],
            ratchet=[RatchetStep(date(2027, 12, 31), -5), RatchetStep(date(2028, 12, 31), -5)],
            ratchet_cap_bps=10,
            kpis=[
                Kpi(
                    "单位发电量碳排放强度",
                    "tCO2e/MWh",
                    D("0.58"),
                    D("0.41"),
                    [date(2027, 12, 31), date(2028, 12, 31)],
                    "中环联合认证中心",
                )
            ],
            arrangement_rate=D("0.002"),
            commitment_fee_bps=25,
            agency_fee_per_year=D("200000.00"),
        ),
        summary="风光储一体化项目，银团贷款 24.43 亿元，农业银行牵头。",
        recommendation="建议批准，附条件：放款前完成补贴收费权质押登记。",
        lenders=lender_info,
        pledges=pledges,
        coverage_ratio=(eligible / MULEI_AMOUNT).quantize(D("0.0001")),
        coverage_threshold=D("1.30"),
        collateral_alerts=[
            "覆盖率 0.88 低于警戒线 1.30",
            "CEA-NX-778899 配额将于 2026-12-31 清缴，早于贷款到期",
        ],
        periods=sched,
        lender_schedules=per_lender,
        risks=["弃风弃光风险", "补贴退坡风险"],
        conditions=["放款前完成质押登记", "每年披露碳排放强度"],
        votes=[
            Vote("王强", "approve", "", "同意", datetime(2026, 3, 12, 10, 5, tzinfo=UTC)),
            Vote(
                "赵敏",
                "approve_with_conditions",
                "补充环境效益评估报告",
                "",
                datetime(2026, 3, 12, 10, 7, tzinfo=UTC),
            ),
        ],
    )


# ---- portfolio rows (the article's loans, plus hostile text) --------------------------------
def _loan(
    ref: str,
    borrower: str,
    region: str,
    project: str,
    code: str,
    top: str,
    cls: str,
    share: str | None,
    amount: str,
    outstanding: str,
    start: date,
    months: int,
    collateral: str,
    eligible: str,
    co2e: str | None,
    sink: str | None,
) -> PortfolioRow:
    amt, elig = D(amount), D(eligible)
    return PortfolioRow(
        reference=ref,
        borrower=borrower,
        credit_code="91652300MA7" + ref[-7:].replace("-", "0"),
        sector="other",
        region=region,
        project=project,
        catalogue_code=code,
        catalogue_top=top,
        classification=cls,
        labels=cls,
        green_share=D(share) if share else None,
        status="approved",
        bank="中国农业银行",
        branch="昌吉分行",
        currency="CNY",
        amount=amt,
        outstanding=D(outstanding),
        start_date=start,
        maturity_date=_add_months(start, months),
        term_months=months,
        frequency="quarterly",
        method="equal_principal",
        rate_kind="floating",
        annual_rate=D("0.0335"),
        spread_bps=-15,
        lenders=1,
        collateral_value=D(collateral),
        eligible_value=elig,
        coverage_ratio=(elig / amt).quantize(D("0.0001")) if elig else None,
        annual_co2e_reduction_t=D(co2e) if co2e else None,
        carbon_sink_t=D(sink) if sink else None,
    )


def article_portfolio() -> list[PortfolioRow]:
    """Eight loans from the article's cases; two carry text a spreadsheet could run."""
    return [
        _loan(
            "GD-2026-CJ-0007",
            "新疆木垒新能源有限公司",
            "新疆",
            "木垒 12.5 万千瓦/50 万千瓦时储能+50 万千瓦风光同场项目",
            "2019:3.4.2",
            "能源绿色低碳转型",
            "green",
            "1",
            "2443000000.00",
            "1283000000.00",
            date(2026, 3, 20),
            240,
            "3360400000.00",
            "2150200000.00",
            "812000",
            None,
        ),
        _loan(
            "GD-2026-CJ-0008",
            "昌吉某热电有限公司",
            "新疆",
            "跨履约期碳排放权质押融资",
            "2024:1.1.1",
            "节能降碳",
            "transition",
            None,
            "360000000.00",
            "360000000.00",
            date(2026, 1, 15),
            36,
            "515200000.00",
            "257600000.00",
            "120000.5",
            None,
        ),
        _loan(
            "GD-2026-CJ-0009",
            '=HYPERLINK("http://evil.example","点我")',
            "新疆",
            "“碳足迹”挂钩贷款",
            "2019:3.2.2",
            "能源绿色低碳转型",
            "carbon_linked",
            "0.6",
            "50000000.00",
            "45000000.00",
            date(2026, 2, 1),
            24,
            "0.00",
            "0.00",
            None,
            None,
        ),
        _loan(
            "GD-2026-CJ-0010",
            "+昌吉转型示范企业",
            "新疆",
            "-低碳转型挂钩贷款 @risk",
            "2024:1.1.1",
            "节能降碳",
            "transition",
            None,
            "395000000.00",
            "395000000.00",
            date(2026, 4, 1),
            60,
            "600000000.00",
            "420000000.00",
            "98000",
            None,
        ),
        _loan(
            "GD-2026-CJ-0011",
            "建设银行碳配额质押客户",
            "新疆",
            "碳排放权配额质押贷款",
            "2024:7.1.1",
            "绿色服务",
            "conventional",
            None,
            "200000000.00",
            "200000000.00",
            date(2026, 5, 10),
            12,
            "230000000.00",
            "115000000.00",
            None,
            None,
        ),
        _loan(
            "GD-2026-AL-0001",
            "布尔津县草原碳汇开发有限公司",
            "新疆阿勒泰",
            "布尔津县草原碳汇项目（97.5 万亩）",
            "2019:4.1.6",
            "生态保护修复和利用",
            "green",
            "1",
            "19765000.00",
            "19765000.00",
            date(2026, 6, 1),
            36,
            "26800000.00",
            "16080000.00",
            None,
            "670000",
        ),
        _loan(
            "GD-2026-ZY-0001",
            "张掖农发集团",
            "甘肃",
            "张掖市造林碳汇 CCER 项目",
            "2019:4.1.6",
            "生态保护修复和利用",
            "green",
            "1",
            "100000000.01",
            "99999999.99",
            date(2026, 7, 1),
            120,
            "54300000.00",
            "27150000.00",
            "13600",
            "543000",
        ),
        _loan(
            "GD-2026-JQ-0001",
            "酒泉市金塔中光太阳能有限公司",
            "",
            "金塔中光 100 兆瓦光热一体化发电项目",
            "2019:3.2.2",
            "能源绿色低碳转型",
            "green",
            "0.85",
            "1500000000.00",
            "1500000000.00",
            date(2026, 8, 1),
            180,
            "0.00",
            "0.00",
            "650000",
            None,
        ),
    ]
