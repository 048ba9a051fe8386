"""Credit memos for many loans at once, rendered in worker processes (issue 13 point 6).

``memo_references`` picks the loans (current application versions, by status or by reference);
``render_memos`` renders them on a pool of ``workers`` processes, each with its own database
connection, writing ``DIR/<reference>.pdf`` through a temporary file so that a failed memo
leaves nothing behind. Processes are spawned (not forked): the same on Linux and Windows, and no
open connection or thread is copied into a child.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from greendesk.domain.errors import UserError
from greendesk.domain.workflow import Status
from greendesk.store.database import Database, open_database
from greendesk.store.models import Loan
from greendesk.store.queries import is_current_version

MAX_REFS = 10_000  # --refs is typed or pasted; a longer list is a mistake


@dataclass(frozen=True)
class MemoOutcome:
    """One loan's memo: the file written and its pages, or the reason it was not."""

    reference: str
    path: Path | None
    pages: int
    error: str = ""


def parse_status(text: str) -> Status:
    try:
        return Status(text)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise UserError(f"--status: {text!r} is not a status (one of {known})") from None


def parse_refs(text: str) -> list[str]:
    """``R1,R2,…`` → references in order, without repeats; blanks and control characters refused."""
    refs: list[str] = []
    for raw in text.split(","):
        ref = raw.strip()
        if not ref:
            raise UserError("--refs: an empty reference (two commas, or a comma at an end)")
        if any(ord(ch) < 32 or ord(ch) == 127 or 0x80 <= ord(ch) < 0xA0 for ch in ref):
            raise UserError(f"--refs: {ref!r} contains a control character")
        if ref not in refs:
            refs.append(ref)
    if len(refs) > MAX_REFS:
        raise UserError(f"--refs: {len(refs):,} references; at most {MAX_REFS:,} at once")
    return refs


def memo_references(
    db: Database, *, status: Status | None = None, refs: list[str] | None = None
) -> list[str]:
    """References of the current loans with ``status``, or exactly ``refs`` (all must exist)."""
    with db.session() as session:
        query = select(Loan.reference).where(is_current_version())
        if refs is not None:
            found = set(session.scalars(query.where(Loan.reference.in_(refs))))
            missing = [r for r in refs if r not in found]
            if missing:
                shown = ", ".join(repr(r) for r in missing[:5])
                more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
                raise UserError(f"--refs: no loan with reference {shown}{more}")
            return refs
        if status is not None:
            query = query.where(Loan.status == status.value)
        return list(session.scalars(query.order_by(Loan.reference)))


def file_name(reference: str) -> str:
    """A file name for ``reference`` on every desktop system: letters, digits, ``-_.`` kept."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in reference)
    return f"{safe.strip('.') or '_'}.pdf"


def output_paths(folder: Path, refs: list[str]) -> dict[str, Path]:
    """One distinct file per reference (``A/1`` and ``A_1`` do not overwrite each other)."""
    taken: set[str] = set()
    out: dict[str, Path] = {}
    for ref in refs:
        name = file_name(ref)
        stem, n = name[:-4], 2
        while name.casefold() in taken:  # case-insensitive file systems (Windows, macOS)
            name, n = f"{stem}~{n}.pdf", n + 1
        taken.add(name.casefold())
        out[ref] = folder / name
    return out


# ---- worker processes ---------------------------------------------------------------------
_worker_db: Database | None = None


def _init_worker(url: str | None) -> None:
    global _worker_db
    _worker_db = open_database(url)


def _render_one(job: tuple[str, str, str, date | None, str]) -> MemoOutcome:
    from greendesk.services.reports import write_memo

    reference, target, lang, today, unit = job
    assert _worker_db is not None, "worker not initialised"
    path = Path(target)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with partial.open("wb") as fh:
            pages = write_memo(_worker_db, reference, fh, lang, today, unit)
        partial.replace(path)
    except UserError as exc:
        partial.unlink(missing_ok=True)
        return MemoOutcome(reference, None, 0, str(exc))
    except OSError as exc:
        partial.unlink(missing_ok=True)
        return MemoOutcome(reference, None, 0, f"cannot write {path} ({exc.strerror})")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return MemoOutcome(reference, path, pages)


def render_memos(
    url: str | None,
    refs: list[str],
    folder: Path,
    *,
    lang: str = "zh",
    today: date | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    unit: str = "yuan",
) -> list[MemoOutcome]:
    """Render each reference's memo into ``folder`` on ``workers`` processes (default: cores);
    ``unit``: the memos' amounts in 元, 万元 or 亿元 (``yuan``, ``wan``, ``yi``)."""
    count = max(1, min(workers or os.cpu_count() or 1, len(refs) or 1))
    paths = output_paths(folder, refs)
    jobs = [(ref, str(paths[ref]), lang, today, unit) for ref in refs]
    outcomes: list[MemoOutcome] = []
    if progress is not None:
        progress(0, len(jobs))
    for outcome in _results(url, jobs, count):
        outcomes.append(outcome)
        if progress is not None:
            progress(len(outcomes), len(jobs))
    order = {ref: i for i, ref in enumerate(refs)}
    return sorted(outcomes, key=lambda o: order[o.reference])


def _results(
    url: str | None, jobs: list[tuple[str, str, str, date | None, str]], count: int
) -> Iterator[MemoOutcome]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, context, _init_worker, (url,)) as pool:
        futures = [pool.submit(_render_one, job) for job in jobs]
        for future in as_completed(futures):
            yield future.result()
