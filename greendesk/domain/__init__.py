"""Pure-Python rules of green-finance lending. Imports neither Qt nor SQLAlchemy."""
