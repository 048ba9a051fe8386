"""The loan detail view and its tabs."""
