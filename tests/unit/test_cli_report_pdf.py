"""``onestop report --format pdf`` counts the period once (#10, Biểu 06 at a million dossiers:
the command used to count it, then count it again inside the PDF service)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2
import pytest

from onestop_desktop import cli
from onestop_desktop.services import reports
from onestop_desktop.services.context import Session


def test_report_pdf_counts_the_period_once(
    ctx: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, ...]] = []
    real = reports.report06

    def counting(*args: Any, **kwargs: Any) -> reports.Report06Data:
        calls.append(args[1:])
        return real(*args, **kwargs)

    monkeypatch.setattr(reports, "report06", counting)
    out = tmp_path / "bieu06.pdf"
    data = str(ctx.store.path.parent)  # type: ignore[union-attr]
    argv = ["--data-dir", data, "report", "--from", "2026-03-01", "--to", "2026-03-31"]
    assert cli.main([*argv, "--format", "pdf", "--out", str(out)]) == 0
    assert len(calls) == 1
    doc = pypdfium2.PdfDocument(out.read_bytes())
    try:
        assert "Biểu số 06/VPCP/KSTT" in doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    calls.clear()
    assert cli.main([*argv, "--format", "pdf"]) != 0  # no --out: refused before any counting
    assert calls == []
