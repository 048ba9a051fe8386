"""Valid inputs modelled on the article's cases, for the record-service tests to start from."""

from __future__ import annotations

from decimal import Decimal

from greendesk.domain.credit_code import credit_code_check_char
from greendesk.services.records.inputs import (
    BorrowerInput,
    DrawdownInput,
    KpiInput,
    LenderInput,
    LoanInput,
    PledgeInput,
    PriceInput,
    ProjectInput,
    RatchetStepInput,
    RateInput,
    UseOfProceedsInput,
)


def credit_code(serial: int) -> str:
    """A well-formed 统一社会信用代码 (division 652301, Changji) with its check character."""
    first17 = f"91652301{serial:09d}"
    return first17 + credit_code_check_char(first17)


def borrower(serial: int = 1, **changes: object) -> BorrowerInput:
    data = BorrowerInput(
        name=f"木垒新能源储能有限公司{serial}",
        credit_code=credit_code(serial),
        industry="电力、热力生产和供应业",
        sector="thermal_power",
        region="新疆昌吉州木垒县",
        carbon_account_grade="B",
        baseline_intensity="0.820",
        target_intensity="0.610",
        base_year="2024",
        target_year="2030",
        disclosure_yearly=True,
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def project(borrower_id: int, **changes: object) -> ProjectInput:
    data = ProjectInput(
        borrower_id=borrower_id,
        name="木垒125MW/500MWh储能+50万千瓦风光同场项目",
        location="新疆昌吉州木垒县",
        region="新疆",
        description="Storage plus wind and solar on one site",
        catalogue_code="2019:3.4.2",
        capacity_mw="625",
        capacity_note="125 MW/500 MWh storage + 500 MW wind-solar",
        total_investment="3053750000.00",
        annual_co2e_reduction_t="812345.6",
        carbon_sink_t=None,
        technology={"storage_mwh": "500", "storage_mw": 125, "grid": "220 kV"},
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def loan(borrower_id: int, project_id: int | None = None, **changes: object) -> LoanInput:
    """A syndicated floating-rate loan with odd fen, two drawdowns, a KPI and a ratchet."""
    data = LoanInput(
        borrower_id=borrower_id,
        project_id=project_id,
        bank="中国农业银行",
        branch="昌吉分行",
        purpose="储能及风光同场项目建设",
        amount="2443000000.01",
        currency="CNY",
        start_date="2025-06-20",
        term_months="180",
        frequency="quarterly",
        method="equal_principal",
        grace_periods="8",
        rate_kind="floating",
        base_rate_name="LPR5Y",
        base_rate="0.0350",
        spread_bps="-20",
        day_count="ACT/360",
        calendar="CN",
        business_day="modified_following",
        drawdowns=[
            DrawdownInput("2025-06-20", "1000000000.00"),
            DrawdownInput("2026-03-20", "1443000000.01"),
        ],
        lenders=[
            LenderInput("中国农业银行昌吉分行", "lead_arranger", "902000000.00"),
            LenderInput("国家开发银行新疆分行", "agent", "763000000.01"),
            LenderInput("中国银行昌吉分行", "participant", "778000000.00"),
        ],
        arrangement_rate="0.0010",
        commitment_fee_bps="25",
        agency_fee_per_year="200000.00",
        ratchet=[RatchetStepInput("2027-06-20", "-5")],
        ratchet_cap_bps="15",
        kpis=[
            KpiInput(
                "carbon intensity",
                "tCO2e/MWh",
                "0.820",
                "0.610",
                ["2026-12-31", "2027-12-31"],
                "中环联合认证中心",
            )
        ],
        use_of_proceeds=[
            UseOfProceedsInput("2019:3.4.2", "储能电站", "1000000000.00"),
            UseOfProceedsInput("2019:3.2.1", "风电", "1443000000.01"),
        ],
        coverage_threshold="1.30",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def pledge(loan_id: int, **changes: object) -> PledgeInput:
    data = PledgeInput(
        loan_id=loan_id,
        collateral_type="cea",
        description="跨履约期碳排放配额",
        quantity="1234567.891",
        unit="tCO2e",
        price_instrument="CEA",
        unit_price="88.37",
        appraised_value=None,
        valuation_date="2025-06-01",
        pledge_rate="0.60",
        registry="全国碳排放权注册登记系统",
        registration_no="CEA-2025-000123",
        vintage_year="2024",
        expiry="2025-12-31",
        owner="木垒新能源储能有限公司1",
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def price(**changes: object) -> PriceInput:
    data = PriceInput("CEA", "2025-06-03", "88.37", "CNY/t", "上海环境能源交易所")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def rate(**changes: object) -> RateInput:
    data = RateInput("LPR5Y", "2025-05-20", "0.0350", "中国人民银行授权全国银行间同业拆借中心")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


ZERO = Decimal("0.00")
