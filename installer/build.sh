#!/usr/bin/env bash
# OneStop Desktop: build the frozen app (PyInstaller onedir) into dist/.
#
#   bash installer/build.sh [--debug] [--no-smoke]
#
# Needs the project's .venv (bash installer/test.sh or installer/quickstart.sh makes it).
# PyInstaller is a build tool, not a dependency of the app: it is installed into .venv on
# first use. Output:
#   dist/onestop-desktop/onestop                         the app folder and its executable
#   dist/onestop-desktop-VERSION-linux-ARCH.tar.gz       the same folder, packed
# --debug builds dist/onestop-desktop-debug/ with a console (ONESTOP_DEBUG_BUILD=1).
# The smoke test runs the frozen app headless in a temporary data folder: `demo` and
# `self-check` must both succeed. End users need a desktop with the system libraries of
# installer/linux-system-libs.txt (the .deb depends on them; build.spec does not bundle them).
set -euo pipefail

SMOKE=1
while (($# > 0)); do
    case "$1" in
        --debug) export ONESTOP_DEBUG_BUILD=1 ;;
        --no-smoke) SMOKE=0 ;;
        -h | --help)
            sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            printf 'build.sh: unknown option: %s\n' "$1" >&2
            exit 2
            ;;
    esac
    shift
done

REPO_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_DIR/.venv"
cd "$REPO_DIR"
[[ -x "$VENV/bin/python" ]] ||
    { echo "build.sh: no .venv: run 'bash installer/test.sh' first" >&2; exit 1; }

if ! "$VENV/bin/python" -c 'import PyInstaller' >/dev/null 2>&1; then
    echo "==> Installing PyInstaller into .venv (build tool only)"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/python" -m pip install --quiet 'pyinstaller>=6.6'
fi

# Keep PyInstaller's cache out of the home folder (CI, shared machines).
export PYINSTALLER_CONFIG_DIR="$REPO_DIR/build/pyinstaller-config"
DIST_DIR="$REPO_DIR/dist"
NAME=onestop-desktop
[[ "${ONESTOP_DEBUG_BUILD:-}" != 1 ]] || NAME=onestop-desktop-debug
WORK_DIR="$REPO_DIR/build/pyinstaller/$NAME"
VERSION="$("$VENV/bin/python" -c 'import onestop_desktop; print(onestop_desktop.__version__)')"

echo "==> PyInstaller: $NAME $VERSION -> dist/$NAME/"
"$VENV/bin/python" -m PyInstaller --noconfirm --clean \
    --distpath "$DIST_DIR" --workpath "$WORK_DIR" build.spec

APP_DIR="$DIST_DIR/$NAME"
EXE="$APP_DIR/onestop"
[[ -x "$EXE" ]] || { echo "build.sh: $EXE was not built" >&2; exit 1; }
cp installer/onestop.desktop "$APP_DIR/"

if ((SMOKE)); then
    echo "==> Smoke test of the frozen app (offscreen, temporary data folder)"
    smoke_dir="$(mktemp -d)"
    trap 'rm -rf -- "$smoke_dir"' EXIT
    QT_QPA_PLATFORM=offscreen "$EXE" --data-dir "$smoke_dir/data" demo --dossiers 5 \
        >"$smoke_dir/demo.log" 2>&1 ||
        { cat "$smoke_dir/demo.log" >&2; echo "build.sh: frozen 'demo' failed" >&2; exit 1; }
    QT_QPA_PLATFORM=offscreen "$EXE" --data-dir "$smoke_dir/data" self-check ||
        { echo "build.sh: frozen 'self-check' failed" >&2; exit 1; }
fi

ARCHIVE="$DIST_DIR/$NAME-$VERSION-linux-$(uname -m).tar.gz"
tar -C "$DIST_DIR" -czf "$ARCHIVE" "$NAME"
echo "==> Built $APP_DIR ($(du -sh "$APP_DIR" | cut -f1))"
echo "    and $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
