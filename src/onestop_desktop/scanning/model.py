"""A dossier's attachments, folded from its attachment events (pure: no files, no SQL).

The fold is the only reading of those events, so the page viewer, the CLI and the combined PDF
all see the same list: files in order, each with its rotations; a removed file drops out and a
reorder lists every remaining file (one it forgets keeps its place at the end).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from onestop_desktop.domain import clock
from onestop_desktop.domain.events import Event
from onestop_desktop.domain.payloads import (
    AttachmentAdded,
    AttachmentRemoved,
    AttachmentRotated,
    AttachmentsReordered,
    parse,
)


@dataclass(frozen=True)
class Attachment:
    """One file on a dossier, as the clerk sees it."""

    sha256: str
    name: str
    media_type: str
    size: int
    pages: int
    document: int | None
    added_at: datetime
    added_by: str
    rotation: int = 0
    """Turn of every page (degrees clockwise)."""
    page_rotations: tuple[tuple[int, int], ...] = field(default=())
    """(page, degrees) for pages turned on their own (1-based)."""

    def rotation_of(self, page: int) -> int:
        """The turn of page ``page`` (1-based): its own, else the file's."""
        for number, degrees in self.page_rotations:
            if number == page:
                return degrees
        return self.rotation

    def to_json(self) -> dict[str, object]:
        return {
            "sha256": self.sha256,
            "name": self.name,
            "media_type": self.media_type,
            "size": self.size,
            "pages": self.pages,
            "document": self.document,
            "added_at": clock.iso(self.added_at),
            "added_by": self.added_by,
            "rotation": self.rotation,
            "page_rotations": [list(p) for p in self.page_rotations],
        }


def fold(events: Iterable[Event]) -> list[Attachment]:
    """The attachments after ``events`` (one dossier's, oldest first)."""
    items: dict[str, Attachment] = {}
    order: list[str] = []
    for ev in events:
        p = parse(ev.kind, ev.payload, station=ev.station_id, seq=ev.seq)
        if isinstance(p, AttachmentAdded):
            if p.sha256 in items:
                continue
            items[p.sha256] = Attachment(
                sha256=p.sha256,
                name=p.name,
                media_type=p.media_type,
                size=p.size,
                pages=p.pages,
                document=p.document,
                added_at=clock.parse_iso(ev.at),
                added_by=ev.actor,
            )
            order.append(p.sha256)
        elif isinstance(p, AttachmentRemoved):
            if items.pop(p.sha256, None) is not None:
                order.remove(p.sha256)
        elif isinstance(p, AttachmentRotated):
            current = items.get(p.sha256)
            if current is None:
                continue
            if p.page is None:
                items[p.sha256] = replace(current, rotation=p.rotation, page_rotations=())
            else:
                turns = dict(current.page_rotations)
                turns[p.page] = p.rotation
                items[p.sha256] = replace(current, page_rotations=tuple(sorted(turns.items())))
        elif isinstance(p, AttachmentsReordered):
            named = [s for s in p.order if s in items]
            order = named + [s for s in order if s not in named]
    return [items[s] for s in order]
