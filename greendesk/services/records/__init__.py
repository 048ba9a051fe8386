"""Record editors' services: create and change borrowers, projects, loans, pledges, market data.

Each write takes ``(db, actor, ...)``, validates everything first (all errors at once, as
``InvalidInput``), checks the actor's permission, runs ONE transaction with its audit event, and
returns a plain frozen record; a stale ``expected_version`` raises ``RecordChanged``.
"""
