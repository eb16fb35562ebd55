"""The procedure catalogue (danh mục thủ tục hành chính): what a counter can receive.

Pure rules, no I/O: the records, their validation and their dict form (JSON and the flat rows of
CSV/XLSX files both go through :func:`check_procedure_dict`). Every text is NFC so that search,
sorting and printed slips behave the same whatever keyboard typed it (docs toolchain.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Literal, get_args

from onestop_desktop.domain.calendar import TimeLimit, parse_time_limit, parse_time_unit
from onestop_desktop.domain.clock import fmt_int
from onestop_desktop.domain.text import fold, nfc, nfkc_code
from onestop_desktop.errors import Msg, ValidationError

DocumentForm = Literal["original", "certified_copy", "copy"]
DOCUMENT_FORMS: tuple[DocumentForm, ...] = get_args(DocumentForm)

#: How the one-stop forms (Mẫu 01, 02) name each form of a document.
DOCUMENT_FORM_LABELS: dict[DocumentForm, str] = {
    "original": "Bản chính",
    "certified_copy": "Bản sao có chứng thực",
    "copy": "Bản sao",
}

_FORM_WORDS: dict[str, DocumentForm] = {
    "original": "original",
    "ban chinh": "original",
    "certified_copy": "certified_copy",
    "certified copy": "certified_copy",
    "ban sao co chung thuc": "certified_copy",
    "ban sao chung thuc": "certified_copy",
    "copy": "copy",
    "ban sao": "copy",
    "ban photo": "copy",
}

#: Vietnamese name of each field, as a translatable word of a message.
_FIELD_MSGS: dict[str, Msg] = {
    "code": Msg("Mã thủ tục"),
    "name": Msg("Tên thủ tục"),
    "field": Msg("Lĩnh vực"),
    "competent_body": Msg("Cơ quan có thẩm quyền"),
    "time_limit": Msg("Thời hạn giải quyết"),
    "time_limit_value": Msg("Thời hạn giải quyết"),
    "time_limit_unit": Msg("Đơn vị thời hạn"),
    "fee_text": Msg("Phí, lệ phí"),
    "fee_amount": Msg("Mức thu (đồng)"),
    "documents": Msg("Thành phần hồ sơ"),
    "result": Msg("Kết quả"),
    "legal_basis": Msg("Căn cứ pháp lý"),
    "linked": Msg("Liên thông"),
    "published": Msg("Công khai"),
    "version": Msg("Phiên bản"),
    "note": Msg("Ghi chú"),
}

#: Vietnamese name of each field, as the Vietnamese column headers of a catalogue file.
FIELD_LABELS: dict[str, str] = {key: msg.template for key, msg in _FIELD_MSGS.items()}

#: The required text fields, in lower case for "Chưa nhập …".
_MISSING_FIELD: dict[str, Msg] = {
    "name": Msg("tên thủ tục"),
    "field": Msg("lĩnh vực"),
    "competent_body": Msg("cơ quan có thẩm quyền"),
}


def _label(field: str) -> Msg:
    """The translatable name of ``field`` for a message."""
    return _FIELD_MSGS[field]


_MAX_COUNT = 99
_MAX_FEE = 1_000_000_000
_MAX_TEXT = 4000

FIELD_LIMITS: dict[str, int] = {
    "name": 500,
    "field": 200,
    "competent_body": 500,
    "fee_text": 2000,
    "result": 1000,
    "legal_basis": _MAX_TEXT,
    "note": 2000,
    "documents": 500,
}
"""Longest text of each field, in characters after NFC (``documents``: one document's name).
The longest names on dichvucong.gov.vn are about 300 characters and a legal basis lists a few
decrees; the bounds leave room for those and refuse a pasted page or a crafted file that would
overflow the intake screen, the slip and the report cells."""

MAX_DOCUMENTS = 60
"""Most documents one procedure may list in Thành phần hồ sơ: the longest real lists have about
twenty; a file with thousands is not a catalogue and would make the intake checklist unusable."""

_BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
"""Embedding, override and isolate controls: they reorder what the clerk sees ("Trojan Source").
Other format characters (zero-width space, soft hyphen) come with text copied from web pages
and are harmless, so they are kept."""


def _text(value: str, field: str, *, required: bool) -> str:
    """NFC text without control characters (they break XLSX files and printed slips) or bidi
    controls, within the field's limit (:data:`FIELD_LIMITS`)."""
    text = nfc(value)
    for ch in text:
        if unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS:
            raise ValidationError(
                "{label} có ký tự điều khiển không hợp lệ (mã U+{code}).",
                field=field,
                label=_label(field),
                code=f"{ord(ch):04X}",
            )
    if required and not text:
        raise ValidationError(
            "Chưa nhập {label}.", field=field, label=_MISSING_FIELD.get(field, _label(field))
        )
    limit = FIELD_LIMITS.get(field, _MAX_TEXT)
    if len(text) > limit:
        raise ValidationError(
            "{label} dài {length} ký tự, quá giới hạn {limit} ký tự.",
            field=field,
            label=_label(field),
            length=fmt_int(len(text)),
            limit=fmt_int(limit),
        )
    return text


# --------------------------------------------------------------------------------------------------
# Procedure codes

_NATIONAL = re.compile(r"\d\.\d{6}")
# National code + the province's agency identifier (and an optional service variant), e.g.
# 1.001193.000.00.00.H56 or 2.000815.000.00.00.H55.02 (reference §2): dotted groups of 0-9/A-Z.
_PROVINCIAL = re.compile(r"\d\.\d{6}(?:\.[0-9A-Z]+)+")
_MAX_CODE = 8 + 1 + 35 + 3  # national code, dot, agency identifier (≤ 35), variant


def validate_procedure_code(text: str) -> str:
    """The TTHC code, trimmed and upper-cased: ``1.001193`` or ``1.001193.000.00.00.H56``."""
    code = nfkc_code(text).upper()
    if _NATIONAL.fullmatch(code) or (_PROVINCIAL.fullmatch(code) and len(code) <= _MAX_CODE):
        return code
    raise ValidationError(
        "Mã thủ tục «{code}» không đúng dạng: cần mã quốc gia N.NNNNNN (ví dụ 1.001193) "
        "hoặc mã của tỉnh (ví dụ 1.001193.000.00.00.H56).",
        field="code",
        code=nfc(text),
    )


def national_code(code: str) -> str:
    """The national part of a code: ``1.001193.000.00.00.H56`` → ``1.001193``."""
    return validate_procedure_code(code)[:8]


# --------------------------------------------------------------------------------------------------
# Documents


def parse_document_form(text: str) -> DocumentForm:
    """A form from its key ("certified_copy") or its Vietnamese label ("Bản sao có chứng thực")."""
    form = _FORM_WORDS.get(" ".join(fold(text).split()))
    if form is None:
        raise ValidationError(
            "Hình thức giấy tờ «{form}» không hợp lệ: dùng «Bản chính», "
            "«Bản sao có chứng thực» hoặc «Bản sao».",
            field="documents",
            form=nfc(text),
        )
    return form


@dataclass(frozen=True)
class RequiredDocument:
    """One line of "Thành phần hồ sơ": what to hand in, in which form, how many."""

    name: str
    form: DocumentForm = "original"
    count: int = 1

    def __post_init__(self) -> None:
        name = _text(self.name, "documents", required=False)
        if not name:
            raise ValidationError("Thành phần hồ sơ có giấy tờ chưa nhập tên.", field="documents")
        object.__setattr__(self, "name", name)
        if self.form not in DOCUMENT_FORMS:
            object.__setattr__(self, "form", parse_document_form(str(self.form)))
        if type(self.count) is not int or not 1 <= self.count <= _MAX_COUNT:
            raise ValidationError(
                "Số lượng của giấy tờ «{name}» phải từ 1 đến {limit} (nhận được {value}).",
                field="documents",
                name=self.name,
                limit=fmt_int(_MAX_COUNT),
                value=repr(self.count),
            )

    @property
    def form_label(self) -> str:
        """ "Bản chính", "Bản sao có chứng thực" or "Bản sao"."""
        return DOCUMENT_FORM_LABELS[self.form]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace(";", "\\;")


def format_documents(documents: Iterable[RequiredDocument], *, vietnamese: bool = False) -> str:
    """One cell for CSV/XLSX: ``name|form|count`` items joined by ``;`` (``\\`` escapes | ; \\).

    ``vietnamese`` writes the form as its label ("Bản chính") for files clerks edit by hand.
    """
    return ";".join(
        f"{_escape(doc.name)}|{DOCUMENT_FORM_LABELS[doc.form] if vietnamese else doc.form}|"
        f"{doc.count}"
        for doc in documents
    )


def _split_escaped(text: str, sep: str) -> list[str]:
    """Split on unescaped ``sep``, keeping escapes for the next level."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            current.append(ch + next(chars, ""))
        elif ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _check_document_count(count: int) -> None:
    if count > MAX_DOCUMENTS:
        raise ValidationError(
            "Thành phần hồ sơ có {count} giấy tờ, quá giới hạn {limit}.",
            field="documents",
            count=fmt_int(count),
            limit=fmt_int(MAX_DOCUMENTS),
        )


def parse_documents(text: str) -> tuple[RequiredDocument, ...]:
    """The inverse of :func:`format_documents`; form and count may be left out (Bản chính, 1)."""
    documents: list[RequiredDocument] = []
    items = _split_escaped(text, ";")
    _check_document_count(sum(1 for item in items if item.strip()))
    for item in items:
        if not item.strip():
            continue
        parts = [_unescape(part).strip() for part in _split_escaped(item, "|")]
        if len(parts) > 3:
            raise ValidationError(
                "Giấy tờ «{name}» có quá nhiều phần: viết «tên|hình thức|số lượng».",
                field="documents",
                name=nfc(parts[0]),
            )
        name = parts[0]
        form = parse_document_form(parts[1]) if len(parts) > 1 and parts[1] else "original"
        count_text = parts[2] if len(parts) > 2 else ""
        if count_text and not count_text.isdigit():
            raise ValidationError(
                "Số lượng của giấy tờ «{name}» phải là số nguyên (nhận được «{value}»).",
                field="documents",
                name=nfc(name),
                value=count_text,
            )
        documents.append(RequiredDocument(name, form, int(count_text) if count_text else 1))
    return tuple(documents)


# --------------------------------------------------------------------------------------------------
# Procedures


@dataclass(frozen=True)
class Procedure:
    """One administrative procedure (TTHC) as the counter uses it.

    ``fee_amount`` is the default amount in đồng, or None when the fee is set by the provincial
    People's Council (HĐND tỉnh) or otherwise varies; ``fee_text`` always says it in words.
    ``linked`` marks a procedure handled under the liên thông mechanism; ``published`` whether it
    is offered at intake. ``note`` keeps caveats, e.g. facts still to verify on dichvucong.gov.vn.
    """

    code: str
    name: str
    field: str
    competent_body: str
    time_limit: TimeLimit
    fee_text: str
    fee_amount: int | None
    documents: tuple[RequiredDocument, ...]
    result: str
    legal_basis: str
    linked: bool
    published: bool
    version: int = 1
    note: str = ""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "code", validate_procedure_code(self.code))
        for name in ("name", "field", "competent_body"):
            set_(self, name, _text(getattr(self, name), name, required=True))
        for name in ("fee_text", "result", "legal_basis", "note"):
            set_(self, name, _text(getattr(self, name), name, required=False))
        if not isinstance(self.time_limit, TimeLimit):
            raise ValidationError("Thời hạn giải quyết không hợp lệ.", field="time_limit")
        if self.fee_amount is not None and (
            type(self.fee_amount) is not int or not 0 <= self.fee_amount <= _MAX_FEE
        ):
            raise ValidationError(
                "Mức thu phải là số đồng không âm, hoặc để trống nếu theo HĐND tỉnh "
                "(nhận được {value}).",
                field="fee_amount",
                value=repr(self.fee_amount),
            )
        documents = tuple(self.documents)
        if not all(isinstance(doc, RequiredDocument) for doc in documents):
            raise ValidationError("Thành phần hồ sơ không hợp lệ.", field="documents")
        _check_document_count(len(documents))
        set_(self, "documents", documents)
        for name in ("linked", "published"):
            if type(getattr(self, name)) is not bool:
                raise ValidationError(
                    "{label} phải là có hoặc không.", field=name, label=_label(name)
                )
        if type(self.version) is not int or self.version < 1:
            raise ValidationError(
                "Phiên bản phải là số nguyên từ 1 (nhận được {value}).",
                field="version",
                value=repr(self.version),
            )

    @property
    def national_code(self) -> str:
        """The national ``N.NNNNNN`` part of the code."""
        return self.code[:8]


# --------------------------------------------------------------------------------------------------
# Dict form

_TRUE = {"true", "1", "co", "x", "yes", "y", "dung"}
_FALSE = {"false", "0", "khong", "no", "n", "sai"}
_MONEY = re.compile(r"\d{1,3}(?:[., ]\d{3})+|\d+")
_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnđ|vnd|dong|d)\.?$", re.IGNORECASE)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_bool(value: object, field: str, default: bool) -> bool:
    """true/false, 1/0, có/không, x/blank — what people type in a spreadsheet."""
    if isinstance(value, bool):
        return value
    if _blank(value):
        return default
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = fold(value)
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise ValidationError(
        "{label}: «{value}» không hiểu được, hãy ghi «có» hoặc «không».",
        field=field,
        label=_label(field),
        value=str(value),
    )


def _integer(value: object, field: str) -> int:
    """An integer from an int, an integral float (XLSX) or digits with thousands separators."""
    if isinstance(value, bool):
        raise ValidationError("{label} phải là số nguyên.", field=field, label=_label(field))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = _CURRENCY.sub("", value.strip())
        if _MONEY.fullmatch(text):
            return int(re.sub(r"\D", "", text))
    raise ValidationError(
        "{label} phải là số nguyên (nhận được «{value}»).",
        field=field,
        label=_label(field),
        value=str(value),
    )


def _str(value: object, field: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise ValidationError("{label} phải là văn bản.", field=field, label=_label(field))


def _field_text(data: Mapping[str, object], key: str, *, required: bool) -> str:
    return _text(_str(data.get(key), key), key, required=required)


def _time_limit(data: Mapping[str, object]) -> TimeLimit:
    """From ``time_limit`` (text or {"value", "unit"}) or flat ``time_limit_value``/``_unit``."""
    if "time_limit" in data and not _blank(data["time_limit"]):
        raw = data["time_limit"]
        if isinstance(raw, Mapping):
            return _time_limit(
                {"time_limit_value": raw.get("value"), "time_limit_unit": raw.get("unit")}
            )
        if isinstance(raw, str):
            return parse_time_limit(raw)
        raise ValidationError("Thời hạn giải quyết không hợp lệ.", field="time_limit")
    value, unit_text = data.get("time_limit_value"), data.get("time_limit_unit")
    if _blank(unit_text):
        # The value cell may hold the whole limit: "03 ngày làm việc", "trong ngày".
        if isinstance(value, str) and not value.strip().isdigit() and value.strip():
            try:
                return parse_time_limit(value)
            except ValidationError as exc:
                raise ValidationError(
                    "{reason}", field="time_limit_value", reason=exc.as_msg()
                ) from None

        if _blank(value):
            raise ValidationError("Chưa nhập thời hạn giải quyết.", field="time_limit_value")
        raise ValidationError(
            "Chưa nhập đơn vị thời hạn (ngày làm việc, giờ làm việc, ngày, trong ngày).",
            field="time_limit_unit",
        )
    unit = parse_time_unit(_str(unit_text, "time_limit_unit"))
    if unit == "same_day" and _blank(value):
        return TimeLimit(0, unit)
    if _blank(value):
        raise ValidationError("Chưa nhập thời hạn giải quyết.", field="time_limit_value")
    return TimeLimit(_integer(value, "time_limit_value"), unit)


def _documents(value: object) -> tuple[RequiredDocument, ...]:
    if _blank(value):
        return ()
    if isinstance(value, str):
        return parse_documents(value)
    if isinstance(value, (list, tuple)):
        _check_document_count(len(value))
        documents: list[RequiredDocument] = []
        for item in value:
            if isinstance(item, str):
                documents.extend(parse_documents(item))
            elif isinstance(item, Mapping):
                name = _str(item.get("name"), "documents")
                form_raw = item.get("form")
                form = (
                    "original"
                    if _blank(form_raw)
                    else parse_document_form(_str(form_raw, "documents"))
                )
                count_raw = item.get("count")
                count = 1 if _blank(count_raw) else _integer(count_raw, "documents")
                documents.append(RequiredDocument(name, form, count))
            else:
                raise ValidationError("Thành phần hồ sơ không hợp lệ.", field="documents")
        return tuple(documents)
    raise ValidationError("Thành phần hồ sơ không hợp lệ.", field="documents")


def check_procedure_dict(
    data: Mapping[str, object],
) -> tuple[Procedure | None, list[ValidationError]]:
    """Build a procedure and collect every field error (a file import reports them all at once).

    Keys are the canonical field names; unknown keys are ignored. ``time_limit`` may be text
    ("03 ngày làm việc"), ``{"value": 3, "unit": "working_days"}``, or the flat
    ``time_limit_value`` + ``time_limit_unit``. ``documents`` may be a list of
    ``{"name", "form", "count"}`` or the ``name|form|count;…`` cell text. Defaults for missing
    keys: no fee text, fee set elsewhere (None), no documents, not linked, published, version 1.
    """
    errors: list[ValidationError] = []
    values: dict[str, object] = {}

    def take(key: str, read: Callable[[], object]) -> None:
        try:
            values[key] = read()
        except ValidationError as exc:
            errors.append(exc)

    take("code", lambda: validate_procedure_code(_str(data.get("code"), "code")))
    for key in ("name", "field", "competent_body"):
        take(key, partial(_field_text, data, key, required=True))
    take("time_limit", lambda: _time_limit(data))
    for key in ("fee_text", "result", "legal_basis", "note"):
        take(key, partial(_field_text, data, key, required=False))
    take(
        "fee_amount",
        lambda: (
            None if _blank(data.get("fee_amount")) else _integer(data["fee_amount"], "fee_amount")
        ),
    )
    take("documents", lambda: _documents(data.get("documents")))
    take("linked", lambda: parse_bool(data.get("linked"), "linked", False))
    take("published", lambda: parse_bool(data.get("published"), "published", True))
    take(
        "version",
        lambda: 1 if _blank(data.get("version")) else _integer(data["version"], "version"),
    )
    if errors:
        return None, errors
    try:
        procedure = Procedure(**values)  # type: ignore[arg-type]
    except ValidationError as exc:
        return None, [exc]
    return procedure, []


def procedure_from_dict(data: Mapping[str, object]) -> Procedure:
    """A procedure from its dict form; the first problem raises, naming the field."""
    procedure, errors = check_procedure_dict(data)
    if procedure is None:
        raise errors[0]
    return procedure


def procedure_to_dict(procedure: Procedure) -> dict[str, object]:
    """The JSON form, read back by :func:`procedure_from_dict` to an equal procedure."""
    return {
        "code": procedure.code,
        "name": procedure.name,
        "field": procedure.field,
        "competent_body": procedure.competent_body,
        "time_limit": {"value": procedure.time_limit.value, "unit": procedure.time_limit.unit},
        "fee_text": procedure.fee_text,
        "fee_amount": procedure.fee_amount,
        "documents": [
            {"name": doc.name, "form": doc.form, "count": doc.count} for doc in procedure.documents
        ],
        "result": procedure.result,
        "legal_basis": procedure.legal_basis,
        "linked": procedure.linked,
        "published": procedure.published,
        "version": procedure.version,
        "note": procedure.note,
    }
