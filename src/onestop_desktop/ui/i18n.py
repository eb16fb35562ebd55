"""Languages of the GUI: Vietnamese (the source text of every string) and English.

Every string a clerk sees is written in Vietnamese, with diacritics, as the *source* text of a Qt
translation (``self.tr("Tìm hồ sơ")``, ``QT_TRANSLATE_NOOP("WorklistModel", "Mã hồ sơ")``).
Vietnamese therefore needs no catalogue of our own; English comes from
``resources/translations/onestop_en.qm``, built from ``onestop_en.ts`` by
``installer/translations.sh``.

Qt's own strings come from the ``qtbase_<lang>`` catalogue that Qt ships. Qt ships none for
Vietnamese, so the app avoids Qt's built-in texts (its dialogs use buttons with their own
texts) and retitles the one it shows, the edit context menu (:func:`use_translated_edit_menu`).

The language is, in order: ``ONESTOP_LANG`` in the environment, the ``ui/language`` value of
the user's QSettings, Vietnamese.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from importlib.resources import as_file, files

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QPoint,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit

from onestop_desktop.errors import OneStopError

log = logging.getLogger(__name__)

RESOURCES_PACKAGE = "onestop_desktop.resources"
ENV_VAR = "ONESTOP_LANG"
SETTINGS_KEY = "ui/language"
DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")
CATALOGUE_PREFIX = "onestop_"

_LOCALES = {
    "vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

# The translators this module installed, so a second :func:`install` replaces them.
_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for ``pyside6-lupdate`` in ``context``; return it unchanged.

    Qt's macro, typed: PySide6's own returns ``object``. lupdate finds calls by this name, so
    tables of translatable texts (headers, status names) can be defined at import time and
    translated when shown, with ``QCoreApplication.translate(context, source)``.
    """
    del context
    return source


def normalise_language(value: object) -> str | None:
    """``"en"``, ``"vi"`` or ``None`` from a value such as ``"en_GB"``, ``"EN"``, ``"vi-VN"``."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else None


def choose_language(setting: object = None) -> str:
    """The GUI language: ``ONESTOP_LANG``, else ``setting``, else the user's QSettings, else vi.

    QSettings is read only when the application and organisation names are set (``app.py``
    sets them before calling this).
    """
    for candidate in (os.environ.get(ENV_VAR), setting):
        lang = normalise_language(candidate)
        if lang:
            return lang
    if QCoreApplication.organizationName() and QCoreApplication.applicationName():
        lang = normalise_language(QSettings().value(SETTINGS_KEY))
        if lang:
            return lang
    return DEFAULT_LANGUAGE


def catalogue_name(lang: str) -> str:
    """The file name of the app's compiled catalogue for ``lang``: ``onestop_en.qm``."""
    return f"{CATALOGUE_PREFIX}{lang}.qm"


def load_catalogue(lang: str) -> QTranslator | None:
    """The app's translator for ``lang`` from the package resources (``None`` for vi)."""
    if lang == DEFAULT_LANGUAGE:
        return None
    resource = files(RESOURCES_PACKAGE).joinpath("translations").joinpath(catalogue_name(lang))
    translator = QTranslator()
    # The package is installed as plain files (checkout, wheel, frozen build alike), so the
    # resource is a real path; as_file() also covers a zip import.
    with as_file(resource) as path:
        if not path.is_file():
            log.warning("translation catalogue %s is missing", path)
            return None
        if not translator.load(str(path)) or translator.isEmpty():
            log.warning("translation catalogue %s could not be loaded", path)
            return None
    return translator


def load_qtbase(lang: str) -> QTranslator | None:
    """Qt's own translator for ``lang`` (``qtbase_<lang>.qm``), if Qt ships one (not for vi)."""
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(_LOCALES[lang], "qtbase", "_", folder):
        return translator
    return None


def install(lang: str | None = None) -> str:
    """Install the translators for ``lang`` (default: :func:`choose_language`); the language.

    Replaces the translators a previous call installed, so the language can change at run time
    (widgets get a ``LanguageChange`` event and re-translate). Also sets the default
    :class:`QLocale`, which formats numbers (``3.000`` in Vietnamese, ``3,000`` in English).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    chosen = normalise_language(lang) or choose_language()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    for new in (load_qtbase(chosen), load_catalogue(chosen)):
        if new is not None and QCoreApplication.installTranslator(new):
            _installed.append(new)
    QLocale.setDefault(_LOCALES[chosen])
    return chosen


def current_language() -> str:
    """The language of the installed translators (``vi`` when none is installed)."""
    for translator in _installed:
        lang = normalise_language(translator.language())
        if lang and lang != DEFAULT_LANGUAGE:
            return lang
    return DEFAULT_LANGUAGE


def fmt(text: str, *values: object) -> str:
    """Fill Qt-style placeholders ``%1``, ``%2``... of a translated string, in one pass.

    (PySide6's ``tr()`` returns a Python ``str``, which has no ``arg()``.) One pass, so a value
    that itself contains ``%2`` is left alone.
    """

    def repl(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return re.sub(r"%(\d)", repl, text)


# ------------------------------------------------------------------ service messages

_ERRORS = "OneStopError"

# The service messages the GUI can show: a pattern over the Vietnamese text, and the template
# to translate (same placeholders, in the order of the pattern's groups). A message with no
# pattern is translated as a whole if the catalogue has it, else shown as the service wrote it
# (Vietnamese): always correct, only not translated.
_MESSAGE_TEMPLATES: tuple[tuple[str, str], ...] = (
    (
        r"^Sai tên đăng nhập hoặc mật khẩu$",
        QT_TRANSLATE_NOOP("OneStopError", "Sai tên đăng nhập hoặc mật khẩu"),
    ),
    (
        r"^Sai tên đăng nhập hoặc mật khẩu \(còn (\d+) lần thử trước khi khóa\)$",
        QT_TRANSLATE_NOOP(
            "OneStopError", "Sai tên đăng nhập hoặc mật khẩu (còn %1 lần thử trước khi khóa)"
        ),
    ),
    (
        r"^Sai mật khẩu (\d+) lần: tài khoản bị khóa (\d+) phút$",
        QT_TRANSLATE_NOOP("OneStopError", "Sai mật khẩu %1 lần: tài khoản bị khóa %2 phút"),
    ),
    (
        r"^Tài khoản bị khóa do nhập sai mật khẩu (\d+) lần; thử lại sau (\d\d:\d\d)$",
        QT_TRANSLATE_NOOP(
            "OneStopError", "Tài khoản bị khóa do nhập sai mật khẩu %1 lần; thử lại sau %2"
        ),
    ),
    (
        r"^Tài khoản «(.+)» đã bị vô hiệu hóa$",
        QT_TRANSLATE_NOOP("OneStopError", "Tài khoản «%1» đã bị vô hiệu hóa"),
    ),
    (
        r"^Cơ sở dữ liệu chưa được khởi tạo; hãy chạy «onestop init»$",
        QT_TRANSLATE_NOOP(
            "OneStopError", "Cơ sở dữ liệu chưa được khởi tạo; hãy chạy «onestop init»"
        ),
    ),
    (
        r"^Chưa có cơ sở dữ liệu tại (.+); hãy chạy «onestop init» trước$",
        QT_TRANSLATE_NOOP(
            "OneStopError", "Chưa có cơ sở dữ liệu tại %1; hãy chạy «onestop init» trước"
        ),
    ),
    (
        r"^Tệp (.+) không phải cơ sở dữ liệu SQLite của OneStop$",
        QT_TRANSLATE_NOOP("OneStopError", "Tệp %1 không phải cơ sở dữ liệu SQLite của OneStop"),
    ),
    (
        r"^Thư mục dữ liệu chỉ cho phép đọc, không ghi được(.*)$",
        QT_TRANSLATE_NOOP("OneStopError", "Thư mục dữ liệu chỉ cho phép đọc, không ghi được%1"),
    ),
    (
        r"^Ổ đĩa đã đầy, không ghi được dữ liệu(.*)$",
        QT_TRANSLATE_NOOP("OneStopError", "Ổ đĩa đã đầy, không ghi được dữ liệu%1"),
    ),
    (
        r"^Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu SQLite(.*)$",
        QT_TRANSLATE_NOOP(
            "OneStopError", "Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu SQLite%1"
        ),
    ),
    (
        r"^Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau(.*)$",
        QT_TRANSLATE_NOOP(
            "OneStopError", "Cơ sở dữ liệu đang bị một chương trình khác khóa, thử lại sau%1"
        ),
    ),
    (
        r"^Không mở được cơ sở dữ liệu(.*)$",
        QT_TRANSLATE_NOOP("OneStopError", "Không mở được cơ sở dữ liệu%1"),
    ),
    (
        r"^Lỗi cơ sở dữ liệu(.*)$",
        QT_TRANSLATE_NOOP("OneStopError", "Lỗi cơ sở dữ liệu%1"),
    ),
    (
        r"^Cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu gần nhất \(onestop restore\)$",
        QT_TRANSLATE_NOOP(
            "OneStopError",
            "Cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu gần nhất (onestop restore)",
        ),
    ),
    (
        r"^Cơ sở dữ liệu thuộc phiên bản phần mềm mới hơn; hãy cập nhật OneStop Desktop "
        r"trước khi mở$",
        QT_TRANSLATE_NOOP(
            "OneStopError",
            "Cơ sở dữ liệu thuộc phiên bản phần mềm mới hơn; hãy cập nhật OneStop Desktop "
            "trước khi mở",
        ),
    ),
)


@functools.cache
def _message_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The message patterns, compiled on first use (not while the sign-in window starts)."""
    return tuple((re.compile(pattern), template) for pattern, template in _MESSAGE_TEMPLATES)


def translate_message(message: str) -> str:
    """A service's Vietnamese message in the GUI language (as is when it has no translation)."""
    for pattern, template in _message_patterns():
        match = pattern.match(message)
        if match:
            return fmt(QCoreApplication.translate(_ERRORS, template), *match.groups())
    return QCoreApplication.translate(_ERRORS, message)


def error_text(exc: OneStopError) -> str:
    """What to show a clerk for an expected fault (its message, translated)."""
    return translate_message(exc.message)


# ------------------------------------------------------------------ Qt's own strings

# Qt ships no Vietnamese catalogue (no qtbase_vi.qm), so Qt's few built-in texts the app can
# show (the edit context menu of line and text edits) are retitled with our own strings, found
# by the actions' object names. (A Python QTranslator subclass cannot do it: PySide6 6.12 on
# Python 3.11 drops a reference to None on every call of an overridden translate(), which
# aborts the interpreter.)
EDIT_ACTIONS: dict[str, str] = {
    "edit-undo": QT_TRANSLATE_NOOP("EditMenu", "&Hoàn tác"),
    "edit-redo": QT_TRANSLATE_NOOP("EditMenu", "&Làm lại"),
    "edit-cut": QT_TRANSLATE_NOOP("EditMenu", "Cắ&t"),
    "edit-copy": QT_TRANSLATE_NOOP("EditMenu", "&Sao chép"),
    "edit-paste": QT_TRANSLATE_NOOP("EditMenu", "&Dán"),
    "edit-delete": QT_TRANSLATE_NOOP("EditMenu", "&Xóa"),
    "select-all": QT_TRANSLATE_NOOP("EditMenu", "Chọ&n tất cả"),
    "link-copy": QT_TRANSLATE_NOOP("EditMenu", "Sao chép địa chỉ liên &kết"),
}


def translate_edit_menu(menu: QMenu) -> QMenu:
    """Retitle the actions of a standard edit context menu in the GUI language.

    The shortcut Qt appends after a tab (``"&Copy\tCtrl+C"``) is kept.
    """
    for action in menu.actions():
        source = EDIT_ACTIONS.get(action.objectName())
        if source is None:
            continue
        _, tab, shortcut = action.text().partition("\t")
        action.setText(QCoreApplication.translate("EditMenu", source) + tab + shortcut)
    return menu


def use_translated_edit_menu(widget: QLineEdit | QPlainTextEdit) -> None:
    """Give ``widget`` its standard context menu, with translated texts."""

    def show(pos: QPoint) -> None:
        menu = translate_edit_menu(widget.createStandardContextMenu())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(widget.mapToGlobal(pos))

    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(show)
