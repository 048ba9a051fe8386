"""The database tables as SQLAlchemy 2.x typed declarative models (see notes/STORE_CONTRACT.md).

This package is the store's public schema: importing it imports every model module, so the
declarative registry and ``Base.metadata`` (what Alembic compares against) are complete, and it
re-exports every model, so callers import from ``greendesk.store.models`` and not from a module.

Money is ``Money`` (integer fen), other exact numbers ``ExactDecimal`` (text), instants
``UTCDateTime``; text columns are sized from ``domain.validation.LIMITS`` so the services check
the same lengths the database holds. Borrowers, projects, loans and pledges carry a ``version``
column used by SQLAlchemy for optimistic locking: a stale write raises ``StaleDataError``.
Only the store and the services import this package; nothing above them sees these objects.
"""

from greendesk.store.models.app_meta import AppMeta
from greendesk.store.models.audit import AuditEvent
from greendesk.store.models.base import NAMING_CONVENTION, Base, Timestamped, one_of
from greendesk.store.models.carbon import CarbonAccountRecord, EmissionInput, RepricingReview
from greendesk.store.models.collateral import Pledge
from greendesk.store.models.committee import DecisionVote, LoanCondition
from greendesk.store.models.evidence import EvidenceDocument, LibraryEntry
from greendesk.store.models.facets import LOAN_SEARCH_OBJECTS, LoanFacet
from greendesk.store.models.loans import (
    Loan,
    LoanBaseRate,
    LoanCustomPrincipal,
    LoanDrawdown,
    LoanKpi,
    LoanRatchetStep,
    LoanUseOfProceeds,
    SyndicateShare,
)
from greendesk.store.models.monitoring import KpiObservation, KpiTestResult, ProceedsAllocation
from greendesk.store.models.parties import Borrower, Project, User, UserLoginState
from greendesk.store.models.reference import (
    CALENDAR_DAY_KINDS,
    CalendarDay,
    CalendarYear,
    ReferencePrice,
    ReferenceRate,
)
from greendesk.store.models.schedules import (
    LoanPrincipalStep,
    LoanScheduleAggregate,
    LoanScheduleAggregateCheck,
    LoanScheduleCalendar,
    LoanScheduleVersion,
)

__all__ = [
    "CALENDAR_DAY_KINDS",
    "LOAN_SEARCH_OBJECTS",
    "NAMING_CONVENTION",
    "AppMeta",
    "AuditEvent",
    "Base",
    "Borrower",
    "CalendarDay",
    "CalendarYear",
    "CarbonAccountRecord",
    "DecisionVote",
    "EmissionInput",
    "EvidenceDocument",
    "KpiObservation",
    "KpiTestResult",
    "LibraryEntry",
    "Loan",
    "LoanBaseRate",
    "LoanCondition",
    "LoanCustomPrincipal",
    "LoanDrawdown",
    "LoanFacet",
    "LoanKpi",
    "LoanPrincipalStep",
    "LoanRatchetStep",
    "LoanScheduleAggregate",
    "LoanScheduleAggregateCheck",
    "LoanScheduleCalendar",
    "LoanScheduleVersion",
    "LoanUseOfProceeds",
    "Pledge",
    "ProceedsAllocation",
    "Project",
    "ReferencePrice",
    "ReferenceRate",
    "RepricingReview",
    "SyndicateShare",
    "Timestamped",
    "User",
    "UserLoginState",
    "one_of",
]
