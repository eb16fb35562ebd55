#!/usr/bin/env bash
# OneStop Desktop: a Debian/Ubuntu package from the frozen app.
#
#   bash installer/build-deb.sh [--no-build]
#
# Builds dist/onestop-desktop/ first (bash installer/build.sh, with its smoke test) unless
# --no-build, then packs it with dpkg-deb into dist/onestop-desktop_VERSION_ARCH.deb:
#   /opt/onestop-desktop/                 the PyInstaller folder (no Python needed)
#   /usr/bin/onestop                      a launcher (exec /opt/onestop-desktop/onestop "$@")
#   /usr/share/applications/onestop-desktop.desktop   menu entry: `onestop`, default data folder
#   /usr/share/icons/hicolor/*/apps/onestop-desktop.{png,svg}
# Install: sudo apt install ./dist/onestop-desktop_VERSION_ARCH.deb (apt pulls the Depends:
# the system libraries of installer/linux-system-libs.txt).
set -euo pipefail

BUILD=1
case "${1:-}" in
    --no-build) BUILD=0 ;;
    "") ;;
    *) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

REPO_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_DIR"
command -v dpkg-deb >/dev/null || { echo "build-deb.sh: dpkg-deb is missing (apt-get install dpkg)" >&2; exit 1; }
((BUILD == 0)) || bash installer/build.sh
APP_DIR="$REPO_DIR/dist/onestop-desktop"
[[ -x "$APP_DIR/onestop" ]] || { echo "build-deb.sh: no $APP_DIR/onestop: run installer/build.sh" >&2; exit 1; }

VERSION="$("$REPO_DIR/.venv/bin/python" -c 'import onestop_desktop; print(onestop_desktop.__version__)')"
ARCH="$(dpkg --print-architecture)"
PKG=onestop-desktop
STAGE="$REPO_DIR/build/deb/${PKG}_${VERSION}_${ARCH}"
OUT="$REPO_DIR/dist/${PKG}_${VERSION}_${ARCH}.deb"
rm -rf -- "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications"

cp -a "$APP_DIR" "$STAGE/opt/$PKG"
rm -f -- "$STAGE/opt/$PKG/onestop.desktop"  # build.sh's copy; the packaged one is below

cat >"$STAGE/usr/bin/onestop" <<'LAUNCHER'
#!/bin/sh
# OneStop Desktop launcher (package onestop-desktop): the frozen app in /opt.
exec /opt/onestop-desktop/onestop "$@"
LAUNCHER
chmod 0755 "$STAGE/usr/bin/onestop"

# The menu entry runs `onestop` with no --data-dir: the station's data folder is the user's
# default one (~/.local/share/OneStopDesktop, or ONESTOP_DATA_DIR), where `onestop init` put it.
sed -e 's/^Exec=.*/Exec=onestop/' -e 's/^TryExec=.*/TryExec=onestop/' installer/onestop.desktop \
    >"$STAGE/usr/share/applications/$PKG.desktop"
grep -q '^Icon=' "$STAGE/usr/share/applications/$PKG.desktop" ||
    echo "Icon=$PKG" >>"$STAGE/usr/share/applications/$PKG.desktop"

for png in resources/icons/onestop-*.png; do
    size="${png##*-}"; size="${size%.png}"
    install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$PKG.png"
done
install -D -m 0644 resources/icons/onestop.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/$PKG.svg"

INSTALLED_KB="$(du -sk "$STAGE" | cut -f1)"
# Depends: the package of every library the frozen folder takes from the system
# (installer/linux-system-libs.txt: OpenGL/EGL/Wayland, which PyInstaller never bundles, and
# the ones build.spec leaves out), each once, in the file's order.
DEPENDS=""
while read -r soname package; do
    case "$soname" in "" | "#"*) continue ;; esac
    case ", $DEPENDS, " in
        *", $package, "*) ;;
        *) DEPENDS="${DEPENDS:+$DEPENDS, }$package" ;;
    esac
done <installer/linux-system-libs.txt
[[ -n "$DEPENDS" ]] || { echo "build-deb.sh: no Depends from installer/linux-system-libs.txt" >&2; exit 1; }
cat >"$STAGE/DEBIAN/control" <<CONTROL
Package: $PKG
Version: $VERSION
Architecture: $ARCH
Maintainer: OneStop Desktop <onestop@localhost>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Section: misc
Priority: optional
Homepage: https://example.invalid/onestop-desktop
Description: Commune one-stop counter (Bộ phận Một cửa), offline
 Receive dossiers, issue receipts and return results at the commune one-stop
 counter. Self-contained (no Python needed); data stays in each user's folder
 and is kept when the package is removed.
CONTROL
# Refresh the icon cache and menus when the tools are there (never fail on a bare system).
for script in postinst postrm; do
    cat >"$STAGE/DEBIAN/$script" <<'HOOK'
#!/bin/sh
set -e
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
HOOK
    chmod 0755 "$STAGE/DEBIAN/$script"
done

find "$STAGE" -type d -exec chmod 0755 {} +
# gzip: xz (the default) takes minutes on 160 MB, gzip seconds; every dpkg reads it.
dpkg-deb -Zgzip -z6 --root-owner-group --build "$STAGE" "$OUT" >/dev/null
echo "==> Built $OUT ($(du -h "$OUT" | cut -f1), installed $((INSTALLED_KB / 1024)) MB)"
