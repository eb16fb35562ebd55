"""The English catalogue: complete, placeholders and accelerators intact, .qm up to date with
the .ts, and the .ts up to date with the sources."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from onestop_desktop.ui import i18n

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "translations"
TS_FILE = TS_DIR / "onestop_en.ts"
QM_FILE = TS_DIR / "onestop_en.qm"
SOURCES = [
    # Every module under ui/ (models/, admin/ and any later subpackage), as translations.sh scans.
    *sorted((REPO / "src/onestop_desktop/ui").glob("*.py")),
    *sorted((REPO / "src/onestop_desktop/ui").glob("*/*.py")),
    REPO / "src/onestop_desktop/app.py",
]
PLACEHOLDER = re.compile(r"%L?(?:\d|n)")
VIETNAMESE_ONLY = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
    r"ùúủũụừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    kind: str  # the translation's type attribute ("" when finished)
    numerus: bool


def read_ts(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    messages = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            numerus = msg.get("numerus") == "yes"
            texts = (
                tuple(f.text or "" for f in tr.findall("numerusform"))
                if numerus
                else (tr.text or "",)
            )
            messages.append(
                Message(name, msg.findtext("source") or "", texts, tr.get("type", ""), numerus)
            )
    return messages


MESSAGES = read_ts(TS_FILE)


def ids(messages: list[Message]) -> list[str]:
    return [f"{m.context}:{m.source[:40]}" for m in messages]


def test_catalogue_is_english_from_vietnamese() -> None:
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "en"
    assert root.get("sourcelanguage") == "vi_VN"
    assert len(MESSAGES) > 50
    assert {"WorklistModel", "MainWindow", "SignInDialog", "Status", "Role"} <= {
        m.context for m in MESSAGES
    }


@pytest.mark.parametrize("message", MESSAGES, ids=ids(MESSAGES))
def test_every_message_is_translated(message: Message) -> None:
    assert message.kind == "", f"translation is {message.kind}"
    assert all(t.strip() for t in message.translations)
    if message.numerus:
        assert len(message.translations) == 2  # English: singular, plural


@pytest.mark.parametrize("message", MESSAGES, ids=ids(MESSAGES))
def test_placeholders_match(message: Message) -> None:
    wanted = Counter(PLACEHOLDER.findall(message.source))
    for text in message.translations:
        assert Counter(PLACEHOLDER.findall(text)) == wanted, text


@pytest.mark.parametrize("message", MESSAGES, ids=ids(MESSAGES))
def test_accelerators_and_line_breaks_match(message: Message) -> None:
    def accelerators(text: str) -> int:
        return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))

    for text in message.translations:
        assert accelerators(text) == accelerators(message.source), text
        assert text.count("\n") == message.source.count("\n"), text


@pytest.mark.parametrize("message", MESSAGES, ids=ids(MESSAGES))
def test_sources_are_vietnamese_and_translations_are_not(message: Message) -> None:
    # "Vietnamese first": the source text is what a Vietnamese clerk reads.
    assert message.source == message.source.strip()
    for text in message.translations:
        assert not VIETNAMESE_ONLY.search(text), text


def test_qm_is_compiled_from_the_current_ts(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    for m in MESSAGES:
        if m.numerus:
            got = translator.translate(m.context, m.source, None, 1)
            assert got == m.translations[0]
            got = translator.translate(m.context, m.source, None, 7)
            assert got == m.translations[1]
        else:
            assert translator.translate(m.context, m.source) == m.translations[0], m.source


def test_ts_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    lupdate = REPO / ".venv" / "bin" / "pyside6-lupdate"
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            tool,
            "-silent",
            "-locations",
            "none",
            "-target-language",
            "en",
            *map(str, SOURCES),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    in_sources = {(m.context, m.source) for m in read_ts(fresh)}
    in_catalogue = {(m.context, m.source) for m in MESSAGES}
    assert in_sources - in_catalogue == set(), "run installer/translations.sh"
    assert in_catalogue - in_sources == set(), "run installer/translations.sh (stale messages)"


# Service messages (context OneStopError, catalogue errors_en.ts) are checked by
# tests/ui/test_error_translations.py and tests/unit/test_error_catalogue.py.


def test_fmt_fills_placeholders_in_one_pass() -> None:
    assert i18n.fmt("%1 và %2", "a%2", "b") == "a%2 và b"
    assert i18n.fmt("còn %1 lần", 3) == "còn 3 lần"
    assert i18n.fmt("%3", "x") == "%3"
