#!/usr/bin/env bash
# OneStop Desktop: refresh the GUI translations.
#
#   bash installer/translations.sh            # update onestop_en.ts from the sources, build .qm
#   bash installer/translations.sh --check    # also fail if a message is untranslated
#
# Every string a clerk sees is written in Vietnamese in the sources (the source text of the
# Qt translation: self.tr("..."), QCoreApplication.translate(ctx, "..."), QT_TRANSLATE_NOOP).
# Steps:
#   1. pyside6-lupdate scans every src/onestop_desktop/ui/**/*.py and app.py and merges
#      new/changed messages into resources/translations/onestop_<lang>.ts (existing
#      translations are kept, vanished ones dropped);
#   2. installer/error_catalogue.py reads every module of src/onestop_desktop and merges every
#      error message template (context OneStopError) into errors_<lang>.ts the same way, and
#      lists the raise sites whose message is not a string literal (they cannot be translated);
#   3. pyside6-lrelease compiles each .ts into the .qm that the app loads (committed, so a
#      checkout runs without Qt's tools).
# Translate new messages with pyside6-linguist (or by editing the .ts), then run this again.
# --check fails on an untranslated message and on a raise site that is not a string literal.
# Environment: LUPDATE / LRELEASE override the tools (default: .venv/bin/pyside6-*, then PATH);
# PYTHON the interpreter for error_catalogue.py (default: .venv/bin/python, then python3).
set -euo pipefail

REPO_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_DIR"

readonly LANGUAGES=(en)
readonly TS_DIR=resources/translations
CHECK=0
for arg in "$@"; do
    case "$arg" in
        --check) CHECK=1 ;;
        -h | --help)
            sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            printf 'translations.sh: unknown argument %s\n' "$arg" >&2
            exit 2
            ;;
    esac
done

find_tool() { # $1: tool name
    if [[ -x "$REPO_DIR/.venv/bin/$1" ]]; then
        printf '%s\n' "$REPO_DIR/.venv/bin/$1"
    elif command -v "$1" >/dev/null 2>&1; then
        command -v "$1"
    else
        printf 'translations.sh: %s not found (pip install PySide6-Essentials)\n' "$1" >&2
        return 1
    fi
}
LUPDATE="${LUPDATE:-$(find_tool pyside6-lupdate)}"
LRELEASE="${LRELEASE:-$(find_tool pyside6-lrelease)}"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x "$REPO_DIR/.venv/bin/python" ]]; then
        PYTHON="$REPO_DIR/.venv/bin/python"
    else
        PYTHON=python3
    fi
fi

shopt -s nullglob
sources=(src/onestop_desktop/ui/*.py src/onestop_desktop/ui/*/*.py src/onestop_desktop/app.py)
shopt -u nullglob
((${#sources[@]} > 0)) || {
    printf 'translations.sh: no sources found under src/onestop_desktop/ui\n' >&2
    exit 1
}

mkdir -p "$TS_DIR"
for lang in "${LANGUAGES[@]}"; do
    ts="$TS_DIR/onestop_${lang}.ts"
    qm="$TS_DIR/onestop_${lang}.qm"
    printf '==> %s: lupdate (%d source files)\n' "$ts" "${#sources[@]}"
    "$LUPDATE" -no-obsolete -locations relative -source-language vi_VN \
        -target-language "$lang" "${sources[@]}" -ts "$ts"
    errors_ts="$TS_DIR/errors_${lang}.ts"
    errors_qm="$TS_DIR/errors_${lang}.qm"
    printf '==> %s: error templates\n' "$errors_ts"
    catalogue_args=(--ts "$errors_ts")
    ((CHECK == 0)) || catalogue_args+=(--check)
    "$PYTHON" installer/error_catalogue.py "${catalogue_args[@]}"
    release_args=()
    ((CHECK == 0)) || release_args+=(-fail-on-unfinished)
    for pair in "$ts:$qm" "$errors_ts:$errors_qm"; do
        printf '==> %s: lrelease\n' "${pair#*:}"
        "$LRELEASE" "${release_args[@]}" "${pair%%:*}" -qm "${pair#*:}"
    done
done

