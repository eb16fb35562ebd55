"""Recording an event: the one way any service changes a dossier (and how admin acts are logged)."""

from __future__ import annotations

from onestop_desktop.domain import clock
from onestop_desktop.domain.events import Event
from onestop_desktop.domain.payloads import Payload
from onestop_desktop.errors import Conflict
from onestop_desktop.services.context import Session
from onestop_desktop.store import events


def record(ctx: Session, payload: Payload, *, dossier_id: str | None = None) -> Event:
    """Append one event by the session's actor, now. Call inside ``ctx.store.atomic()``.

    The kind comes from the payload's class (``domain.payloads.KINDS``), and the stored JSON is
    its :meth:`~onestop_desktop.domain.payloads.Record.to_dict`, ``v`` included. A dossier kind
    needs the dossier's id; an admin kind must not have one.
    """
    if (dossier_id is not None) != payload.DOSSIER:
        raise Conflict(
            "Sự kiện loại «{kind}» ghi sai: thiếu hoặc thừa mã hồ sơ", kind=type(payload).KIND
        )
    return events.append(
        ctx.store,
        station_id=ctx.station.station_id,
        dossier_id=dossier_id,
        kind=type(payload).KIND,
        actor=ctx.actor.tag,
        at=clock.iso(ctx.now()),
        payload=payload.to_dict(),
    )
