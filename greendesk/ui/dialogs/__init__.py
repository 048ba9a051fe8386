"""Dialogs, each laid out by its Designer form in ``forms/``."""
