"""A SHA-256 hash chain over audit events, and its verification.

Each event's hash covers its canonical JSON (sorted keys, no spaces, UTF-8) *including the previous
event's hash and its own sequence number*, so editing, deleting or reordering any event breaks the
chain at that event. The store keeps a head anchor (last sequence number and hash) beside the events
so that deleting the newest events is caught as well.

Limits, stated honestly: an unkeyed chain shows tampering by anyone who edits the database with
a generic tool; someone who recomputes every later hash *and* the anchor is not caught, nor is
someone who wipes the trail and its head row. Heads written outside the database (backup
manifests, credit memos, the user's data folder) close that gap: ``check_external`` compares
the events with such an outside anchor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """One text per JSON value: sorted keys, no insignificant spaces, non-ASCII kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def utc_text(moment: datetime) -> str:
    """A timestamp as ISO-8601 UTC with microseconds; naive values are taken to be UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class ChainEvent:
    """An audit event as stored; ``before``/``after`` are the stored JSON texts (or None)."""

    seq: int
    occurred_at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str | None
    before: str | None
    after: str | None
    prev_hash: str
    hash: str


def event_payload(
    seq: int,
    occurred_at: datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str | None,
    before: str | None,
    after: str | None,
    prev_hash: str,
) -> str:
    """The canonical text that an event's hash covers."""
    return canonical_json(
        {
            "seq": seq,
            "occurred_at": utc_text(occurred_at),
            "actor": actor,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "before": before,
            "after": after,
            "prev_hash": prev_hash,
        }
    )


def hash_payload(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def compute_hash(event: ChainEvent, seq: int | None = None) -> str:
    """The hash ``event`` should carry (optionally as if it had sequence number ``seq``)."""
    return hash_payload(
        event_payload(
            event.seq if seq is None else seq,
            event.occurred_at,
            event.actor,
            event.action,
            event.entity_type,
            event.entity_id,
            event.before,
            event.after,
            event.prev_hash,
        )
    )


@dataclass(frozen=True)
class Anchor:
    """The head of the chain as recorded when the last event was appended."""

    seq: int
    hash: str

    def text(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Anchor | None:
        seq, _, digest = text.partition(":")
        if not seq.isdigit() or len(digest) != 64:
            return None
        return cls(int(seq), digest)


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    head: Anchor | None
    bad_seq: int | None = None
    kind: str | None = None  # edited | deleted | reordered | inserted | anchor | truncated …
    message: str = ""
    checked: tuple[str, ...] = ()  # the outside anchors the trail was compared with


def _describe(event: ChainEvent) -> str:
    return (
        f"#{event.seq} ({event.action} {event.entity_type} {event.entity_id} by {event.actor}, "
        f"{utc_text(event.occurred_at)})"
    )


def _original_seq(event: ChainEvent, candidates: Iterable[int]) -> int | None:
    """The sequence number under which ``event``'s unchanged content was hashed, if any."""
    for k in candidates:
        if k != event.seq and compute_hash(event, k) == event.hash:
            return k
    return None


def verify_chain(events: Sequence[ChainEvent], anchor: Anchor | None) -> VerifyResult:
    """Check events in sequence order; name the first bad one and what happened to it."""
    expected_seq = 1
    prev = GENESIS
    known_hashes = {e.hash: e for e in events}
    last_seq = max((e.seq for e in events), default=0)
    head = Anchor(events[-1].seq, events[-1].hash) if events else None

    def bad(seq: int, kind: str, message: str) -> VerifyResult:
        return VerifyResult(False, len(events), head, seq, kind, message)

    for event in events:
        if compute_hash(event) != event.hash:
            original = _original_seq(
                event, range(1, max(last_seq, anchor.seq if anchor else 0) + 2)
            )
            if original is not None:
                return bad(
                    event.seq,
                    "reordered",
                    f"event #{event.seq} was recorded as #{original}: events were reordered",
                )
            return bad(
                event.seq,
                "edited",
                f"event {_describe(event)} was changed after it was recorded",
            )
        if event.seq != expected_seq:
            missing = (
                f"#{expected_seq}"
                if event.seq == expected_seq + 1
                else f"#{expected_seq}–#{event.seq - 1}"
            )
            return bad(expected_seq, "deleted", f"event {missing} is missing (deleted)")
        if event.prev_hash != prev:
            follows = known_hashes.get(event.prev_hash)
            if follows is not None:
                return bad(
                    event.seq,
                    "reordered",
                    f"event #{event.seq} was recorded after #{follows.seq}, not after "
                    f"#{event.seq - 1}: events were reordered",
                )
            return bad(
                event.seq - 1,
                "edited",
                f"event #{event.seq - 1} no longer matches the hash that event #{event.seq} "
                "recorded for it: it was edited or replaced",
            )
        prev = event.hash
        expected_seq += 1

    if anchor is not None:
        if anchor.seq > last_seq:
            first = last_seq + 1
            missing = f"#{first}" if anchor.seq == first else f"#{first}–#{anchor.seq}"
            return bad(first, "deleted", f"event {missing} is missing (deleted)")
        if anchor.seq < last_seq:
            return bad(
                anchor.seq + 1,
                "inserted",
                f"event #{anchor.seq + 1} was added outside GreenDesk "
                f"(the chain head records #{anchor.seq})",
            )
        if anchor.hash != prev:
            return bad(
                last_seq,
                "edited",
                f"event #{last_seq} does not match the recorded chain head: it was edited",
            )
    elif events:
        return bad(1, "anchor", "the audit chain head record is missing")
    return VerifyResult(True, len(events), head)


@dataclass(frozen=True)
class ExternalAnchor:
    """A chain head written outside the database, and where it was found (for the message)."""

    anchor: Anchor
    source: str
    recorded_at: str = ""


def check_external(
    events: Sequence[ChainEvent], outside: ExternalAnchor, head: Anchor | None
) -> VerifyResult | None:
    """The failure if ``events`` (a chain that verified) lost or rewrote what ``outside`` saw."""
    seq, where = outside.anchor.seq, outside.source
    when = f" on {outside.recorded_at}" if outside.recorded_at else ""
    last = events[-1].seq if events else 0
    if seq > last:
        first = last + 1
        missing = f"#{first}" if seq == first else f"#{first}–#{seq}"
        return VerifyResult(
            False,
            len(events),
            head,
            first,
            "truncated",
            f"event {missing} is missing: {where} recorded the chain head #{seq}{when}, but the "
            f"trail ends at #{last} (events were deleted)",
        )
    if seq >= 1 and events[seq - 1].hash != outside.anchor.hash:
        return VerifyResult(
            False,
            len(events),
            head,
            seq,
            "rewritten",
            f"event #{seq} does not match the chain head that {where} recorded{when}: the trail "
            "was rewritten",
        )
    return None
