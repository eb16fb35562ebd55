"""Chain-head anchors: the head of each station's hash chain, kept *outside* the database.

Why: the hash chain proves that no event in the middle was edited, but someone with the file can
re-hash the whole chain after an edit, cut events off its end, or empty it; the chain is then
sound again. What they cannot undo is a copy of an earlier head held somewhere else: printed on
the daily summary and on Biểu 06 (paper signed and filed), written into each backup's metadata,
and appended to ``anchors/anchors.jsonl`` in the data folder. ``verify`` checks every anchor it
has: the event at the anchored ``seq`` must still exist and carry the anchored hash, so a
re-hashed chain, a cut tail or a wiped log is reported.

The printable form is the first 16 hex digits of the hash (64 bits: matching it with a forged
chain takes about 2^64 hashes) with the station and ``seq``: ``a1b2c3d4e5f60718@1:2345``.
A person types it back with ``onestop anchors add a1b2c3d4e5f60718@1:2345`` (or
``onestop verify --anchor ...``) from a printed report.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from onestop_desktop import files
from onestop_desktop.domain import clock
from onestop_desktop.domain.formats import fmt_int
from onestop_desktop.errors import Msg, ValidationError
from onestop_desktop.services.context import Session
from onestop_desktop.store import anchors as anchor_rows
from onestop_desktop.store.db import Store

SHORT = 16
"""Hex digits of a hash in the printable form (and the fewest an anchor may have)."""

FOLDER = "anchors"
FILE = "anchors.jsonl"

Source = Literal["backup", "report", "summary", "manual", "restore", "district"]
SOURCES: tuple[Source, ...] = ("backup", "report", "summary", "manual", "restore", "district")

SOURCE_LABELS: dict[str, Msg] = {
    "backup": Msg("bản sao lưu"),
    "report": Msg("báo cáo"),
    "summary": Msg("bảng tổng hợp ngày"),
    "manual": Msg("nhập tay"),
    "restore": Msg("khôi phục"),
    "district": Msg("xác nhận của cấp huyện"),
}

_TOKEN = re.compile(r"^\s*([0-9a-fA-F]{16,64})\s*@\s*(?:(\d+)\s*:\s*)?(\d+)\s*$")


@dataclass(frozen=True)
class ChainHead:
    """The newest event of one station's chain."""

    station: int
    seq: int
    hash: str

    @property
    def short(self) -> str:
        """The first 16 hex digits of the hash: what is printed."""
        return self.hash[:SHORT]

    @property
    def token(self) -> str:
        """``HASH16@STATION:SEQ``, the form printed on paper and typed back."""
        return f"{self.short}@{self.station}:{self.seq}"

    def label(self) -> str:
        """A line for a report: «Máy trạm 1, sự kiện số 2.345, mã băm a1b2…» (Vietnamese)."""
        return f"Máy trạm {self.station}, sự kiện số {fmt_int(self.seq)}, mã băm {self.short}"


@dataclass(frozen=True)
class Anchor:
    """One recorded head: when, which station and event, the hash (16–64 hex), and whence."""

    at: str
    station: int
    seq: int
    hash: str
    source: str

    def to_json(self) -> dict[str, object]:
        return {
            "at": self.at,
            "station": self.station,
            "seq": self.seq,
            "hash": self.hash,
            "source": self.source,
        }


@dataclass(frozen=True)
class AnchorProblem:
    """An anchor the chain no longer agrees with (a ``Msg`` to show; the anchor itself)."""

    anchor: Anchor | None
    message: Msg


def chain_heads_of(store: Store) -> list[ChainHead]:
    """The head of every station's chain in ``store`` (no permission: store level)."""
    return [ChainHead(s, q, h) for s, q, h in anchor_rows.chain_heads(store)]


def chain_heads(ctx: Session) -> list[ChainHead]:
    """The head of every station's chain, to print (daily summary, Biểu 06) or keep."""
    ctx.require("dossiers.view")
    return chain_heads_of(ctx.store)


def folder_of(store: Store) -> Path | None:
    """The anchors folder beside the store's database (``None`` for an in-memory store)."""
    return None if store.path is None else store.path.parent / FOLDER


def parse_token(text: str, *, default_station: int) -> tuple[int, int, str]:
    """``HASH@SEQ`` or ``HASH@STATION:SEQ`` → ``(station, seq, hash)``; hash 16–64 hex."""
    found = _TOKEN.match(text)
    if found is None:
        raise ValidationError(
            "Mốc «{text}» không đúng dạng MÃBĂM@SỐ hoặc MÃBĂM@MÁYTRẠM:SỐ (mã băm 16–64 chữ số "
            "thập lục phân), ví dụ a1b2c3d4e5f60718@1:2345",
            field="anchor",
            text=text.strip(),
        )
    digest, station, seq = found.groups()
    return (int(station) if station else default_station, int(seq), digest.lower())


def load(folder: Path | None) -> tuple[list[Anchor], list[int]]:
    """The anchors recorded in ``folder`` and the numbers of unreadable lines (a line someone
    edited is reported by ``verify``, never silently skipped)."""
    if folder is None:
        return [], []
    path = folder / FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], []
    found: list[Anchor] = []
    bad: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            anchor = Anchor(
                at=str(item["at"]),
                station=int(item["station"]),
                seq=int(item["seq"]),
                hash=str(item["hash"]).lower(),
                source=str(item["source"]),
            )
        except (ValueError, KeyError, TypeError):
            bad.append(number)
            continue
        if not re.fullmatch(r"[0-9a-f]{16,64}", anchor.hash) or anchor.seq < 1:
            bad.append(number)
            continue
        found.append(anchor)
    return found, bad


def _append(folder: Path, new: list[Anchor]) -> list[Anchor]:
    """Add the anchors not already in the file (same station, seq and hash); those added."""
    existing, _ = load(folder)
    known = {(a.station, a.seq, a.hash) for a in existing}
    fresh = [a for a in new if (a.station, a.seq, a.hash) not in known]
    if not fresh:
        return []
    path = folder / FILE
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    if old and not old.endswith("\n"):
        old += "\n"
    lines = "".join(json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in fresh)
    folder.mkdir(parents=True, exist_ok=True, mode=files.PRIVATE_DIR)
    files.make_private(folder, folder=True)
    files.atomic_write(path, old + lines, encoding="utf-8")
    return fresh


def keep_heads(store: Store, source: Source) -> list[ChainHead]:
    """Record the store's chain heads in its anchors folder (``source`` says what printed or
    kept them); the heads. An in-memory store has no folder: the heads are only returned."""
    heads = chain_heads_of(store)
    folder = folder_of(store)
    if folder is not None and heads:
        stamp = clock.iso(store.now())
        _append(folder, [Anchor(stamp, h.station, h.seq, h.hash, source) for h in heads])
    return heads


def record_heads(ctx: Session, source: Source) -> list[ChainHead]:
    """The chain heads, recorded as anchors from ``source`` (call when printing them)."""
    ctx.require("dossiers.view")
    return keep_heads(ctx.store, source)


def add_manual(ctx: Session, token: str) -> Anchor:
    """Record an anchor typed in from paper (``HASH@SEQ`` / ``HASH@STATION:SEQ``).

    It is recorded even when the chain disagrees: that disagreement is what ``verify`` must
    go on reporting."""
    ctx.require("sync.manage")
    folder = folder_of(ctx.store)
    if folder is None:
        raise ValidationError("Cơ sở dữ liệu trong bộ nhớ không có thư mục mốc", field="anchor")
    station, seq, digest = parse_token(token, default_station=ctx.station.station_id)
    anchor = Anchor(clock.iso(ctx.now()), station, seq, digest, "manual")
    _append(folder, [anchor])
    return anchor


def list_anchors(ctx: Session) -> list[Anchor]:
    """The anchors recorded for this station's database, oldest first."""
    ctx.require("sync.manage")
    return load(folder_of(ctx.store))[0]


def check(store: Store, extra: list[Anchor] | None = None) -> tuple[int, list[AnchorProblem]]:
    """Check the chain against every recorded anchor (and ``extra`` ones): how many anchors were
    checked and what disagrees. For each anchor the event at its ``seq`` must exist and carry its
    hash; each station's chain must reach its highest anchor."""
    found, bad = load(folder_of(store))
    anchors = found + list(extra or [])
    problems: list[AnchorProblem] = [
        AnchorProblem(None, Msg("dòng {line} của tệp mốc anchors.jsonl không đọc được", line=n))
        for n in bad
    ]
    heads = {h.station: h for h in chain_heads_of(store)}
    seen: set[tuple[int, int, str]] = set()
    for anchor in anchors:
        key = (anchor.station, anchor.seq, anchor.hash)
        if key in seen:
            continue
        seen.add(key)
        head = heads.get(anchor.station)
        if head is None or head.seq < anchor.seq:
            problems.append(
                AnchorProblem(
                    anchor,
                    Msg(
                        "chuỗi của máy trạm {station} chỉ còn {count} sự kiện, ít hơn mốc số {seq} "
                        "ghi lúc {at} (nguồn: {source}): sự kiện cuối bị xóa hoặc nhật ký bị xóa",
                        station=anchor.station,
                        count=fmt_int(head.seq if head else 0),
                        seq=fmt_int(anchor.seq),
                        at=_when(anchor.at),
                        source=SOURCE_LABELS.get(anchor.source, Msg("khác")),
                    ),
                )
            )
            continue
        actual = anchor_rows.hash_at(store, anchor.station, anchor.seq)
        if actual is None or not actual.startswith(anchor.hash):
            problems.append(
                AnchorProblem(
                    anchor,
                    Msg(
                        "sự kiện số {seq} của máy trạm {station} không còn mang mã băm {hash} đã "
                        "ghi làm mốc lúc {at} (nguồn: {source}): chuỗi đã bị thay hoặc băm lại",
                        station=anchor.station,
                        seq=fmt_int(anchor.seq),
                        hash=anchor.hash[:SHORT],
                        at=_when(anchor.at),
                        source=SOURCE_LABELS.get(anchor.source, Msg("khác")),
                    ),
                )
            )
    return len(seen), problems


def _when(stamp: str) -> str:
    try:
        return clock.fmt_datetime(clock.parse_iso(stamp))
    except ValueError:
        return stamp


def set_aside_disagreeing(store: Store) -> list[Anchor]:
    """After a restore: move the anchors the restored chain does not satisfy (events after the
    backup, or another station's chain) to ``anchors/superseded-<time>.jsonl``, kept for
    inspection, so ``verify`` checks the chain now in use; the anchors set aside.

    A restore is an explicit operator act and says how many anchors it set aside: a restored
    backup older than an anchor has lost the events after it, which the operator must know."""
    folder = folder_of(store)
    if folder is None:
        return []
    found, _ = load(folder)
    if not found:
        return []
    heads = {h.station: h for h in chain_heads_of(store)}
    keep: list[Anchor] = []
    aside: list[Anchor] = []
    for anchor in found:
        head = heads.get(anchor.station)
        actual = anchor_rows.hash_at(store, anchor.station, anchor.seq) if head else None
        (keep if actual is not None and actual.startswith(anchor.hash) else aside).append(anchor)
    if not aside:
        return []
    stamp = store.now().strftime("%Y%m%d-%H%M%S")
    files.atomic_write(
        folder / f"superseded-{stamp}.jsonl",
        "".join(json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in aside),
        encoding="utf-8",
    )
    files.atomic_write(
        folder / FILE,
        "".join(json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in keep),
        encoding="utf-8",
    )
    return aside


def record_anchor(store: Store, station: int, seq: int, digest: str, source: Source) -> Anchor:
    """Keep one head someone else vouches for (the district's acknowledgement of a sync bundle,
    #12) in the anchors folder; without a folder (in-memory store) it is only returned."""
    anchor = Anchor(clock.iso(store.now()), station, seq, digest, source)
    folder = folder_of(store)
    if folder is not None:
        _append(folder, [anchor])
    return anchor
