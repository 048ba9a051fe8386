"""Table models: ids or plain rows only, never ORM objects."""
