"""The sync bundle file: a zip of JSON-lines parts, a manifest and its Ed25519 signature.

A bundle is what a clerk carries on a USB stick (see ``docs/bundle-format.md``)::

    manifest.json          what the bundle holds: unit, station, key fingerprint, seq ranges,
                           counts and the SHA-256 of every other entry (canonical JSON)
    manifest.sig           64 raw bytes: Ed25519 signature of the exact bytes of manifest.json
    events.jsonl           one event a line, in (station, seq) order, hashes included
    attachments/<sha256>   optional scanned pages, named by their own SHA-256
    <name>.jsonl / .json   further parts a bundle kind declares (downward bundles, #12 item 6)

This module is the format only: no SQL, no settings, no Qt. It writes a bundle durably
(:func:`write_bundle`: temporary name, fsync, read back and verified, then renamed) and reads one
without trusting a byte of it (:func:`verify_bundle`, :func:`read_bundle`): every entry name is
checked against a short list before anything is opened (no zip-slip), duplicates are refused,
every entry is read streaming with its uncompressed size and its compression ratio capped (no
zip bomb), every part's SHA-256 must match the signed manifest, and every event's hash chain
must hold within the bundle. Whether the *key* is trusted, and whether the chain joins what the
importer holds, is decided by ``services/sync.py``.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from onestop_desktop import files
from onestop_desktop.domain.events import GENESIS, Event, canonical
from onestop_desktop.errors import Msg, OneStopError, ValidationError

FORMAT = "onestop-bundle"
FORMAT_VERSION = 1
"""The newest format this program reads; a bundle with a larger number is refused (it was made
by a newer program and may carry parts this one would silently drop)."""

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
EVENTS = "events.jsonl"
ATTACHMENTS = "attachments/"

KIND_EVENTS = "events"
"""A station's events, going up to the district."""
KIND_ACK = "ack"
"""The importer's acknowledgement, going back to the station."""

SUFFIX = ".osb"
"""A bundle's file name ends in ``.osb`` (a plain zip: ``unzip -l`` lists it)."""

_PART_NAME = re.compile(r"^(?:[a-z][a-z0-9_-]{0,40}\.(?:jsonl|json)|attachments/[0-9a-f]{64})$")
"""Entry names a bundle may hold besides the manifest and its signature: flat, lower case, no
folder but ``attachments/``; nothing with ``..``, a drive, a backslash or a leading slash."""

Progress = Callable[[int, int], None]
"""``progress(done, total)`` in events (the GUI worker's progress bar, the CLI's dots)."""


@dataclass(frozen=True)
class Limits:
    """What a reader accepts before it refuses a bundle as too big or as a zip bomb.

    The sizes are of *uncompressed* bytes, counted while reading (a zip's own header may lie).
    """

    max_entries: int = 200_000
    max_manifest: int = 64 * 1024 * 1024
    max_part: int = 8 * 1024 * 1024 * 1024
    max_total: int = 16 * 1024 * 1024 * 1024
    max_ratio: int = 200
    """Uncompressed over compressed size of an entry; JSON lines compress about 8–15×."""
    ratio_floor: int = 1024 * 1024
    """Entries smaller than this are not ratio-checked (a tiny part may compress 1000×)."""
    max_line: int = 16 * 1024 * 1024


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class ChainRange:
    """The slice of one station's hash chain a bundle carries: events ``first_seq`` to
    ``last_seq``; ``prev_hash`` is the hash of event ``first_seq - 1`` (GENESIS from 1)."""

    station: int
    first_seq: int
    last_seq: int
    prev_hash: str
    last_hash: str

    @property
    def count(self) -> int:
        return max(0, self.last_seq - self.first_seq + 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "station": self.station,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "count": self.count,
            "prev_hash": self.prev_hash,
            "last_hash": self.last_hash,
        }


@dataclass(frozen=True)
class PartInfo:
    """One entry of the zip besides the manifest and signature, as the manifest lists it."""

    name: str
    sha256: str
    size: int
    lines: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "sha256": self.sha256, "size": self.size, "lines": self.lines}


@dataclass(frozen=True)
class Manifest:
    """The signed description of a bundle (``manifest.json``)."""

    kind: str
    unit_code: str
    station: int
    public_key: str
    """The signer's raw Ed25519 public key, hex."""
    created_at: str
    acknowledged_up_to: int = 0
    """The last seq of this station the district had acknowledged when the bundle was made."""
    chains: tuple[ChainRange, ...] = ()
    parts: tuple[PartInfo, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Kind-specific fields (an acknowledgement's heads, a downward bundle's versions)."""
    format_version: int = FORMAT_VERSION

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    @property
    def event_count(self) -> int:
        return sum(c.count for c in self.chains)

    @property
    def attachment_count(self) -> int:
        return sum(1 for p in self.parts if p.name.startswith(ATTACHMENTS))

    def part(self, name: str) -> PartInfo | None:
        return next((p for p in self.parts if p.name == name), None)

    def chain(self, station: int) -> ChainRange | None:
        return next((c for c in self.chains if c.station == station), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "kind": self.kind,
            "unit_code": self.unit_code,
            "station": self.station,
            "public_key": self.public_key,
            "fingerprint": self.fingerprint,
            "created_at": self.created_at,
            "acknowledged_up_to": self.acknowledged_up_to,
            "chains": [c.to_json() for c in self.chains],
            "counts": {"events": self.event_count, "attachments": self.attachment_count},
            "parts": [p.to_json() for p in self.parts],
            "extra": dict(self.extra),
        }

    def to_bytes(self) -> bytes:
        """The exact bytes signed: pretty-printed (``jq`` or a text editor shows it), sorted keys,
        UTF-8 as is, one trailing newline."""
        text = json.dumps(self.to_json(), sort_keys=True, indent=2, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "") -> Manifest:
        """Parse and check the manifest's shape; :class:`BundleError` naming what is wrong."""
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise BundleError(source, Msg("tệp kê khai (manifest.json) không đọc được")) from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise BundleError(source, Msg("không phải gói đồng bộ OneStop"))
        version = raw.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise BundleError(source, Msg("số phiên bản định dạng không hợp lệ"))
        if version > FORMAT_VERSION:
            raise BundleError(
                source,
                Msg(
                    "gói được tạo bằng định dạng phiên bản {version}, mới hơn phiên bản {mine} "
                    "chương trình này đọc được; hãy cập nhật chương trình",
                    version=version,
                    mine=FORMAT_VERSION,
                ),
            )
        try:
            chains = tuple(
                ChainRange(
                    station=_int(c["station"]),
                    first_seq=_int(c["first_seq"]),
                    last_seq=_int(c["last_seq"]),
                    prev_hash=_hex64(c["prev_hash"]),
                    last_hash=_hex64(c["last_hash"]),
                )
                for c in raw["chains"]
            )
            parts = tuple(
                PartInfo(
                    name=_str(p["name"]),
                    sha256=_hex64(p["sha256"]),
                    size=_int(p["size"]),
                    lines=_int(p.get("lines", 0)),
                )
                for p in raw["parts"]
            )
            extra = raw.get("extra", {})
            manifest = cls(
                kind=_str(raw["kind"]),
                unit_code=_str(raw["unit_code"]),
                station=_int(raw["station"]),
                public_key=_str(raw["public_key"]),
                created_at=_str(raw["created_at"]),
                acknowledged_up_to=_int(raw.get("acknowledged_up_to", 0)),
                chains=chains,
                parts=parts,
                extra=extra if isinstance(extra, dict) else {},
                format_version=version,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BundleError(
                source, Msg("tệp kê khai (manifest.json) thiếu hoặc sai trường")
            ) from exc
        if not re.fullmatch(r"[0-9a-f]{64}", manifest.public_key):
            raise BundleError(source, Msg("khóa công khai trong tệp kê khai không hợp lệ"))
        if raw.get("fingerprint") != manifest.fingerprint:
            raise BundleError(source, Msg("dấu vân tay khóa không khớp với khóa công khai"))
        for c in chains:
            if c.first_seq < 1 or c.last_seq < c.first_seq - 1:
                raise BundleError(source, Msg("khoảng số thứ tự sự kiện không hợp lệ"))
        names = [p.name for p in parts]
        if len(set(names)) != len(names):
            raise BundleError(source, Msg("tệp kê khai liệt kê một phần hai lần"))
        for name in names:
            if not _PART_NAME.match(name):
                raise BundleError(source, Msg("tên phần không hợp lệ: {name}", name=name[:80]))
        return manifest


class BundleError(ValidationError):
    """A bundle refused: the file and the reason, nothing written."""

    def __init__(self, source: str, reason: Msg | str) -> None:
        super().__init__(
            "Gói đồng bộ «{file}» bị từ chối: {reason}",
            field="bundle",
            file=source,
            reason=reason if isinstance(reason, Msg) else Msg("{text}", text=reason),
        )
        self.reason = reason


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _hex64(value: object) -> str:
    text = _str(value)
    if not re.fullmatch(r"[0-9a-f]{64}", text):
        raise ValueError("not a SHA-256")
    return text


def fingerprint(public_key_hex: str) -> str:
    """A key's fingerprint for people to compare by eye or over the phone: the first 20 bytes of
    SHA-256 of the raw key, in groups of four hex digits (``3f2a-91c0-…``)."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()[:40]
    return "-".join(digest[i : i + 4] for i in range(0, 40, 4))


def public_key_hex(key: Ed25519PrivateKey) -> str:
    """The raw public key of ``key``, hex."""
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        .hex()
    )


def load_private_key(path: Path) -> Ed25519PrivateKey:
    """The station's signing key from its PEM file (``keys/station_ed25519.pem``)."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise ValidationError(
            "Không đọc được khóa ký {path}: {reason}",
            path=str(path),
            reason=files.reason(exc),
            detail=str(exc),
        ) from exc
    except ValueError as exc:
        raise ValidationError(
            "Tệp khóa ký {path} bị hỏng", path=str(path), detail=str(exc)
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ValidationError("Tệp khóa ký {path} không phải khóa Ed25519", path=str(path))
    return key


def event_line(event: Event) -> bytes:
    """One line of ``events.jsonl``: the event's canonical JSON with both hashes."""
    record = event.body()
    record["prev_hash"] = event.prev_hash
    record["hash"] = event.hash
    return (canonical(record) + "\n").encode("utf-8")


def parse_event_line(line: bytes) -> Event:
    """An event from one line; ``ValueError`` when the line is not one."""
    raw = json.loads(line.decode("utf-8"))
    if not isinstance(raw, dict) or set(raw) != {
        "station_id",
        "seq",
        "dossier_id",
        "kind",
        "actor",
        "at",
        "payload",
        "prev_hash",
        "hash",
    }:
        raise ValueError("not an event")
    dossier = raw["dossier_id"]
    if dossier is not None and not isinstance(dossier, str):
        raise ValueError("dossier_id")
    payload = raw["payload"]
    if not isinstance(payload, dict):
        raise ValueError("payload")
    return Event(
        station_id=_int(raw["station_id"]),
        seq=_int(raw["seq"]),
        dossier_id=dossier,
        kind=_str(raw["kind"]),
        actor=_str(raw["actor"]),
        at=_str(raw["at"]),
        payload=payload,
        prev_hash=_str(raw["prev_hash"]),
        hash=_str(raw["hash"]),
    )


# --------------------------------------------------------------------------------------------
# Writing


def write_bundle(
    path: Path,
    *,
    key: Ed25519PrivateKey,
    kind: str,
    unit_code: str,
    station: int,
    created_at: str,
    events: Iterable[Event] = (),
    total: int = 0,
    acknowledged_up_to: int = 0,
    parts: Mapping[str, bytes] | None = None,
    attachments: Mapping[str, Path] | None = None,
    extra: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Manifest:
    """Write a signed bundle to ``path`` durably; its manifest.

    ``events`` are one or more stations' chain slices in ``(station, seq)`` order (a station's
    own export has one); ``total`` is their number for ``progress``. ``parts`` are further
    named parts (``name.jsonl`` / ``name.json``), ``attachments`` scanned files by SHA-256.
    The bundle is built under a temporary name beside ``path``, fsynced, opened again and
    verified with :func:`verify_bundle` against ``key``, and only then renamed to ``path``:
    a stick pulled at any moment leaves no file under a bundle's name.
    """
    public = public_key_hex(key)
    with files.atomic_path(path) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            infos: list[PartInfo] = []
            chains: list[ChainRange] = []
            if kind == KIND_EVENTS:
                info, chains = _write_events(zf, events, total, progress)
                infos.append(info)
            for name, data in sorted((parts or {}).items()):
                if not _PART_NAME.match(name) or name.startswith(ATTACHMENTS) or name == EVENTS:
                    raise ValueError(f"bad part name {name!r}")
                zf.writestr(name, data)
                infos.append(
                    PartInfo(name, hashlib.sha256(data).hexdigest(), len(data), data.count(b"\n"))
                )
            for sha, source in sorted((attachments or {}).items()):
                infos.append(_write_attachment(zf, sha, source))
            manifest = Manifest(
                kind=kind,
                unit_code=unit_code,
                station=station,
                public_key=public,
                created_at=created_at,
                acknowledged_up_to=acknowledged_up_to,
                chains=tuple(chains),
                parts=tuple(infos),
                extra=dict(extra or {}),
            )
            body = manifest.to_bytes()
            zf.writestr(MANIFEST, body)
            zf.writestr(SIGNATURE, key.sign(body), compress_type=zipfile.ZIP_STORED)
            zf.comment = b"\0" * SEAL_SIZE  # room for the seal, filled in below
        _seal(tmp, key)
        files.fsync_file(tmp)
        verify_bundle(tmp, public_key=public, limits=limits, source=path.name)  # read back
    return manifest


def _write_events(
    zf: zipfile.ZipFile, events: Iterable[Event], total: int, progress: Progress | None
) -> tuple[PartInfo, list[ChainRange]]:
    digest = hashlib.sha256()
    size = lines = 0
    chains: list[ChainRange] = []
    current: list[Any] | None = None  # [station, first, last, prev_hash, last_hash]
    with zf.open(EVENTS, "w", force_zip64=True) as out:
        buffer: list[bytes] = []
        for event in events:
            if current is None or event.station_id != current[0]:
                if current is not None:
                    chains.append(ChainRange(*current))
                current = [event.station_id, event.seq, event.seq, event.prev_hash, event.hash]
            else:
                current[2], current[4] = event.seq, event.hash
            line = event_line(event)
            buffer.append(line)
            lines += 1
            if len(buffer) >= 5000:
                chunk = b"".join(buffer)
                buffer = []
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
                if progress is not None:
                    progress(lines, total)
        chunk = b"".join(buffer)
        out.write(chunk)
        digest.update(chunk)
        size += len(chunk)
    if current is not None:
        chains.append(ChainRange(*current))
    if progress is not None:
        progress(lines, max(total, lines))
    return PartInfo(EVENTS, digest.hexdigest(), size, lines), chains


def _write_attachment(zf: zipfile.ZipFile, sha: str, source: Path) -> PartInfo:
    """Copy one scanned file in, checking on the way that it still has the hash it is named by."""
    digest = hashlib.sha256()
    size = 0
    name = ATTACHMENTS + sha
    # Scans are already compressed (JPEG, PNG, PDF): stored, not deflated again.
    with (
        source.open("rb") as src,
        zf.open(
            zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), "w", force_zip64=True
        ) as out,
    ):
        while chunk := src.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    if digest.hexdigest() != sha:
        raise ValidationError(
            "Tệp đính kèm {path} không còn đúng mã băm của nó; không đưa vào gói", path=str(source)
        )
    return PartInfo(name, sha, size, 0)


SEAL_SIZE = 64
SEAL_CONTEXT = b"onestop-bundle-file-v1\n"
"""The zip comment (the file's last 64 bytes) is the *seal*: an Ed25519 signature by the same
key over ``SEAL_CONTEXT + SHA-256(every byte before it)``. ``manifest.sig`` proves the manifest
and, through its hashes, every part's content; the seal also covers the zip container (headers,
dates, compressed bytes, the central directory), so a copy that differs from what the station
wrote in any byte at all is refused, not only one whose content differs."""


def _prefix_digest(path: Path, upto: int) -> bytes:
    digest = hashlib.sha256(SEAL_CONTEXT)
    left = upto
    with path.open("rb") as fh:
        while left > 0 and (chunk := fh.read(min(left, 1024 * 1024))):
            digest.update(chunk)
            left -= len(chunk)
    return digest.digest()


def _seal(path: Path, key: Ed25519PrivateKey) -> None:
    """Fill the placeholder comment at the end of ``path`` with the seal."""
    size = path.stat().st_size
    seal = key.sign(_prefix_digest(path, size - SEAL_SIZE))
    with path.open("r+b") as fh:
        fh.seek(size - SEAL_SIZE)
        fh.write(seal)


def _check_seal(path: Path, zf: zipfile.ZipFile, public_key: str, source: str) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            fh.seek(max(0, size - SEAL_SIZE))
            tail = fh.read(SEAL_SIZE)
    except OSError as exc:
        raise BundleError(source, files.reason(exc)) from exc
    if len(zf.comment) != SEAL_SIZE or tail != zf.comment:
        raise BundleError(source, Msg("thiếu dấu niêm phong cuối tệp (tệp bị cắt hoặc sửa)"))
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key)).verify(
            tail, _prefix_digest(path, size - SEAL_SIZE)
        )
    except (InvalidSignature, ValueError) as exc:
        raise BundleError(
            source, Msg("dấu niêm phong không khớp: tệp đã bị thay đổi sau khi máy trạm ghi")
        ) from exc


# --------------------------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class Bundle:
    """A bundle that passed :func:`verify_bundle`; its events and parts are read again from the
    file on demand (streaming) and checked again on the way, so a file swapped between the
    check and the import is caught by the import's own transaction."""

    path: Path
    manifest: Manifest
    limits: Limits = DEFAULT_LIMITS

    @property
    def source(self) -> str:
        return self.path.name

    def iter_events(self) -> Iterator[Event]:
        """The events, checked line by line against the manifest's hashes and chains."""
        with open_zip(self.path, self.source) as zf:
            _check_entries(zf, self.manifest, self.source, self.limits)
            info = self.manifest.part(EVENTS)
            if info is None:
                return
            yield from _events_checked(zf, info, self.manifest, self.source, self.limits)

    def read_part(self, name: str) -> bytes:
        """A further part's bytes (checked against its hash); ``b""`` when absent."""
        info = self.manifest.part(name)
        if info is None:
            return b""
        with open_zip(self.path, self.source) as zf:
            _check_entries(zf, self.manifest, self.source, self.limits)
            buf = io.BytesIO()
            for chunk in _read_entry(zf, info, self.source, self.limits):
                buf.write(chunk)
            return buf.getvalue()

    def copy_attachment(self, sha: str, out: BinaryIO) -> int:
        """Write attachment ``sha`` to ``out`` (its hash checked as it streams); bytes written."""
        info = self.manifest.part(ATTACHMENTS + sha)
        if info is None:
            raise BundleError(self.source, Msg("không có tệp đính kèm {sha}", sha=sha[:16]))
        size = 0
        with open_zip(self.path, self.source) as zf:
            for chunk in _read_entry(zf, info, self.source, self.limits):
                out.write(chunk)
                size += len(chunk)
        return size


def read_bundle(
    path: Path,
    *,
    public_key: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Bundle:
    """:func:`verify_bundle`, then the :class:`Bundle` to read its events from."""
    manifest = verify_bundle(path, public_key=public_key, limits=limits, progress=progress)
    return Bundle(path, manifest, limits)


def verify_bundle(
    path: Path,
    *,
    public_key: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    source: str | None = None,
) -> Manifest:
    """Check a bundle completely without writing anything; its manifest.

    Checked: the zip's entry names and count, no duplicates, the signature over the exact
    manifest bytes (by ``public_key`` when given, else by the key the manifest names: whether
    that key is trusted is the caller's question), every part's size and SHA-256, every event's
    shape, station, seq range and hash chain. Any failure raises :class:`BundleError` naming the
    file and the reason.
    """
    name = source or path.name
    with open_zip(path, name) as zf:
        manifest = _signed_manifest(zf, name, public_key, limits)
        _check_entries(zf, manifest, name, limits)
        for info in manifest.parts:
            if info.name == EVENTS:
                count = 0
                for _ in _events_checked(zf, info, manifest, name, limits):
                    count += 1
                    if progress is not None and count % 20000 == 0:
                        progress(count, manifest.event_count)
                if progress is not None:
                    progress(count, manifest.event_count)
            else:
                for _ in _read_entry(zf, info, name, limits):
                    pass
        if manifest.chains and manifest.part(EVENTS) is None:
            raise BundleError(
                name, Msg("tệp kê khai có khoảng sự kiện nhưng gói không có events.jsonl")
            )
        # Last: the content checks above give the more precise reason for an edited part.
        _check_seal(path, zf, manifest.public_key, name)
    return manifest


def verify_sealed_copy(
    path: Path, *, limits: Limits = DEFAULT_LIMITS, source: str | None = None
) -> tuple[Manifest, str]:
    """The cheap half of :func:`verify_bundle`: entry names, the manifest's signature, the
    entries exactly as listed with their sizes, and the seal over every byte of the file; the
    manifest and the SHA-256 of its exact bytes. No part is decompressed or hashed.

    Why this is enough to recognise a bundle already imported (#12 item 4): a manifest whose
    hash matches one imported has the very part hashes that import checked, and the seal, by
    the same key, proves this file is byte for byte what that station wrote. Anything else —
    an unknown manifest, a seal that fails — must go through :func:`verify_bundle`."""
    name = source or path.name
    with open_zip(path, name) as zf:
        manifest = _signed_manifest(zf, name, None, limits)
        _check_entries(zf, manifest, name, limits)
        body = _read_small(zf, MANIFEST, limits.max_manifest, name, limits)
        _check_seal(path, zf, manifest.public_key, name)
    return manifest, hashlib.sha256(body).hexdigest()


class _ZipContext:
    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.source = source
        self.zf: zipfile.ZipFile | None = None

    def __enter__(self) -> zipfile.ZipFile:
        try:
            self.zf = zipfile.ZipFile(self.path, "r")
        except FileNotFoundError as exc:
            raise BundleError(self.source, Msg("không tìm thấy tệp")) from exc
        except OSError as exc:
            raise BundleError(self.source, files.reason(exc)) from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            raise BundleError(
                self.source, Msg("tệp không phải tệp zip hoàn chỉnh (bị cắt cụt hoặc hỏng)")
            ) from exc
        return self.zf

    def __exit__(self, *exc: object) -> None:
        if self.zf is not None:
            self.zf.close()


def open_zip(path: Path, source: str) -> _ZipContext:
    """Open a bundle's zip; a missing, unreadable or truncated file is a :class:`BundleError`."""
    return _ZipContext(path, source)


def peek_kind(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """The kind a bundle's manifest *claims*, read without trusting it (to choose the importer,
    which verifies everything itself); a file that is not a readable bundle is refused."""
    source = path.name
    with open_zip(path, source) as zf:
        if MANIFEST not in zf.namelist():
            raise BundleError(source, Msg("thiếu tệp kê khai manifest.json"))
        body = _read_small(zf, MANIFEST, limits.max_manifest, source, limits)
    try:
        raw = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleError(source, Msg("tệp kê khai (manifest.json) không đọc được")) from exc
    kind = raw.get("kind") if isinstance(raw, dict) else None
    if not isinstance(kind, str):
        raise BundleError(source, Msg("tệp kê khai (manifest.json) thiếu hoặc sai trường"))
    return kind


def _signed_manifest(
    zf: zipfile.ZipFile, source: str, public_key: str | None, limits: Limits
) -> Manifest:
    names = [i.filename for i in zf.infolist()]
    if len(names) > limits.max_entries:
        raise BundleError(source, Msg("gói có quá nhiều mục ({count})", count=len(names)))
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise BundleError(source, Msg("mục «{name}» xuất hiện hai lần", name=dup[:80]))
    for n in names:
        if n not in (MANIFEST, SIGNATURE) and not _PART_NAME.match(n):
            raise BundleError(
                source, Msg("gói chứa mục có tên không được phép: {name}", name=n[:80])
            )
    if MANIFEST not in names:
        raise BundleError(source, Msg("thiếu tệp kê khai manifest.json"))
    if SIGNATURE not in names:
        raise BundleError(source, Msg("thiếu chữ ký manifest.sig"))
    body = _read_small(zf, MANIFEST, limits.max_manifest, source, limits)
    signature = _read_small(zf, SIGNATURE, 64, source, limits)
    manifest = Manifest.from_bytes(body, source)
    key_hex = public_key if public_key is not None else manifest.public_key
    if public_key is not None and public_key != manifest.public_key:
        raise BundleError(source, Msg("gói được ký bằng khóa khác với khóa đã đăng ký"))
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(signature, body)
    except (InvalidSignature, ValueError) as exc:
        raise BundleError(
            source, Msg("chữ ký không đúng (tệp kê khai bị sửa hoặc chữ ký giả)")
        ) from exc
    return manifest


def _read_small(zf: zipfile.ZipFile, name: str, cap: int, source: str, limits: Limits) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > cap:
        raise BundleError(source, Msg("mục «{name}» quá lớn", name=name))
    part = PartInfo(name, "0" * 64, info.file_size)
    return b"".join(_stream(zf, part, source, limits, cap))


def _check_entries(zf: zipfile.ZipFile, manifest: Manifest, source: str, limits: Limits) -> None:
    """The zip holds exactly the manifest's parts (plus manifest and signature), none too big."""
    listed = {p.name: p for p in manifest.parts}
    present = {i.filename: i for i in zf.infolist()}
    for name in present:
        if name not in listed and name not in (MANIFEST, SIGNATURE):
            raise BundleError(
                source, Msg("mục «{name}» không có trong tệp kê khai", name=name[:80])
            )
    total = 0
    for name, part in listed.items():
        info = present.get(name)
        if info is None:
            raise BundleError(source, Msg("thiếu mục «{name}» mà tệp kê khai liệt kê", name=name))
        if info.file_size != part.size:
            raise BundleError(source, Msg("mục «{name}» có kích thước khác tệp kê khai", name=name))
        if part.size > limits.max_part:
            raise BundleError(source, Msg("mục «{name}» vượt giới hạn kích thước", name=name))
        total += part.size
    if total > limits.max_total:
        raise BundleError(source, Msg("tổng dung lượng giải nén của gói vượt giới hạn"))


def _stream(
    zf: zipfile.ZipFile, part: PartInfo, source: str, limits: Limits, cap: int
) -> Iterator[bytes]:
    """An entry's bytes in chunks, stopped the moment it exceeds ``cap`` or the ratio limit."""
    info = zf.getinfo(part.name)
    compressed = max(1, info.compress_size)
    read = 0
    try:
        with zf.open(info, "r") as fh:
            while chunk := fh.read(1024 * 1024):
                read += len(chunk)
                if read > cap:
                    raise BundleError(source, Msg("mục «{name}» quá lớn", name=part.name))
                if read > limits.ratio_floor and read / compressed > limits.max_ratio:
                    raise BundleError(
                        source, Msg("mục «{name}» nén bất thường (nghi là bom zip)", name=part.name)
                    )
                yield chunk
    except OneStopError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        # zlib.error is a subclass of Exception only; caught below.
        raise BundleError(
            source, Msg("mục «{name}» không đọc được (tệp bị cắt cụt hoặc hỏng)", name=part.name)
        ) from exc
    except Exception as exc:  # zlib.error, zipfile's CRC "Bad CRC-32" is BadZipFile
        import zlib

        if isinstance(exc, zlib.error):
            raise BundleError(
                source, Msg("mục «{name}» không giải nén được (tệp hỏng)", name=part.name)
            ) from exc
        raise


def _read_entry(
    zf: zipfile.ZipFile, part: PartInfo, source: str, limits: Limits
) -> Iterator[bytes]:
    """An entry's chunks; after the last, its size and SHA-256 are checked against the manifest."""
    digest = hashlib.sha256()
    size = 0
    for chunk in _stream(zf, part, source, limits, min(part.size, limits.max_part)):
        digest.update(chunk)
        size += len(chunk)
        yield chunk
    if size != part.size or digest.hexdigest() != part.sha256:
        raise BundleError(
            source, Msg("nội dung mục «{name}» không khớp mã băm trong tệp kê khai", name=part.name)
        )


def _events_checked(
    zf: zipfile.ZipFile, info: PartInfo, manifest: Manifest, source: str, limits: Limits
) -> Iterator[Event]:
    """Each event of ``events.jsonl`` once its line is parsed and its link checked; the part's
    hash is checked at its end (a caller inside a transaction rolls back when it fails)."""
    chains = {c.station: c for c in manifest.chains}
    seen: set[int] = set()
    station: int | None = None
    expected = 0
    prev = GENESIS
    lines = 0
    pending = b""

    def check(event: Event) -> None:
        nonlocal station, expected, prev
        if event.station_id != station:
            if station is not None:
                _close_chain(chains[station], expected, prev, source)
            chain = chains.get(event.station_id)
            if chain is None or event.station_id in seen:
                raise BundleError(
                    source,
                    Msg(
                        "sự kiện của máy trạm {station} không nằm trong tệp kê khai",
                        station=event.station_id,
                    ),
                )
            seen.add(event.station_id)
            station, expected, prev = event.station_id, chain.first_seq, chain.prev_hash
        if event.seq != expected:
            raise BundleError(
                source,
                Msg("máy trạm {station}: thiếu sự kiện số {seq}", station=station, seq=expected),
            )
        if event.prev_hash != prev:
            raise BundleError(
                source,
                Msg(
                    "máy trạm {station}: sự kiện số {seq} không nối vào sự kiện trước",
                    station=station,
                    seq=event.seq,
                ),
            )
        if event.compute_hash() != event.hash:
            raise BundleError(
                source,
                Msg(
                    "máy trạm {station}: sự kiện số {seq} đã bị sửa (mã băm không khớp)",
                    station=station,
                    seq=event.seq,
                ),
            )
        prev = event.hash
        expected += 1

    for chunk in _read_entry(zf, info, source, limits):
        pending += chunk
        parts = pending.split(b"\n")
        pending = parts.pop()
        if len(pending) > limits.max_line:
            raise BundleError(source, Msg("một dòng của events.jsonl quá dài"))
        for line in parts:
            lines += 1
            try:
                event = parse_event_line(line)
            except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
                raise BundleError(
                    source, Msg("dòng {line} của events.jsonl không phải một sự kiện", line=lines)
                ) from exc
            check(event)
            yield event
    if pending:
        raise BundleError(source, Msg("events.jsonl kết thúc giữa một dòng (bị cắt cụt)"))
    if station is not None:
        _close_chain(chains[station], expected, prev, source)
    missing = set(chains) - seen
    if any(chains[s].count for s in missing):
        raise BundleError(source, Msg("events.jsonl thiếu chuỗi sự kiện tệp kê khai liệt kê"))
    if lines != info.lines:
        raise BundleError(source, Msg("số dòng của events.jsonl khác tệp kê khai"))


def _close_chain(chain: ChainRange, expected: int, prev: str, source: str) -> None:
    if expected - 1 != chain.last_seq or prev != chain.last_hash:
        raise BundleError(
            source,
            Msg(
                "máy trạm {station}: chuỗi sự kiện dừng ở số {seq}, khác tệp kê khai ({last})",
                station=chain.station,
                seq=expected - 1,
                last=chain.last_seq,
            ),
        )
