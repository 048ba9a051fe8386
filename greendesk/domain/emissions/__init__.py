"""Financed emissions by the PCAF Global GHG Accounting and Reporting Standard, Part A.

Pure rules (no Qt, no SQLAlchemy): the attribution factor of a business loan or project finance,
the borrower's (or project's) emissions by each data-quality option 1a/1b/2a/2b/3a/3b/3c with its
score, the financed emissions, and the avoided emissions reported beside them, never netted.
"""
