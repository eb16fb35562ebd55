"""Sync bundles (#12): export at a station, import at the district, acknowledgement back, and
every kind of bad input refused with nothing written."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop_desktop.domain import clock
from onestop_desktop.domain.events import Event
from onestop_desktop.errors import Conflict, ValidationError
from onestop_desktop.paths import DataDir
from onestop_desktop.services import anchors, station, sync
from onestop_desktop.services.context import Session
from onestop_desktop.store import events as event_rows
from onestop_desktop.store import sync as sync_rows
from onestop_desktop.sync import bundle as fmt


@dataclass
class World:
    st: Session
    dist: Session
    usb: Path
    root: Path

    def add_events(self, n: int) -> None:
        """Append ``n`` sealed events to the station's chain (what any clerk action does)."""
        with self.st.store.atomic():
            for i in range(n):
                event_rows.append(
                    self.st.store,
                    station_id=1,
                    dossier_id=None,
                    kind="test.note",
                    actor="clerk:an",
                    at=clock.iso(self.st.now()),
                    payload={"n": i, "text": "Nguyễn Văn An"},
                )

    def foreign(self) -> int:
        return sync_rows.foreign_count(self.dist.store)


@pytest.fixture
def world(tmp_path: Path, ctx: Session) -> Iterator[World]:
    dist = station.init_data_dir(
        DataDir(tmp_path / "district"),
        unit_code="000.00.12.H00",
        unit_name="UBND huyện Hòa Bình",
        station=1,
        admin="admin",
        password="admin-pass-1",
        catalog="none",
    )
    dist.store.set_setting(sync.KIND_SETTING, "district")
    usb = tmp_path / "usb"
    usb.mkdir()
    card = sync.export_key(ctx, usb / "station.json")
    assert sync.register_key(dist, usb / "station.json").fingerprint == card.fingerprint
    sync.export_key(dist, usb / "district.json")
    sync.register_key(ctx, usb / "district.json", role="district")
    w = World(ctx, dist, usb, tmp_path)
    w.add_events(30)
    yield w
    dist.store.close()


def test_round_trip_idempotent_ack_and_next_export(world: World) -> None:
    head, _ = event_rows.head(world.st.store, 1)
    res = sync.export_bundle(world.st, world.usb)
    assert res.path.name == f"onestop-000.00.12.H29-may1-1-{head}.osb"
    assert not list(world.usb.glob("*.partial"))
    out = sync.import_bundle(world.dist, res.path, ack_to=world.usb)
    assert out.inserted == head == world.foreign()
    # held events hash exactly as the station's
    held = list(sync_rows.iter_foreign(world.dist.store, "000.00.12.H29", 1))
    assert held == list(event_rows.iter_station(world.st.store, 1))
    again = sync.import_bundle(world.dist, res.path)
    assert again.plan.already_imported and again.inserted == 0 and world.foreign() == head
    assert out.ack is not None
    ack = sync.import_ack(world.st, out.ack)
    assert ack.new and ack.seq == head
    assert any(a.source == "district" and a.seq == head for a in anchors.list_anchors(world.st))
    assert sync.default_since(world.st.store, 1) == head
    with pytest.raises(Conflict):
        sync.export_bundle(world.st, world.usb)  # nothing new
    world.add_events(5)
    second = sync.export_bundle(world.st, world.usb)
    assert second.manifest.chains[0].first_seq == head + 1
    assert second.manifest.acknowledged_up_to == head
    assert sync.import_bundle(world.dist, second.path).inserted == 5


def test_gap_names_missing_range_and_station(world: World) -> None:
    first = sync.export_bundle(world.st, world.usb)
    sync.import_bundle(world.dist, first.path)
    world.add_events(10)
    head = first.manifest.chains[0].last_seq
    later = sync.export_bundle(world.st, world.usb, since=head + 4)
    with pytest.raises(ValidationError) as err:
        sync.import_bundle(world.dist, later.path)
    text = err.value.message
    assert later.path.name in text and f"{head + 1}–{head + 4}" in text and "máy trạm 1" in text
    assert world.foreign() == head


def test_overlapping_bundle_adds_only_new_events(world: World) -> None:
    first = sync.export_bundle(world.st, world.usb)
    sync.import_bundle(world.dist, first.path)
    world.add_events(3)
    full = sync.export_bundle(world.st, world.usb / "", everything=True)
    assert sync.import_bundle(world.dist, full.path).inserted == 3


def test_replay_of_older_bundle_refused(world: World, fake_clock: object) -> None:
    old = sync.export_bundle(world.st, world.usb / "")
    old_copy = world.root / "old.osb"
    old_copy.write_bytes(old.path.read_bytes())
    world.st.store.now = lambda: clock.parse_iso("2026-03-05T09:00:00+07:00")  # type: ignore[method-assign]
    world.add_events(2)
    newer = sync.export_bundle(world.st, world.usb, everything=True)
    sync.import_bundle(world.dist, newer.path)
    with pytest.raises(ValidationError) as err:
        sync.import_bundle(world.dist, old_copy)
    assert "gói cũ" in err.value.message and "old.osb" in err.value.message


def test_conflicting_chain_refused_both_versions_kept(world: World, tmp_path: Path) -> None:
    sync.import_bundle(world.dist, sync.export_bundle(world.st, world.usb).path)
    # Another database claiming to be the same station (a restored old copy, edited and
    # re-hashed, signed with the same key): its chain disagrees with what the district holds.
    key = fmt.load_private_key(sync.signing_key_path(world.st.store))
    events = list(event_rows.iter_station(world.st.store, 1))
    prev = events[9].hash
    forged = events[:10]
    for e in events[10:]:
        f = Event(e.station_id, e.seq, None, e.kind, e.actor, e.at, {"forged": True}).sealed(prev)
        forged.append(f)
        prev = f.hash
    path = world.root / "forged.osb"
    fmt.write_bundle(
        path,
        key=key,
        kind=fmt.KIND_EVENTS,
        unit_code="000.00.12.H29",
        station=1,
        created_at=clock.iso(world.st.now()) + "Z",
        events=forged,
    )
    with pytest.raises(ValidationError) as err:
        sync.import_bundle(world.dist, path)
    assert "mâu thuẫn" in err.value.message and "forged.osb" in err.value.message
    kept = list((world.dist.store.path.parent / sync.CONFLICTS).glob("*/"))  # type: ignore[union-attr]
    assert len(kept) == 1
    theirs = (kept[0] / "trong-goi.jsonl").read_text(encoding="utf-8").splitlines()
    ours = (kept[0] / "dang-giu.jsonl").read_text(encoding="utf-8").splitlines()
    assert '"forged":true' in theirs[0] and '"forged"' not in ours[0]
    assert world.foreign() == len(events)


def test_unknown_key_other_commune_and_wrong_station(world: World, tmp_path: Path) -> None:
    res = sync.export_bundle(world.st, world.usb)
    stranger = station.init_data_dir(
        DataDir(tmp_path / "stranger"),
        unit_code="000.00.12.H31",
        unit_name="UBND xã Khác",
        station=2,
        admin="admin",
        password="admin-pass-1",
        catalog="none",
    )
    with pytest.raises(ValidationError, match="chưa được đăng ký"):
        sync.import_bundle(stranger, res.path)
    # a key registered for commune H31 signing a bundle that says H29
    sync.export_key(stranger, tmp_path / "h31.json")
    sync.register_key(world.dist, tmp_path / "h31.json")
    key = fmt.load_private_key(sync.signing_key_path(stranger.store))
    evs = list(event_rows.iter_station(world.st.store, 1))
    for unit, st_no, reason in (
        ("000.00.12.H29", 1, "thuộc đơn vị 000.00.12.H31"),
        ("000.00.12.H31", 1, "máy trạm 2"),
    ):
        bad = tmp_path / f"{unit}-{st_no}.osb"
        fmt.write_bundle(
            bad,
            key=key,
            kind=fmt.KIND_EVENTS,
            unit_code=unit,
            station=st_no,
            created_at=clock.iso(world.st.now()),
            events=evs,
        )
        with pytest.raises(ValidationError) as err:
            sync.import_bundle(world.dist, bad)
        assert reason in err.value.message and bad.name in err.value.message
    assert world.foreign() == 0
    stranger.store.close()


def test_register_refuses_second_key_for_a_station(world: World, tmp_path: Path) -> None:
    other = station.init_data_dir(
        DataDir(tmp_path / "newpc"),
        unit_code="000.00.12.H29",
        unit_name="UBND xã Hòa Bình",
        station=1,
        admin="admin",
        password="admin-pass-1",
        catalog="none",
    )
    sync.export_key(other, tmp_path / "newpc.json")
    with pytest.raises(Conflict, match="đã có khóa khác"):
        sync.register_key(world.dist, tmp_path / "newpc.json")
    other.store.close()


def test_export_from_tampered_database_refused(world: World) -> None:
    path = world.st.store.path
    assert path is not None
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER events_no_update")
    raw.execute("UPDATE events SET payload = '{\"n\":999}' WHERE seq = 5")
    raw.commit()
    raw.close()
    with pytest.raises(ValidationError, match="đã bị sửa"):
        sync.export_bundle(world.st, world.usb)
    assert not list(world.usb.glob("*.osb")) and not list(world.usb.glob(".*partial"))


# ----------------------------------------------------------------------------- bad input


def _entries(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i, zf.read(i)) for i in zf.infolist()]


def _rezip(
    path: Path, out: Path, entries: list[tuple[str, bytes]], comment: bytes | None = None
) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
        with zipfile.ZipFile(path) as src:
            zf.comment = src.comment if comment is None else comment
    return out


def _resigned(
    world: World, out: Path, edit: Callable[[dict[str, object]], None], **add: bytes
) -> Path:
    """A bundle re-made by someone holding the station key (a rogue or broken program): the
    manifest edited by ``edit``, parts ``add`` added, signature and seal valid."""
    good = sync.export_bundle(world.st, world.usb, everything=True).path
    entries = {i.filename: d for i, d in _entries(good)}
    manifest = json.loads(entries["manifest.json"])
    edit(manifest)
    body = (json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()
    key = fmt.load_private_key(sync.signing_key_path(world.st.store))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in {**entries, **add}.items():
            if name not in ("manifest.json", "manifest.sig"):
                zf.writestr(name, data)
        zf.writestr("manifest.json", body)
        zf.writestr("manifest.sig", key.sign(body))
        zf.comment = b"\0" * fmt.SEAL_SIZE
    fmt._seal(out, key)
    good.unlink()
    return out


def _refused(world: World, path: Path, reason: str) -> None:
    before = world.foreign()
    with pytest.raises(ValidationError) as err:
        sync.import_bundle(world.dist, path)
    assert path.name in err.value.message, err.value.message
    assert reason in err.value.message, err.value.message
    assert world.foreign() == before and not sync_rows.imports(world.dist.store)


def test_bad_inputs_refused_nothing_written(world: World) -> None:
    good = sync.export_bundle(world.st, world.usb).path
    entries = [(i.filename, d) for i, d in _entries(good)]
    named = dict(entries)
    r = world.root
    # forged and missing signature
    forged = [(n, b"\1" * 64 if n == "manifest.sig" else d) for n, d in entries]
    _refused(world, _rezip(good, r / "forged.osb", forged), "chữ ký không đúng")
    missing = [(n, d) for n, d in entries if n != "manifest.sig"]
    _refused(world, _rezip(good, r / "nosig.osb", missing), "thiếu chữ ký")
    # edited part (one byte of one event)
    edited = [(n, d.replace(b"Nguy", b"Ngux", 1) if n == "events.jsonl" else d) for n, d in entries]
    _refused(world, _rezip(good, r / "edited.osb", edited), "đã bị sửa")
    # truncated copy
    trunc = r / "truncated.osb"
    trunc.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _refused(world, trunc, "cắt cụt")
    # zip-slip
    slip = _rezip(good, r / "slip.osb", [*entries, ("../../evil.txt", b"x")])
    _refused(world, slip, "tên không được phép")
    # duplicate entries
    with pytest.warns(UserWarning):
        dup = _rezip(good, r / "dup.osb", [*entries, ("events.jsonl", named["events.jsonl"])])
    _refused(world, dup, "hai lần")
    # the seal: one byte of the container changed (an entry's date) with content intact
    data = bytearray(good.read_bytes())
    data[10] ^= 0x01  # local header's modification time of the first entry
    sealed = r / "container.osb"
    sealed.write_bytes(bytes(data))
    _refused(world, sealed, "niêm phong")


def test_signed_but_malformed_bundles_refused(world: World) -> None:
    r = world.root

    def newer(m: dict[str, object]) -> None:
        m["format_version"] = fmt.FORMAT_VERSION + 1

    _refused(world, _resigned(world, r / "newer.osb", newer), "mới hơn")

    def other_station(m: dict[str, object]) -> None:
        m["station"] = 2

    _refused(
        world, _resigned(world, r / "station2.osb", other_station), "khóa ký là của máy trạm 1"
    )

    # a zip bomb: a declared part of 60 MB of zeros (deflates ~1000×), read streaming
    bomb = b"\0" * (60 * 1024 * 1024)

    def declare_bomb(m: dict[str, object]) -> None:
        import hashlib

        parts = m["parts"]
        assert isinstance(parts, list)
        parts.append(
            {"name": "bomb.json", "sha256": hashlib.sha256(bomb).hexdigest(), "size": len(bomb)}
        )

    _refused(
        world, _resigned(world, r / "bomb.osb", declare_bomb, **{"bomb.json": bomb}), "bom zip"
    )


def test_oversize_part_refused_by_limits(world: World) -> None:
    good = sync.export_bundle(world.st, world.usb).path
    small = fmt.Limits(max_part=1000)
    with pytest.raises(ValidationError, match="vượt giới hạn"):
        fmt.verify_bundle(good, limits=small)


# ------------------------------------------------------------------------------ the fuzz

FUZZ_COUNT = {"tried": 0, "accepted": 0}


@pytest.fixture(scope="module")
def valid_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str, dict[str, bytes]]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from onestop_desktop.domain.events import GENESIS

    key = Ed25519PrivateKey.generate()
    prev, evs = GENESIS, []
    for i in range(1, 41):
        e = Event(1, i, f"d{i % 5}", "received", "clerk:an", "2026-03-02T08:00:00+07:00", {"i": i})
        e = e.sealed(prev)
        prev = e.hash
        evs.append(e)
    path = tmp_path_factory.mktemp("fuzz") / "valid.osb"
    fmt.write_bundle(
        path,
        key=key,
        kind=fmt.KIND_EVENTS,
        unit_code="000.00.12.H29",
        station=1,
        created_at="2026-03-02T08:00:00+07:00",
        events=evs,
        parts={"notes.json": b'{"a": 1}\n'},
    )
    return path.read_bytes(), fmt.public_key_hex(key), {i.filename: d for i, d in _entries(path)}


def _accepts(data: bytes, public_key: str, where: Path) -> bool:
    where.write_bytes(data)
    # the importer's dispatch peeks at the kind first: it may refuse, never crash
    with contextlib.suppress(ValidationError):
        fmt.peek_kind(where)
    # the cheap recognition of a known copy (signature, entries, seal) must refuse it too:
    # otherwise a mutated copy of an imported bundle would pass as "already imported"
    with contextlib.suppress(ValidationError):
        fmt.verify_sealed_copy(where)
        return True
    try:
        fmt.verify_bundle(where, public_key=public_key)
    except ValidationError:
        return False
    return True


def _byte_mutation(
    valid_bundle: tuple[bytes, str, dict[str, bytes]], tmp_path: Path, data: st.DataObject
) -> None:
    raw, public, _ = valid_bundle
    pos = data.draw(st.integers(0, len(raw) - 1))
    mode = data.draw(st.sampled_from(["flip", "set", "delete", "insert", "cut"]))
    buf = bytearray(raw)
    if mode == "flip":
        buf[pos] ^= 1 << data.draw(st.integers(0, 7))
    elif mode == "set":
        value = data.draw(st.integers(0, 255).filter(lambda v: v != raw[pos]))
        buf[pos] = value
    elif mode == "delete":
        del buf[pos]
    elif mode == "insert":
        buf.insert(pos, data.draw(st.integers(0, 255)))
    else:
        buf = buf[:pos]
    FUZZ_COUNT["tried"] += 1
    accepted = _accepts(bytes(buf), public, tmp_path / "m.osb")
    FUZZ_COUNT["accepted"] += accepted
    assert not accepted, f"{mode} at {pos} accepted"


def _part_mutation(
    valid_bundle: tuple[bytes, str, dict[str, bytes]], tmp_path: Path, data: st.DataObject
) -> None:
    raw, public, entries = valid_bundle
    name = data.draw(st.sampled_from(sorted(entries)))
    content = bytearray(entries[name])
    mode = data.draw(st.sampled_from(["byte", "drop_line", "dup_line", "drop_part", "swap"]))
    parts = dict(entries)
    if mode == "byte" and content:
        i = data.draw(st.integers(0, len(content) - 1))
        content[i] = data.draw(st.integers(0, 255).filter(lambda v: v != content[i]))
        parts[name] = bytes(content)
    elif mode in ("drop_line", "dup_line") and content.count(b"\n") > 1:
        lines = bytes(content).splitlines(keepends=True)
        i = data.draw(st.integers(0, len(lines) - 1))
        lines = lines[:i] + lines[i + 1 :] if mode == "drop_line" else lines[: i + 1] + lines[i:]
        parts[name] = b"".join(lines)
    elif mode == "drop_part":
        del parts[name]
    else:
        other = data.draw(st.sampled_from(sorted(entries)))
        parts[name], parts[other] = entries[other], entries[name]
    if parts == entries:
        parts[name] = entries[name] + b" "
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, d in parts.items():
            zf.writestr(n, d)
        zf.comment = raw[-fmt.SEAL_SIZE :]  # the original seal: it cannot cover the new file
    FUZZ_COUNT["tried"] += 1
    accepted = _accepts(buf.getvalue(), public, tmp_path / "p.osb")
    FUZZ_COUNT["accepted"] += accepted
    assert not accepted, f"{mode} of {name} accepted"


def _report(kind: str, before: int, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print(
            f"\nsync bundle fuzz ({kind}): {FUZZ_COUNT['tried'] - before} mutations tried, "
            f"{FUZZ_COUNT['accepted']} accepted"
        )


def test_fuzz_byte_mutations_never_accepted(
    valid_bundle: tuple[bytes, str, dict[str, bytes]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Bytes of a valid bundle flipped, replaced, deleted, inserted, or the file cut short."""
    before = FUZZ_COUNT["tried"]

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data: st.DataObject) -> None:
        _byte_mutation(valid_bundle, tmp_path, data)

    run()
    _report("bytes", before, capsys)
    assert FUZZ_COUNT["tried"] - before >= 400 and FUZZ_COUNT["accepted"] == 0


def test_fuzz_part_mutations_never_accepted(
    valid_bundle: tuple[bytes, str, dict[str, bytes]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Whole parts edited, lines dropped or doubled, parts removed or swapped, re-zipped."""
    before = FUZZ_COUNT["tried"]

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data: st.DataObject) -> None:
        _part_mutation(valid_bundle, tmp_path, data)

    run()
    _report("parts", before, capsys)
    assert FUZZ_COUNT["tried"] - before >= 200 and FUZZ_COUNT["accepted"] == 0


def test_scans_travel_content_addressed(world: World) -> None:
    import hashlib

    from onestop_desktop.scanning.store import ContentStore

    page = "%PDF-1.4 trang quét\n".encode() * 50
    sha = hashlib.sha256(page).hexdigest()
    here = ContentStore(sync.data_dir(world.st.store).attachments)
    here.path_of(sha).parent.mkdir(parents=True, exist_ok=True)
    here.path_of(sha).write_bytes(page)
    with world.st.store.atomic():
        event_rows.append(
            world.st.store,
            station_id=1,
            dossier_id="d-1",
            kind="attachment.added",
            actor="clerk:an",
            at=clock.iso(world.st.now()),
            payload={
                "dossier": "d-1",
                "code": "000.00.12.H29-260302-1001",
                "sha256": sha,
                "size": len(page),
                "media_type": "application/pdf",
                "pages": 1,
                "name": "trang.pdf",
            },
        )
    res = sync.export_bundle(world.st, world.usb, scans=True)
    assert res.manifest.attachment_count == 1
    with zipfile.ZipFile(res.path) as zf:
        assert zf.read(f"attachments/{sha}") == page
    out = sync.import_bundle(world.dist, res.path)
    there = ContentStore(sync.data_dir(world.dist.store).attachments)
    assert out.attachments == 1 and there.path_of(sha).read_bytes() == page
    # without --scans the bundle carries the events only
    plain = sync.export_bundle(world.st, world.root, everything=True)
    assert plain.manifest.attachment_count == 0


def test_reimport_recognised_without_reading_the_events(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A known exact copy of an imported bundle is recognised by its signed manifest and seal
    (no event read again); any other file still gets the full verification."""
    first = sync.export_bundle(world.st, world.usb)
    sync.import_bundle(world.dist, first.path)
    full_checks: list[str] = []
    real = fmt.verify_bundle

    def spy(path: Path, **kw: object) -> fmt.Manifest:
        full_checks.append(path.name)
        return real(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(fmt, "verify_bundle", spy)
    again = sync.import_bundle(world.dist, first.path)
    assert again.plan.already_imported and again.plan.recognised and again.inserted == 0
    assert again.plan.imported_at and full_checks == []
    copy = world.root / "copy.osb"  # a copy on another stick: the same bytes, still known
    copy.write_bytes(first.path.read_bytes())
    assert sync.import_bundle(world.dist, copy).plan.recognised and full_checks == []
    # ``bundle verify`` always checks everything
    _, plan = sync.check_bundle(world.dist, first.path, full=True)
    assert plan.already_imported and not plan.recognised and full_checks == [first.path.name]
    # one byte changed: not a known copy, the full check runs and refuses it
    data = bytearray(first.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = world.root / "bad.osb"
    bad.write_bytes(bytes(data))
    before = world.foreign()
    with pytest.raises(fmt.BundleError):
        sync.import_bundle(world.dist, bad)
    assert full_checks[-1] == "bad.osb" and world.foreign() == before
    # a new bundle (unknown manifest) is verified in full before it is imported
    world.add_events(3)
    newer = sync.export_bundle(world.st, world.usb)
    done = sync.import_bundle(world.dist, newer.path)
    assert done.inserted == 3 and full_checks[-1] == newer.path.name


# ------------------------------------------------------------------ a lost station key (#12)


def _message(exc: pytest.ExceptionInfo[Exception]) -> str:
    return str(getattr(exc.value, "message", exc.value))


def test_new_key_signed_by_the_old_one_replaces_it(world: World, tmp_path: Path) -> None:
    """``bundle key --new`` with the old key still there: the card is signed by it; the district
    takes it only with ``--replace``; bundles the old key signed before still import, a bundle
    it signs for later events is refused; the chain simply continues under the new key."""
    from onestop_desktop.services import integrity

    head, _ = event_rows.head(world.st.store, 1)
    late = sync.export_bundle(world.st, world.usb)  # made before, carried to the district later
    old_fp = fmt.fingerprint(world.st.store.setting("station_public_key") or "")
    made = sync.new_key(world.st, tmp_path)
    assert made.signed_by_old and made.old_fingerprint == old_fp
    assert made.set_aside is not None and made.set_aside.exists()
    card = sync.read_key_card(made.path)
    assert card.replaces is not None and card.replaces.since_seq == head
    assert card.fingerprint != old_fp and sync.own_key_card(world.st).replaces == card.replaces
    with pytest.raises(Conflict, match="--replace"):
        sync.register_key(world.dist, made.path)
    done = sync.replace_key(world.dist, made.path, card, "station")
    assert done.old is not None and done.old.signed and done.old.fingerprint == old_fp
    assert done.row.fingerprint == card.fingerprint
    again = sync.register_key(world.dist, made.path, replace=True)  # the same card: a no-op
    assert again.fingerprint == card.fingerprint
    assert sync.import_bundle(world.dist, late.path).inserted == head
    world.add_events(2)
    fresh = sync.export_bundle(world.st, world.usb)
    assert fresh.manifest.fingerprint == card.fingerprint
    assert sync.import_bundle(world.dist, fresh.path).inserted == 3  # key event + 2
    # the old key (still in keys/retired) cannot sign anything after the hand-over
    old_key = fmt.load_private_key(made.set_aside)
    forged = tmp_path / "forged.osb"
    fmt.write_bundle(
        forged,
        key=old_key,
        kind=fmt.KIND_EVENTS,
        unit_code=world.st.station.unit_code,
        station=1,
        created_at=clock.iso(world.st.now()),
        events=list(event_rows.iter_station(world.st.store, 1)),
    )
    with pytest.raises(ValidationError) as err:
        sync.import_bundle(world.dist, forged)
    assert "khóa cũ" in _message(err) and f"đến số {head}" in _message(err)
    # the station is consistent: its identity setting is the newest identity event's
    report = integrity.verify(world.st)
    assert report.table_problems == [] and report.broken is None


def test_lost_key_new_unsigned_card_and_refusals(world: World, tmp_path: Path) -> None:
    """The key file is gone (disk died, backup without keys/): ``key --new`` makes an unsigned
    card; the district accepts it with ``--replace`` only, and refuses a card that replaces
    another key, a card that replaces nothing, and a forged old-key signature."""
    sync.signing_key_path(world.st.store).unlink()
    made = sync.new_key(world.st, tmp_path / "new.json")
    assert not made.signed_by_old and made.set_aside is None
    card = sync.read_key_card(made.path)
    assert card.replaces is not None and card.replaces.signature == ""
    # a card naming another old key
    wrong = dataclasses.replace(
        card, replaces=dataclasses.replace(card.replaces, public_key="ab" * 32)
    )
    (tmp_path / "wrong.json").write_bytes(wrong.to_bytes())
    with pytest.raises(Conflict, match="nhưng khóa đang đăng ký"):
        sync.register_key(world.dist, tmp_path / "wrong.json", replace=True)
    # a card that says nothing about the key it replaces
    bare = dataclasses.replace(card, replaces=None)
    (tmp_path / "bare.json").write_bytes(bare.to_bytes())
    with pytest.raises(Conflict, match="key --new"):
        sync.register_key(world.dist, tmp_path / "bare.json", replace=True)
    # a signature that is not the old key's
    forged = dataclasses.replace(
        card, replaces=dataclasses.replace(card.replaces, signature="00" * 64)
    )
    (tmp_path / "forged.json").write_bytes(forged.to_bytes())
    with pytest.raises(Conflict, match="Chữ ký của khóa cũ"):
        sync.register_key(world.dist, tmp_path / "forged.json", replace=True)
    assert sync_rows.retired_keys(world.dist.store) == []  # nothing changed by the refusals
    done = sync.register_key(world.dist, made.path, replace=True)
    (old,) = sync_rows.retired_keys(world.dist.store)
    assert not old.signed and old.replaced_by == done.fingerprint
    res = sync.export_bundle(world.st, world.usb)
    assert sync.import_bundle(world.dist, res.path).inserted == res.manifest.event_count
    # the retired key may not come back as a plain registration
    old_card = sync.KeyCard("station", old.unit_code, "", old.station_id, old.public_key)
    (tmp_path / "old.json").write_bytes(old_card.to_bytes())
    with pytest.raises(Conflict):
        sync.register_key(world.dist, tmp_path / "old.json")


def test_acknowledgement_by_a_replaced_district_key_refused(world: World, tmp_path: Path) -> None:
    res = sync.export_bundle(world.st, world.usb)
    out = sync.import_bundle(world.dist, res.path, ack_to=world.usb)
    assert out.ack is not None
    made = sync.new_key(world.dist, tmp_path)  # the district's own key replaced
    sync.register_key(world.st, made.path, role="district", replace=True)
    with pytest.raises(ValidationError, match="khóa cũ của cấp huyện"):
        sync.import_ack(world.st, out.ack)
    fresh = sync.write_ack(world.dist, world.st.station.unit_code, 1, tmp_path)
    assert sync.import_ack(world.st, fresh).new


def test_bundle_whose_events_do_not_fold_is_refused_whole(world: World) -> None:
    """At a district the fold is part of the import: a signed chain whose dossier events do not
    fold (here an attachment event missing its fields) is refused, naming the file, and none of
    its events is kept (they would block every later fold)."""
    with world.st.store.atomic():
        event_rows.append(
            world.st.store,
            station_id=1,
            dossier_id="d-1",
            kind="attachment.added",
            actor="clerk:an",
            at=clock.iso(world.st.now()),
            payload={"dossier": "d-1", "sha256": "ab" * 32, "size": 1},
        )
    res = sync.export_bundle(world.st, world.usb)
    with pytest.raises(fmt.BundleError) as err:
        sync.import_bundle(world.dist, res.path)
    message = _message(err)
    assert res.path.name in message and "không dựng được hồ sơ" in message
    assert world.foreign() == 0 and sync_rows.imports(world.dist.store) == []
