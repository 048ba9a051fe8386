"""The files of evidence documents: where they are kept, read back, and carried to backups.

On a SQLite database the file is copied beside the database (``<db>.files/evidence/``, named by
its SHA-256), so the database stays small and the file opens with any viewer; on a server
database (PostgreSQL) the bytes go into the row, because the desks share the server and no
folder. Either way the SHA-256 is stored and checked when the file is read back.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import make_url

from greendesk.domain.errors import UserError
from greendesk.services.records._unit import get_or_fail
from greendesk.store.database import Database
from greendesk.store.models import EvidenceDocument


def files_folder(db: Database) -> Path | None:
    """Where a SQLite database keeps its evidence files; ``None`` for a server database."""
    url = make_url(db.url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return evidence_folder_of(Path(str(url.database)))


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


@contextlib.contextmanager
def kept_file(folder: Path | None, digest: str, name: str, content: bytes) -> Iterator[str | None]:
    """Write the file beside the database (content-addressed); remove it again if the
    transaction fails and no other row had it."""
    if folder is None:
        yield None
        return
    stored = digest + _suffix(name)
    target = folder / stored
    created = False
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temp, target)
        created = True
    try:
        yield stored
    except BaseException:
        if created:
            target.unlink(missing_ok=True)
        raise


def document_bytes(db: Database, document_id: int) -> bytes:
    """The file of a recorded document, checked against its stored SHA-256."""
    with db.session() as session:
        row = get_or_fail(session, EvidenceDocument, document_id, "document")
        content = row.content
        if content is None:
            folder = files_folder(db)
            if folder is None or not row.stored_name:
                raise UserError(f"document {document_id}: its file is not on this machine")
            try:
                content = (folder / row.stored_name).read_bytes()
            except OSError as exc:
                raise UserError(
                    f"document {document_id}: cannot read {row.stored_name} ({exc.strerror})"
                ) from None
        if hashlib.sha256(content).hexdigest() != row.sha256:
            raise UserError(f"document {document_id}: the file no longer matches its SHA-256")
        return content


def evidence_folder_of(database_file: Path) -> Path:
    """The evidence folder beside a SQLite database file (or a backup of one)."""
    return database_file.with_name(database_file.name + ".files") / "evidence"


def carry_files(source_db: Path, target_db: Path) -> int:
    """Give the SQLite file ``target_db`` (a backup, or a restored database) the evidence files
    of ``source_db``; returns how many were added.

    Files are named by their SHA-256 and never change, so one already there is kept, and a hard
    link (same disk) stands for a copy: daily backups cost no space for the same scans.
    """
    source, target = evidence_folder_of(source_db), evidence_folder_of(target_db)
    if not source.is_dir():
        return 0
    added = 0
    for path in sorted(source.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        kept = target / path.name
        if kept.exists():
            continue
        target.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, kept)
        except OSError:
            shutil.copy2(path, kept)
        added += 1
    return added
