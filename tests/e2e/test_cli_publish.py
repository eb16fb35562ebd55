"""``onestop publish`` and ``onestop board --help`` from the command line (#13)."""

from __future__ import annotations

from pathlib import Path

from .conftest import ok, onestop


def test_publish_writes_html_poster_and_booklet(demo_copy: Path, tmp_path: Path) -> None:
    site, poster, booklet = tmp_path / "site", tmp_path / "ap-phich.pdf", tmp_path / "cuon.pdf"
    result = ok(
        onestop(
            demo_copy,
            "publish",
            "--out",
            site,
            "--poster",
            poster,
            "--size",
            "A4",
            "--booklet",
            booklet,
        )
    )
    assert "Đã ghi" in result.stdout
    assert (site / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert len(list(site.glob("linh-vuc-*.html"))) >= 1
    assert poster.read_bytes().startswith(b"%PDF") and booklet.read_bytes().startswith(b"%PDF")


def test_publish_without_a_target_says_what_is_needed(demo_copy: Path) -> None:
    result = onestop(demo_copy, "publish")
    assert result.returncode == 2
    assert "--out" in result.stdout


def test_board_command_is_registered() -> None:
    from .conftest import run_cli

    result = ok(run_cli("board", "--help"))
    assert "--screen" in result.stdout and "--lookup" in result.stdout
