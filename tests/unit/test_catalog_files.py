"""Catalogue files (CSV, XLSX, JSON): round trips, lenient import, precise error reports."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from onestop_desktop.domain.calendar import SAME_DAY, TimeLimit
from onestop_desktop.domain.catalog import Procedure, RequiredDocument
from onestop_desktop.errors import NotFound, ValidationError
from onestop_desktop.services.catalog_files import (
    COLUMNS,
    VI_HEADERS,
    CatalogParse,
    RowError,
    read_catalog,
    write_catalog,
)

REPO = Path(__file__).resolve().parents[2]
STARTER = REPO / "resources" / "catalog" / "starter_catalog.json"

#: Every code the reference (domain-vn.md §5) gives; the starter catalogue may use no other.
REFERENCE_CODES = {
    "1.001193", "1.000894", "1.000656", "1.004873", "2.000635", "1.004884", "1.001022",
    "1.004837", "1.004845", "1.004859", "1.004746", "2.000815", "2.000884", "2.001035",
    "1.004222", "1.004194", "1.002755", "1.010038", "1.003197", "1.010028", "1.003677",
    "2.001159", "1.010041", "1.001612", "2.000720", "1.001570", "1.001266", "1.013978",
    "1.013967", "2.001263", "1.012783", "3.000722", "3.000725", "1.003583", "1.000593",
    "1.000419", "2.001019", "2.000908", "1.001699", "1.001776", "1.011607",
}  # fmt: skip


def sample_procedures() -> list[Procedure]:
    """Procedures that exercise every tricky cell: separators, quotes, formulas, blanks."""
    return [
        Procedure(
            code="1.001193",
            name="Đăng ký khai sinh",
            field="Hộ tịch",
            competent_body="Ủy ban nhân dân cấp xã",
            time_limit=SAME_DAY,
            fee_text="Miễn lệ phí nếu đúng hạn; quá hạn: theo HĐND tỉnh",
            fee_amount=0,
            documents=(
                RequiredDocument("Tờ khai đăng ký khai sinh"),
                RequiredDocument("Giấy chứng sinh; hoặc văn bản người làm chứng", "copy", 2),
                RequiredDocument('Giấy tờ "A|B" \\ C', "certified_copy", 3),
            ),
            result="Giấy khai sinh (bản chính)",
            legal_basis="Luật Hộ tịch năm 2014, Nghị định 123/2015/NĐ-CP",
            linked=False,
            published=True,
        ),
        Procedure(
            code="2.000815.000.00.00.H56",
            name="=Chứng thực bản sao từ bản chính",
            field="Chứng thực",
            competent_body="UBND xã",
            time_limit=TimeLimit(2, "working_days"),
            fee_text="2.000 đồng/trang",
            fee_amount=2000,
            documents=(),
            result="",
            legal_basis="",
            linked=True,
            published=False,
            version=4,
            note="Chưa xác nhận, kiểm tra lại",
        ),
        Procedure(
            code="1.001190",
            name="Thủ tục có mã tận cùng bằng 0",
            field="Đất đai",
            competent_body="Văn phòng đăng ký đất đai",
            time_limit=TimeLimit(30, "calendar_days"),
            fee_text="Theo HĐND tỉnh",
            fee_amount=None,
            documents=(RequiredDocument("Đơn", "original", 1),),
            result="Biên bản",
            legal_basis="Luật Đất đai năm 2024",
            linked=False,
            published=True,
        ),
        Procedure(
            code="1.004222",
            name="Đăng ký thường trú",
            field="Đăng ký, quản lý cư trú",
            competent_body="Công an cấp xã",
            time_limit=TimeLimit(8, "working_hours"),
            fee_text="20.000 đồng",
            fee_amount=20000,
            documents=(RequiredDocument("Tờ khai CT01"),),
            result="Cập nhật CSDL cư trú",
            legal_basis="Luật Cư trú năm 2020",
            linked=False,
            published=True,
        ),
    ]


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def errors_of(parse: CatalogParse) -> list[tuple[int, str]]:
    return [(error.line, error.column) for error in parse.errors]


HEADER = ",".join(COLUMNS[:13])


def csv_row(**cells: str) -> str:
    base = {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "field": "Hộ tịch",
        "competent_body": "UBND xã",
        "time_limit_value": "0",
        "time_limit_unit": "same_day",
        "fee_text": "Miễn phí",
        "fee_amount": "0",
        "documents": "Tờ khai|original|1",
        "result": "Giấy khai sinh",
        "legal_basis": "Luật Hộ tịch",
        "linked": "false",
        "published": "true",
    }
    base.update(cells)
    return ",".join(f'"{base[key]}"' for key in COLUMNS[:13])


# --------------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("headers", ["keys", "vi"])
def test_export_then_import_round_trips_exactly(tmp_path: Path, fmt: str, headers: str) -> None:
    procedures = sample_procedures()
    path = tmp_path / f"danh-muc.{fmt}"
    write_catalog(procedures, path, fmt, headers=headers)  # type: ignore[arg-type]
    parse = read_catalog(path)
    assert parse.errors == []
    assert parse.ok
    assert parse.procedures == procedures
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_starter_catalogue_round_trips(tmp_path: Path, fmt: str) -> None:
    procedures = read_catalog(STARTER).procedures
    path = tmp_path / f"starter.{fmt}"
    write_catalog(procedures, path)
    assert read_catalog(path).procedures == procedures


def test_csv_is_written_with_bom_and_vietnamese_headers(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.csv"
    write_catalog(sample_procedures(), path, headers="vi")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    first_line = data.decode("utf-8-sig").splitlines()[0]
    assert first_line.split(",")[:3] == ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực"]
    assert "trong ngày" in data.decode("utf-8-sig")
    assert "Bản sao có chứng thực" in data.decode("utf-8-sig")


def test_xlsx_keeps_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.xlsx"
    write_catalog(sample_procedures(), path)
    sheet = load_workbook(path).worksheets[0]
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    assert sheet["A4"].value == "1.001190"
    assert sheet["B3"].value == "=Chứng thực bản sao từ bản chính"
    assert sheet["B3"].data_type == "s"


def test_json_is_utf8_and_wraps_procedures(tmp_path: Path) -> None:
    path = tmp_path / "danh-muc.json"
    write_catalog(sample_procedures(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "Đăng ký khai sinh" in path.read_text(encoding="utf-8")
    assert len(data["procedures"]) == 4
    assert data["procedures"][0]["time_limit"] == {"value": 0, "unit": "same_day"}


def test_write_format_from_extension_or_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="định dạng"):
        write_catalog(sample_procedures(), tmp_path / "danh-muc.txt")
    write_catalog(sample_procedures(), tmp_path / "danh-muc.data", "json")
    assert read_catalog(tmp_path / "danh-muc.data", "json").procedures == sample_procedures()


# --------------------------------------------------------------------------------------------------
# The starter catalogue


def test_starter_catalogue_loads_without_errors() -> None:
    parse = read_catalog(STARTER)
    assert parse.errors == []
    assert len(parse.procedures) >= 25


def test_starter_catalogue_is_shipped_in_the_package() -> None:
    packaged = resources.files("onestop_desktop.resources") / "catalog" / "starter_catalog.json"
    assert packaged.is_file()


def test_starter_catalogue_uses_only_reference_codes() -> None:
    procedures = read_catalog(STARTER).procedures
    codes = [p.code for p in procedures]
    assert len(codes) == len(set(codes))
    assert set(codes) <= REFERENCE_CODES
    assert all(re.fullmatch(r"\d\.\d{6}", code) for code in codes)


def test_starter_catalogue_content() -> None:
    by_code = {p.code: p for p in read_catalog(STARTER).procedures}
    fields = {p.field for p in by_code.values()}
    assert {"Hộ tịch", "Chứng thực", "Đăng ký, quản lý cư trú", "Đất đai"} <= fields
    assert any("hộ kinh doanh" in field for field in fields)
    khai_sinh = by_code["1.001193"]
    assert khai_sinh.name == "Đăng ký khai sinh"
    assert khai_sinh.time_limit.is_same_day
    trich_luc = by_code["2.000635"]
    assert trich_luc.fee_amount == 8000
    assert by_code["1.004222"].fee_amount == 20000
    assert by_code["1.004222"].competent_body == "Công an cấp xã"
    assert by_code["1.004194"].time_limit == TimeLimit(3, "working_days")
    assert by_code["1.013967"].time_limit == TimeLimit(30, "calendar_days")
    # Fees set by the provincial council have no amount.
    assert by_code["1.004873"].fee_amount is None
    assert "HĐND" in by_code["1.004873"].fee_text
    for procedure in by_code.values():
        assert procedure.fee_text, procedure.code
        assert procedure.result, procedure.code
        assert procedure.legal_basis, procedure.code


def test_starter_catalogue_flags_unconfirmed_facts() -> None:
    raw = json.loads(STARTER.read_text(encoding="utf-8"))["procedures"]
    noted = {item["code"] for item in raw if item.get("note")}
    # Rows the reference marks ◐ or ? (time, fee or code).
    assert {"1.000656", "1.004873", "1.004884", "1.001612", "1.013967", "2.001035"} <= noted
    by_code = {p.code: p for p in read_catalog(STARTER).procedures}
    assert "Chưa xác nhận" in by_code["1.013967"].note
    # Rows whose code or time the reference does not give are not offered until checked.
    assert not by_code["1.013967"].published
    assert not by_code["1.003197"].published
    assert by_code["1.001193"].published


# --------------------------------------------------------------------------------------------------
# Lenient import


def test_csv_without_bom_and_with_bom(tmp_path: Path) -> None:
    text = HEADER + "\n" + csv_row() + "\n"
    plain = read_catalog(write_text(tmp_path / "a.csv", text))
    bom = read_catalog(write_text(tmp_path / "b.csv", text, "utf-8-sig"))
    assert plain.errors == bom.errors == []
    assert plain.procedures == bom.procedures
    assert plain.procedures[0].time_limit == SAME_DAY


def test_csv_vietnamese_headers_semicolons_and_title_row(tmp_path: Path) -> None:
    text = (
        "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ\n"
        "Mã TTHC;Tên thủ tục;LĨNH VỰC;Cơ quan thực hiện;Thời hạn giải quyết;Phí, lệ phí;"
        "Mức thu (đồng);Thành phần hồ sơ;Kết quả;Căn cứ pháp lý;Liên thông;Công khai;Ghi chú\n"
        "2.000635;Cấp bản sao trích lục hộ tịch;Hộ tịch;UBND xã;Trong ngày;8.000 đồng/bản;8.000;"
        '"Tờ khai|Bản chính|1;Văn bản ủy quyền|bản sao";Bản sao trích lục;Luật Hộ tịch;không;có;\n'
    )
    parse = read_catalog(write_text(tmp_path / "vn.csv", text, "utf-8-sig"))
    assert parse.errors == []
    (procedure,) = parse.procedures
    assert procedure.code == "2.000635"
    assert procedure.competent_body == "UBND xã"
    assert procedure.time_limit == SAME_DAY
    assert procedure.fee_amount == 8000
    assert procedure.documents == (
        RequiredDocument("Tờ khai", "original", 1),
        RequiredDocument("Văn bản ủy quyền", "copy", 1),
    )
    assert (procedure.linked, procedure.published) == (False, True)


def test_csv_headers_without_diacritics_and_blank_rows(tmp_path: Path) -> None:
    text = (
        "ma thu tuc,ten thu tuc,linh vuc,co quan co tham quyen,thoi han giai quyet,"
        "don vi thoi han\n"
        "\n"
        "1.004194,Đăng ký tạm trú,Cư trú,Công an xã,3,ngày làm việc\n"
        ",,,,,\n"
    )
    parse = read_catalog(write_text(tmp_path / "nodiacritics.csv", text))
    assert parse.errors == []
    assert parse.procedures[0].time_limit == TimeLimit(3, "working_days")
    assert parse.procedures[0].fee_amount is None
    assert parse.procedures[0].documents == ()


def test_hand_made_xlsx_with_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Danh mục thủ tục"])
    sheet.append(
        [
            "Mã thủ tục",
            "Tên thủ tục",
            "Lĩnh vực",
            "Cơ quan có thẩm quyền",
            "Thời hạn giải quyết",
            "Đơn vị thời hạn",
            "Mức thu (đồng)",
            "Liên thông",
        ]
    )
    sheet.append([1.00119, "Thủ tục A", "Đất đai", "UBND xã", 5.0, "ngày làm việc", 15000.0, True])
    sheet.append(
        ["1.001612", "Thủ tục B", "Hộ kinh doanh", "UBND xã", "03 ngày làm việc", None, None, "x"]
    )
    path = tmp_path / "hand.xlsx"
    workbook.save(path)
    parse = read_catalog(path)
    assert parse.errors == []
    first, second = parse.procedures
    assert first.code == "1.001190"
    assert first.time_limit == TimeLimit(5, "working_days")
    assert first.fee_amount == 15000
    assert first.linked is True
    assert second.time_limit == TimeLimit(3, "working_days")
    assert second.linked is True


def test_json_as_a_plain_list(tmp_path: Path) -> None:
    items = [
        {
            "code": "1.001193",
            "name": "Đăng ký khai sinh",
            "field": "Hộ tịch",
            "competent_body": "UBND xã",
            "time_limit": "trong ngày",
        },
    ]
    parse = read_catalog(write_text(tmp_path / "list.json", json.dumps(items, ensure_ascii=False)))
    assert parse.errors == []
    assert parse.procedures[0].time_limit == SAME_DAY


# --------------------------------------------------------------------------------------------------
# Bad rows


def test_bad_csv_rows_report_line_column_and_reason(tmp_path: Path) -> None:
    text = "\n".join(
        [
            HEADER,
            csv_row(),  # line 2: fine
            csv_row(code="1001193"),  # line 3
            csv_row(code="1.000894", time_limit_unit="tuần"),  # line 4
            csv_row(code="1.000656", fee_amount="tám nghìn", linked="có lẽ"),  # line 5
            csv_row(code="1.000656", name="Tên\nhai dòng"),  # lines 6–7: a quoted line break
            csv_row(code="2.000635", documents="Tờ khai|bản nháp|1"),  # line 8
            csv_row(code="1.001193"),  # line 9: duplicate of line 2
        ]
    )
    parse = read_catalog(write_text(tmp_path / "bad.csv", text + "\n"))
    assert [p.code for p in parse.procedures] == ["1.001193", "1.000656"]
    assert errors_of(parse) == [
        (3, "code"),
        (4, "time_limit_unit"),
        (5, "fee_amount"),
        (5, "linked"),
        (8, "documents"),
        (9, "code"),
    ]
    reasons = {(e.line, e.column): e.reason for e in parse.errors}
    assert "Mã thủ tục «1001193» không đúng dạng" in reasons[(3, "code")]
    assert "đơn vị thời hạn" in reasons[(4, "time_limit_unit")]
    assert "Mức thu" in reasons[(5, "fee_amount")]
    assert "bản nháp" in reasons[(8, "documents")]
    assert "trùng với dòng 2" in reasons[(9, "code")]
    assert str(parse.errors[0]).startswith("Dòng 3, cột «code»: Mã thủ tục")


def test_errors_name_the_column_as_written_in_the_file(tmp_path: Path) -> None:
    text = (
        "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cơ quan có thẩm quyền,Thời hạn giải quyết\n"
        "1.001193,,Hộ tịch,UBND xã,ba ngày\n"
    )
    parse = read_catalog(write_text(tmp_path / "vi.csv", text))
    assert errors_of(parse) == [(2, "Tên thủ tục"), (2, "Thời hạn giải quyết")]
    # The row's procedure code comes first (#7): a catalogue is read by code.
    assert parse.errors[0].reason.endswith("Chưa nhập tên thủ tục.")
    assert parse.errors[0].reason.startswith("Thủ tục 1.001193: ")


def test_missing_required_columns(tmp_path: Path) -> None:
    parse = read_catalog(write_text(tmp_path / "cols.csv", "code,name\n1.001193,Khai sinh\n"))
    assert parse.procedures == []
    assert errors_of(parse) == [
        (1, "Lĩnh vực"),
        (1, "Cơ quan có thẩm quyền"),
        (1, "Thời hạn giải quyết"),
    ]
    assert parse.errors[0].reason == "Thiếu cột bắt buộc «Lĩnh vực»."


def test_no_header_row(tmp_path: Path) -> None:
    parse = read_catalog(write_text(tmp_path / "none.csv", "a,b,c\n1,2,3\n"))
    assert errors_of(parse) == [(1, "")]
    assert "tiêu đề" in parse.errors[0].reason


def test_duplicate_columns_and_extra_cells(tmp_path: Path) -> None:
    dup = read_catalog(write_text(tmp_path / "dup.csv", "code,Mã thủ tục,name\n"))
    assert errors_of(dup) == [(1, "Mã thủ tục")] + [
        (1, VI_HEADERS[key]) for key in ("field", "competent_body", "time_limit_value")
    ]
    text = HEADER + "\n" + csv_row() + ",thừa\n"
    extra = read_catalog(write_text(tmp_path / "extra.csv", text))
    assert errors_of(extra) == [(2, "cột thứ 14")]
    assert extra.procedures == []


def test_bad_xlsx_rows_use_sheet_row_numbers(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append(["1.001193", "Khai sinh", "Hộ tịch", "UBND xã", 0, "same_day"])
    sheet.append([])
    sheet.append(["1.00119x", "Khai tử", "Hộ tịch", "UBND xã", -1, "working_days"])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    parse = read_catalog(path)
    assert [p.code for p in parse.procedures] == ["1.001193"]
    assert errors_of(parse) == [(4, "code"), (4, "time_limit_value")]


def test_bad_json_items_report_their_position(tmp_path: Path) -> None:
    good: dict[str, Any] = {
        "code": "1.001193", "name": "Đăng ký khai sinh", "field": "Hộ tịch",
        "competent_body": "UBND xã", "time_limit": {"value": 0, "unit": "same_day"},
    }  # fmt: skip
    items = [
        good,
        "không phải đối tượng",
        {**good, "code": "1.000894", "time_limit": {"value": 3, "unit": "tuần"}},
        {**good, "code": "1.000656", "documents": [{"name": "", "form": "original"}]},
        {**good, "fee_amount": 5},
    ]
    parse = read_catalog(write_text(tmp_path / "bad.json", json.dumps({"procedures": items})))
    assert [p.code for p in parse.procedures] == ["1.001193"]
    assert errors_of(parse) == [(2, ""), (3, "time_limit"), (4, "documents"), (5, "code")]
    assert "Mục thứ 2" in parse.errors[0].reason


def test_broken_json(tmp_path: Path) -> None:
    parse = read_catalog(write_text(tmp_path / "broken.json", '{"procedures": [\n  {"code": }\n]}'))
    assert parse.procedures == []
    assert errors_of(parse) == [(2, "")]
    assert "JSON không hợp lệ" in parse.errors[0].reason
    shape = read_catalog(write_text(tmp_path / "shape.json", '{"items": []}'))
    assert errors_of(shape) == [(1, "")]


def test_unreadable_files_raise(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        read_catalog(tmp_path / "missing.csv")
    with pytest.raises(ValidationError, match="định dạng"):
        read_catalog(write_text(tmp_path / "a.txt", "x"))
    legacy = tmp_path / "legacy.csv"  # an old TCVN3/Windows-1258 ledger: not UTF-8
    legacy.write_bytes(HEADER.encode() + b"\n\xd0\xe3ng k\xfd\n")
    with pytest.raises(ValidationError, match="UTF-8"):
        read_catalog(legacy)
    with pytest.raises(ValidationError, match="Excel"):
        read_catalog(write_text(tmp_path / "fake.xlsx", "not a workbook"))


def test_row_error_text() -> None:
    assert str(RowError(3, "code", "Sai.")) == "Dòng 3, cột «code»: Sai."
    assert str(RowError(1, "", "Sai.")) == "Dòng 1: Sai."
