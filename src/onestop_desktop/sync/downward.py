"""Downward bundles (#12 item 6): the district's catalogue and calendar updates for its stations.

A downward bundle is a zip of ``manifest.json`` (kind, format version, the district's unit code
and public key, a publication number per kind, the SHA-256 and size of every part),
``manifest.sig`` (Ed25519 by the district key over the exact manifest bytes, hex) and the parts.
:func:`read` checks everything a forged or damaged file could get wrong (names, duplicates,
sizes, hashes, signature) before the caller looks at a part; whether the key is the *registered*
district key is the caller's check (``services/district.py``), since only the database knows it.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from onestop_desktop import files
from onestop_desktop.errors import Msg
from onestop_desktop.sync.bundle import BundleError, fingerprint, public_key_hex

FORMAT = "onestop-downward"
FORMAT_VERSION = 1
KINDS = ("catalog", "calendar")
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_PART = 20 * 1024 * 1024
MAX_MANIFEST = 64 * 1024


@dataclass(frozen=True)
class Downward:
    """A checked downward bundle: who signed it, what it carries."""

    kind: str
    unit_code: str
    unit_name: str
    public_key: str
    sequence: int
    created_at: str
    source_name: str
    parts: dict[str, bytes]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def build(
    key: Ed25519PrivateKey,
    *,
    kind: str,
    unit_code: str,
    unit_name: str,
    sequence: int,
    created_at: str,
    source_name: str,
    parts: dict[str, bytes],
) -> bytes:
    """The bytes of a signed downward bundle."""
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "unit_code": unit_code,
        "unit_name": unit_name,
        "public_key": public_key_hex(key),
        "sequence": sequence,
        "created_at": created_at,
        "source_name": source_name,
        "parts": [
            {"name": n, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
            for n, b in sorted(parts.items())
        ],
    }
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, body)
        zf.writestr(SIGNATURE, key.sign(body).hex())
        for name, data in sorted(parts.items()):
            zf.writestr(name, data)
    return out.getvalue()


def write(path: Path, data: bytes) -> None:
    files.atomic_write(path, data)


def _fail(source: str, reason: str) -> BundleError:
    return BundleError(source, Msg(reason))


def read(path: Path) -> Downward:
    """Open and check ``path``; :class:`BundleError` naming the file and the reason."""
    source = path.name
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise BundleError(source, Msg("không phải tệp zip hợp lệ")) from exc
    with zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        if len(names) != len(set(names)):
            raise BundleError(source, Msg("có tên tệp trùng nhau trong gói"))
        if MANIFEST not in names or SIGNATURE not in names:
            raise BundleError(source, Msg("thiếu tệp kê khai hoặc chữ ký"))
        for info in infos:
            if "/" in info.filename or "\\" in info.filename or info.filename.startswith("."):
                raise BundleError(source, Msg("tên tệp trong gói không hợp lệ"))
            if info.file_size > MAX_PART:
                raise BundleError(source, Msg("một phần của gói quá lớn"))
        try:
            body = zf.read(MANIFEST)
            sig_text = zf.read(SIGNATURE)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise BundleError(source, Msg("tệp kê khai không đọc được")) from exc
        if len(body) > MAX_MANIFEST:
            raise BundleError(source, Msg("tệp kê khai quá lớn"))
        try:
            raw = json.loads(body.decode("utf-8"))
            if raw["format"] != FORMAT:
                raise ValueError("format")
            version = int(raw["format_version"])
            kind = str(raw["kind"])
            public = str(raw["public_key"])
            key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public))
            signature = bytes.fromhex(sig_text.decode("ascii").strip())
            listed = {str(p["name"]): (str(p["sha256"]), int(p["size"])) for p in raw["parts"]}
            sequence = int(raw["sequence"])
        except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise BundleError(source, Msg("tệp kê khai không đúng dạng")) from exc
        if version > FORMAT_VERSION:
            raise BundleError(
                source, Msg("phiên bản định dạng {version} mới hơn phần mềm này", version=version)
            )
        if kind not in KINDS:
            raise BundleError(source, Msg("loại gói «{kind}» chưa được hỗ trợ", kind=kind))
        try:
            key.verify(signature, body)
        except InvalidSignature as exc:
            raise BundleError(source, Msg("chữ ký không hợp lệ")) from exc
        extra = set(names) - set(listed) - {MANIFEST, SIGNATURE}
        if extra or set(listed) - set(names):
            raise BundleError(source, Msg("các phần trong gói không khớp tệp kê khai"))
        parts: dict[str, bytes] = {}
        for name, (sha, size) in listed.items():
            try:
                data = zf.read(name)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise BundleError(source, Msg("một phần của gói không đọc được")) from exc
            if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
                raise BundleError(source, Msg("một phần của gói đã bị sửa"))
            parts[name] = data
    return Downward(
        kind,
        str(raw.get("unit_code", "")),
        str(raw.get("unit_name", "")),
        public,
        sequence,
        str(raw.get("created_at", "")),
        str(raw.get("source_name", "")),
        parts,
    )
