"""Every error message the code can raise has an English translation (no Qt needed).

The systematic part reads the code: ``installer/error_catalogue.py`` finds every message
template (the first argument of an error class of the code base, of ``Msg``, of a helper that
passes its parameter on as a template) and every raise site whose message is not a string
literal. The catalogue ``resources/translations/errors_en.ts`` must translate each template
with the same ``{placeholders}``, in English. Direct raises of the important service errors
check that what is raised at run time is what the catalogue holds.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
import textwrap
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from onestop_desktop.domain import identity
from onestop_desktop.domain.roles import Role
from onestop_desktop.domain.status import Status, next_status
from onestop_desktop.errors import (
    AuthError,
    Conflict,
    Msg,
    NotFound,
    OneStopError,
    PermissionDenied,
    StorageError,
    ValidationError,
    placeholders,
    render,
)
from onestop_desktop.services import dossiers, users
from onestop_desktop.services.context import Actor, Session
from onestop_desktop.store import db as store_db

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "translations" / "errors_en.ts"


def _load_extractor() -> ModuleType:
    path = REPO / "installer" / "error_catalogue.py"
    spec = importlib.util.spec_from_file_location("error_catalogue", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("error_catalogue", module)
    spec.loader.exec_module(module)
    return module


extractor = _load_extractor()
SITES = extractor.collect()
TEMPLATES = extractor.templates(SITES)


def _catalogue() -> dict[str, tuple[str, bool]]:
    return extractor.read_ts_all(TS_FILE)


CATALOGUE = _catalogue()


def _vietnamese_letters(text: str) -> list[str]:
    """Letters outside ASCII (đ, ơ, ư and every letter with a tone mark)."""
    return [ch for ch in unicodedata.normalize("NFC", text) if ch.isalpha() and not ch.isascii()]


def _english(template: str) -> str:
    text, finished = CATALOGUE[template]
    assert finished, template
    return text


def translate_en(template: str) -> str:
    """The catalogue as a translate function (what Qt does with the compiled .qm)."""
    text, finished = CATALOGUE.get(template, ("", False))
    return text if finished and text else template


# ------------------------------------------------------------------ the whole code base


def test_the_code_base_has_templates() -> None:
    # A broken walk would find nothing and pass every test below vacuously.
    assert len(TEMPLATES) > 150
    assert "Không tìm thấy hồ sơ" in TEMPLATES or "Không tìm thấy hồ sơ «{key}»" in TEMPLATES
    assert "Tệp {path} không phải cơ sở dữ liệu SQLite của OneStop" in TEMPLATES


def test_every_raise_site_passes_a_literal_template() -> None:
    problems = [f"{s.where()}: {s.callee}: {s.problem}" for s in SITES if s.problem]
    assert problems == [], "convert these raise sites:\n" + "\n".join(problems)


@pytest.mark.parametrize("template", TEMPLATES, ids=[t[:50] for t in TEMPLATES])
def test_every_template_has_an_english_translation(template: str) -> None:
    assert template in CATALOGUE, "run installer/translations.sh"
    english = _english(template)
    assert english, "empty translation"
    assert placeholders(english) == placeholders(template)
    assert _vietnamese_letters(english) == [], english


def test_catalogue_has_no_stale_templates() -> None:
    stale = sorted(set(CATALOGUE) - set(TEMPLATES))
    assert stale == [], "run installer/translations.sh (templates no longer raised)"


def test_catalogue_is_one_context_english_from_vietnamese() -> None:
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "en"
    assert root.get("sourcelanguage") == "vi_VN"
    assert [c.findtext("name") for c in root.iter("context")] == ["OneStopError"]


# ------------------------------------------------------------------ the important paths


def _raised(call: object) -> OneStopError:
    assert callable(call)
    with pytest.raises(OneStopError) as info:
        call()
    return info.value


def _assert_translated(exc: OneStopError) -> str:
    """``exc`` renders in English with every argument filled in; the English text."""
    assert exc.template in CATALOGUE, exc.template
    english = exc.render(translate_en)
    assert english != exc.message
    assert "{" not in english, english
    assert _vietnamese_letters(english) == [] or any(
        isinstance(v, str) and _vietnamese_letters(v) for v in exc.params.values()
    ), english
    return english


def test_wrong_password(ctx: Session) -> None:
    exc = _raised(lambda: users.sign_in(ctx.store, "admin", "wrong-password"))
    assert isinstance(exc, AuthError)
    assert exc.message.startswith("Sai tên đăng nhập hoặc mật khẩu")
    english = _assert_translated(exc)
    assert english.startswith("Wrong user name or password")
    assert str(users.MAX_FAILED) in english and str(users.LOCK_MINUTES) in english


def test_unknown_user_reads_like_a_wrong_password(ctx: Session) -> None:
    unknown = _raised(lambda: users.sign_in(ctx.store, "nobody", "x"))
    wrong = _raised(lambda: users.sign_in(ctx.store, "admin", "x"))
    assert unknown.render(translate_en) == wrong.render(translate_en)


def test_dossier_not_found(ctx: Session) -> None:
    exc = _raised(lambda: dossiers.summary(ctx, "000.00.12.H29-260302-1999"))
    assert isinstance(exc, NotFound)
    assert _assert_translated(exc) == "Dossier «000.00.12.H29-260302-1999» not found"


def test_read_only_data_folder(tmp_path: Path) -> None:
    exc = store_db.translate(
        sqlite3.OperationalError("attempt to write a readonly database"), tmp_path / "onestop.db"
    )
    assert isinstance(exc, StorageError)
    assert exc.message.startswith("Thư mục dữ liệu chỉ cho phép đọc")
    english = _assert_translated(exc)
    assert (
        english
        == f"The data folder is read-only; nothing can be written ({tmp_path / 'onestop.db'})"
    )


def test_missing_database(tmp_path: Path) -> None:
    exc = _raised(lambda: store_db.Store.open(tmp_path / "none.db"))
    english = _assert_translated(exc)
    assert str(tmp_path / "none.db") in english and "onestop init" in english


def test_permission_denied_names_role_and_action_in_english(ctx: Session) -> None:
    clerk = Session(ctx.store, ctx.station, Actor("lan", "Lan", Role.CLERK))
    exc = _raised(lambda: clerk.require("users.manage"))
    assert isinstance(exc, PermissionDenied)
    assert exc.message == "Tài khoản lan (Cán bộ tiếp nhận) không có quyền quản lý tài khoản"
    assert _assert_translated(exc) == "The account lan (Reception clerk) may not manage accounts"
    exc = _raised(lambda: clerk.require("stopped"))
    assert _assert_translated(exc) == (
        "The account lan (Reception clerk) may not «Processing stopped»"
    )


def test_status_conflict_translates_action_and_status() -> None:
    exc = _raised(lambda: next_status(Status.RETURNED, "returned"))
    assert isinstance(exc, Conflict)
    assert exc.message == "Không thể «Trả kết quả» khi hồ sơ đang ở trạng thái «Đã trả kết quả»"
    assert _assert_translated(exc) == (
        "Cannot «Return the result» while the dossier is in the status «Result returned»"
    )


@pytest.mark.parametrize(
    ("call", "english"),
    [
        (
            lambda: identity.check_personal_id("001090000001", sex="nữ"),
            "Digit 4 (century/sex) is 0, which is for male, and does not match the sex female",
        ),
        (
            lambda: identity.normalise_phone("01234567890"),
            "The prefix 0123 was replaced in 2018; enter the new 10-digit number",
        ),
        (
            lambda: identity.check_identity_number("12345"),
            "The ID number must have exactly 12 digits (or 9 digits for an old identity card);"
            " 5 digits entered",
        ),
    ],
)
def test_validation_messages(call: object, english: str) -> None:
    exc = _raised(call)
    assert isinstance(exc, ValidationError) and exc.field
    assert _assert_translated(exc) == english


# ------------------------------------------------------------------ rendering (errors.py)


def test_nested_msg_is_translated_and_filled() -> None:
    table = {
        "Không ghi được tệp {path}: {reason}": "Cannot write {path}: {reason}",
        "ổ đĩa đã đầy": "the disk is full",
    }
    exc = StorageError("Không ghi được tệp {path}: {reason}", path="/a", reason=Msg("ổ đĩa đã đầy"))
    assert exc.message == "Không ghi được tệp /a: ổ đĩa đã đầy"
    assert exc.render(lambda t: table.get(t, t)) == "Cannot write /a: the disk is full"


def test_a_translation_with_wrong_placeholders_falls_back_to_vietnamese() -> None:
    assert render("Có {n} hồ sơ", {"n": 3}, lambda t: "{count} dossiers") == "Có 3 hồ sơ"


def test_as_msg_carries_another_error_into_a_new_one() -> None:
    inner = ValidationError("Chưa nhập {label}.", label=Msg("tên thủ tục"))
    outer = ValidationError("{reason}", reason=inner.as_msg(), field="x")
    assert outer.message == "Chưa nhập tên thủ tục."
    assert outer.render(translate_en) == "Enter the procedure name."


# ------------------------------------------------------------------ the extractor itself


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "onestop_desktop"
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


_ERRORS = """
    class Msg:
        def __init__(self, template, /, **args): ...
    class OneStopError(Exception):
        def __init__(self, template, /, *, detail="", **args):
            super().__init__(template)
    class ValidationError(OneStopError):
        def __init__(self, template, /, *, field="", detail="", **args):
            super().__init__(template, detail=detail, **args)
    class NotFound(OneStopError):
        pass
"""


def test_extractor_finds_templates_and_problems(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "errors.py": _ERRORS,
            "svc/a.py": """
                from onestop_desktop import errors
                from onestop_desktop.errors import Msg, NotFound, ValidationError

                class Missing(NotFound):  # a subclass of a subclass, in another module
                    pass

                class Duplicate(errors.OneStopError):  # builds its own message
                    def __init__(self, earlier):
                        super().__init__("Đã có {n} hồ sơ", n=len(earlier))

                def fail(template, **args):  # passes its parameter on as a template
                    raise ValidationError(template, field="x", **args)

                def f(key, x):
                    raise Missing("Không thấy «{key}»", key=key)           # ok
                    raise errors.NotFound("Không thấy " "gì")               # ok, concatenated
                    raise NotFound(f"Không thấy {key}")                    # f-string
                    raise ValidationError("Sai {a}", b=1, field="y")        # wrong kwargs
                    fail("Qua helper {v}", v=1)                            # ok, via the helper
                    fail(x.strip())                                        # variable
                    Duplicate([1])                                         # not a template call
                    return Msg("lý do {r}", r=Msg("con"))                  # two Msg
            """,
        },
    )
    sites = extractor.collect(root)
    found = {s.template: s for s in sites if s.template is not None}
    assert set(found) == {
        "Đã có {n} hồ sơ",
        "Không thấy «{key}»",
        "Không thấy gì",
        "Sai {a}",
        "Qua helper {v}",
        "lý do {r}",
        "con",
    }
    assert all(not s.problem for t, s in found.items() if t != "Sai {a}")
    assert "no argument for ['a']" in found["Sai {a}"].problem
    assert "['b']" in found["Sai {a}"].problem
    problems = sorted((s.line, s.callee) for s in sites if s.template is None)
    lines = (root / "svc/a.py").read_text(encoding="utf-8").splitlines()
    assert [lines[n - 1].split("#")[1].strip() for n, _ in problems] == ["f-string", "variable"]
    assert [c for _, c in problems] == ["NotFound", "fail"]


def test_extractor_keeps_translations_and_drops_vanished(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "errors.py": _ERRORS,
            "a.py": """
                from onestop_desktop.errors import NotFound
                def f():
                    raise NotFound("Một")
                    raise NotFound("Hai {x}", x=1)
            """,
        },
    )
    ts = tmp_path / "errors_en.ts"
    assert extractor.write_ts(ts, extractor.collect(root), "en") == (2, 2, 0)
    text = ts.read_text(encoding="utf-8").replace(
        '<translation type="unfinished" />', "<translation>One</translation>", 1
    )
    ts.write_text(text, encoding="utf-8")
    (root / "a.py").write_text(
        "from onestop_desktop.errors import NotFound\n"
        "def f():\n    raise NotFound('Một')\n    raise NotFound('Ba')\n",
        encoding="utf-8",
    )
    assert extractor.write_ts(ts, extractor.collect(root), "en") == (2, 1, 1)
    assert extractor.read_ts_all(ts) == {"Một": ("One", True), "Ba": ("", False)}
