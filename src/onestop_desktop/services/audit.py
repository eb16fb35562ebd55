"""Recording an event: the one way any service changes a dossier (and how admin acts are logged)."""

from __future__ import annotations

from typing import Any

from onestop_desktop.domain import clock
from onestop_desktop.domain.events import Event
from onestop_desktop.services.context import Session
from onestop_desktop.store import events


def record(
    ctx: Session, kind: str, payload: dict[str, Any], *, dossier_id: str | None = None
) -> Event:
    """Append one event by the session's actor, now. Call inside ``ctx.store.atomic()``."""
    return events.append(
        ctx.store,
        station_id=ctx.station.station_id,
        dossier_id=dossier_id,
        kind=kind,
        actor=ctx.actor.tag,
        at=clock.iso(ctx.now()),
        payload=payload,
    )
