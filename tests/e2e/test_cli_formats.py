"""Numbers the CLI shows people are written the Vietnamese way (defect 8 of issue #6): 8.232
(dot groups thousands), 6,6 giây (comma for decimals); ``--json`` keeps plain numbers."""

from __future__ import annotations

import re
from pathlib import Path

from onestop_desktop.domain.formats import fmt_int
from tests.e2e.conftest import ok, onestop, parse_json

#: A number the English way: a comma between digits groups thousands or marks decimals.
ENGLISH_NUMBER = re.compile(r"\d,\d{3}\b|\d\.\d\s*(giây|GB|MB)")


def test_demo_summary_groups_counts_and_writes_seconds_with_a_comma(tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = ok(onestop(data, "demo", "--dossiers", 1200, "--quiet", "--seed", 7)).stdout
    first = out.splitlines()[0]
    match = re.fullmatch(
        r"Đã tạo 1\.200 hồ sơ mẫu \(([\d.]+) sự kiện\) trong (\d+,\d) giây tại .+", first
    )
    assert match, first
    events = int(match.group(1).replace(".", ""))
    assert events > 1000 and match.group(1) == fmt_int(events)
    counts = [line.rsplit(": ", 1)[1] for line in out.splitlines()[1:] if line.startswith("  1")]
    assert counts and all(re.fullmatch(r"\d{1,3}(\.\d{3})*", c) for c in counts), out
    assert not ENGLISH_NUMBER.search(out), out

    # Biểu 06 as text: the table and the announced figures group thousands; JSON stays plain.
    period = ("report", "--from", "01/01/2000", "--to", "31/12/2099")
    figures = parse_json(onestop(data, *period, "--format", "json"))
    assert isinstance(figures["received_total"], int) and figures["received_total"] > 1000
    text = ok(onestop(data, *period)).stdout
    assert f"Tiếp nhận: {fmt_int(figures['announced']['received'])} hồ sơ" in text, text
    assert f" {fmt_int(figures['received_total'])} " in text, text
    assert re.search(r"Tỷ lệ giải quyết đúng hạn: \d+,\d%", text), text


def test_verify_and_rebuild_group_their_counts(demo_copy: Path) -> None:
    checked = parse_json(onestop(demo_copy, "verify", "--json"))["checked"]
    assert isinstance(checked, int) and checked > 1000  # JSON: a plain number
    out = ok(onestop(demo_copy, "verify")).stdout
    assert f"đã kiểm tra {fmt_int(checked)} sự kiện" in out, out
    assert "." in fmt_int(checked)

    report = parse_json(onestop(demo_copy, "rebuild", "--dry-run", "--json"))
    out = ok(onestop(demo_copy, "rebuild", "--dry-run")).stdout
    assert f"từ {fmt_int(report['events'])} sự kiện" in out, out
    assert not ENGLISH_NUMBER.search(out), out


def test_self_check_writes_the_free_space_the_vietnamese_way(demo_copy: Path) -> None:
    out = onestop(demo_copy, "self-check").stdout
    line = next(line for line in out.splitlines() if "Dung lượng trống" in line)
    assert re.search(r"\d+,\d (KB|MB|GB|TB)$", line), line
