"""Subcommands of ``greendesk``, discovered from the modules of this package.

Each public module defines ``register(subparsers)``, adding its parser and setting
``handler=callable(args) -> int``. Modules whose name starts with ``_`` are helpers.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from typing import Any


def register_all(subparsers: argparse._SubParsersAction[Any]) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(subparsers)
