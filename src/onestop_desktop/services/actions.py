"""What the dossier view may offer, and the checks its action forms need before ``act``.

The status machine (``domain.status.ACTIONS``) and the roles decide which actions exist; this
module answers the GUI's questions about one dossier and one signed-in clerk:

* :func:`available_actions`: the actions this actor's role and the dossier's status allow (the
  buttons the view shows; the service still checks everything again when one is taken);
* :func:`recipients`: who a dossier may be handed over to (active officers and leaders);
* :func:`reschedule_allowance`: how many reschedulings the setting ``max_reschedules`` leaves;
* :func:`parse_amount`: a money amount as a clerk types it ("1.500.000 đ");
* :func:`perform`: ``services.dossiers.act`` with the checks a form adds on top (the collector's
  ID number at return is a real ID number, not free text).

No SQL here: rows come from ``store/`` and every write goes through ``services.dossiers.act``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from onestop_desktop.domain import identity
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import ACTIONS, CREATING_KINDS, Action, Status
from onestop_desktop.errors import ValidationError
from onestop_desktop.services import dossiers, settings
from onestop_desktop.services.context import Session
from onestop_desktop.services.views import DossierSummary
from onestop_desktop.store import users as user_rows

HAND_OVER_ROLES = (Role.OFFICER, Role.LEADER)
"""The roles a dossier may be handed over to (``services.dossiers._payload_for`` checks it)."""

MAX_AMOUNT = 10_000_000_000
"""The largest financial obligation a form accepts (10 tỉ đồng): more is a typing slip."""


@dataclass(frozen=True)
class Recipient:
    """A staff member a dossier can be handed over to."""

    username: str
    full_name: str
    role: Role


@dataclass(frozen=True)
class RescheduleAllowance:
    """How often the dossier was rescheduled, the limit (``None``: no limit) and what is left."""

    times: int
    limit: int | None

    @property
    def left(self) -> int | None:
        return None if self.limit is None else max(0, self.limit - self.times)

    @property
    def exhausted(self) -> bool:
        return self.limit is not None and self.times >= self.limit


def actions_for(ctx: Session, status: Status) -> list[Action]:
    """The processing actions ``ctx``'s actor may take on a dossier in ``status``, in the order
    of the status machine (creating kinds are intake's, never offered on a dossier)."""
    role = ctx.actor.role
    return [
        a
        for kind, a in ACTIONS.items()
        if kind not in CREATING_KINDS and status in a.sources and role in a.roles
    ]


def available_actions(ctx: Session, key: str) -> list[Action]:
    """The actions this user's role and the dossier's current status allow (by UUID or code)."""
    summary = dossiers.summary(ctx, key)
    return actions_for(ctx, summary.status)


def recipients(ctx: Session) -> list[Recipient]:
    """Active officers and leaders, by full name: whom a dossier can be handed over to."""
    ctx.require("dossiers.view")
    wanted = {r.value: r for r in HAND_OVER_ROLES}
    out = [
        Recipient(row.username, row.full_name, wanted[row.role])
        for row in user_rows.list_all(ctx.store)
        if row.active and row.role in wanted
    ]
    return sorted(out, key=lambda r: (r.role is not Role.OFFICER, r.full_name, r.username))


def reschedule_allowance(ctx: Session, times: int) -> RescheduleAllowance:
    """The setting ``max_reschedules`` against a dossier rescheduled ``times`` times already."""
    return RescheduleAllowance(times, settings.value(ctx.store, settings.MAX_RESCHEDULES))


_AMOUNT_TEXT = re.compile(r"\d{1,3}(?:[.\s]\d{3})+|\d+")


def parse_amount(text: str) -> int:
    """A whole amount of đồng as typed: ``1500000``, ``1.500.000``, ``1 500 000 đ``.

    Vietnamese groups thousands with dots; a comma or a decimal part is refused (đồng have no
    cents), so "1,5" is never read as fifteen.
    """
    raw = text.strip().lower()
    for suffix in ("vnđ", "vnd", "đồng", "đ"):
        if raw.endswith(suffix):
            raw = raw[: -len(suffix)].strip()
            break
    raw = raw.replace("\u00a0", " ")
    if not raw:
        raise ValidationError("Chưa nhập số tiền", field="amount")
    if not _AMOUNT_TEXT.fullmatch(raw):
        raise ValidationError(
            "Số tiền «{value}» không hợp lệ: nhập số đồng, ví dụ 1.500.000",
            field="amount",
            value=text.strip(),
        )
    amount = int(re.sub(r"[.\s]", "", raw))
    if amount > MAX_AMOUNT:
        raise ValidationError(
            "Số tiền quá lớn (tối đa {limit} đ)",
            field="amount",
            limit="10.000.000.000",
        )
    return amount


def check_collector_id(text: str) -> str | None:
    """The collector's ID number at return: empty, or a valid 12-digit personal ID number.

    A 9-digit CMND is no longer valid since 01/01/2025, so it is refused for a person standing
    at the counter today.
    """
    if not text.strip():
        return None
    try:
        return identity.check_identity_number(text, allow_legacy=False).number
    except ValidationError as exc:
        raise ValidationError(
            "Số định danh của người nhận kết quả không hợp lệ: {reason}",
            field="collected_by_id",
            reason=exc.as_msg(),
        ) from exc


def perform(
    ctx: Session, key: str, kind: str, payload: Mapping[str, Any] | None = None
) -> DossierSummary:
    """Take action ``kind`` as a form gives it: the form's own checks, then
    ``services.dossiers.act`` (permission, transition, event, projection in one transaction)."""
    body = dict(payload or {})
    if kind == "returned":
        body["collected_by_id"] = check_collector_id(str(body.get("collected_by_id") or ""))
    if kind == "financial_requested" and isinstance(body.get("amount"), str):
        body["amount"] = parse_amount(str(body["amount"]))
    return dossiers.act(ctx, key, kind, body)
