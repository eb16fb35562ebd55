"""``onestop slip``, ``ledger print``, ``report --format pdf`` and ``daily-summary`` (#10):
each writes a PDF that reads back with the dossier's values; a slip that cannot exist is a
one-line Vietnamese refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2

from tests.e2e.conftest import assert_refused, ok, onestop


def _text(path: Path) -> str:
    doc = pypdfium2.PdfDocument(path.read_bytes())
    try:
        return " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def _a_received(data: Path) -> dict[str, object]:
    """A dossier received just now (status 2, never rescheduled): which demo dossiers are
    still open depends on the day the demo is made, so the test makes its own."""
    result = onestop(
        data, "dossier", "receive", "--procedure", "1.004873", "--name", "Nguyễn Văn Tèo",
        "--accept-duplicate", "--json",
    )  # fmt: skip
    row: dict[str, object] = json.loads(ok(result).stdout)
    assert row["status"] == 2
    return row


def test_slip_receipt_and_copy(demo_copy: Path, tmp_path: Path) -> None:
    row = _a_received(demo_copy)
    out = tmp_path / "phieu.pdf"
    result = ok(onestop(demo_copy, "slip", row["code"], "--kind", "receipt", "--out", out))
    assert str(out) in result.stdout
    text = _text(out)
    assert str(row["code"]) in text and str(row["applicant_name"]) in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    copy = tmp_path / "ban-sao.pdf"
    ok(onestop(demo_copy, "slip", row["code"], "--kind", "control", "--copy", "--out", copy))
    assert "BẢN IN LẠI" in _text(copy)


def test_slip_that_cannot_exist_is_refused(demo_copy: Path, tmp_path: Path) -> None:
    """Mẫu 04 before any rescheduling: the refusal names the action and its command."""
    row = _a_received(demo_copy)
    out = tmp_path / "x.pdf"
    result = onestop(demo_copy, "slip", row["code"], "--kind", "apology", "--out", out)
    assert_refused(result, f"Hồ sơ {row['code']} chưa được hẹn lại ngày trả kết quả")
    assert f"onestop dossier act {row['code']} rescheduled --reason" in result.stderr
    assert not out.exists()


def test_ledger_print_report_pdf_and_daily_summary(demo_template: Path, tmp_path: Path) -> None:
    ledger = tmp_path / "so.pdf"
    ok(onestop(demo_template, "ledger", "print", "--from", "01/01/2020", "--to", "31/12/2030",
               "--out", ledger))  # fmt: skip
    text = _text(ledger)
    assert "SỔ THEO DÕI HỒ SƠ" in text and "Từ ngày 01/01/2020 đến ngày 31/12/2030" in text
    report = tmp_path / "bieu06.pdf"
    ok(onestop(demo_template, "report", "--from", "2020-01-01", "--to", "2030-12-31",
               "--format", "pdf", "--out", report))  # fmt: skip
    assert "Biểu số 06/VPCP/KSTT" in _text(report)
    assert_refused(
        onestop(demo_template, "report", "--from", "2020-01-01", "--to", "2030-12-31",
                "--format", "pdf"),
        "cần --out",
    )  # fmt: skip
    daily = tmp_path / "ngay.pdf"
    ok(onestop(demo_template, "daily-summary", "--day", "01/07/2025", "--out", daily))
    assert "Ngày 01/07/2025" in _text(daily)
