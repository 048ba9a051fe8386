"""A synthetic portfolio of N loans, inserted in bulk, for benchmarks and head-office tests.

The loans look like a western-China branch book (storage, wind, solar, carbon sinks, allowance
pledges, transition loans in Changji's high-carbon sectors) and obey the store's rules: valid
credit codes, lenders' commitments adding up to the amount, drawdowns within it. Rows go in
with Core ``executemany`` inserts in chunks of 5,000 loans, one transaction for the lot, so
100,000 loans take seconds, not the minutes the ORM unit of work would need. Deterministic
for a given seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from greendesk.domain.collateral import load_collateral_types
from greendesk.domain.collateral.coverage import coverage_ratio
from greendesk.domain.credit_code import credit_code_check_char
from greendesk.domain.errors import UserError
from greendesk.domain.money import allocate, round_fen
from greendesk.domain.roles import SYSTEM, Action, Principal
from greendesk.domain.validation import LIMITS
from greendesk.services import audit
from greendesk.store.database import Database
from greendesk.store.models import (
    Borrower,
    Loan,
    LoanDrawdown,
    Pledge,
    Project,
    SyndicateShare,
)

CHUNK = 5000
GENERATOR_VERSION = 2  # bump when the generated rows change (benchmarks cache databases by it)
D = Decimal

# (catalogue code, project kind, class, annual tCO2e per 100 million yuan, carbon sink?)
_KINDS: tuple[tuple[str, str, str, int, bool], ...] = (
    ("2019:3.2.1", "风电场", "green", 60000, False),
    ("2019:3.2.2", "光伏电站", "green", 55000, False),
    ("2019:3.2.2", "光热电站", "green", 50000, False),
    ("2019:3.4.2", "储能电站", "green", 30000, False),
    ("2019:4.1.6", "草原碳汇项目", "green", 0, True),
    ("2019:4.1.6", "造林碳汇项目", "green", 0, True),
    ("2019:4.3.7", "水土保持碳汇项目", "green", 0, True),
    ("2019:3.2.2", "碳足迹挂钩光伏项目", "carbon_linked", 40000, False),
    ("2024:1.1.1", "低碳转型改造项目", "transition", 20000, False),
    ("2024:1.1.1", "煤化工节能降碳改造", "transition", 25000, False),
)
_REGIONS = (
    ("新疆 昌吉州", "652300"),
    ("新疆 阿勒泰", "654300"),
    ("新疆 哈密", "650500"),
    ("甘肃 张掖", "620700"),
    ("甘肃 酒泉", "620900"),
    ("甘肃 武威", "620600"),
    ("宁夏 固原", "640400"),
    ("宁夏 中卫", "640500"),
)
_SECTORS = ("coal_chemical", "nonferrous_smelting", "thermal_power", "mining", "coal_power")
_LENDERS = (
    "中国农业银行",
    "国家开发银行",
    "中国建设银行",
    "中国工商银行",
    "兴业银行",
    "昌吉农村商业银行",
)
_FREQ_MONTHS = {"monthly": 1, "quarterly": 3, "semiannual": 6, "annual": 12}
_STATUSES = ("disbursed",) * 6 + ("approved", "approved_with_conditions", "under_review", "draft")


@dataclass(frozen=True)
class SyntheticReport:
    loans: int
    borrowers: int
    pledges: int
    lenders: int


def _credit_code(division: str, n: int) -> str:
    body = f"91{division}{n:09d}"  # 2 + 6 + 9 = 17 characters, digits only
    return body + credit_code_check_char(body)


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


def _next_id(conn: Any, column: Any) -> int:
    return int(conn.execute(select(func.coalesce(func.max(column), 0))).scalar_one()) + 1


def _loan_rows(
    rng: random.Random, n: int, first: dict[str, int], prefix: str
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table key, row) pairs for loan number ``n`` (0-based) with its children."""
    code, kind, cls, co2_per_100m, sink = rng.choice(_KINDS)
    region, division = rng.choice(_REGIONS)
    borrower_id, project_id, loan_id = (
        first["borrower"] + n,
        first["project"] + n,
        first["loan"] + n,
    )
    sector = rng.choice(_SECTORS) if cls == "transition" else "other"
    amount = D(rng.randrange(50, 250_000)) * D("100000.00")  # 5 million .. 25 billion fen-exact
    if rng.random() < 0.05:
        amount += D(rng.randrange(1, 100)) / 100  # some odd fen amounts
    start = date(2022 + rng.randrange(0, 5), rng.randrange(1, 13), rng.randrange(1, 29))
    frequency = rng.choice(("monthly", "quarterly", "quarterly", "semiannual"))
    term = rng.choice((12, 24, 36, 60, 96, 120, 180, 240))
    term -= term % _FREQ_MONTHS[frequency]
    method = rng.choice(("equal_principal", "annuity", "bullet", "equal_principal"))
    base = D("0.0350") if term > 60 else D("0.0300")
    spread = rng.choice((-50, -30, -15, 0, 10, 20))
    name = f"{region.split()[-1]}{kind}{n + 1}号投资有限公司"
    yield (
        "borrower",
        {
            "id": borrower_id,
            "name": name,
            "credit_code": _credit_code(division, first["code"] + n),
            "industry": "电力、热力生产和供应业"
            if cls != "transition"
            else "化学原料和化学制品制造业",
            "sector": sector,
            "region": region,
            "carbon_account_grade": rng.choice("ABC"),
            "version": 1,
        },
    )
    co2 = (amount / D(100_000_000) * co2_per_100m).quantize(D("1")) if co2_per_100m else None
    yield (
        "project",
        {
            "id": project_id,
            "borrower_id": borrower_id,
            "name": f"{region} {kind}（第 {n + 1} 期）",
            "region": region,
            "location": region,
            "catalogue_code": code,
            "capacity_mw": D(rng.randrange(10, 1000)),
            "total_investment": round_fen(amount * D("1.25")),
            "annual_co2e_reduction_t": co2,
            "carbon_sink_t": D(rng.randrange(10_000, 700_000)) if sink else None,
            "technology": {},
            "version": 1,
        },
    )
    yield (
        "loan",
        {
            "id": loan_id,
            "reference": f"{prefix}-{n + 1:06d}",
            "application_version": 1,
            "borrower_id": borrower_id,
            "project_id": project_id,
            "version": 1,
            "bank": "中国农业银行",
            "branch": f"{region.split()[-1]}分行",
            "purpose": f"{kind}建设",
            "amount": amount,
            "currency": "CNY",
            "start_date": start,
            "maturity_date": _add_months(start, term),
            "term_months": term,
            "frequency": frequency,
            "repayment_method": method,
            "grace_periods": 0,
            "rate_kind": "floating",
            "annual_rate": base + D(spread) / 10000,
            "base_rate_name": "LPR5Y" if term > 60 else "LPR1Y",
            "base_rate": base,
            "spread_bps": spread,
            "day_count": "ACT/360",
            "calendar": "CN",
            "business_day": "modified_following",
            "coverage_threshold": D("1.30"),
            "status": rng.choice(_STATUSES),
            "classification_primary": cls,
            "classification_labels": [cls],
            "green_share": D("1") if cls == "green" else None,
            "collateral_value": None,
            "eligible_collateral_value": None,
            "coverage_ratio": None,
            "valued_on": None,
            "created_by": "synthetic",
            "updated_by": "synthetic",
        },
    )
    yield "drawdown", {"loan_id": loan_id, "seq": 1, "date": start, "amount": amount}
    if rng.random() < 0.15:  # a syndicate of 2..5 lenders
        count = rng.randrange(2, 6)
        weights = [D(rng.randrange(10, 60)) for _ in range(count)]
        weights[0] += sum(weights) // 2  # the lead arranger keeps the largest part
        for seq, (commit, lender) in enumerate(
            zip(allocate(amount, weights), rng.sample(_LENDERS, count), strict=True), 1
        ):
            role = "lead_arranger" if seq == 1 else ("agent" if seq == 2 else "participant")
            yield (
                "share",
                {
                    "loan_id": loan_id,
                    "seq": seq,
                    "lender_name": lender,
                    "role": role,
                    "commitment": commit,
                    "funded": commit,
                },
            )
    for seq in range(1, rng.choice((0, 1, 1, 2)) + 1):
        if rng.random() < 0.5:
            tonnes = D(rng.randrange(50_000, 3_000_000))
            yield (
                "pledge",
                {
                    "loan_id": loan_id,
                    "seq": seq,
                    "collateral_type": "cea",
                    "description": "碳排放配额质押",
                    "quantity": tonnes,
                    "unit": "t",
                    "price_instrument": "CEA",
                    "unit_price": D(rng.randrange(58, 102)),
                    "valuation_date": start,
                    "registry": "全国碳排放权注册登记系统",
                    "registration_no": f"CEA-{loan_id:08d}-{seq}",
                    "vintage_year": start.year,
                    "expiry": date(start.year + 1, 12, 31),
                    "owner": name,
                    "version": 1,
                    "appraised_value": None,
                },
            )
        else:
            yield (
                "pledge",
                {
                    "loan_id": loan_id,
                    "seq": seq,
                    "collateral_type": "equipment",
                    "description": "项目设备抵押",
                    "quantity": D(1),
                    "unit": "lot",
                    "appraised_value": round_fen(amount * D(rng.randrange(40, 220)) / 100),
                    "valuation_date": start,
                    "registry": "中登网",
                    "registration_no": f"ZD-{loan_id:08d}-{seq}",
                    "owner": name,
                    "version": 1,
                    "price_instrument": None,
                    "unit_price": None,
                    "vintage_year": None,
                    "expiry": None,
                },
            )


MAX_SYNTHETIC_LOANS = 1_000_000  # ten times the scale target; more is a typing error


def _value_pledges(loan: dict[str, Any], pledges: list[dict[str, Any]]) -> None:
    """Store each pledge's value (quantity × its unit price, or the appraisal) and eligible
    value (× the type's default pledge rate), and the loan's totals and coverage, as
    ``services.valuation`` would: the synthetic book then has real coverage figures."""
    if not pledges:
        return
    types = load_collateral_types()
    total = eligible = D("0.00")
    for pledge in pledges:
        ctype = types.types[pledge["collateral_type"]]
        if pledge["appraised_value"] is not None:
            value, basis = pledge["appraised_value"], f"appraisal {pledge['valuation_date']}"
        else:
            value = round_fen(pledge["quantity"] * pledge["unit_price"])
            basis = f"unit price {pledge['price_instrument']} {pledge['valuation_date']}"
        rate = ctype.default_pledge_rate
        pledge.update(
            pledge_rate=rate,
            value=value,
            eligible_value=round_fen(value * rate),
            valued_on=pledge["valuation_date"],
            value_basis=basis,
        )
        total += value
        eligible += pledge["eligible_value"]
    loan.update(
        collateral_value=total,
        eligible_collateral_value=eligible,
        coverage_ratio=coverage_ratio(eligible, loan["amount"]),
        valued_on=loan["start_date"],
    )


SYNTHETIC_REFERENCE = re.compile(r"SYN\d+-\d{6}")


def _real_loans(conn: Any) -> int:
    """Loans that are not synthetic (a bank's own or the demo's): never mixed in unasked."""
    references = conn.execute(select(Loan.reference)).scalars()
    return sum(1 for ref in references if not SYNTHETIC_REFERENCE.fullmatch(ref))


def generate_portfolio(
    db: Database,
    loans: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    *,
    actor: Principal = SYSTEM,
    into_existing: bool = False,
    analyze: bool = True,
) -> SyntheticReport:
    """Insert ``loans`` synthetic loans (references SYN<seed>-NNNNNN) in one transaction.

    An administrator's job, audited in the same transaction; a database that holds real loans
    is refused unless ``into_existing`` (synthetic loans would mix with the bank's own figures).
    Then the planner's statistics are refreshed (``analyze``).
    """
    audit.require(db, actor, Action.GENERATE_PORTFOLIO)
    if loans < 1:
        raise UserError("--loans: must be at least 1")
    if loans > MAX_SYNTHETIC_LOANS:
        raise UserError(f"--loans: must be at most {MAX_SYNTHETIC_LOANS:,}")
    rng = random.Random(seed)
    prefix = f"SYN{seed}"
    tables = {
        "borrower": Borrower,
        "project": Project,
        "loan": Loan,
        "drawdown": LoanDrawdown,
        "share": SyndicateShare,
        "pledge": Pledge,
    }
    counts = dict.fromkeys(tables, 0)
    with db.engine.begin() as conn:
        taken = conn.execute(
            select(func.count()).select_from(Loan).where(Loan.reference.like(f"{prefix}-%"))
        ).scalar_one()
        if taken:
            raise UserError(
                f"--seed: this database already holds synthetic loans {prefix}-*; "
                "use another seed or a new database"
            )
        real = 0 if into_existing else _real_loans(conn)
        if real:
            raise UserError(
                f"--into-existing: this database holds {real} real loans; synthetic ones would "
                "mix with them — use a new database, or give --into-existing to add them anyway"
            )
        first = {
            "borrower": _next_id(conn, Borrower.id),
            "project": _next_id(conn, Project.id),
            "loan": _next_id(conn, Loan.id),
            "code": (seed % 100) * 10_000_000,
        }
        # parents before children, a chunk of loans at a time
        order = ("borrower", "project", "loan", "drawdown", "share", "pledge")
        buffered: dict[str, list[dict[str, Any]]] = {k: [] for k in order}
        for n in range(loans):
            rows = list(_loan_rows(rng, n, first, prefix))
            loan_row = next(row for key, row in rows if key == "loan")
            _value_pledges(loan_row, [row for key, row in rows if key == "pledge"])
            for key, row in rows:
                buffered[key].append(row)
                counts[key] += 1
            if (n + 1) % CHUNK == 0 or n + 1 == loans:
                for key in order:
                    if buffered[key]:
                        conn.execute(insert(tables[key]), buffered[key])
                        buffered[key].clear()
                if progress is not None:
                    progress(n + 1, loans)
        # a bulk load changes the tables' shape at once: give the query planner fresh statistics
        # (SQLite: sampled, so this takes well under a second at 100,000 loans)
        if analyze:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
            conn.exec_driver_sql("ANALYZE")
        if conn.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for name in ("borrowers", "projects", "loans", "pledges"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT MAX(id) FROM {name}))"
                    )
                )
        with Session(bind=conn) as session:  # joins this transaction: all or nothing
            audit.record(
                session,
                actor,
                "generate_portfolio",
                ("database", db.describe()[: LIMITS["entity_id"]]),
                None,
                {"loans": loans, "seed": seed, "prefix": prefix, "into_existing": into_existing},
            )
            session.flush()
    return SyntheticReport(counts["loan"], counts["borrower"], counts["pledge"], counts["share"])
