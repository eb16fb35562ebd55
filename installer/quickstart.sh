#!/usr/bin/env bash
# OneStop Desktop: quick start on a fresh Debian 12 / Ubuntu 22.04+ machine.
#
#   bash installer/quickstart.sh [--no-launch] [--dossiers N] [--data-dir DIR]
#
# Run from a clone, as your own user (sudo is used for apt-get) or as root. It
#   1. installs the system libraries Qt needs for a real window (apt-get, no recommends),
#   2. creates .venv in the clone (or reuses it) and installs the app into it,
#   3. fills a demo data folder (default ~/.local/share/onestop-demo, or ONESTOP_DATA_DIR)
#      with a demo station, demo accounts and N dossiers, unless it already has a database,
#   4. prints the demo accounts and opens the sign-in window.
# Running it again reuses everything. Environment:
#   ONESTOP_DATA_DIR              demo data folder
#   PYTHON                        interpreter for the venv (default: first Python >= 3.10)
#   ONESTOP_SKIP_SYSTEM_PACKAGES  1 = do not check or install system packages
#   ONESTOP_FORCE_PIP             1 = run pip install even if nothing changed
set -euo pipefail

readonly SCRIPT_NAME=quickstart
# shellcheck source=installer/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

# Qt's xcb platform plugin (a real X11 window); libegl1/libgl1 for QtGui; python3-venv for
# `python3 -m venv` on Debian/Ubuntu; fonts-dejavu-core so Qt has a system font.
readonly SYSTEM_PACKAGES=(
    python3 python3-venv
    libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0
    fonts-dejavu-core
    libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0
    libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0
)

usage() {
    cat <<'EOF'
Usage: bash installer/quickstart.sh [--no-launch] [--dossiers N] [--data-dir DIR]

Installs OneStop Desktop from this clone, creates a demo data folder and opens the app.

  --no-launch      set everything up but do not open the window (CI smoke tests)
  --dossiers N     number of demo dossiers for a new demo folder (default 2000)
  --data-dir DIR   demo data folder (default $ONESTOP_DATA_DIR,
                   else ~/.local/share/onestop-demo)
  -h, --help       show this help
EOF
}

# --- arguments ------------------------------------------------------------------------------
LAUNCH=1
DOSSIERS=2000
DATA_DIR="${ONESTOP_DATA_DIR:-}"
while (($# > 0)); do
    case "$1" in
        --no-launch) LAUNCH=0 ;;
        --dossiers)
            (($# >= 2)) || die "--dossiers needs a number"
            DOSSIERS="$2"
            shift
            ;;
        --dossiers=*) DOSSIERS="${1#*=}" ;;
        --data-dir)
            (($# >= 2)) || die "--data-dir needs a folder"
            DATA_DIR="$2"
            shift
            ;;
        --data-dir=*) DATA_DIR="${1#*=}" ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            usage >&2
            die "unknown option: $1"
            ;;
    esac
    shift
done
[[ "$DOSSIERS" =~ ^[0-9]+$ ]] || die "--dossiers must be a whole number, got '$DOSSIERS'"
if [[ -z "$DATA_DIR" ]]; then
    DATA_DIR="${HOME:?HOME is not set; set ONESTOP_DATA_DIR}/.local/share/onestop-demo"
fi
# Absolute, resolved against the folder the script was started from.
DATA_DIR="$(realpath -m -- "$DATA_DIR")"

enter_clone

# --- the plan -------------------------------------------------------------------------------
cat <<EOF
OneStop Desktop quick start
  clone:            $REPO_DIR
  system packages:  ${SYSTEM_PACKAGES[*]}
                    (apt-get install --no-install-recommends; only those missing)
  Python packages:  the app and its dependencies (pyproject.toml) into $VENV
  demo data folder: $DATA_DIR
                    (demo station, demo accounts and $DOSSIERS dossiers, if it has no database yet)
EOF
if ((EUID == 0)) && [[ -n "${SUDO_USER:-}" ]]; then
    say "Note: running as root through sudo; .venv and the demo folder will belong to root." \
        "You can run the script as $SUDO_USER instead: it calls sudo for apt-get itself."
fi

step "1/4 System libraries for Qt"
install_system_packages "${SYSTEM_PACKAGES[@]}"
case "$SYSTEM_STATUS" in
    skipped) say "Skipped (ONESTOP_SKIP_SYSTEM_PACKAGES=1)." ;;
    present) say "All ${#SYSTEM_PACKAGES[@]} system packages are already installed." ;;
esac

step "2/4 Python environment"
ensure_venv
install_app ""

step "3/4 Demo data"
ONESTOP="$VENV/bin/onestop"
ACCOUNTS="$DATA_DIR/demo-accounts.txt"
# The app creates the folder itself (demo wants a new or empty one): make only its parent.
mkdir -p -- "$(dirname -- "$DATA_DIR")"
existing_db=""
data_dir_existed=0
if [[ -d "$DATA_DIR" ]]; then
    data_dir_existed=1
    existing_db="$(find "$DATA_DIR" -maxdepth 2 -type f \( -name '*.db' -o -name '*.sqlite' \
        -o -name '*.sqlite3' \) -size +0 -print -quit)"
fi
if [[ -n "$existing_db" ]]; then
    say "Reusing the existing database in $DATA_DIR ($(basename -- "$existing_db"))."
else
    say "Creating the demo station with $DOSSIERS dossiers (this can take a little while)..."
    # The output (demo user names and passwords) is kept, readable by you only, so a later
    # run can show it again. It is written outside the folder until the demo has finished.
    output="$(umask 077 && mktemp)"
    if ! (umask 077 && "$ONESTOP" --data-dir "$DATA_DIR" demo --dossiers "$DOSSIERS" |
        tee "$output"); then
        rm -f -- "$output"
        if ((data_dir_existed == 0)); then
            # Everything in it was made by the failed run: remove it so a rerun starts clean.
            rm -rf -- "$DATA_DIR"
            die "creating the demo data failed (see above); the half-made $DATA_DIR was removed."
        fi
        die "creating the demo data failed (see above). Remove '$DATA_DIR' before trying again."
    fi
    mv -f -- "$output" "$ACCOUNTS"
fi

step "4/4 Demo accounts"
if [[ -s "$ACCOUNTS" ]]; then
    say "(from $ACCOUNTS)"
    cat -- "$ACCOUNTS"
else
    say "This folder was not created by the quick start, so its accounts are not on file."
    say "To start over: rm -rf '$DATA_DIR' and run the quick start again."
fi

LAUNCH_CMD="$ONESTOP --data-dir $(printf '%q' "$DATA_DIR")"
if ((LAUNCH == 0)); then
    say ""
    say "Ready. Open the app with:"
    say "  $LAUNCH_CMD"
    exit 0
fi
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    say ""
    say "No graphical display here (DISPLAY and WAYLAND_DISPLAY are not set), so the window"
    say "cannot open. From a desktop session, open the app with:"
    say "  $LAUNCH_CMD"
    exit 0
fi
say ""
say "Opening the sign-in window: $LAUNCH_CMD"
exec "$ONESTOP" --data-dir "$DATA_DIR"
