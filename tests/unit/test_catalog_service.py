"""The versioned procedure catalogue as a service: import, export, versions, look-ups, and the
rule that an edit never changes a dossier received before it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from onestop_desktop.domain import clock
from onestop_desktop.domain.calendar import TimeLimit
from onestop_desktop.domain.catalog import Procedure, procedure_to_dict
from onestop_desktop.errors import Conflict, NotFound, PermissionDenied, ValidationError
from onestop_desktop.services import catalog, dossiers, users
from onestop_desktop.services.catalog_files import write_catalog
from onestop_desktop.services.context import Session
from onestop_desktop.services.dossiers import Applicant, Intake

from .conftest import FakeClock

LAN = Applicant("Nguyễn Thị Lan", "001190012345", phone="0912345678")
BINH = Applicant("Trần Văn Bình", "001090012345")


def count_versions(ctx: Session) -> int:
    return int(ctx.store.query("SELECT count(*) AS n FROM procedures")[0]["n"])


def write_json(path: Path, procedures: list[Procedure]) -> Path:
    data = {"procedures": [procedure_to_dict(p) for p in procedures]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def clerk(ctx: Session) -> Session:
    users.add_user(ctx, "tiepnhan", "clerk", "Lê Thị Thu", "password-123")
    return users.sign_in(ctx.store, "tiepnhan", "password-123")


# --------------------------------------------------------------------------------------------------
# The starter catalogue and identical re-imports


def test_starter_catalogue_is_loaded_once_as_version_1(ctx: Session) -> None:
    procedures = catalog.current_procedures(ctx.store)
    assert len(procedures) == 30
    assert {p.version for p in procedures} == {1}
    assert catalog.ensure_starter(ctx) is None  # not loaded twice
    assert count_versions(ctx) == 30


def test_reimporting_the_starter_changes_nothing(ctx: Session) -> None:
    report = catalog.import_file(ctx, catalog.starter_path())
    assert (report.added, report.updated) == ([], [])
    assert len(report.unchanged) == 30
    assert "30 không đổi" in report.text()
    assert count_versions(ctx) == 30


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_then_reimport_is_unchanged(ctx: Session, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"danh-muc.{fmt}"
    assert catalog.export_file(ctx, fmt, out) == 30
    report = catalog.import_file(ctx, out)
    assert (len(report.added), len(report.updated), len(report.unchanged)) == (0, 0, 30)
    assert count_versions(ctx) == 30


# --------------------------------------------------------------------------------------------------
# Versions


def test_an_edit_becomes_version_2_and_version_1_is_kept(ctx: Session, tmp_path: Path) -> None:
    v1 = catalog.current_procedure(ctx.store, "2.000815")
    assert (v1.version, v1.fee_amount) == (1, 2000)
    edited = replace(v1, fee_amount=3000, fee_text="3.000 đồng/trang")
    report = catalog.import_file(ctx, write_json(tmp_path / "sua.json", [edited]))
    assert report.updated == ["2.000815"] and report.added == [] and report.unchanged == []
    v2 = catalog.current_procedure(ctx.store, "2.000815")
    assert (v2.version, v2.fee_amount) == (2, 3000)
    assert catalog.procedure_version(ctx.store, "2.000815", 1) == v1
    assert [p.version for p in catalog.versions(ctx.store, "2.000815")] == [1, 2]
    listed = {p.code: p for p in catalog.current_procedures(ctx.store)}
    assert listed["2.000815"].version == 2 and len(listed) == 30
    # The same edit again is "unchanged", whatever version number the file carries.
    again = catalog.import_file(
        ctx, write_json(tmp_path / "lai.json", [replace(edited, version=7)])
    )
    assert again.unchanged == ["2.000815"]
    assert [p.version for p in catalog.versions(ctx.store, "2.000815")] == [1, 2]
    with pytest.raises(NotFound):
        catalog.procedure_version(ctx.store, "2.000815", 3)


def test_an_import_is_recorded_in_the_event_log(ctx: Session, tmp_path: Path) -> None:
    v1 = catalog.current_procedure(ctx.store, "2.000815")
    catalog.import_file(ctx, write_json(tmp_path / "sua.json", [replace(v1, fee_amount=3000)]))
    last = ctx.store.query("SELECT kind, payload FROM events ORDER BY seq DESC LIMIT 1")[0]
    assert last["kind"] == "catalog.imported"
    payload = json.loads(last["payload"])
    assert payload["updated"] == ["2.000815"] and payload["source"] == "sua.json"


def test_a_dossier_keeps_the_version_it_was_received_under(
    ctx: Session, fake_clock: FakeClock, tmp_path: Path
) -> None:
    fake_clock.set("2026-03-02T09:00:00")  # Monday
    old = dossiers.receive(ctx, Intake("1.004873", LAN))
    assert old.due_at == clock.parse_iso("2026-03-05T09:00:00+07:00")  # 3 working days
    v1 = catalog.current_procedure(ctx.store, "1.004873")
    longer = replace(v1, time_limit=TimeLimit(5, "working_days"), fee_amount=5000)
    catalog.import_file(ctx, write_json(tmp_path / "sua.json", [longer]))

    new = dossiers.receive(ctx, Intake("1.004873", BINH))
    assert new.due_at == clock.parse_iso("2026-03-09T09:00:00+07:00")  # 5 working days
    old_row, new_row = dossiers.detail(ctx, old.code), dossiers.detail(ctx, new.code)
    assert (old_row.procedure.version, new_row.procedure.version) == (1, 2)
    assert old_row.due_at == clock.parse_iso("2026-03-05T09:00:00+07:00")  # edit changed nothing
    snap_old = dossiers.history(ctx, old.code)[0].payload["procedure"]
    snap_new = dossiers.history(ctx, new.code)[0].payload["procedure"]
    assert snap_old["time_limit"] == {"value": 3, "unit": "working_days"}
    assert (snap_old["fee_amount"], snap_new["fee_amount"]) == (None, 5000)
    assert snap_new["time_limit"] == {"value": 5, "unit": "working_days"}


def test_a_restart_after_supplement_uses_the_received_version(
    ctx: Session, fake_clock: FakeClock, tmp_path: Path
) -> None:
    ctx.store.set_setting("supplement_mode", "restart")
    fake_clock.set("2026-03-02T09:00:00")
    old = dossiers.receive(ctx, Intake("1.004873", LAN))
    dossiers.act(ctx, old.code, "supplement_requested", {"reason": "Thiếu tờ khai"})
    v1 = catalog.current_procedure(ctx.store, "1.004873")
    catalog.import_file(
        ctx,
        write_json(tmp_path / "sua.json", [replace(v1, time_limit=TimeLimit(5, "working_days"))]),
    )
    fake_clock.set("2026-03-04T14:00:00")
    back = dossiers.act(ctx, old.code, "supplement_received")
    # Recomputed from the resubmission with the 3 days of version 1, not the 5 of version 2.
    assert back.due_at == clock.parse_iso("2026-03-09T14:00:00+07:00")


# --------------------------------------------------------------------------------------------------
# Look-ups by national and provincial code


def test_current_procedure_by_national_and_provincial_code(ctx: Session, tmp_path: Path) -> None:
    national = catalog.current_procedure(ctx.store, "1.001193")
    provincial = replace(national, code="1.001193.000.00.00.H56", fee_text="Theo Nghị quyết HĐND")
    only_provincial = replace(
        catalog.current_procedure(ctx.store, "1.004884"), code="1.000419.000.00.00.H56"
    )
    report = catalog.import_file(
        ctx, write_json(tmp_path / "tinh.json", [provincial, only_provincial])
    )
    assert sorted(report.added) == ["1.000419.000.00.00.H56", "1.001193.000.00.00.H56"]
    # The exact code wins when both forms are stored.
    assert catalog.current_procedure(ctx.store, "1.001193").code == "1.001193"
    found = catalog.current_procedure(ctx.store, "1.001193.000.00.00.H56")
    assert (found.code, found.fee_text) == ("1.001193.000.00.00.H56", "Theo Nghị quyết HĐND")
    assert found.national_code == "1.001193"
    # Stored only in the provincial form: found by its national code too, any case, any spaces.
    for typed in ("1.000419", "1.000419.000.00.00.h56", " 1.000419.000.00.00.H56 "):
        assert catalog.current_procedure(ctx.store, typed).code == "1.000419.000.00.00.H56"
    # The national part of a provincial code finds the national entry.
    assert catalog.current_procedure(ctx.store, "1.004884.000.00.00.H56").code == "1.004884"


def test_receiving_under_a_provincial_code(ctx: Session, tmp_path: Path) -> None:
    national = catalog.current_procedure(ctx.store, "2.000815")
    catalog.import_file(
        ctx,
        write_json(tmp_path / "tinh.json", [replace(national, code="2.000815.000.00.00.H55.02")]),
    )
    d = dossiers.receive(ctx, Intake("2.000815.000.00.00.H55.02", LAN))
    assert d.procedure_code == "2.000815.000.00.00.H55.02"


@pytest.mark.parametrize("code", ["9.999999", "1.00119", "khai sinh", ""])
def test_unknown_or_malformed_codes_are_not_found(ctx: Session, code: str) -> None:
    with pytest.raises(NotFound, match="Không có thủ tục"):
        catalog.current_procedure(ctx.store, code)


def test_search_the_catalogue_without_diacritics(ctx: Session) -> None:
    assert {p.code for p in catalog.current_procedures(ctx.store, query="khai sinh")} == {
        "1.001193",
        "1.004884",  # Đăng ký lại khai sinh
    }
    assert {p.code for p in catalog.current_procedures(ctx.store, query="CHUNG THUC")} == {
        "2.000815",
        "2.000884",
        "2.001035",
    }
    assert [p.code for p in catalog.current_procedures(ctx.store, query="1.004873")] == ["1.004873"]


def test_an_unpublished_procedure_cannot_be_received(ctx: Session, tmp_path: Path) -> None:
    v1 = catalog.current_procedure(ctx.store, "2.001263")
    catalog.import_file(ctx, write_json(tmp_path / "an.json", [replace(v1, published=False)]))
    assert "2.001263" not in {
        p.code for p in catalog.current_procedures(ctx.store, published_only=True)
    }
    with pytest.raises(Conflict, match="chưa được công bố"):
        dossiers.receive(ctx, Intake("2.001263", LAN))


# --------------------------------------------------------------------------------------------------
# Bad files and permissions


def bad_csv(path: Path) -> Path:
    lines = [
        "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cơ quan có thẩm quyền,Thời hạn giải quyết,Mức thu (đồng)",
        "1.000419,Đăng ký khai tử lưu động,Hộ tịch,Ủy ban nhân dân cấp xã,trong ngày,0",
        "1.00041X,Tên thủ tục,Hộ tịch,Ủy ban nhân dân cấp xã,03 ngày làm việc,0",
        "1.000593,Đăng ký kết hôn lưu động,Hộ tịch,Ủy ban nhân dân cấp xã,ba ngày,0",
        "1.003583,Đăng ký khai sinh lưu động,Hộ tịch,Ủy ban nhân dân cấp xã,05 ngày làm việc,",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_with_bad_rows_imports_nothing(ctx: Session, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        catalog.import_file(ctx, bad_csv(tmp_path / "loi.csv"))
    message = caught.value.message
    assert "dòng 3" in message and "Mã thủ tục" in message and "1 lỗi khác" in message
    assert "--skip-bad-rows" in message
    assert count_versions(ctx) == 30


def test_skip_bad_rows_imports_the_good_ones(ctx: Session, tmp_path: Path) -> None:
    report = catalog.import_file(ctx, bad_csv(tmp_path / "loi.csv"), skip_bad_rows=True)
    assert sorted(report.added) == ["1.000419", "1.003583"]
    assert report.skipped_rows == 2
    assert [(e.line, e.column) for e in report.errors] == [
        (3, "Mã thủ tục"),
        (4, "Thời hạn giải quyết"),
    ]
    text = report.text()
    assert "dòng 3, cột Mã thủ tục" in text and "dòng 4, cột Thời hạn giải quyết" in text
    assert catalog.current_procedure(ctx.store, "1.003583").time_limit == TimeLimit(
        5, "working_days"
    )
    assert count_versions(ctx) == 32


def test_only_an_admin_manages_the_catalogue(ctx: Session, tmp_path: Path) -> None:
    thu = clerk(ctx)
    with pytest.raises(PermissionDenied, match="danh mục"):
        catalog.import_file(thu, catalog.starter_path())
    # Anyone who may see dossiers may export the catalogue.
    assert catalog.export_file(thu, "json", tmp_path / "dm.json") == 30
    write_catalog([], tmp_path / "trong.json")
    assert (
        catalog.import_file(ctx, tmp_path / "trong.json")
        .text()
        .startswith("Đã nhập danh mục: 0 thủ tục mới")
    )
