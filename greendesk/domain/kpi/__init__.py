"""Carbon-linked loans after approval: KPI observations judged against the SPT, the ratchet.

Pure rules, no Qt and no SQLAlchemy (the services store and audit):

- ``judgement``: which way a KPI improves, whether an observation meets its SPT, the
  comparison in words ("碳排放强度 0.78 ≤ 目标 0.80"); whether an observation counts as verified
  (maker-checker: a verifier named, a report attached, entered by someone other than the officer
  of record).
- ``ratchet``: the step each result brings (met → step-down, missed → step-up, lapsed → missed),
  the grace deadline, the cumulative margin capped by the loan's cap, effective from the first
  period starting on or after the test date.
- ``alerts``: "KPI test date due in 30 days, no observation yet" and overdue tests.
"""
