"""``onestop bundle …`` as processes (#12): key, register, export, verify, import with an ack,
import again, ack at the station, the next export, and a forged copy refused in one line."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from .conftest import assert_refused, init_station, ok, onestop


def test_station_to_district_and_back(tmp_path: Path) -> None:
    st, dist, usb = tmp_path / "st", tmp_path / "dist", tmp_path / "usb"
    usb.mkdir()
    init_station(st, catalog="starter")
    init_station(dist, unit_code="000.00.12.H00")
    # a district database (J2's init --district sets this; here set directly)
    conn = sqlite3.connect(dist / "onestop.db")
    conn.execute("INSERT INTO settings(key, value) VALUES ('station_kind', 'district')")
    conn.commit()
    conn.close()

    key = ok(onestop(st, "bundle", "key", "--out", usb / "st.json")).stdout
    printed = re.search(r"Dấu vân tay: ([0-9a-f-]+)", key)
    assert printed is not None
    reg = ok(onestop(dist, "bundle", "register", usb / "st.json")).stdout
    assert printed.group(1) in reg  # the same fingerprint on both sides
    ok(onestop(dist, "bundle", "key", "--out", usb / "dist.json"))
    ok(onestop(st, "bundle", "trust-district", usb / "dist.json"))

    out = ok(onestop(st, "bundle", "export", "--to", usb)).stdout
    assert "Đã xuất" in out
    (bundle,) = usb.glob("onestop-*.osb")
    assert "hợp lệ" in ok(onestop(dist, "bundle", "verify", bundle)).stdout
    first = ok(onestop(dist, "bundle", "import", bundle, "--ack-to", usb)).stdout
    assert "sự kiện mới" in first
    again = ok(onestop(dist, "bundle", "import", bundle)).stdout
    assert "không thay đổi gì" in again
    (ack,) = usb.glob("xacnhan-*.osb")
    assert "xác nhận đã giữ" in ok(onestop(st, "bundle", "ack", ack)).stdout
    assert_refused(onestop(st, "bundle", "export", "--to", usb), "Không có sự kiện mới")
    assert "Đang giữ 000.00.12.H29" in ok(onestop(dist, "bundle", "list")).stdout

    forged = usb / "sua.osb"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    forged.write_bytes(bytes(data))
    assert_refused(onestop(dist, "bundle", "import", forged), "sua.osb", "bị từ chối")


def test_lost_station_key_replaced_by_commands(tmp_path: Path) -> None:
    """The station's key file is gone: ``bundle key --new`` makes a new one, both fingerprints
    printed; the district refuses it without ``--replace`` and takes it with; the next bundle,
    signed by the new key, imports; a re-import says when the bundle was imported."""
    st, dist, usb = tmp_path / "st", tmp_path / "dist", tmp_path / "usb"
    usb.mkdir()
    init_station(st, catalog="starter")
    init_station(dist, unit_code="000.00.12.H00")
    conn = sqlite3.connect(dist / "onestop.db")
    conn.execute("INSERT INTO settings(key, value) VALUES ('station_kind', 'district')")
    conn.commit()
    conn.close()
    ok(onestop(st, "bundle", "key", "--out", usb / "st.json"))
    ok(onestop(dist, "bundle", "register", usb / "st.json"))
    ok(onestop(st, "bundle", "export", "--to", usb))
    (first,) = usb.glob("onestop-*.osb")
    ok(onestop(dist, "bundle", "import", first))

    (st / "keys" / "station_ed25519.pem").unlink()  # the disk died; the backup had no keys/
    made = ok(onestop(st, "bundle", "key", "--new", "--out", usb / "new.json")).stdout
    new_fp = re.search(r"khóa MỚI: ([0-9a-f-]+)", made)
    old_fp = re.search(r"khóa CŨ: +([0-9a-f-]+)", made)
    assert new_fp and old_fp and "Không còn khóa cũ" in made
    assert_refused(onestop(dist, "bundle", "register", usb / "new.json"), "--replace")
    reg = ok(onestop(dist, "bundle", "register", usb / "new.json", "--replace")).stdout
    assert new_fp.group(1) in reg and old_fp.group(1) in reg and "CẢNH BÁO" in reg

    out = ok(onestop(st, "bundle", "export", "--to", usb, "--since", "1")).stdout
    assert new_fp.group(1) in out  # signed by the new key
    (second,) = (p for p in usb.glob("onestop-*.osb") if p != first)
    assert "sự kiện mới" in ok(onestop(dist, "bundle", "import", second)).stdout
    again = ok(onestop(dist, "bundle", "import", second)).stdout
    assert re.search(r"đã được nhập lúc \d\d/\d\d/\d{4}", again)
