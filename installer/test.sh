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

readonly SCRIPT_NAME=test.sh
# shellcheck source=installer/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

# Headless Qt (offscreen platform), python3-venv for `python3 -m venv`, a system font for
# Qt, xvfb/xauth for tests that open a real window, poppler-utils (pdftotext, pdftoppm,
# pdffonts) and zbar-tools (zbarimg) for checking printed slips.
readonly SYSTEM_PACKAGES=(
    python3 python3-venv
    libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0
    fonts-dejavu-core
    xvfb xauth poppler-utils zbar-tools
)

# --- the summary ----------------------------------------------------------------------------
SUMMARY=()
CURRENT_STEP=""
STEP_STARTED=0
RUN_STARTED=$SECONDS
begin_step() {
    CURRENT_STEP="$1"
    STEP_STARTED=$SECONDS
    step "$1"
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

enter_clone

# --- setup ----------------------------------------------------------------------------------
begin_step "system packages"
install_system_packages "${SYSTEM_PACKAGES[@]}"
case "$SYSTEM_STATUS" in
    skipped)
        SYSTEM_NOTE="skipped (ONESTOP_SKIP_SYSTEM_PACKAGES=1)"
        say "$SYSTEM_NOTE"
        ;;
    present)
        SYSTEM_NOTE="all ${#SYSTEM_PACKAGES[@]} present"
        say "All ${#SYSTEM_PACKAGES[@]} system packages are already installed: ${SYSTEM_PACKAGES[*]}"
        ;;
    *) SYSTEM_NOTE="installed ${SYSTEM_INSTALLED[*]}" ;;
esac
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
