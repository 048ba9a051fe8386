"""The store: SQLAlchemy models, column types, engine and session set-up, Alembic migrations.

Services build on it; the window and the command line hold a ``Database`` handle at most and
reach the data through services, never through these models.
"""
