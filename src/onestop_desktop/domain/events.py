"""Events and their hash chain.

``hash = SHA-256(prev_hash + "\\n" + canonical JSON of the event)``; the canonical JSON has sorted
keys, no spaces and raw UTF-8 (NFC text), so any tool can recompute it. Editing any field of any
event (with the sqlite3 shell, say) breaks the chain at that event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical(obj: Any) -> str:
    """Deterministic JSON: sorted keys, compact separators, UTF-8 kept as is."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Event:
    """One append-only fact. ``payload`` is a JSON object; ``at`` is ISO 8601 with +07:00."""

    station_id: int
    seq: int
    dossier_id: str | None
    kind: str
    actor: str
    at: str
    payload: dict[str, Any]
    prev_hash: str = GENESIS
    hash: str = ""

    def body(self) -> dict[str, Any]:
        """What the hash covers: everything except the hashes themselves."""
        return {
            "station_id": self.station_id,
            "seq": self.seq,
            "dossier_id": self.dossier_id,
            "kind": self.kind,
            "actor": self.actor,
            "at": self.at,
            "payload": self.payload,
        }

    def compute_hash(self) -> str:
        """The hash this event must carry, given its ``prev_hash``."""
        data = (self.prev_hash + "\n" + canonical(self.body())).encode("utf-8")
        return hashlib.sha256(data).hexdigest()

    def sealed(self, prev_hash: str) -> Event:
        """This event chained after ``prev_hash``, with its hash filled in."""
        linked = Event(
            self.station_id,
            self.seq,
            self.dossier_id,
            self.kind,
            self.actor,
            self.at,
            self.payload,
            prev_hash,
        )
        return Event(
            linked.station_id,
            linked.seq,
            linked.dossier_id,
            linked.kind,
            linked.actor,
            linked.at,
            linked.payload,
            prev_hash,
            linked.compute_hash(),
        )


@dataclass(frozen=True)
class ChainBreak:
    """The first event whose link does not hold, and why (Vietnamese)."""

    station_id: int
    seq: int
    reason: str


def verify_chain(
    events: list[Event], prev_hash: str = GENESIS, first_seq: int = 1
) -> ChainBreak | None:
    """Walk one station's events in ``seq`` order; the first broken link, or ``None``."""
    expected_seq = first_seq
    for ev in events:
        if ev.seq != expected_seq:
            return ChainBreak(ev.station_id, expected_seq, f"thiếu sự kiện số {expected_seq}")
        if ev.prev_hash != prev_hash:
            return ChainBreak(
                ev.station_id, ev.seq, "mã băm của sự kiện trước không khớp (chuỗi bị cắt hoặc sửa)"
            )
        if ev.compute_hash() != ev.hash:
            return ChainBreak(ev.station_id, ev.seq, "nội dung sự kiện đã bị sửa sau khi ghi")
        prev_hash = ev.hash
        expected_seq += 1
    return None
