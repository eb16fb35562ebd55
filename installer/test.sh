#!/usr/bin/env bash
# OneStop Desktop: install what the checks need, then lint, type-check and test.
#
#   bash installer/test.sh [PYTEST ARGS...]
#
# Run from a clone, as your own user (sudo is used for apt-get) or as root; CI runs it as
# root through .ci/run. Steps, stopping at the first failure:
#   1. system libraries for headless Qt tests and for checking printed output (apt-get),
#   2. .venv in the clone (created once, then reused) with `pip install -e '.[test]'`,
#   3. ruff check src tests benchmarks,
#   4. mypy (configured in pyproject.toml),
#   5. pytest, the whole suite headless (QT_QPA_PLATFORM=offscreen), on all cores with
#      pytest-xdist. Extra arguments go to pytest, after the defaults:
#        bash installer/test.sh -n 0 -x tests/unit     # one process, stop at first failure
#        bash installer/test.sh -m "not gui"           # skip the Qt tests
# Environment:
#   ONESTOP_TEST_JOBS             pytest-xdist workers: auto (default), a number, or 0 (off)
#   ONESTOP_PYTEST_TIMEOUT        when CI is set, stop pytest after this many seconds (3600)
#   PYTHON                        interpreter for a new venv (default: first Python >= 3.10)
#   ONESTOP_SKIP_SYSTEM_PACKAGES  1 = do not check or install system packages
#   ONESTOP_FORCE_PIP             1 = run pip install even if nothing changed
set -euo pipefail

readonly MIN_PYTHON=3.10
# Headless Qt (offscreen platform), python3-venv for `python3 -m venv`, a system font for
# Qt, xvfb/xauth for tests that open a real window, poppler-utils (pdftotext, pdftoppm,
# pdffonts) and zbar-tools (zbarimg) for checking printed slips.
readonly SYSTEM_PACKAGES=(
    python3 python3-venv
    libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0
    fonts-dejavu-core
    xvfb xauth poppler-utils zbar-tools
)

# --- output helpers and the summary ----------------------------------------------------------
say() { printf '%s\n' "$*"; }
die() {
    printf '\ntest.sh: ERROR: %s\n' "$*" >&2
    exit 1
}

SUMMARY=()
CURRENT_STEP=""
STEP_STARTED=0
RUN_STARTED=$SECONDS
begin_step() {
    CURRENT_STEP="$1"
    STEP_STARTED=$SECONDS
    printf '\n==> %s\n' "$1"
}
end_step() { # $1: optional note
    SUMMARY+=("$(printf '  %-16s ok      %5ss  %s' "$CURRENT_STEP" \
        "$((SECONDS - STEP_STARTED))" "${1:-}")")
    CURRENT_STEP=""
}
on_exit() {
    local rc=$?
    if [[ -n "$CURRENT_STEP" ]]; then
        SUMMARY+=("$(printf '  %-16s FAILED  %5ss  exit code %s' "$CURRENT_STEP" \
            "$((SECONDS - STEP_STARTED))" "$rc")")
    fi
    printf '\n==> Summary (%ss)\n' "$((SECONDS - RUN_STARTED))"
    if ((${#SUMMARY[@]} > 0)); then
        printf '%s\n' "${SUMMARY[@]}"
    fi
    if ((rc == 0)); then
        say "All checks passed."
    elif [[ -n "$CURRENT_STEP" ]]; then
        case "$CURRENT_STEP:$rc" in
            pytest:5) say "FAILED: pytest ran no tests (exit code 5: none collected/selected)." ;;
            pytest:124 | pytest:137) say "FAILED: pytest timed out (ONESTOP_PYTEST_TIMEOUT)." ;;
            pytest:*) say "FAILED: pytest (exit code $rc)." ;;
            *) say "FAILED at step '$CURRENT_STEP' (exit code $rc); later steps did not run." ;;
        esac
    else
        say "FAILED (exit code $rc)."
    fi
    exit "$rc"
}
trap on_exit EXIT

REPO_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_DIR/.venv"
cd "$REPO_DIR"
[[ -f pyproject.toml && -d src/onestop_desktop ]] ||
    die "run this from a OneStop Desktop clone ($REPO_DIR has no pyproject.toml/src)"

# --- root / sudo ----------------------------------------------------------------------------
as_root() {
    if ((EUID == 0)); then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -- "$@"
    else
        die "installing system packages needs root: run as root, or install sudo"
    fi
}

# --- system packages ------------------------------------------------------------------------
pkg_installed() {
    local status
    status="$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" || return 1
    [[ "$status" == installed ]]
}

SYSTEM_NOTE=""
install_system_packages() {
    if [[ "${ONESTOP_SKIP_SYSTEM_PACKAGES:-0}" == 1 ]]; then
        SYSTEM_NOTE="skipped (ONESTOP_SKIP_SYSTEM_PACKAGES=1)"
        say "$SYSTEM_NOTE"
        return 0
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        die "this script needs a Debian/Ubuntu system (apt-get). Install the equivalents of:
  ${*}
then run again with ONESTOP_SKIP_SYSTEM_PACKAGES=1."
    fi
    local missing=() pkg
    for pkg in "$@"; do
        # Ubuntu 24.04 renamed some libraries with a t64 suffix (libglib2.0-0t64).
        pkg_installed "$pkg" || pkg_installed "${pkg}t64" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        SYSTEM_NOTE="all $# present"
        say "All $# system packages are already installed: ${*}"
        return 0
    fi
    say "Installing with apt-get (--no-install-recommends): ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "${missing[@]}"
    SYSTEM_NOTE="installed ${missing[*]}"
}

# --- Python and the virtual environment -----------------------------------------------------
python_ok() { # usable to create the venv: new enough, with venv and ensurepip
    "$1" -c "import sys, venv, ensurepip
sys.exit(sys.version_info < tuple(map(int, '$MIN_PYTHON'.split('.'))))" >/dev/null 2>&1
}

pick_python() {
    local candidate candidates=(python3 python3.13 python3.12 python3.11 python3.10)
    [[ -z "${PYTHON:-}" ]] || candidates=("$PYTHON")
    for candidate in "${candidates[@]}"; do
        if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

VENV_NOTE=""
ensure_venv() {
    if [[ -x "$VENV/bin/python" ]]; then
        python_ok "$VENV/bin/python" ||
            die "$VENV exists but its Python is older than $MIN_PYTHON or broken.
Remove it (rm -rf '$VENV') and run again."
        VENV_NOTE="reused .venv, $("$VENV/bin/python" -V 2>&1)"
        say "Reusing $VENV ($("$VENV/bin/python" -V 2>&1))."
        return 0
    fi
    [[ ! -e "$VENV" ]] || die "$VENV exists but is not a virtual environment; remove it."
    local python
    if ! python="$(pick_python)"; then
        # Older systems: Python 3.11 from the distribution archive when it has one.
        if [[ "${ONESTOP_SKIP_SYSTEM_PACKAGES:-0}" != 1 ]] && command -v apt-get >/dev/null 2>&1 &&
            apt-cache show python3.11-venv >/dev/null 2>&1; then
            say "python3 is older than $MIN_PYTHON: installing python3.11 from the distribution."
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
                --no-install-recommends -o DPkg::Lock::Timeout=300 python3.11 python3.11-venv
        fi
        python="$(pick_python)" ||
            die "no Python >= $MIN_PYTHON with the venv module found (set PYTHON=/path/to/python3)."
    fi
    say "Creating $VENV with $python ($("$python" -V 2>&1))."
    "$python" -m venv "$VENV"
    VENV_NOTE="created .venv, $("$VENV/bin/python" -V 2>&1)"
}

# pip install is skipped when pyproject.toml has not changed since the last install.
readonly STAMP="$VENV/.onestop-install"
PIP_NOTE=""
install_app() { # $1: extras ("" or "test")
    local extras="$1" spec=. want have=""
    [[ -z "$extras" ]] || spec=".[$extras]"
    want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    [[ ! -f "$STAMP" ]] || have="$(<"$STAMP")"
    if [[ "${ONESTOP_FORCE_PIP:-0}" != 1 && -x "$VENV/bin/onestop" ]] &&
        [[ "$have" == "$want $extras" ]] &&
        "$VENV/bin/python" -c 'import onestop_desktop' >/dev/null 2>&1; then
        PIP_NOTE="up to date, skipped"
        say "Installed and pyproject.toml unchanged: skipping pip (ONESTOP_FORCE_PIP=1 forces it)."
        return 0
    fi
    say "pip install -e '$spec' into $VENV"
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 \
        "$VENV/bin/python" -m pip install --quiet -e "$spec"
    printf '%s %s\n' "$want" "$extras" >"$STAMP"
    PIP_NOTE="pip install -e '$spec'"
}

# --- setup ----------------------------------------------------------------------------------
begin_step "system packages"
install_system_packages "${SYSTEM_PACKAGES[@]}"
end_step "$SYSTEM_NOTE"

begin_step "python env"
ensure_venv
install_app test
end_step "$VENV_NOTE; $PIP_NOTE"

# --- checks ---------------------------------------------------------------------------------
export QT_QPA_PLATFORM=offscreen
# Tests run the CLI as a process: the venv's scripts come first.
export PATH="$VENV/bin:$PATH"

begin_step "ruff"
lint_paths=()
for path in src tests benchmarks; do
    [[ ! -d "$path" ]] || lint_paths+=("$path")
done
"$VENV/bin/ruff" check "${lint_paths[@]}"
end_step "ruff check ${lint_paths[*]}"

begin_step "mypy"
"$VENV/bin/mypy"
end_step

begin_step "pytest"
pytest_cmd=("$VENV/bin/python" -m pytest)
jobs="${ONESTOP_TEST_JOBS:-auto}"
pytest_note="one process"
if [[ "$jobs" != 0 && "$jobs" != 1 ]]; then
    # xdist also survives a test that crashes its process (Qt aborts): the worker is
    # replaced and that test reported as failed, instead of the run dying without a summary.
    pytest_cmd+=(-p xdist -n "$jobs")
    pytest_note="pytest-xdist -n $jobs"
fi
pytest_cmd+=("$@")
if [[ -n "${CI:-}" && "${CI}" != false && "${CI}" != 0 ]]; then
    # A hung Qt test must not eat the whole CI budget: stop, and report, after a limit.
    pytest_cmd=(timeout --kill-after=30 "${ONESTOP_PYTEST_TIMEOUT:-3600}" "${pytest_cmd[@]}")
fi
say "QT_QPA_PLATFORM=$QT_QPA_PLATFORM ${pytest_cmd[*]}"
"${pytest_cmd[@]}"
end_step "$pytest_note${*:+, args: $*}"
