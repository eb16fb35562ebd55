"""Writes the bad-input corpus next to this file: ``python tests/corpus/make_corpus.py``.

Each file is small and wrong in one way a clerk's folder (or an attacker) could hand to an
importer. ``tests/e2e/test_bad_input_corpus.py`` runs every file through every importer of the
CLI and expects a refusal: exit non-zero, one clear line naming the file or the line and column,
and nothing written. ``EXPECT`` below says, per file, a fragment the ledger or catalogue import's
first line must contain (the reason), for the importer the file is meant for.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

LEDGER_HEADER = (
    "Mã hồ sơ,Mã thủ tục,Họ tên chủ hồ sơ,Địa chỉ,Ngày nhận,Ngày hẹn trả,Ngày trả kết quả,"
    "Trạng thái,Ghi chú"
)
GOOD_ROW = (
    ",2.000815,Nguyễn Văn An,Thôn Đông,03/03/2025 09:00,04/03/2025,04/03/2025 10:00,Đã trả kết quả,"
)


def ledger_csv(*rows: str) -> str:
    return "\r\n".join([LEDGER_HEADER, GOOD_ROW, *rows]) + "\r\n"


def bad_row(**cells: str) -> str:
    """GOOD_ROW with some cells replaced (by header)."""
    names = LEDGER_HEADER.split(",")
    values = GOOD_ROW.split(",")
    for key, value in cells.items():
        values[names.index(key.replace("_", " "))] = value
    return ",".join(values)


CATALOG_GOOD: dict[str, object] = {
    "code": "1.001193",
    "name": "Đăng ký khai sinh",
    "field": "Hộ tịch",
    "competent_body": "UBND cấp xã",
    "time_limit": "03 ngày làm việc",
    "documents": [{"name": "Tờ khai đăng ký khai sinh", "form": "original", "count": 1}],
}
CATALOG_HEADER = "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cơ quan có thẩm quyền,Thời hạn giải quyết"


def workbook_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ledger_rows(n: int) -> list[list[object]]:
    rows: list[list[object]] = [LEDGER_HEADER.split(",")]
    rows += [GOOD_ROW.split(",") for _ in range(n)]
    return rows


def files() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    u = "utf-8"
    # --- ledger, CSV -----------------------------------------------------------------------
    out["ledger_cp1258.csv"] = ledger_csv().encode("cp1258", errors="replace")
    out["ledger_bom_only.csv"] = b"\xef\xbb\xbf"
    out["ledger_empty.csv"] = b""
    out["ledger_nul_bytes.csv"] = b"\x00" * 4096
    out["ledger_no_newline.csv"] = b"a," * 600_000
    out["ledger_bad_utf8_line3.csv"] = (
        ledger_csv(bad_row(Địa_chỉ="THON")).encode(u).replace(b"THON", b"Th\xf4n")
    )
    out["ledger_name_too_long.csv"] = ledger_csv(bad_row(Họ_tên_chủ_hồ_sơ="An " * 60)).encode(u)
    out["ledger_giant_cell.csv"] = ledger_csv(bad_row(Ghi_chú='"' + "x" * 140_000 + '"')).encode(u)
    out["ledger_formula_code.csv"] = ledger_csv(
        bad_row(Mã_hồ_sơ='"=HYPERLINK(""http://x"",""bấm"")"')
    ).encode(u)
    out["ledger_formula_name.csv"] = ledger_csv(bad_row(Họ_tên_chủ_hồ_sơ="=1+2")).encode(u)
    out["ledger_control_chars.csv"] = ledger_csv(bad_row(Địa_chỉ="Thôn\x00Đông\x1b[2J")).encode(u)
    out["ledger_sql_code.csv"] = ledger_csv(bad_row(Mã_hồ_sơ="'; DROP TABLE dossiers; --")).encode(
        u
    )
    out["ledger_sql_procedure.csv"] = ledger_csv(bad_row(Mã_thủ_tục="2.000815' OR 1=1 --")).encode(
        u
    )
    out["ledger_year_1899.csv"] = ledger_csv(bad_row(Ngày_nhận="03/03/1899")).encode(u)
    out["ledger_year_2101.csv"] = ledger_csv(bad_row(Ngày_hẹn_trả="04/03/2101")).encode(u)
    out["ledger_not_a_code.csv"] = ledger_csv(bad_row(Mã_hồ_sơ="HS-2025-17")).encode(u)
    out["ledger_missing_columns.csv"] = "Mã thủ tục,Họ tên chủ hồ sơ\r\n2.000815,An\r\n".encode(u)
    out["ledger_unknown_procedure.csv"] = ledger_csv(bad_row(Mã_thủ_tục="9.999999")).encode(u)
    out["ledger_stray_quote.csv"] = (ledger_csv() + '"unterminated,cell\r\n').encode(u)
    # --- ledger, XLSX ----------------------------------------------------------------------
    wrong_types = ledger_rows(1)
    wrong_types.append(["", "2.000815", "Lê Thị Bình", "Thôn Tây", True, 3.5, None, 99, ""])
    out["ledger_wrong_types.xlsx"] = workbook_bytes(wrong_types)
    full = workbook_bytes(ledger_rows(3000))
    out["ledger_truncated.xlsx"] = full[: len(full) // 2]
    out["ledger_not_a_zip.xlsx"] = b"PK\x03\x04" + b"\x00garbage" * 64
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("hello.txt", "không phải sổ theo dõi")
    out["ledger_zip_not_workbook.xlsx"] = zipped.getvalue()
    out["ledger_formula_cells.xlsx"] = workbook_bytes(
        [*ledger_rows(1), ["=1+1", "2.000815", "=A1", "Thôn", "=TODAY()", "", "", "=2*5", ""]]
    )
    # --- catalogue ---------------------------------------------------------------------------
    out["catalog_deep.json"] = b"[" * 50_000 + b"]" * 50_000
    out["catalog_empty.json"] = b""
    out["catalog_top_level_object.json"] = b'{"procedure": 1}'
    out["catalog_wrong_types.json"] = json.dumps(
        [{**CATALOG_GOOD, "name": [1, 2], "fee_amount": "nhiều lắm", "linked": "có lẽ"}]
    ).encode(u)
    out["catalog_huge_number.json"] = b'[{"code": "1.001193", "fee_amount": ' + b"9" * 5000 + b"}]"
    out["catalog_bidi.json"] = json.dumps([{**CATALOG_GOOD, "name": "Khai \u202esinh"}]).encode(u)
    out["catalog_too_many_documents.json"] = json.dumps(
        [{**CATALOG_GOOD, "documents": [{"name": f"Giấy {i}"} for i in range(500)]}]
    ).encode(u)
    out["catalog_truncated.json"] = json.dumps([CATALOG_GOOD] * 3).encode(u)[:-40]
    out["catalog_nul_bytes.json"] = b"\x00" * 2048
    out["catalog_cp1258.csv"] = (
        CATALOG_HEADER + "\r\n1.001193,Khai sinh,Hộ tịch,UBND xã,3\r\n"
    ).encode("cp1258", errors="replace")
    out["catalog_control_chars.csv"] = (
        CATALOG_HEADER + "\r\n1.001193,Khai\x1bsinh,Hộ tịch,UBND xã,03 ngày làm việc\r\n"
    ).encode(u)
    out["catalog_name_too_long.csv"] = (
        CATALOG_HEADER
        + "\r\n1.001193,"
        + "Khai sinh " * 60
        + ",Hộ tịch,UBND xã,03 ngày làm việc\r\n"
    ).encode(u)
    out["catalog_formula_code.csv"] = (
        CATALOG_HEADER + "\r\n\"=cmd|' /C calc'!A0\",Khai sinh,Hộ tịch,UBND xã,03 ngày làm việc\r\n"
    ).encode(u)
    out["catalog_sql_code.csv"] = (
        CATALOG_HEADER + "\r\n'; DROP TABLE procedures; --,Khai sinh,Hộ tịch,UBND xã,3 ngày\r\n"
    ).encode(u)
    out["catalog_bom_only.csv"] = b"\xef\xbb\xbf"
    cat_full = workbook_bytes(
        [CATALOG_HEADER.split(",")]
        + [
            [f"1.{i:06d}", "Khai sinh", "Hộ tịch", "UBND xã", "03 ngày làm việc"]
            for i in range(3000)
        ]
    )
    out["catalog_truncated.xlsx"] = cat_full[: len(cat_full) // 2]
    return out


def main() -> None:
    for name, data in files().items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(files())} files to {HERE}")


if __name__ == "__main__":
    main()
