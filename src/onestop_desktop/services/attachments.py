"""Scanned pages on a dossier (#11): attach, list, turn, reorder, remove, combine, sweep.

Every file is checked by content first (``scanning.check``): one bad file in a batch refuses the
whole batch, naming the file and the reason, and nothing of the dossier changes. Then every file
is stored durably under its hash (``scanning.store``) and only then one transaction records the
events, so no event ever names a file that is not on the disk. The same file dropped again is
recognised by its hash and the dossier that has it is named.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.domain import clock
from onestop_desktop.domain import payloads as pl
from onestop_desktop.domain.events import Event
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.text import nfc
from onestop_desktop.errors import (
    Conflict,
    Msg,
    NotFound,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from onestop_desktop.paths import DataDir
from onestop_desktop.scanning import check as checks
from onestop_desktop.scanning import model, render
from onestop_desktop.scanning.store import ContentStore, Stored
from onestop_desktop.services.audit import record
from onestop_desktop.services.context import Session
from onestop_desktop.store import attachments as rows
from onestop_desktop.store import dossiers

log = logging.getLogger(__name__)

Attachment = model.Attachment

MAY_ATTACH = frozenset({Role.CLERK, Role.OFFICER, Role.LEADER, Role.OPERATOR})
"""Who handles a dossier's papers: the counter and the officers, not the admin."""

ROTATIONS = (0, 90, 180, 270)


class DuplicateFile(Conflict):
    """A file already on a dossier (this one or another): which file and which dossier."""

    def __init__(self, name: str, code: str) -> None:
        super().__init__(
            "Tệp {name} đã có trong hồ sơ {code}: không thêm lần nữa", name=name, code=code
        )
        self.file_name = name
        self.code = code


def content_store(ctx: Session) -> ContentStore:
    """The ``attachments/`` folder beside this station's database."""
    if ctx.store.path is None:
        raise StorageError("Cơ sở dữ liệu trong bộ nhớ không có thư mục để lưu bản quét")
    return ContentStore(DataDir(ctx.store.path.parent).attachments)


def _require(ctx: Session) -> None:
    ctx.revalidate()
    if ctx.actor.role not in MAY_ATTACH:
        raise PermissionDenied(
            "Tài khoản {user} ({role}) không có quyền «{action}»",
            user=ctx.actor.username,
            role=ctx.actor.role.label_msg,
            action=Msg("đính kèm bản quét"),
        )


def _dossier(ctx: Session, key: str) -> dict[str, object]:
    key = key.strip()
    row = dossiers.get(ctx.store, key) or dossiers.get_by_code(ctx.store, key)
    if row is None:
        raise NotFound("Không tìm thấy hồ sơ «{key}»", key=key)
    return row


def _document_numbers(ctx: Session, dossier_id: str) -> set[int]:
    """The line numbers of the dossier's checklist (the procedure version it was received
    under), what ``document`` refers to, as in the dossier view and ``--document N``."""
    from onestop_desktop.services import dossiers as dossier_service

    detail = dossier_service.detail(ctx, dossier_id)
    return {d.number for d in detail.documents if d.number is not None}


def _current(ctx: Session, dossier_id: str) -> list[Attachment]:
    return model.fold(rows.for_dossier(ctx.store, dossier_id))


def holders(ctx: Session, sha256: str) -> list[str]:
    """The codes of the dossiers that hold this file now."""
    out: list[str] = []
    for dossier_id in rows.dossiers_with(ctx.store, sha256):
        if any(a.sha256 == sha256 for a in _current(ctx, dossier_id)):
            row = dossiers.get(ctx.store, dossier_id)
            out.append(str(row["code"]) if row else dossier_id)
    return out


def attach(
    ctx: Session,
    key: str,
    paths: Sequence[Path],
    document: int | None = None,
    *,
    limits: checks.Limits = checks.DEFAULT_LIMITS,
) -> list[Attachment]:
    """Attach scanned files to a dossier (``document``: its checklist line, 1-based); returns
    the dossier's attachments after. :class:`~onestop_desktop.scanning.check.BadFile` or
    :class:`DuplicateFile` name the file and nothing is recorded."""
    _require(ctx)
    row = _dossier(ctx, key)
    dossier_id, code = str(row["id"]), str(row["code"])
    if not paths:
        raise ValidationError("Chưa chọn tệp nào để đính kèm", field="files")
    if document is not None and document not in _document_numbers(ctx, dossier_id):
        raise ValidationError(
            "Hồ sơ {code} không có giấy tờ số {item}", field="document", code=code, item=document
        )
    checked = [_check_held(Path(p), limits) for p in paths]
    store = content_store(ctx)
    stored: list[tuple[checks.Checked, Stored]] = []
    try:
        for item in checked:
            s = store.put(item.path)
            stored.append((item, s))
            if s.size != item.size:
                # Written to between the check and the copy: what was checked is not the file.
                raise checks.BadFile(
                    item.path.name, Msg("tệp thay đổi trong lúc đọc (máy quét còn đang ghi?)")
                )
        seen: set[str] = set()
        for item, s in stored:
            if s.sha256 in seen:
                raise DuplicateFile(item.path.name, code)
            seen.add(s.sha256)
            held = holders(ctx, s.sha256)
            if held:
                raise DuplicateFile(item.path.name, held[0])
    except BaseException:
        for _item, s in stored:
            if not s.existed and not rows.dossiers_with(ctx.store, s.sha256):
                with contextlib.suppress(OSError):
                    s.path.unlink()
        raise
    with ctx.store.atomic():
        for item, s in stored:
            record(
                ctx,
                pl.AttachmentAdded(
                    dossier=dossier_id,
                    code=code,
                    sha256=s.sha256,
                    size=s.size,
                    media_type=item.media_type,
                    pages=item.pages,
                    name=nfc(item.path.name),
                    document=document,
                ),
                dossier_id=dossier_id,
            )
    return _current(ctx, dossier_id)


LOCK_TRIES = 4
LOCK_WAIT = 0.5
"""A file another program holds (a scanner finishing it: on Windows a sharing violation) is
read again ``LOCK_TRIES`` times, ``LOCK_WAIT`` seconds apart, before it is refused."""


def _check_held(path: Path, limits: checks.Limits) -> checks.Checked:
    """:func:`scanning.check.check`, waiting a little for a file held by another program; the
    refusal after the last try says it is held (:class:`~onestop_desktop.scanning.check.Locked`)
    and nothing is recorded."""
    for attempt in range(1, LOCK_TRIES + 1):
        try:
            return checks.check(path, limits)
        except checks.Locked:
            if attempt == LOCK_TRIES:
                raise
            time.sleep(LOCK_WAIT)
    raise AssertionError("unreachable")


def list_for(ctx: Session, key: str) -> list[Attachment]:
    """A dossier's attachments, in order."""
    ctx.require("dossiers.view")
    return _current(ctx, str(_dossier(ctx, key)["id"]))


def _find(ctx: Session, key: str, sha256: str) -> tuple[str, str, Attachment]:
    row = _dossier(ctx, key)
    dossier_id, code = str(row["id"]), str(row["code"])
    for a in _current(ctx, dossier_id):
        if a.sha256 == sha256 or (len(sha256) >= 8 and a.sha256.startswith(sha256)):
            return dossier_id, code, a
    raise NotFound("Hồ sơ {code} không có tệp {file}", code=code, file=sha256[:12])


def remove(ctx: Session, key: str, sha256: str) -> list[Attachment]:
    """Take a file off a dossier (an event; the stored file stays, the log names it)."""
    _require(ctx)
    with ctx.store.atomic():
        dossier_id, code, item = _find(ctx, key, sha256)
        record(
            ctx,
            pl.AttachmentRemoved(dossier=dossier_id, code=code, sha256=item.sha256),
            dossier_id=dossier_id,
        )
    return _current(ctx, dossier_id)


def rotate(
    ctx: Session, key: str, sha256: str, degrees: int, page: int | None = None
) -> list[Attachment]:
    """Turn a file's pages (or one page) to ``degrees`` clockwise (0, 90, 180, 270)."""
    _require(ctx)
    degrees %= 360
    if degrees not in ROTATIONS:
        raise ValidationError(
            "Chỉ xoay được 90, 180 hoặc 270 độ, không phải {degrees}",
            field="rotation",
            degrees=degrees,
        )
    with ctx.store.atomic():
        dossier_id, code, item = _find(ctx, key, sha256)
        if page is not None and not 1 <= page <= item.pages:
            raise ValidationError(
                "Tệp {name} không có trang {page}", field="page", name=item.name, page=page
            )
        record(
            ctx,
            pl.AttachmentRotated(
                dossier=dossier_id, code=code, sha256=item.sha256, rotation=degrees, page=page
            ),
            dossier_id=dossier_id,
        )
    return _current(ctx, dossier_id)


def reorder(ctx: Session, key: str, order: Sequence[str]) -> list[Attachment]:
    """Put a dossier's files in ``order`` (every one of their hashes, once)."""
    _require(ctx)
    with ctx.store.atomic():
        row = _dossier(ctx, key)
        dossier_id, code = str(row["id"]), str(row["code"])
        now = [a.sha256 for a in _current(ctx, dossier_id)]
        if sorted(order) != sorted(now):
            raise ValidationError(
                "Thứ tự mới phải liệt kê đúng mỗi tệp của hồ sơ {code} một lần",
                field="order",
                code=code,
            )
        record(
            ctx,
            pl.AttachmentsReordered(dossier=dossier_id, code=code, order=tuple(order)),
            dossier_id=dossier_id,
        )
    return _current(ctx, dossier_id)


def combine(ctx: Session, key: str, dest: Path) -> int:
    """Every page of the dossier, in order and turned as shown, in one PDF; returns pages."""
    ctx.require("dossiers.view")
    row = _dossier(ctx, key)
    items = _current(ctx, str(row["id"]))
    if not items:
        raise ValidationError(
            "Hồ sơ {code} chưa có bản quét nào", field="files", code=str(row["code"])
        )
    return render.combine(content_store(ctx), items, dest)


def thumbnail(ctx: Session, item: Attachment, page: int = 1, side: int = 256) -> Path:
    """A cached thumbnail of one page (EXIF orientation and rotation applied)."""
    return render.thumbnail(content_store(ctx), item, page, side)


@dataclass(frozen=True)
class SweepReport:
    """What the start-up sweep found. Nothing an event names is ever deleted."""

    unreferenced: tuple[str, ...]
    """Stored files no event names (a power cut between the file and its event)."""
    missing: tuple[tuple[str, str], ...]
    """(hash, dossier code) of files an event names that are not on the disk."""
    partials: tuple[Path, ...]
    """Temporary files of an interrupted copy (removed by the sweep: no event can name them)."""

    @property
    def clean(self) -> bool:
        return not self.unreferenced and not self.missing


def sweep(ctx: Session, *, remove_partials: bool = True) -> SweepReport:
    """Compare the stored files with the events; log and return what does not match."""
    store = content_store(ctx)
    named = rows.named_files(ctx.store)
    on_disk = set(store.hashes())
    unreferenced = tuple(sorted(on_disk - set(named)))
    missing = tuple(sorted((s, c) for s, c in named.items() if s not in on_disk))
    partials = tuple(store.partials())
    if remove_partials:
        for p in partials:
            with contextlib.suppress(OSError):
                p.unlink()
    for sha in unreferenced:
        log.warning("attachments: file %s has no event (kept)", sha)
    for sha, code in missing:
        log.error("attachments: dossier %s names file %s, which is missing", code, sha)
    return SweepReport(unreferenced, missing, partials)


# ------------------------------------------------------------------ in the dossier's timeline


def with_unlinked(ctx: Session, dossier_id: str, evs: Sequence[Event]) -> list[Event]:
    """A dossier's events (``events.for_dossier``) with the attachment events recorded before
    those carried ``dossier_id`` merged in, in the same (time, station, number) order."""
    old = rows.unlinked_for_dossier(ctx.store, dossier_id)
    if not old:
        return list(evs)
    return sorted([*evs, *old], key=lambda e: (e.at, e.station_id, e.seq))


@dataclass(frozen=True)
class NoteWords:
    """A scanned-page event in words: ``action`` the sentence, ``details`` the file."""

    action: Msg
    details: Msg


def describe(
    p: pl.DossierNote,
    files: Mapping[str, pl.AttachmentAdded],
    documents: Mapping[int, str],
) -> NoteWords:
    """What a scanned-page event did, in words ("Thêm 3 trang quét: Giấy chứng sinh", "Xoay
    trang 2 sang 90°"), ``files`` being the dossier's added files by hash (a removal or a turn
    names only the hash) and ``documents`` its checklist lines by number."""
    if isinstance(p, pl.AttachmentAdded | pl.AttachmentRemoved):
        added = p if isinstance(p, pl.AttachmentAdded) else files.get(p.sha256)
        pages = clock.fmt_int(added.pages) if added is not None else "?"
        doc = documents.get(added.document) if added and added.document is not None else None
        name = added.name if added is not None else p.sha256[:12]
        if isinstance(p, pl.AttachmentAdded):
            action = (
                Msg("Thêm {pages} trang quét: {document}", pages=pages, document=doc)
                if doc
                else Msg("Thêm {pages} trang quét", pages=pages)
            )
        else:
            action = (
                Msg("Xóa {pages} trang quét: {document}", pages=pages, document=doc)
                if doc
                else Msg("Xóa {pages} trang quét", pages=pages)
            )
        return NoteWords(action, Msg("tệp {name}", name=name))
    if isinstance(p, pl.AttachmentRotated):
        turned = files.get(p.sha256)
        name = turned.name if turned is not None else p.sha256[:12]
        action = (
            Msg("Xoay trang {page} sang {degrees}°", page=p.page, degrees=p.rotation)
            if p.page is not None
            else Msg("Xoay mọi trang sang {degrees}°", degrees=p.rotation)
        )
        return NoteWords(action, Msg("tệp {name}", name=name))
    if isinstance(p, pl.AttachmentsReordered):
        return NoteWords(
            Msg("Sắp xếp lại các trang quét"),
            Msg("{count} tệp theo thứ tự mới", count=clock.fmt_int(len(p.order))),
        )
    return NoteWords(Msg("Bản quét"), Msg("sự kiện {kind}", kind=type(p).KIND))


def files_of(evs: Iterable[Event]) -> dict[str, pl.AttachmentAdded]:
    """The files a dossier's events added, by hash (names and pages never change)."""
    out: dict[str, pl.AttachmentAdded] = {}
    for ev in evs:
        if ev.kind == "attachment.added":
            p = pl.parse(ev.kind, ev.payload, station=ev.station_id, seq=ev.seq)
            if isinstance(p, pl.AttachmentAdded):
                out.setdefault(p.sha256, p)
    return out


def words(ctx: Session, p: pl.DossierNote) -> NoteWords:
    """:func:`describe` for one event read on its own (the admin's log): looks up the file's
    name and the checklist line's name in the dossier's own events."""
    dossier_id = str(getattr(p, "dossier", ""))
    files = files_of(rows.for_dossier(ctx.store, dossier_id))
    return describe(p, files, document_names(ctx, dossier_id))


def document_names(ctx: Session, dossier_id: str) -> dict[int, str]:
    """The dossier's checklist lines by number (the procedure version it was received under)."""
    from onestop_desktop.services import dossiers as dossier_service

    if dossiers.get(ctx.store, dossier_id) is None:
        return {}
    checklist = dossier_service._checklist(ctx, dossier_service._creation(ctx, dossier_id))
    return {d.number: d.name for d in checklist if d.number is not None}
