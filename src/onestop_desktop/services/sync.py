"""Sync bundles (#12): export at the station, import at the district, acknowledgements back.

One function per operator action, each checking ``sync.manage``:

* :func:`export_key` / :func:`register_key`: the station's public key goes to the district once,
  on a stick; both sides print its fingerprint so two people can compare it by eye or phone.
* :func:`export_bundle`: this station's chain after the last acknowledged seq (or all, or
  after ``since``), written by :func:`onestop_desktop.sync.bundle.write_bundle` (temp name,
  fsync, read back and verified, rename).
* :func:`check_bundle` / :func:`import_bundle`: everything is checked before the first write
  (signature, hashes, chain, trusted key of that unit and station, no replay, no gap, no
  conflict with what is held); the import is one transaction; the same bundle twice changes
  nothing; a conflicting chain is refused and both versions are written to ``conflicts/``.
* :func:`import_ack`: the station records what the district holds (and an anchor of it,
  outside the database: a later cut or re-hash of the chain below that point is reported by
  ``verify``); the next export starts after it.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from onestop_desktop import files
from onestop_desktop.domain import clock
from onestop_desktop.domain.clock import fmt_int
from onestop_desktop.domain.events import GENESIS, Event
from onestop_desktop.errors import Conflict, Msg, NotFound, OneStopError, ValidationError
from onestop_desktop.paths import DataDir
from onestop_desktop.services.context import Session
from onestop_desktop.store import events as event_rows
from onestop_desktop.store import sync as rows
from onestop_desktop.store.db import Store
from onestop_desktop.sync import bundle as fmt
from onestop_desktop.sync.bundle import BundleError, Manifest, Progress

if TYPE_CHECKING:
    from onestop_desktop.services.district import FoldResult

PERMISSION = "sync.manage"
KEY_FORMAT = "onestop-key"
KEY_FILE = "station_ed25519.pem"
CONFLICTS = "conflicts"
KIND_SETTING = "station_kind"
"""``"district"`` in a district database (J2's ``init --district``); a station otherwise."""

Role = Literal["station", "district"]


def data_dir(store: Store) -> DataDir:
    """The data folder holding ``store`` (keys, attachments, conflicts beside the database)."""
    if store.path is None:
        raise ValidationError("Cơ sở dữ liệu trong bộ nhớ không có thư mục dữ liệu", field="bundle")
    return DataDir(store.path.parent)


def own_role(store: Store) -> Role:
    return "district" if store.setting(KIND_SETTING) == "district" else "station"


def signing_key_path(store: Store) -> Path:
    return data_dir(store).keys / KEY_FILE


# ------------------------------------------------------------------------------------ keys


@dataclass(frozen=True)
class Replaces:
    """What a new key's card says about the key it replaces (``bundle key --new``)."""

    public_key: str
    since_seq: int
    """This station's chain head when the new key was made: the old key signed events up to
    here at most."""
    made_at: str
    signature: str = ""
    """Hex Ed25519 signature by the *old* key over :func:`rotation_statement` (empty: the old
    key was lost, the two people compare fingerprints by phone instead)."""

    @property
    def fingerprint(self) -> str:
        return fmt.fingerprint(self.public_key)


ROTATION_CONTEXT = b"onestop-key-rotation-v1\n"


def rotation_statement(card: KeyCard, replaces: Replaces) -> bytes:
    """The exact bytes the old key signs to hand over to the new one."""
    body = {
        "role": card.role,
        "unit_code": card.unit_code,
        "station": card.station,
        "public_key": card.public_key,
        "previous_public_key": replaces.public_key,
        "since_seq": replaces.since_seq,
        "made_at": replaces.made_at,
    }
    return ROTATION_CONTEXT + json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class KeyCard:
    """A public key with whose it is: what ``bundle key --out`` writes."""

    role: Role
    unit_code: str
    unit_name: str
    station: int
    public_key: str
    replaces: Replaces | None = None
    """Set on the card of a new key (``bundle key --new``): the key it takes over from."""

    @property
    def fingerprint(self) -> str:
        return fmt.fingerprint(self.public_key)

    def to_bytes(self) -> bytes:
        body: dict[str, object] = {
            "format": KEY_FORMAT,
            "format_version": 1,
            "role": self.role,
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "station": self.station,
            "public_key": self.public_key,
            "fingerprint": self.fingerprint,
        }
        if self.replaces is not None:
            r = self.replaces
            body["replaces"] = {
                "public_key": r.public_key,
                "fingerprint": r.fingerprint,
                "since_seq": r.since_seq,
                "made_at": r.made_at,
                "signature": r.signature,
            }
        return (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def own_key_card(ctx: Session) -> KeyCard:
    """This database's public key card (checked against the private key on disk)."""
    key = fmt.load_private_key(signing_key_path(ctx.store))
    public = fmt.public_key_hex(key)
    recorded = ctx.store.setting("station_public_key")
    if recorded and recorded != public:
        raise Conflict(
            "Khóa ký trong thư mục keys không khớp khóa đã ghi khi khởi tạo máy trạm; không "
            "dùng khóa này để ký gói"
        )
    return KeyCard(
        own_role(ctx.store),
        ctx.station.unit_code,
        ctx.station.unit_name,
        ctx.station.station_id,
        public,
        _own_replaces(ctx.store, public),
    )


REPLACES_SETTING = "station_key_replaces"
"""JSON of the :class:`Replaces` of this database's current key (written by ``key --new``), so
``bundle key --out`` keeps handing out the card that says which key it took over from."""


def _own_replaces(store: Store, public: str) -> Replaces | None:
    raw = json.loads(store.setting(REPLACES_SETTING) or "{}")
    if not isinstance(raw, dict) or raw.get("for") != public:
        return None
    return Replaces(
        str(raw["public_key"]), int(raw["since_seq"]), str(raw["made_at"]), str(raw["signature"])
    )


def export_key(ctx: Session, out: Path) -> KeyCard:
    """Write this station's public key card to ``out`` (a file, or a folder to put it in)."""
    ctx.require(PERMISSION)
    card = own_key_card(ctx)
    files.atomic_write(card_path(out, card), card.to_bytes())
    return card


def card_path(out: Path, card: KeyCard, *, new_key: bool = False) -> Path:
    """Where a card given ``out`` is written: ``out`` itself, or in a folder its usual name
    (``khoa-<unit>-may<N>.json``; ``…-moi.json`` for the card ``key --new`` has just made)."""
    if not out.is_dir():
        return out
    new = "-moi" if new_key else ""
    return out / f"khoa-{card.unit_code}-may{card.station}{new}.json"


def read_key_card(path: Path) -> KeyCard:
    """Parse a key card; a :class:`ValidationError` naming the file and what is wrong."""
    try:
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise ValidationError(
            "Không đọc được tệp khóa {file}: {reason}",
            file=path.name,
            reason=files.reason(exc),
            detail=str(exc),
        ) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError("Tệp khóa {file} không phải JSON", file=path.name) from exc
    try:
        if raw["format"] != KEY_FORMAT:
            raise ValueError("format")
        role = raw["role"]
        if role not in ("station", "district"):
            raise ValueError("role")
        replaces = None
        if raw.get("replaces") is not None:
            r = raw["replaces"]
            replaces = Replaces(
                str(r["public_key"]), int(r["since_seq"]), str(r["made_at"]), str(r["signature"])
            )
            bytes.fromhex(replaces.public_key + replaces.signature)
            if len(replaces.public_key) != 64 or r.get("fingerprint") != replaces.fingerprint:
                raise ValueError("previous key")
        card = KeyCard(
            role,
            str(raw["unit_code"]),
            str(raw.get("unit_name", "")),
            int(raw["station"]),
            str(raw["public_key"]),
            replaces,
        )
        bytes.fromhex(card.public_key)
        if len(card.public_key) != 64 or raw.get("fingerprint") != card.fingerprint:
            raise ValueError("key")
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(
            "Tệp khóa {file} không đúng dạng khóa công khai OneStop", file=path.name
        ) from exc
    return card


def _check_card(ctx: Session, path: Path, card: KeyCard, role: Role) -> None:
    """A key card for ``role`` that is not this machine's own key: what a first registration
    and a replacement both require before anything else."""
    if card.role != role:
        raise ValidationError(
            "Tệp khóa {file} là khóa của {kind}, không phải của {wanted}",
            file=path.name,
            kind=ROLE_LABELS[card.role],
            wanted=ROLE_LABELS[role],
        )
    if card.public_key == own_key_card(ctx).public_key:
        raise Conflict("Tệp khóa {file} là khóa của chính máy này", file=path.name)


def register_key(
    ctx: Session, path: Path, *, role: Role = "station", replace: bool = False
) -> rows.KeyRow:
    """Trust the key in card ``path`` for its unit and station (``role="district"``: the
    district's key at a station, for its acknowledgements and downward bundles).

    Registering the same key again is a no-op; another key for a unit/station that has one is
    refused unless ``replace`` (``register --replace``, a lost key: see
    :func:`replace_key`)."""
    ctx.require(PERMISSION)
    card = read_key_card(path)
    if replace:
        return replace_key(ctx, path, card, role).row
    _check_card(ctx, path, card, role)
    with ctx.store.atomic():
        held = rows.key_by_public(ctx.store, card.public_key)
        if held is not None:
            if (held.unit_code, held.station_id, held.role) == (card.unit_code, card.station, role):
                return held
            raise Conflict(
                "Khóa trong {file} đã được đăng ký cho {unit}, máy trạm {station}",
                file=path.name,
                unit=held.unit_code,
                station=held.station_id,
            )
        other = rows.key_for(ctx.store, card.unit_code, card.station, role)
        if other is not None:
            raise Conflict(
                "{unit}, máy trạm {station} đã có khóa khác (dấu vân tay {fingerprint}); nếu "
                "máy trạm đã làm khóa mới (onestop bundle key --new), đăng ký bằng --replace "
                "(xem docs/bundle-format.md)",
                unit=card.unit_code,
                station=card.station,
                fingerprint=other.fingerprint,
            )
        if rows.retired_key(ctx.store, card.public_key) is not None:
            raise Conflict(
                "Khóa trong {file} đã bị thay bằng khóa mới; không đăng ký lại khóa cũ",
                file=path.name,
            )
        row = rows.KeyRow(
            card.unit_code,
            card.station,
            role,
            card.public_key,
            card.fingerprint,
            card.unit_name,
            clock.iso(ctx.now()),
            ctx.actor.tag,
        )
        rows.insert_key(ctx.store, row)
    return row


ROLE_LABELS: dict[str, Msg] = {"station": Msg("máy trạm"), "district": Msg("cấp huyện")}
"""A key card's role in words (the refusals name it; the GUI's keys dialog shows it)."""


@dataclass(frozen=True)
class Replacement:
    """What ``register --replace`` did: the new key registered, the old one retired."""

    row: rows.KeyRow
    old: rows.RetiredKey | None
    """``None``: nothing was registered for that unit and station yet (a plain register)."""


def replace_key(ctx: Session, path: Path, card: KeyCard, role: Role) -> Replacement:
    """Register a station's new key (its card from ``bundle key --new``) in place of the one
    held, which is kept as *retired*: bundles it signed are still accepted for events up to
    the card's ``since_seq`` (bundles made before the key was lost), and refused beyond it.

    Refused, with a message each: a card that does not say which key it replaces; one that
    replaces a key other than the registered one; an old-key signature that does not verify.
    A card whose old key was lost (no signature) is accepted: the fingerprint printed on both
    sides, compared by the two people, is then the only proof (as at the first registration).
    """
    ctx.require(PERMISSION)
    _check_card(ctx, path, card, role)
    now = clock.iso(ctx.now())
    row = rows.KeyRow(
        card.unit_code,
        card.station,
        role,
        card.public_key,
        card.fingerprint,
        card.unit_name,
        now,
        ctx.actor.tag,
    )
    with ctx.store.atomic():
        held = rows.key_by_public(ctx.store, card.public_key)
        if held is not None:
            if (held.unit_code, held.station_id, held.role) == (card.unit_code, card.station, role):
                return Replacement(held, None)  # already done: a no-op
            raise Conflict(
                "Khóa trong {file} đã được đăng ký cho {unit}, máy trạm {station}",
                file=path.name,
                unit=held.unit_code,
                station=held.station_id,
            )
        if rows.retired_key(ctx.store, card.public_key) is not None:
            raise Conflict(
                "Khóa trong {file} đã bị thay bằng khóa mới; không đăng ký lại khóa cũ",
                file=path.name,
            )
        old = rows.key_for(ctx.store, card.unit_code, card.station, role)
        if old is None:
            rows.insert_key(ctx.store, row)
            return Replacement(row, None)
        r = card.replaces
        if r is None:
            raise Conflict(
                "Tệp khóa {file} không ghi nó thay khóa nào; ở máy trạm hãy làm khóa mới bằng "
                "«onestop bundle key --new --out TỆP» rồi mang tệp đó đến",
                file=path.name,
            )
        if r.public_key != old.public_key:
            raise Conflict(
                "Tệp khóa {file} thay khóa có dấu vân tay {claimed}, nhưng khóa đang đăng ký "
                "của {unit}, máy trạm {station} có dấu vân tay {fingerprint}; không đổi gì",
                file=path.name,
                claimed=r.fingerprint,
                unit=card.unit_code,
                station=card.station,
                fingerprint=old.fingerprint,
            )
        signed = False
        if r.signature:
            try:
                Ed25519PublicKey.from_public_bytes(bytes.fromhex(old.public_key)).verify(
                    bytes.fromhex(r.signature), rotation_statement(card, r)
                )
            except (InvalidSignature, ValueError) as exc:
                raise Conflict(
                    "Chữ ký của khóa cũ trong tệp khóa {file} không đúng; không đổi gì",
                    file=path.name,
                ) from exc
            signed = True
        retired = rows.RetiredKey(
            old.unit_code,
            old.station_id,
            old.role,
            old.public_key,
            old.fingerprint,
            old.registered_at,
            now,
            r.since_seq,
            signed,
            card.fingerprint,
        )
        rows.retire_key(ctx.store, retired)
        rows.replace_key(ctx.store, row)
    return Replacement(row, retired)


@dataclass(frozen=True)
class NewKey:
    """What ``bundle key --new`` did at this station."""

    card: KeyCard
    path: Path
    """Where the new card was written."""
    signed_by_old: bool
    """The old key was still there and signed the hand-over (else it was lost)."""
    old_fingerprint: str
    set_aside: Path | None
    """Where the old key file was moved (``keys/retired/``), ``None`` when there was none."""


RETIRED_KEYS = "retired"


def new_key(ctx: Session, out: Path) -> NewKey:
    """Give this station (or district) a new signing key and write its card to ``out``.

    For a lost key (disk died, a backup restored without ``keys/``, a new PC) or one that must
    not be used any more. The chain of events is not touched: it continues, and the next bundle,
    signed by the new key, starts where the district's acknowledgement left off. The card says
    which key it replaces (the public key recorded at init, kept in the database) and the chain
    head now; when the old private key is still in ``keys/`` (or in ``keys/retired/``), it signs
    that hand-over, otherwise the card is unsigned and the district relies on the fingerprints.
    The old key file is moved to ``keys/retired/`` (never deleted, never used to sign again); the
    new key is recorded as a fresh ``station.initialized`` event (the identity event ``verify``
    compares the settings with), so the district also sees the change in the chain."""
    ctx.require(PERMISSION)
    store = ctx.store
    keys = data_dir(store).keys
    current = keys / KEY_FILE
    recorded = store.setting("station_public_key") or ""
    if not recorded:
        raise NotFound("Cơ sở dữ liệu chưa ghi khóa ký của máy trạm; hãy khởi tạo (onestop init)")
    old_key = _find_private(keys, recorded)
    from onestop_desktop.domain.payloads import StationInitialized
    from onestop_desktop.services.audit import record
    from onestop_desktop.services.station import write_key_pair

    station_no = ctx.station.station_id
    head, _ = event_rows.head(store, station_no) if own_role(store) == "station" else (0, "")
    made_at = clock.iso(ctx.now())
    set_aside: Path | None = None
    if current.exists():
        set_aside = _retired_name(keys, current, made_at)
        set_aside.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        files.replace(current, set_aside)
        files.fsync_dir(set_aside.parent)
        files.fsync_dir(keys)
    public = write_key_pair(keys)
    replaces = Replaces(recorded, head, made_at)
    card = KeyCard(
        own_role(store), ctx.station.unit_code, ctx.station.unit_name, station_no, public, None
    )
    if old_key is not None:
        replaces = Replaces(
            recorded, head, made_at, old_key.sign(rotation_statement(card, replaces)).hex()
        )
    card = KeyCard(card.role, card.unit_code, card.unit_name, station_no, public, replaces)
    with store.atomic():
        store.set_setting("station_public_key", public)
        store.set_setting(
            REPLACES_SETTING,
            json.dumps(
                {
                    "for": public,
                    "public_key": replaces.public_key,
                    "since_seq": replaces.since_seq,
                    "made_at": replaces.made_at,
                    "signature": replaces.signature,
                },
                sort_keys=True,
            ),
        )
        record(
            ctx,
            StationInitialized(
                unit_code=ctx.station.unit_code,
                unit_name=ctx.station.unit_name,
                station=station_no,
                public_key=public,
            ),
        )
    out = card_path(out, card, new_key=True)
    files.atomic_write(out, card.to_bytes())
    return NewKey(card, out, old_key is not None, fmt.fingerprint(recorded), set_aside)


def _retired_name(keys: Path, current: Path, made_at: str) -> Path:
    """A new name in ``keys/retired/`` for the key file ``current``: its own fingerprint and the
    time, never one already there (a set-aside key may be the only copy of the old key)."""
    try:
        tag = fmt.fingerprint(fmt.public_key_hex(fmt.load_private_key(current)))[:14]
    except ValidationError:
        tag = "hong"
    stem = f"station_ed25519-{tag}-{made_at[:19].replace(':', '')}"
    path = keys / RETIRED_KEYS / f"{stem}.pem"
    n = 1
    while path.exists():
        n += 1
        path = keys / RETIRED_KEYS / f"{stem}-{n}.pem"
    return path


def _find_private(keys: Path, public: str) -> Ed25519PrivateKey | None:
    """The private key whose public half is ``public``: ``keys/station_ed25519.pem``, or one
    set aside in ``keys/retired/`` (a ``key --new`` cut short before it recorded the new key);
    ``None`` when it is lost."""
    candidates = [keys / KEY_FILE, *sorted((keys / RETIRED_KEYS).glob("*.pem"))]
    for path in candidates:
        try:
            key = fmt.load_private_key(path)
        except (ValidationError, OSError):
            continue
        if fmt.public_key_hex(key) == public:
            return key
    return None


def registered(ctx: Session, role: Role | None = None) -> list[rows.KeyRow]:
    ctx.require(PERMISSION)
    return rows.keys(ctx.store, role)


# ---------------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: Manifest


def default_since(store: Store, station: int) -> int:
    """The last seq of ``station`` the district acknowledged (0: never)."""
    ack = rows.last_ack(store, station)
    return 0 if ack is None else ack.seq


def bundle_name(unit_code: str, station: int, first: int, last: int) -> str:
    return f"onestop-{unit_code}-may{station}-{first}-{last}{fmt.SUFFIX}"


def export_bundle(
    ctx: Session,
    to_dir: Path,
    *,
    everything: bool = False,
    since: int | None = None,
    scans: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write this station's events after the last acknowledged seq (``everything``: from the
    first; ``since``: after that seq) to a bundle in ``to_dir``; ``scans`` adds the scanned
    files the exported events attach."""
    ctx.require(PERMISSION)
    store = ctx.store
    station = ctx.station.station_id
    start = 0 if everything else (since if since is not None else default_since(store, station))
    head, _ = event_rows.head(store, station)
    if start < 0 or start > head:
        raise ValidationError(
            "Số thứ tự {seq} vượt quá sự kiện cuối của máy trạm ({head})",
            field="since",
            seq=fmt_int(start),
            head=fmt_int(head),
        )
    if start == head:
        raise Conflict(
            "Không có sự kiện mới sau số {seq} (cấp huyện đã xác nhận đến đó); dùng --all để "
            "xuất lại toàn bộ",
            seq=fmt_int(start),
        )
    key = fmt.load_private_key(signing_key_path(store))
    own_key_card(ctx)  # the key on disk is the one the station was created with
    attachments: dict[str, Path] = {}
    if scans:
        attachments = _scans_after(store, station, start)
    name = bundle_name(ctx.station.unit_code, station, start + 1, head)
    path = to_dir / name
    stamp = clock.iso(ctx.now())

    def chain() -> Iterator[Event]:
        for event in event_rows.iter_station_after(store, station, start):
            if event.seq > head:
                return
            yield event

    manifest = fmt.write_bundle(
        path,
        key=key,
        kind=fmt.KIND_EVENTS,
        unit_code=ctx.station.unit_code,
        station=station,
        created_at=stamp,
        events=chain(),
        total=head - start,
        acknowledged_up_to=default_since(store, station),
        attachments=attachments,
        extra={"unit_name": ctx.station.unit_name},
        progress=progress,
    )
    return ExportResult(path, manifest)


def _scans_after(store: Store, station: int, start: int) -> dict[str, Path]:
    from onestop_desktop.scanning.store import ContentStore

    content = ContentStore(data_dir(store).attachments)
    found: dict[str, Path] = {}
    for sha in rows.attachment_hashes_after(store, station, start):
        if content.has(sha):
            found[sha] = content.path_of(sha)
    return found


# ---------------------------------------------------------------------------------- import


@dataclass(frozen=True)
class Plan:
    """What importing a verified bundle would do."""

    manifest: Manifest
    manifest_sha256: str
    held_before: int
    new_events: int
    already_imported: bool
    imported_at: str | None = None
    """When an already imported bundle was imported (ISO), for "đã nhập lúc …"."""
    recognised: bool = False
    """Recognised as a known exact copy by its signed manifest and seal alone, its events not
    read (:func:`_known_copy`)."""


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    inserted: int
    attachments: int
    ack: Path | None
    fold: FoldResult | None = None
    """At a district: what folding the new events into its dossiers did (same transaction as
    the insert); ``None`` at a station, which keeps other units' events only."""


def _manifest_sha(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return hashlib.sha256(zf.read(fmt.MANIFEST)).hexdigest()


def check_bundle(
    ctx: Session, path: Path, *, progress: Progress | None = None, full: bool = False
) -> tuple[fmt.Bundle, Plan]:
    """Verify a station bundle completely against what this database trusts and holds, without
    writing anything; the bundle and what importing it would do.

    A known exact copy of a bundle already imported is recognised first, cheaply (signature,
    manifest hash, seal: :func:`_known_copy`), and not read again (at 1M events the full check
    takes a minute to say "nothing to do"). ``full``: always the full check (``bundle verify``).
    Every other file gets the full check before anything is decided."""
    ctx.require(PERMISSION)
    if not full:
        known = _known_copy(ctx.store, path)
        if known is not None:
            return known
    bundle = fmt.read_bundle(path, progress=progress)
    return bundle, _plan(ctx.store, bundle)


def _known_copy(store: Store, path: Path) -> tuple[fmt.Bundle, Plan] | None:
    """A bundle whose signed manifest was imported here already, in a file the same key sealed
    (so byte for byte what the station wrote), as a no-op plan; ``None`` for anything else,
    which then takes the full check (and gets its precise reason if refused)."""
    try:
        manifest, digest = fmt.verify_sealed_copy(path)
    except BundleError:
        return None
    if manifest.kind != fmt.KIND_EVENTS:
        return None
    done = rows.import_by_manifest(store, digest)
    if done is None or (done.unit_code, done.station_id) != (manifest.unit_code, manifest.station):
        return None
    head, _ = rows.foreign_head(store, manifest.unit_code, manifest.station)
    plan = Plan(manifest, digest, head, 0, True, done.imported_at, recognised=True)
    return fmt.Bundle(path, manifest), plan


def _plan(store: Store, bundle: fmt.Bundle) -> Plan:
    m = bundle.manifest
    src = bundle.source
    if m.kind != fmt.KIND_EVENTS:
        raise BundleError(
            src, Msg("đây không phải gói sự kiện của máy trạm (loại «{kind}»)", kind=m.kind)
        )
    key = rows.key_by_public(store, m.public_key)
    if key is None:
        key = _retired_signer(store, m, src)
    if key is None or key.role != "station":
        raise BundleError(
            src,
            Msg(
                "khóa ký (dấu vân tay {fingerprint}) chưa được đăng ký; đăng ký khóa của máy "
                "trạm trước (onestop district register)",
                fingerprint=m.fingerprint,
            ),
        )
    if key.unit_code != m.unit_code:
        raise BundleError(
            src,
            Msg(
                "khóa ký thuộc đơn vị {owner}, nhưng gói ghi đơn vị {unit}",
                owner=key.unit_code,
                unit=m.unit_code,
            ),
        )
    stations = {c.station for c in m.chains}
    if key.station_id != m.station or stations - {m.station}:
        raise BundleError(
            src,
            Msg(
                "khóa ký là của máy trạm {owner}, nhưng gói mang sự kiện của máy trạm {station}",
                owner=key.station_id,
                station=", ".join(str(s) for s in sorted(stations | {m.station})),
            ),
        )
    if m.unit_code == (store.setting("unit_code") or ""):
        raise BundleError(src, Msg("gói là của chính đơn vị này"))
    digest = _manifest_sha(bundle.path)
    head, head_hash = rows.foreign_head(store, m.unit_code, m.station)
    done = rows.import_by_manifest(store, digest)
    if done is not None:
        return Plan(m, digest, head, 0, True, done.imported_at)
    newest = rows.newest_import(store, m.unit_code, m.station)
    if newest is not None and m.created_at < newest.created_at:
        raise BundleError(
            src,
            Msg(
                "gói cũ (tạo lúc {made}) nhập lại sau gói mới hơn (tạo lúc {newest}) của "
                "{unit}, máy trạm {station}",
                made=_when(m.created_at),
                newest=_when(newest.created_at),
                unit=m.unit_code,
                station=m.station,
            ),
        )
    chain = m.chain(m.station)
    if chain is None or chain.count == 0:
        return Plan(m, digest, head, 0, False)
    if chain.first_seq == 1 and chain.prev_hash != GENESIS:
        raise BundleError(src, Msg("sự kiện số 1 không bắt đầu chuỗi"))
    if chain.first_seq > head + 1:
        raise BundleError(
            src,
            Msg(
                "thiếu sự kiện số {first}–{last} của {unit}, máy trạm {station}: hãy nhập gói "
                "chứa chúng trước, hoặc xuất lại từ máy trạm với --since {since}",
                first=fmt_int(head + 1),
                last=fmt_int(chain.first_seq - 1),
                unit=m.unit_code,
                station=m.station,
                since=head,
            ),
        )
    # The chain joins ours where they meet: the held event just before the bundle's first, and
    # the bundle's event at our head (by the hash chain, equal hashes there mean every event
    # before is equal too). The second needs the bundle's events: checked while importing.
    if chain.first_seq > 1:
        held = rows.foreign_hash_at(store, m.unit_code, m.station, chain.first_seq - 1)
        if held is not None and held != chain.prev_hash:
            _keep_conflict(store, bundle, chain.first_seq - 1)
    if chain.last_seq <= head:
        held = rows.foreign_hash_at(store, m.unit_code, m.station, chain.last_seq)
        if held != chain.last_hash:
            _keep_conflict(store, bundle, chain.first_seq)
    del head_hash
    return Plan(m, digest, head, max(0, chain.last_seq - head), False)


def _retired_signer(store: Store, m: Manifest, src: str) -> rows.KeyRow | None:
    """A bundle signed by a station's *replaced* key (``register --replace``): accepted as that
    station's for the events the old key signed before it was replaced (up to the new card's
    ``since_seq``: a bundle made before the disk died, carried late), refused beyond, with a
    message saying so; ``None`` when the key was never known."""
    old = rows.retired_key(store, m.public_key)
    if old is None or old.role != "station":
        return None
    chain = m.chain(m.station)
    same = (old.unit_code, old.station_id) == (m.unit_code, m.station)
    if same and chain is not None and chain.last_seq > old.since_seq:
        raise BundleError(
            src,
            Msg(
                "gói được ký bằng khóa cũ của {unit}, máy trạm {station} (dấu vân tay "
                "{fingerprint}), đã được thay lúc {when}; khóa cũ chỉ còn hiệu lực cho các "
                "sự kiện đến số {since}, gói mang đến số {last}: hãy xuất lại gói ở máy "
                "trạm (ký bằng khóa mới)",
                unit=old.unit_code,
                station=old.station_id,
                fingerprint=old.fingerprint,
                when=_when(old.retired_at),
                since=fmt_int(old.since_seq),
                last=fmt_int(chain.last_seq),
            ),
        )
    return rows.KeyRow(
        old.unit_code,
        old.station_id,
        old.role,
        old.public_key,
        old.fingerprint,
        "",
        old.registered_at,
        "",
    )


def _when(stamp: str) -> str:
    try:
        return clock.fmt_datetime(clock.parse_iso(stamp))
    except ValueError:
        return stamp


def _keep_conflict(store: Store, bundle: fmt.Bundle, from_seq: int) -> None:
    """Write both versions of a conflicting chain to ``conflicts/`` and refuse the bundle."""
    m = bundle.manifest
    head, _ = rows.foreign_head(store, m.unit_code, m.station)
    from_seq = _first_difference(store, bundle, from_seq, head)
    folder = (
        data_dir(store).root
        / CONFLICTS
        / f"{m.unit_code}-may{m.station}-{from_seq}-{clock.iso(store.now())[:19].replace(':', '')}"
    )
    theirs = (e for e in bundle.iter_events() if e.seq >= from_seq)
    with files.atomic_stream(folder / "trong-goi.jsonl") as out:
        for event in theirs:
            out.write(fmt.event_line(event))
    with files.atomic_stream(folder / "dang-giu.jsonl") as out:
        for event in rows.foreign_range(store, m.unit_code, m.station, from_seq, head):
            out.write(fmt.event_line(event))
    files.atomic_write(
        folder / "README.txt",
        f"Gói {bundle.source} mâu thuẫn với chuỗi sự kiện đang giữ của {m.unit_code}, máy trạm "
        f"{m.station}, từ sự kiện số {from_seq}.\ntrong-goi.jsonl: các sự kiện trong gói; "
        "dang-giu.jsonl: các sự kiện cơ sở dữ liệu này đang giữ.\n",
    )
    raise BundleError(
        bundle.source,
        Msg(
            "chuỗi sự kiện của {unit}, máy trạm {station} mâu thuẫn với chuỗi đang giữ từ sự "
            "kiện số {seq}; cả hai bản được lưu trong {folder}",
            unit=m.unit_code,
            station=m.station,
            seq=fmt_int(from_seq),
            folder=str(folder),
        ),
    )


def _first_difference(store: Store, bundle: fmt.Bundle, low: int, head: int) -> int:
    """The first seq from ``low`` where the bundle's event and the held one differ."""
    m = bundle.manifest
    held = {
        e.seq: e.hash for e in rows.foreign_range(store, m.unit_code, m.station, max(1, low), head)
    }
    for event in bundle.iter_events():
        if event.seq >= low and held.get(event.seq) != event.hash:
            return event.seq
    return low


def import_bundle(
    ctx: Session,
    path: Path,
    *,
    ack_to: Path | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a station's bundle: checked completely first (:func:`check_bundle`), then one
    transaction; ``ack_to``: write the signed acknowledgement in that folder afterwards.

    At a district database the same transaction also folds what is new into the district's
    dossiers (:func:`onestop_desktop.services.district.refresh`), so ``bundle import``, the GUI
    and ``district import`` leave the same state; the acknowledgement is written only after the
    commit (it never claims more than is held). The fold is idempotent and watermarked: an
    import made by an older version without it is folded by the next import or refresh."""
    bundle, plan = check_bundle(ctx, path)
    m = plan.manifest
    inserted = 0
    scans = 0
    fold: FoldResult | None = None
    with ctx.store.atomic():
        if not plan.already_imported:
            inserted = _insert(ctx, bundle, plan, progress)
        if own_role(ctx.store) == "district":
            from onestop_desktop.services import district

            try:
                fold = district.refresh(ctx)
            except BundleError:
                raise
            except OneStopError as exc:  # nothing of the bundle stays: the import is rolled back
                raise BundleError(
                    bundle.source,
                    Msg(
                        "các sự kiện của gói không dựng được hồ sơ ở cấp huyện ({reason}); "
                        "không nhập gì",
                        reason=exc.as_msg(),
                    ),
                ) from exc
    if not plan.already_imported:
        scans = _copy_scans(ctx.store, bundle)
    ack = write_ack(ctx, m.unit_code, m.station, ack_to, plan.manifest_sha256) if ack_to else None
    return ImportResult(plan, inserted, scans, ack, fold)


def _insert(ctx: Session, bundle: fmt.Bundle, plan: Plan, progress: Progress | None) -> int:
    m = plan.manifest
    store = ctx.store
    inserted = 0
    total = plan.new_events
    with store.atomic():
        head, head_hash = rows.foreign_head(store, m.unit_code, m.station)
        if head != plan.held_before:
            raise Conflict("Chuỗi sự kiện vừa thay đổi trong lúc nhập; hãy nhập lại gói")
        batch: list[Event] = []
        for event in bundle.iter_events():  # checked again as it streams (a swapped file fails)
            if event.seq < head:
                continue
            if event.seq == head:
                if event.hash != head_hash:
                    _keep_conflict(store, bundle, event.seq)
                continue
            batch.append(event)
            if len(batch) >= 5000:
                inserted += rows.insert_foreign(store, m.unit_code, batch)
                batch = []
                if progress is not None:
                    progress(inserted, total)
        inserted += rows.insert_foreign(store, m.unit_code, batch)
        chain = m.chain(m.station)
        rows.insert_import(
            store,
            rows.ImportRow(
                plan.manifest_sha256,
                m.unit_code,
                m.station,
                chain.first_seq if chain else 0,
                chain.last_seq if chain else 0,
                chain.last_hash if chain else GENESIS,
                m.created_at,
                inserted,
                bundle.source,
                clock.iso(ctx.now()),
            ),
            ctx.actor.tag,
        )
    if progress is not None:
        progress(inserted, max(total, inserted))
    return inserted


def _copy_scans(store: Store, bundle: fmt.Bundle) -> int:
    """Put the bundle's scanned files into this database's content store (by hash: a file
    already there is the same file)."""
    names = [p.name for p in bundle.manifest.parts if p.name.startswith(fmt.ATTACHMENTS)]
    if not names:
        return 0
    from onestop_desktop.scanning.store import ContentStore

    content = ContentStore(data_dir(store).attachments)
    copied = 0
    for name in names:
        sha = name[len(fmt.ATTACHMENTS) :]
        if content.has(sha):
            continue
        with files.atomic_stream(content.path_of(sha)) as out:
            bundle.copy_attachment(sha, out)
        copied += 1
    return copied


# ------------------------------------------------------------------------ acknowledgements


def write_ack(
    ctx: Session, unit_code: str, station: int, to_dir: Path, manifest_sha256: str = ""
) -> Path:
    """Write the signed acknowledgement of what this database holds of ``unit_code``'s
    ``station`` chain into ``to_dir``: the station imports it with :func:`import_ack`."""
    ctx.require(PERMISSION)
    seq, digest = rows.foreign_head(ctx.store, unit_code, station)
    if seq == 0:
        raise NotFound(
            "Chưa giữ sự kiện nào của {unit}, máy trạm {station}", unit=unit_code, station=station
        )
    key = fmt.load_private_key(signing_key_path(ctx.store))
    path = to_dir / f"xacnhan-{unit_code}-may{station}-{seq}{fmt.SUFFIX}"
    fmt.write_bundle(
        path,
        key=key,
        kind=fmt.KIND_ACK,
        unit_code=ctx.station.unit_code,
        station=ctx.station.station_id,
        created_at=clock.iso(ctx.now()),
        extra={
            "for_unit": unit_code,
            "for_station": station,
            "seq": seq,
            "hash": digest,
            "bundle": manifest_sha256,
        },
    )
    return path


@dataclass(frozen=True)
class AckResult:
    seq: int
    hash: str
    by_unit: str
    fingerprint: str
    new: bool


def import_ack(ctx: Session, path: Path) -> AckResult:
    """Record the district's acknowledgement: signed by a registered district key, for this
    unit and station, naming an event this chain holds with that very hash. The acknowledged
    head is also kept as an anchor outside the database (``anchors/anchors.jsonl``)."""
    ctx.require(PERMISSION)
    bundle = fmt.read_bundle(path)
    m = bundle.manifest
    src = bundle.source
    if m.kind != fmt.KIND_ACK:
        raise BundleError(src, Msg("đây không phải giấy xác nhận (loại «{kind}»)", kind=m.kind))
    key = rows.key_by_public(ctx.store, m.public_key)
    old = rows.retired_key(ctx.store, m.public_key) if key is None else None
    if old is not None:
        raise BundleError(
            src,
            Msg(
                "giấy xác nhận được ký bằng khóa cũ của cấp huyện (dấu vân tay {fingerprint}), "
                "đã được thay lúc {when}; xin cấp huyện nhập lại gói để có giấy xác nhận mới",
                fingerprint=old.fingerprint,
                when=_when(old.retired_at),
            ),
        )
    if key is None or key.role != "district" or key.unit_code != m.unit_code:
        raise BundleError(
            src,
            Msg(
                "khóa ký (dấu vân tay {fingerprint}) không phải khóa cấp huyện đã đăng ký "
                "(onestop bundle trust-district)",
                fingerprint=m.fingerprint,
            ),
        )
    extra = m.extra
    try:
        for_unit = str(extra["for_unit"])
        for_station = int(extra["for_station"])
        seq = int(extra["seq"])
        digest = str(extra["hash"])
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleError(src, Msg("giấy xác nhận thiếu trường")) from exc
    station = ctx.station.station_id
    if for_unit != ctx.station.unit_code or for_station != station:
        raise BundleError(
            src,
            Msg(
                "giấy xác nhận dành cho {unit}, máy trạm {station}",
                unit=for_unit,
                station=for_station,
            ),
        )
    from onestop_desktop.store import anchors as anchor_rows

    held = anchor_rows.hash_at(ctx.store, station, seq)
    if held != digest:
        raise BundleError(
            src,
            Msg(
                "cấp huyện xác nhận sự kiện số {seq} với mã băm khác chuỗi của máy này; chuỗi "
                "đã bị thay đổi sau khi xuất gói",
                seq=fmt_int(seq),
            ),
        )
    file_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    stamp = clock.iso(ctx.now())
    with ctx.store.atomic():
        new = rows.insert_ack(
            ctx.store,
            file_sha,
            rows.AckRow(station, seq, digest, m.unit_code, m.fingerprint, m.created_at, stamp),
        )
    if new:
        from onestop_desktop.services import anchors

        anchors.record_anchor(ctx.store, station, seq, digest, "district")
    return AckResult(seq, digest, m.unit_code, m.fingerprint, new)


# ------------------------------------------------------------------------------ status


@dataclass(frozen=True)
class HeldChain:
    unit_code: str
    station: int
    seq: int
    hash: str


def held_chains(ctx: Session) -> list[HeldChain]:
    """Every other unit's chain this database holds, with its head."""
    ctx.require(PERMISSION)
    return [HeldChain(*r) for r in rows.foreign_chains(ctx.store)]


def verify_held(ctx: Session) -> list[tuple[HeldChain, Msg]]:
    """Walk every imported chain again; the chains whose links fail and why (a tampered
    district database), empty when all hold."""
    ctx.require(PERMISSION)
    problems: list[tuple[HeldChain, Msg]] = []
    for unit, station, seq, digest in rows.foreign_chains(ctx.store):
        prev, expected = GENESIS, 1
        for event in rows.iter_foreign(ctx.store, unit, station):
            if (
                event.seq != expected
                or event.prev_hash != prev
                or event.compute_hash() != event.hash
            ):
                problems.append(
                    (
                        HeldChain(unit, station, seq, digest),
                        Msg("sự kiện số {seq} không khớp chuỗi", seq=fmt_int(event.seq)),
                    )
                )
                break
            prev, expected = event.hash, expected + 1
    return problems


# ------------------------------------------------------------------------------ dispatch


def bundle_kind(path: Path) -> str:
    """The kind a bundle's manifest claims (``events``, ``ack``, a downward kind), to choose
    the importer; see :func:`onestop_desktop.sync.bundle.peek_kind`."""
    return fmt.peek_kind(path)


DOWNWARD_IMPORTER = ("onestop_desktop.services.district", "import_downward")
"""Where ``bundle import`` hands a bundle of another kind (the district's catalogue/calendar
bundles, J2's #12 item 6): ``import_downward(ctx, path) -> str`` (a message to print)."""


def import_other(ctx: Session, path: Path, kind: str) -> str:
    """Import a bundle of a kind this module does not handle through its owner's importer."""
    import importlib

    module_name, func_name = DOWNWARD_IMPORTER
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        module = None
    func = getattr(module, func_name, None) if module is not None else None
    if func is None:
        raise BundleError(path.name, Msg("loại gói «{kind}» chưa được hỗ trợ", kind=kind))
    return str(func(ctx, path))
