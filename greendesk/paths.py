"""Where GreenDesk's data folders live, from a checkout or from an installed wheel.

The wheel carries forms/, reports/, resources/ and seeds/ inside the package as ``_data/``;
a checkout (including an editable install) has them beside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
DATA_FOLDERS = ("forms", "reports", "resources", "seeds")


@cache
def data_dir(name: str) -> Path:
    """Return the folder ``name`` (one of DATA_FOLDERS), wherever the install put it."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}")
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"GreenDesk data folder {name!r} is missing from this installation")


def forms_dir() -> Path:
    return data_dir("forms")


def reports_dir() -> Path:
    return data_dir("reports")


def resources_dir() -> Path:
    return data_dir("resources")


def seeds_dir() -> Path:
    return data_dir("seeds")
