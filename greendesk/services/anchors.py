"""Copies of the audit chain's head kept outside the database, so a wiped trail is caught.

The head (sequence number and hash) is written after every committed audit event to the user's
data folder (one small JSON file per database, named by the database's ``database_id``), beside
every backup as ``<backup>.manifest.json``, and on every credit memo. ``audit.verify`` compares the
trail with every such anchor it can find; ``backup.restore`` refuses a file that is behind its
manifest. Writing an anchor is best effort: a read-only data folder is logged, never fatal.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from greendesk.domain.audit_chain import Anchor, ExternalAnchor

log = logging.getLogger(__name__)

DATABASE_ID_KEY = "database_id"
MANIFEST_SUFFIX = ".manifest.json"
FORMAT = "greendesk-audit-anchor/1"


def anchors_folder() -> Path:
    """``<user data folder>/audit-anchors`` (e.g. ~/.local/share/GreenDesk/audit-anchors)."""
    return Path(platformdirs.user_data_dir("GreenDesk", appauthor=False)) / "audit-anchors"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _anchor_of(data: dict[str, Any]) -> Anchor | None:
    seq, digest = data.get("seq"), data.get("hash")
    if not isinstance(seq, int) or not isinstance(digest, str):
        return None
    return Anchor.parse(f"{seq}:{digest}")


def _local_file(database_id: str) -> Path | None:
    if not database_id or not all(c.isalnum() or c == "-" for c in database_id):
        return None  # never a path built from odd text
    return anchors_folder() / f"{database_id}.json"


def save_local(database_id: str, head: Anchor, where: str) -> None:
    """Record ``head`` in the data folder unless a later head is already there (best effort)."""
    path = _local_file(database_id)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        current = _read_json(path)
        known = _anchor_of(current) if current else None
        if known is not None and known.seq > head.seq:
            return  # another process committed a later event first
        _write_json(
            path,
            {
                "format": FORMAT,
                "database_id": database_id,
                "seq": head.seq,
                "hash": head.hash,
                "recorded_at": _now(),
                "database": where,
            },
        )
    except OSError as exc:
        log.warning("could not write the audit anchor in %s: %s", path.parent, exc)


def load_local(database_id: str) -> ExternalAnchor | None:
    """The head this user's desk last saw for the database, if any."""
    path = _local_file(database_id)
    data = _read_json(path) if path is not None and path.is_file() else None
    if data is None or data.get("database_id") != database_id:
        return None
    anchor = _anchor_of(data)
    if anchor is None:
        return None
    return ExternalAnchor(anchor, f"the anchor in {path}", str(data.get("recorded_at", "")))


def manifest_path(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + MANIFEST_SUFFIX)


@dataclass(frozen=True)
class Manifest:
    database_id: str
    head: Anchor | None
    created_at: str
    path: Path

    def external(self) -> ExternalAnchor | None:
        if self.head is None:
            return None
        return ExternalAnchor(self.head, f"the backup manifest {self.path}", self.created_at)


def write_manifest(
    backup_file: Path, database_id: str, head: Anchor | None, details: dict[str, Any]
) -> Path:
    """The manifest beside a backup: what it holds and the audit head it was taken at."""
    path = manifest_path(backup_file)
    _write_json(
        path,
        {
            "format": FORMAT,
            "backup": backup_file.name,
            "database_id": database_id,
            "audit_head": None if head is None else {"seq": head.seq, "hash": head.hash},
            "created_at": _now(),
            **details,
        },
    )
    return path


def read_manifest(backup_file: Path) -> Manifest | None:
    """The manifest beside ``backup_file``; None when there is none (or it is unreadable)."""
    path = manifest_path(backup_file)
    data = _read_json(path) if path.is_file() else None
    if data is None or not isinstance(data.get("database_id"), str):
        return None
    raw = data.get("audit_head")
    head = _anchor_of(raw) if isinstance(raw, dict) else None
    return Manifest(data["database_id"], head, str(data.get("created_at", "")), path)


def manifests_in(folder: Path, database_id: str) -> list[ExternalAnchor]:
    """The heads recorded by the manifests of this database's backups in ``folder``."""
    found: list[ExternalAnchor] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob(f"*{MANIFEST_SUFFIX}")):
        manifest = read_manifest(path.with_name(path.name.removesuffix(MANIFEST_SUFFIX)))
        if manifest is not None and manifest.database_id == database_id:
            external = manifest.external()
            if external is not None:
                found.append(external)
    return found
