"""Policy programmes: the PBoC carbon emission reduction facility, Changji's 绿碳融 relending.

Pure Python (no Qt, no SQLAlchemy): ``spec`` reads the versioned programme files,
``position`` is a loan as the rules see it, ``eligibility`` decides and computes.
"""

from greendesk.domain.programmes.eligibility import ProgrammeResult, assess
from greendesk.domain.programmes.position import LoanPosition, UseOfProceeds
from greendesk.domain.programmes.spec import Figure, Programme, Version, load_programmes

__all__ = [
    "Figure",
    "LoanPosition",
    "Programme",
    "ProgrammeResult",
    "UseOfProceeds",
    "Version",
    "assess",
    "load_programmes",
]
