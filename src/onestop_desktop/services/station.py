"""Creating a station: the database, its identity, its signing key and the first admin."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from onestop_desktop import __version__, files
from onestop_desktop.domain import clock
from onestop_desktop.domain.catalog import Procedure
from onestop_desktop.domain.codes import validate_station, validate_unit_code
from onestop_desktop.domain.payloads import StationInitialized, UserAdded
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.text import nfc
from onestop_desktop.errors import Conflict, ValidationError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import catalog as catalog_service
from onestop_desktop.services.audit import record
from onestop_desktop.services.catalog_files import read_catalog
from onestop_desktop.services.context import Session
from onestop_desktop.services.users import create_user, validate_password, validate_username
from onestop_desktop.store.db import Store, translated_errors

KEY_FILE = "station_ed25519.pem"
DISTRICT_SETTING = "station_kind"
"""``"district"`` in a database made by ``onestop init --district`` (#12)."""


def write_key_pair(keys_dir: Path) -> str:
    """Create the station's Ed25519 key (private PEM, mode 0600); its public key in hex.

    The key signs the sync bundles this station hands to the district. It is kept beside the
    database, not inside it, so a copied backup cannot be used to forge bundles.
    """
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    # Never over an existing key: it may be the only copy of a station whose database is being
    # restored (a crash in restore once led to an init that destroyed it). The mode is set
    # before the first byte is written, so the key is never readable by others, even briefly.
    refuse_existing_key(keys_dir)
    files.atomic_write(keys_dir / KEY_FILE, pem, mode=0o600)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        .hex()
    )


def refuse_existing_key(keys_dir: Path) -> None:
    """Raise :class:`Conflict` when ``keys_dir`` already holds a station key."""
    key = keys_dir / KEY_FILE
    if key.exists():
        raise Conflict(
            "Đã có khóa ký của máy trạm tại {path}; không tạo khóa mới đè lên. Nếu cơ sở dữ "
            "liệu bị mất, hãy khôi phục từ bản sao lưu (onestop restore); chỉ khi chắc chắn "
            "khóa này bỏ đi được mới chuyển nó ra chỗ khác rồi khởi tạo lại",
            path=str(key),
        )


def initialise(
    store: Store,
    keys_dir: Path,
    *,
    unit_code: str,
    unit_name: str,
    station: int | str,
    admin: str,
    password: str,
    admin_full_name: str = "Quản trị viên",
    procedures: list[Procedure] | None = None,
    catalog_source: str = "",
    district: bool = False,
) -> Session:
    """Set up an empty database as station ``station`` of unit ``unit_code``; the operator's
    session afterwards. ``procedures`` (the first catalogue) are stored in the same
    transaction, so a failure (a full disk) leaves no half-initialised station behind."""
    code, number, name = validate_init(unit_code, unit_name, station, admin, password)
    if store.setting("unit_code") is not None:
        raise Conflict("Cơ sở dữ liệu này đã được khởi tạo; không khởi tạo lại")
    public_key = write_key_pair(keys_dir)  # refuses an existing key: the unlink below is ours
    try:
        with store.atomic():  # identity, first admin and first catalogue: all or nothing
            ctx = _initialise(
                store, code, name, number, public_key, admin, password, admin_full_name
            )
            if district:  # #12: a district database (imports bundles, signs downward ones)
                store.set_setting(DISTRICT_SETTING, "district")
            if procedures:
                catalog_service.save(ctx, procedures, source=catalog_source)
    except BaseException:
        (keys_dir / KEY_FILE).unlink(missing_ok=True)  # so the init can simply be run again
        raise
    return ctx


def validate_init(
    unit_code: str, unit_name: str, station: int | str, admin: str, password: str
) -> tuple[str, int, str]:
    """Check every ``init`` argument before anything is created: (code, station, unit name)."""
    code = validate_unit_code(unit_code)
    number = validate_station(station)
    name = nfc(unit_name)
    if not name:
        raise ValidationError("Chưa nhập tên đơn vị", field="unit_name")
    validate_username(admin)
    validate_password(password)
    return code, number, name


def _initialise(
    store: Store,
    code: str,
    name: str,
    number: int,
    public_key: str,
    admin: str,
    password: str,
    admin_full_name: str,
) -> Session:
    with store.atomic():
        store.set_setting("unit_code", code)
        store.set_setting("unit_name", name)
        store.set_setting("station_id", str(number))
        store.set_setting("station_public_key", public_key)
        store.set_setting("created_at", clock.iso(store.now()))
        store.set_setting("created_by_version", __version__)
        ctx = Session.operator(store)
        record(
            ctx,
            StationInitialized(
                unit_code=code, unit_name=name, station=number, public_key=public_key
            ),
        )
        info = create_user(store, admin, Role.ADMIN, admin_full_name, password)
        record(ctx, UserAdded.of(info))
    return ctx


def init_data_dir(
    data: DataDir,
    *,
    unit_code: str,
    unit_name: str,
    station: int | str,
    admin: str,
    password: str,
    catalog: Path | Literal["starter", "none"] = "starter",
    district: bool = False,
) -> Session:
    """``onestop init``: check the arguments, create the folder tree and database, then
    :func:`initialise`. Nothing is created when an argument is wrong.

    ``catalog`` is what the new station's procedure catalogue starts with: the starter catalogue
    shipped with the app (the default: without procedures nothing can be received), a file of
    the commune's own, or ``"none"``. A file is read and checked before anything is created.
    """
    validate_init(unit_code, unit_name, station, admin, password)
    procedures = _initial_catalog(catalog)
    _refuse_leftovers(data)
    if data.database.exists() and data.database.stat().st_size > 0:
        existing = Store.open(data.database)
        try:
            if existing.setting("unit_code") is not None:
                raise Conflict(
                    "Thư mục {folder} đã có cơ sở dữ liệu đã khởi tạo", folder=str(data.root)
                )
        finally:
            existing.close()
    refuse_existing_key(data.keys)
    with translated_errors(data.root):
        data.ensure()
    store = Store.open(data.database, create=True)
    try:
        ctx = initialise(
            store,
            data.keys,
            unit_code=unit_code,
            unit_name=unit_name,
            station=station,
            admin=admin,
            password=password,
            procedures=procedures,
            catalog_source=catalog.name if isinstance(catalog, Path) else "starter_catalog.json",
            district=district,
        )
        return ctx
    except BaseException:
        store.close()
        raise


def _refuse_leftovers(data: DataDir) -> None:
    """``init`` never overwrites what a station had: a key, a restore under way, a kept file."""
    from onestop_desktop.store.backup import JOURNAL, STAGED

    db = data.database
    pending = [db.with_name(db.name + JOURNAL), db.with_name(db.name + STAGED)]
    pending += sorted(db.parent.glob(db.name + ".replaced-*")) if db.parent.is_dir() else []
    found = [p for p in pending if p.exists()]
    if found and not db.exists():
        raise Conflict(
            "Thư mục {folder} còn {file} của một lần khôi phục; không khởi tạo lại. Hãy chạy "
            "lại «onestop restore» với bản sao lưu, hoặc mở chương trình để hoàn tất lần khôi "
            "phục dở",
            folder=str(data.root),
            file=found[0].name,
        )


def _initial_catalog(choice: Path | Literal["starter", "none"]) -> list[Procedure] | None:
    """The procedures a new station starts with (``None``: an empty catalogue, as asked)."""
    if choice == "none":
        return None
    path = catalog_service.starter_path() if choice == "starter" else Path(choice)
    parsed = read_catalog(path)
    if parsed.errors:
        first = parsed.errors[0]
        raise ValidationError(
            "Tệp danh mục «{file}» có lỗi, chưa khởi tạo gì: dòng {line}, cột {column}: {reason}",
            field="catalog",
            file=path.name,
            line=first.line,
            column=first.column,
            reason=first.reason,
        )
    return parsed.procedures
