# shellcheck shell=bash
# OneStop Desktop: shell code shared by installer/quickstart.sh and installer/test.sh.
# Sourced, not run, right after `set -euo pipefail` and before any `cd`:
#
#   readonly SCRIPT_NAME=test.sh   # the prefix of die's messages
#   source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
#
# It only defines constants and functions (no output, no cd); enter_clone then moves into
# the clone. The functions rely on the caller's `set -e`: a failing command stops the script.
#
# SYSTEM_STATUS, SYSTEM_INSTALLED, VENV_NOTE and PIP_NOTE are set here for the sourcing
# scripts to read, so shellcheck cannot see them used in this file:
# shellcheck disable=SC2034

readonly MIN_PYTHON=3.10

# The clone holding this file (installer/..), its virtual environment and the pip stamp:
# pip install is skipped when pyproject.toml has not changed since the last install.
REPO_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_DIR/.venv"
readonly STAMP="$VENV/.onestop-install"

# What install_system_packages, ensure_venv and install_app did, for the calling script's
# messages and summary (see each function).
SYSTEM_STATUS=""
SYSTEM_INSTALLED=()
VENV_NOTE=""
PIP_NOTE=""

# --- output helpers -------------------------------------------------------------------------
say() { printf '%s\n' "$*"; }
step() { printf '\n==> %s\n' "$*"; }
die() {
    printf '\n%s: ERROR: %s\n' "${SCRIPT_NAME:-installer}" "$*" >&2
    exit 1
}

enter_clone() { # cd into the clone; stop unless it is a OneStop Desktop clone
    cd "$REPO_DIR" || exit
    [[ -f pyproject.toml && -d src/onestop_desktop ]] ||
        die "run this from a OneStop Desktop clone ($REPO_DIR has no pyproject.toml/src)"
}

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

apt_install() { # PKG...: apt-get install, no recommends, waiting up to 5 min for dpkg's lock
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "$@"
}

# install_system_packages PKG...: installs those of PKG... that are missing. Sets
# SYSTEM_STATUS to skipped (ONESTOP_SKIP_SYSTEM_PACKAGES=1), present (nothing was missing) or
# installed, and SYSTEM_INSTALLED to the packages it installed. Only "installed" is reported
# here ("Installing with apt-get ..."): the caller words the other two.
install_system_packages() {
    SYSTEM_STATUS=""
    SYSTEM_INSTALLED=()
    if [[ "${ONESTOP_SKIP_SYSTEM_PACKAGES:-0}" == 1 ]]; then
        SYSTEM_STATUS=skipped
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
        SYSTEM_STATUS=present
        return 0
    fi
    say "Installing with apt-get (--no-install-recommends): ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    apt_install "${missing[@]}"
    SYSTEM_STATUS=installed
    SYSTEM_INSTALLED=("${missing[@]}")
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

# ensure_venv: reuses $VENV, or creates it with the first Python >= MIN_PYTHON (PYTHON=...
# picks one). Sets VENV_NOTE ("reused .venv, Python 3.x.y" or "created .venv, ...").
ensure_venv() {
    VENV_NOTE=""
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
            apt_install python3.11 python3.11-venv
        fi
        python="$(pick_python)" ||
            die "no Python >= $MIN_PYTHON with the venv module found (set PYTHON=/path/to/python3)."
    fi
    say "Creating $VENV with $python ($("$python" -V 2>&1))."
    "$python" -m venv "$VENV"
    VENV_NOTE="created .venv, $("$VENV/bin/python" -V 2>&1)"
}

# install_app EXTRAS: pip install -e '.[EXTRAS]' (EXTRAS "" or "test") into $VENV, unless the
# stamp says this pyproject.toml is installed already, with these extras or with "test"
# (a superset). Sets PIP_NOTE ("up to date, skipped" or "pip install -e '...'").
install_app() {
    local extras="$1" spec=. want have=""
    PIP_NOTE=""
    [[ -z "$extras" ]] || spec=".[$extras]"
    want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    [[ ! -f "$STAMP" ]] || have="$(<"$STAMP")"
    if [[ "${ONESTOP_FORCE_PIP:-0}" != 1 && -x "$VENV/bin/onestop" ]] &&
        { [[ "$have" == "$want test" ]] || [[ "$have" == "$want $extras" ]]; } &&
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
