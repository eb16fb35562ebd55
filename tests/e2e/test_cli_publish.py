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


def test_a_board_started_alone_runs_alone(demo_copy: Path) -> None:
    """``onestop board`` is its own process: no counter window, and it stays up reading."""
    import os
    import subprocess
    import sys
    import time

    env = {k: v for k, v in os.environ.items() if k != "ONESTOP_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    board = subprocess.Popen(
        [sys.executable, "-m", "onestop_desktop", "--data-dir", str(demo_copy), "board"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(6)  # started, read in its worker, the clock and the watch ticking
        assert board.poll() is None, board.stderr.read() if board.stderr else ""
    finally:
        board.terminate()
        board.wait(10)
        if board.stderr is not None:
            board.stderr.close()
