"""Languages of the GUI: Vietnamese (the source text of every string) and English.

Every string a clerk sees is written in Vietnamese, with diacritics, as the *source* text of a Qt
translation (``self.tr("Tìm hồ sơ")``, ``QT_TRANSLATE_NOOP("WorklistModel", "Mã hồ sơ")``).
Vietnamese therefore needs no catalogue of our own; English comes from
``resources/translations/onestop_en.qm``, built from ``onestop_en.ts`` by
``installer/translations.sh``. Error messages have their own catalogue, ``errors_en.qm``
(context ``OneStopError``), built from the templates found in the code (:func:`error_text`).


Qt's own strings come from the ``qtbase_<lang>`` catalogue that Qt ships. Qt ships none for
Vietnamese, so the app avoids Qt's built-in texts (its dialogs use buttons with their own
texts) and retitles the one it shows, the edit context menu (:func:`use_translated_edit_menu`).

The language is, in order: ``ONESTOP_LANG`` in the environment, the ``ui/language`` value of
the user's QSettings, Vietnamese.
"""

from __future__ import annotations

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
    QTranslator,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit

from onestop_desktop.errors import CONTEXT as ERRORS_CONTEXT
from onestop_desktop.errors import Msg, OneStopError

log = logging.getLogger(__name__)

RESOURCES_PACKAGE = "onestop_desktop.resources"
ENV_VAR = "ONESTOP_LANG"
SETTINGS_KEY = "ui/language"
DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")
CATALOGUE_PREFIX = "onestop_"
#: The catalogue of error messages (``resources/translations/errors_<lang>.qm``).
ERRORS_PREFIX = "errors_"

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


def catalogue_name(lang: str, prefix: str = CATALOGUE_PREFIX) -> str:
    """The file name of a compiled catalogue for ``lang``: ``onestop_en.qm``, ``errors_en.qm``."""
    return f"{prefix}{lang}.qm"


def load_catalogue(lang: str, prefix: str = CATALOGUE_PREFIX) -> QTranslator | None:
    """The app's translator for ``lang`` from the package resources (``None`` for vi).

    ``prefix`` chooses the catalogue: the GUI's own texts (``onestop_``) or the error messages
    (``errors_``, see :func:`error_text`).
    """
    if lang == DEFAULT_LANGUAGE:
        return None
    resource = (
        files(RESOURCES_PACKAGE).joinpath("translations").joinpath(catalogue_name(lang, prefix))
    )
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
    for new in (
        load_qtbase(chosen),
        load_catalogue(chosen),
        load_catalogue(chosen, ERRORS_PREFIX),
    ):
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

# An error carries its Vietnamese template and arguments (``errors.py``): the template is looked
# up in the errors catalogue (``errors_<lang>.qm``, context ``OneStopError``, written by
# ``installer/error_catalogue.py`` from every template in the code) and the arguments filled in
# after, so no rendered text is ever parsed. A template with no translation is shown as the
# service wrote it (Vietnamese): always correct, only not translated.


def translate_template(template: str) -> str:
    """An error template (or :class:`~onestop_desktop.errors.Msg` template) in the GUI language."""
    return QCoreApplication.translate(ERRORS_CONTEXT, template)


def translate_message(message: Msg) -> str:
    """A translatable piece of a message (a reason, a label) in the GUI language."""
    return message.render(translate_template)


def error_text(exc: OneStopError) -> str:
    """What to show a clerk for an expected fault: its message in the GUI language."""
    return exc.render(translate_template)


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
    # Here, not at the top: building PySide6's ``Qt`` namespace costs ~35 ms, which the sign-in
    # window pays after it is on screen, not before (start-up, #9).
    from PySide6.QtCore import Qt

    def show(pos: QPoint) -> None:
        menu = translate_edit_menu(widget.createStandardContextMenu())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(widget.mapToGlobal(pos))

    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(show)
