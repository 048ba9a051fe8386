"""The hash chain: any edit, deletion or reordering is named at the first bad event."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from greendesk.domain.audit_chain import (
    GENESIS,
    Anchor,
    ChainEvent,
    canonical_json,
    compute_hash,
    utc_text,
    verify_chain,
)

T0 = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)


def build(n: int) -> list[ChainEvent]:
    events: list[ChainEvent] = []
    prev = GENESIS
    for i in range(1, n + 1):
        draft = ChainEvent(
            seq=i,
            occurred_at=T0 + timedelta(minutes=i),
            actor="wang" if i % 2 else "李委员",
            action="update",
            entity_type="loan",
            entity_id=str(100 + i),
            before=canonical_json({"amount": f"{i}000.00"}),
            after=canonical_json({"amount": f"{i}500.00", "note": "草原碳汇"}),
            prev_hash=prev,
            hash="",
        )
        ev = dataclasses.replace(draft, hash=compute_hash(draft))
        events.append(ev)
        prev = ev.hash
    return events


def anchor_of(events: list[ChainEvent]) -> Anchor:
    return Anchor(events[-1].seq, events[-1].hash)


def test_intact_chain_verifies() -> None:
    events = build(6)
    result = verify_chain(events, anchor_of(events))
    assert result.ok and result.events == 6 and result.head == anchor_of(events)
    assert verify_chain([], None).ok


def test_hash_is_sha256_of_the_canonical_event() -> None:
    ev = build(1)[0]
    payload = {
        "seq": 1,
        "occurred_at": "2026-03-01T08:31:00.000000Z",
        "actor": "wang",
        "action": "update",
        "entity_type": "loan",
        "entity_id": "101",
        "before": '{"amount":"1000.00"}',
        "after": '{"amount":"1500.00","note":"草原碳汇"}',
        "prev_hash": GENESIS,
    }
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert ev.hash == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_timestamps_in_other_zones_hash_the_same_as_utc() -> None:
    beijing = timezone(timedelta(hours=8))
    assert utc_text(T0.astimezone(beijing)) == utc_text(T0) == utc_text(T0.replace(tzinfo=None))


@pytest.mark.parametrize(
    "field", ["actor", "action", "entity_type", "entity_id", "before", "after"]
)
def test_editing_any_field_is_caught_at_that_event(field: str) -> None:
    events = build(5)
    changes: dict[str, Any] = {field: "tampered"}
    events[2] = dataclasses.replace(events[2], **changes)
    result = verify_chain(events, anchor_of(events))
    assert not result.ok and result.kind == "edited" and result.bad_seq == 3
    assert "#3" in result.message


def test_editing_the_time_is_caught() -> None:
    events = build(4)
    events[1] = dataclasses.replace(
        events[1], occurred_at=events[1].occurred_at + timedelta(seconds=1)
    )
    result = verify_chain(events, anchor_of(events))
    assert (result.ok, result.kind, result.bad_seq) == (False, "edited", 2)


def test_edit_with_recomputed_hash_is_caught_by_the_next_link() -> None:
    events = build(5)
    forged = dataclasses.replace(events[1], after='{"amount":"9999999.00"}')
    events[1] = dataclasses.replace(forged, hash=compute_hash(forged))
    result = verify_chain(events, anchor_of(events))
    assert (result.ok, result.kind, result.bad_seq) == (False, "edited", 2)


@pytest.mark.parametrize("index", [0, 2, 4])
def test_deleting_an_event_is_caught(index: int) -> None:
    events = build(6)
    anchor = anchor_of(events)
    del events[index]
    result = verify_chain(events, anchor)
    assert (result.ok, result.kind, result.bad_seq) == (False, "deleted", index + 1)
    assert f"#{index + 1} is missing" in result.message


def test_deleting_the_newest_events_is_caught_by_the_anchor() -> None:
    events = build(6)
    anchor = anchor_of(events)
    result = verify_chain(events[:4], anchor)
    assert (result.ok, result.kind, result.bad_seq) == (False, "deleted", 5)
    assert "#5–#6" in result.message


def test_reordering_by_swapping_sequence_numbers_is_caught() -> None:
    events = build(6)
    a, b = events[1], events[4]
    events[1] = dataclasses.replace(b, seq=2)
    events[4] = dataclasses.replace(a, seq=5)
    result = verify_chain(events, anchor_of(build(6)))
    assert (result.ok, result.kind, result.bad_seq) == (False, "reordered", 2)
    assert "recorded as #5" in result.message


def test_an_event_added_outside_the_application_is_caught() -> None:
    events = build(4)
    anchor = Anchor(events[2].seq, events[2].hash)
    result = verify_chain(events, anchor)
    assert (result.ok, result.kind, result.bad_seq) == (False, "inserted", 4)


def test_missing_anchor_with_events_is_reported() -> None:
    result = verify_chain(build(2), None)
    assert not result.ok and result.kind == "anchor"


def test_anchor_text_round_trip_and_garbage() -> None:
    a = Anchor(12, "ab" * 32)
    assert Anchor.parse(a.text()) == a
    assert Anchor.parse("twelve:xyz") is None
