"""The intake draft: what a clerk has typed so far, kept in a file so a power cut loses nothing.

Why a file and not the database: a draft is not a clerk action (nothing is received until Save)
and must never enter the event log; it is one small JSON per user, rewritten a second after the
last keystroke. It lives in the data folder as ``drafts/<username>.json``, written with
``files.atomic_write`` (the old draft or the new one survives a cut, never half of one) and
private (0600 in a 0700 folder): it holds an applicant's ID number.

The format is versioned (``{"v": 1, "saved_at": …, "draft": {…}}``). A file that cannot be read
back (truncated by a disk fault, edited by hand, written by a newer version) is ignored with a
line in the log, never an error: a draft is a convenience, and the intake must open regardless.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from onestop_desktop import files
from onestop_desktop.domain import clock
from onestop_desktop.errors import StorageError
from onestop_desktop.services.context import Session

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
FOLDER = "drafts"
_SAFE_NAME = re.compile(r"[^a-z0-9._-]")


@dataclass(frozen=True)
class DraftPerson:
    """A person's fields as typed (not yet checked: a draft may hold a half-typed ID)."""

    name: str = ""
    id_number: str = ""
    birth_date: str = ""
    phone: str = ""
    address: str = ""

    def is_empty(self) -> bool:
        return not any((self.name, self.id_number, self.birth_date, self.phone, self.address))


@dataclass(frozen=True)
class DraftDocument:
    """A checklist line ticked: its number (1-based), the form and count chosen."""

    item: int
    form: str
    count: int


@dataclass(frozen=True)
class Draft:
    """Everything the intake form holds, as typed."""

    procedure_code: str = ""
    applicant: DraftPerson = field(default_factory=DraftPerson)
    submitter_is_applicant: bool = True
    submitter: DraftPerson = field(default_factory=DraftPerson)
    channel: str = "in_person"
    sets_count: int = 1
    documents: tuple[DraftDocument, ...] = ()
    note: str = ""
    paper: bool = False
    paper_received_at: str = ""
    """The paper slip's time as typed, ``dd/mm/yyyy HH:MM``."""
    saved_at: str = ""
    """When the draft was written (ISO, +07:00); set by :func:`save`."""

    def is_empty(self) -> bool:
        """Nothing worth offering back (the form as it opens)."""
        return (
            not self.procedure_code
            and self.applicant.is_empty()
            and self.submitter.is_empty()
            and not self.note
            and not self.paper_received_at
        )


def draft_path(ctx: Session, username: str | None = None) -> Path:
    """``<data folder>/drafts/<username>.json`` (the signed-in clerk's by default)."""
    database = ctx.store.path
    if database is None:
        raise StorageError("Cơ sở dữ liệu trong bộ nhớ không có thư mục để lưu bản nháp")
    name = _SAFE_NAME.sub("_", (username or ctx.actor.username).lower()) or "_"
    return database.parent / FOLDER / f"{name}.json"


def save(ctx: Session, draft: Draft) -> Path:
    """Write the clerk's draft (atomically, privately); the path written."""
    path = draft_path(ctx)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise files.write_error(folder, exc) from exc
    files.make_private(folder, folder=True)
    data = asdict(draft)
    data["saved_at"] = clock.iso(ctx.now())
    text = json.dumps({"v": FORMAT_VERSION, "draft": data}, ensure_ascii=False, indent=1)
    files.atomic_write(path, text, encoding="utf-8", mode=files.PRIVATE_FILE)
    return path


def load(ctx: Session) -> Draft | None:
    """The clerk's draft, or ``None`` when there is none, it is empty or it cannot be read
    (logged, never raised)."""
    try:
        path = draft_path(ctx)
    except StorageError:  # an in-memory database (tests, tools): no folder, no drafts
        return None
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("intake draft %s ignored: cannot read it (%s)", path.name, exc)
        return None
    try:
        draft = parse(json.loads(raw))
    except (ValueError, TypeError, KeyError) as exc:
        log.warning("intake draft %s ignored: %s", path.name, exc)
        return None
    return None if draft.is_empty() else draft


def discard(ctx: Session) -> None:
    """Remove the clerk's draft (after a successful save, or when the clerk declines it)."""
    try:
        path = draft_path(ctx)
    except StorageError:
        return
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("intake draft %s not removed: %s", path.name, exc)


# ------------------------------------------------------------------------------ reading


def _str(data: dict[str, Any], key: str, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise TypeError(f"{key} is not text")
    return value


def _int(data: dict[str, Any], key: str, default: int) -> int:
    value = data.get(key, default)
    if type(value) is not int:
        raise TypeError(f"{key} is not an integer")
    return value


def _bool(data: dict[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if type(value) is not bool:
        raise TypeError(f"{key} is not true/false")
    return value


def _obj(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"{what} is not an object")
    return value


def _person(value: object, what: str) -> DraftPerson:
    data = _obj(value if value is not None else {}, what)
    return DraftPerson(
        name=_str(data, "name"),
        id_number=_str(data, "id_number"),
        birth_date=_str(data, "birth_date"),
        phone=_str(data, "phone"),
        address=_str(data, "address"),
    )


def parse(document: object) -> Draft:
    """A draft from its JSON document; ``ValueError``/``TypeError`` when it does not fit."""
    top = _obj(document, "the file")
    version = top.get("v")
    if type(version) is not int or version < 1:
        raise ValueError("no format version")
    if version > FORMAT_VERSION:
        raise ValueError(f"format version {version} is newer than this program reads")
    data = _obj(top["draft"], "draft")
    docs_raw = data.get("documents", [])
    if not isinstance(docs_raw, list):
        raise TypeError("documents is not a list")
    documents = []
    for entry in docs_raw:
        doc = _obj(entry, "a document")
        documents.append(
            DraftDocument(
                item=_int(doc, "item", 0), form=_str(doc, "form"), count=_int(doc, "count", 1)
            )
        )
    return Draft(
        procedure_code=_str(data, "procedure_code"),
        applicant=_person(data.get("applicant"), "applicant"),
        submitter_is_applicant=_bool(data, "submitter_is_applicant", True),
        submitter=_person(data.get("submitter"), "submitter"),
        channel=_str(data, "channel", "in_person"),
        sets_count=_int(data, "sets_count", 1),
        documents=tuple(documents),
        note=_str(data, "note"),
        paper=_bool(data, "paper", False),
        paper_received_at=_str(data, "paper_received_at"),
        saved_at=_str(data, "saved_at"),
    )
