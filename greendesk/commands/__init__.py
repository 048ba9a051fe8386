"""Subcommands of ``greendesk``, discovered from the modules of this package.

Each public module defines ``register(subparsers)``, adding its parser and setting
``handler=callable(args) -> int``. Modules whose name starts with ``_`` are helpers.

Every module is imported to build the parser, even for ``greendesk --help`` or opening the
window, so at top level a module holds only its argparse set-up, light standard-library imports,
``_common`` and stdlib-only constant modules (choices, help texts). Services, the store, reporting
engines and the domain engines are imported inside the handlers; type-only names go under
``if TYPE_CHECKING:``. tests/cli/test_startup.py checks that building the parser stays light.
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
