"""Read PDFs the way a reader's tools do: poppler's pdfinfo, pdffonts, pdftotext, pdftoppm."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


def run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return done.stdout


def info(pdf: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in run("pdfinfo", str(pdf)).splitlines():
        key, _, value = line.partition(":")
        out[key.strip()] = value.strip()
    return out


def pages(pdf: Path) -> int:
    return int(info(pdf)["Pages"])


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool
    unicode: bool


def fonts(pdf: Path) -> list[FontRow]:
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    rows = []
    for line in lines:
        # columns: name type encoding emb sub uni object-id gen; the name has no spaces
        m = re.match(r"(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert m, f"unexpected pdffonts line: {line!r}"
        rows.append(FontRow(m[1], m[2], m[4] == "yes", m[5] == "yes", m[6] == "yes"))
    return rows


def text(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return run(*args, str(pdf), "-")


@dataclass(frozen=True)
class Word:
    page: int
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    text: str


def words(pdf: Path) -> tuple[list[Word], float, float]:
    """Every word with its box (pdftotext -bbox), and the page width and height."""
    html = run("pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-")
    out: list[Word] = []
    width = height = 0.0
    page = 0
    for line in html.splitlines():
        p = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if p:
            page += 1
            width, height = float(p[1]), float(p[2])
            continue
        w = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line
        )
        if w:
            out.append(Word(page, float(w[1]), float(w[3]), float(w[2]), float(w[4]), w[5]))
    return out, width, height
