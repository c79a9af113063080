#!/usr/bin/env bash
# Build the offline Debian package: the PyInstaller bundle under /opt/jixiao-workbench,
# a /usr/bin launcher, a desktop entry (the menu item) and the icon.
#
#   bash installer/build_deb.sh                 # bundle + package -> dist/jixiao-workbench_<version>_<arch>.deb
#   bash installer/build_deb.sh --reuse-bundle  # package the bundle already in build/dist (after a first run)
#
# Needs: .venv with requirements.lock (bash installer/dev.sh), pyinstaller, binutils
# (objdump, strip), dpkg-dev (dpkg-shlibdeps), file. The package's Depends are computed
# from the bundle: every shared library its ELF files need that the bundle does not carry,
# as the Debian package providing it here with the version its symbols need (libGL, libEGL,
# libxcb: PyInstaller never bundles those; the spec leaves the host's own libraries to the
# system too), plus libfontconfig1 for the fontconfig configuration. Build on the oldest
# Debian-based release you deploy to: the versions come from this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY="${PYTHON:-$ROOT/.venv/bin/python}"
NAME=$("$PY" -c 'import sys; sys.path.insert(0, "installer"); import bundle_manifest as b; print(b.NAME)')
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
BUNDLE=build/dist/$NAME
STAGE=build/deb/${NAME}_${VERSION}_${ARCH}
OUT=dist/${NAME}_${VERSION}_${ARCH}.deb

reuse=0
for arg in "$@"; do
  case "$arg" in
    --reuse-bundle) reuse=1 ;;
    *) echo "usage: bash installer/build_deb.sh [--reuse-bundle]" >&2; exit 2 ;;
  esac
done

for tool in dpkg-deb dpkg-shlibdeps objdump strip file; do
  command -v "$tool" >/dev/null || { echo "build_deb.sh: $tool is missing (apt-get install binutils dpkg-dev file)" >&2; exit 1; }
done

if [ "$reuse" -eq 0 ] || [ ! -x "$BUNDLE/$NAME" ]; then
  echo "build_deb.sh: building the bundle (PyInstaller)" >&2
  "$PY" installer/build_fonts.py
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath build/dist --workpath build/pyinstaller installer/workbench.spec
fi
[ -x "$BUNDLE/$NAME" ] || { echo "build_deb.sh: no executable at $BUNDLE/$NAME" >&2; exit 1; }

# --- Depends, from the bundle's ELF files ------------------------------------------------
# dpkg-shlibdeps maps every library the bundle needs but does not carry to its Debian
# package with the minimum version the symbols require (libGL, libEGL, libxcb, and the host
# libraries the spec leaves out: glib, X11, dbus, fontconfig, freetype, …).
elves=$(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 \
  | xargs -0 file -N --mime-type | awk -F': ' '$2 ~ /x-(sharedlib|executable|pie-executable)/ {print $1}')
libdirs=$(for f in $elves; do dirname "$f"; done | sort -u)
shl=build/deb/shlibdeps
rm -rf "$shl" && mkdir -p "$shl/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$NAME" "$NAME" >"$shl/debian/control"
args=()
for d in $libdirs; do args+=("-l$ROOT/$d"); done
for f in $elves; do args+=("-e$ROOT/$f"); done
shlibs=$(cd "$shl" && dpkg-shlibdeps -O --warnings=0 --ignore-missing-info "${args[@]}" 2>"$ROOT/$shl/errors.txt") || {
  echo "build_deb.sh: dpkg-shlibdeps failed (a library the bundle needs is missing here):" >&2
  cat "$shl/errors.txt" >&2
  exit 1
}
depends=${shlibs#shlibs:Depends=}
# The library is bundled by the wheels, its configuration (/etc/fonts) is not.
case ", $depends," in *", libfontconfig1"*) ;; *) depends+=", libfontconfig1" ;; esac

# --- stage the package tree -----------------------------------------------------------
rm -rf "$STAGE" && mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/doc/$NAME" "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/opt/$NAME"
install -m 0755 installer/linux/launcher.sh "$STAGE/usr/bin/$NAME"
install -m 0644 "installer/linux/$NAME.desktop" "$STAGE/usr/share/applications/$NAME.desktop"
install -m 0644 "resources/icons/$NAME.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
for png in resources/icons/"$NAME"-*.png; do
  size=${png##*-}; size=${size%.png}
  install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$NAME.png"
done
{
  echo "$NAME $VERSION: 预算绩效目标审核工作台 (budget performance review workbench)."
  echo
  echo "Bundled fonts and their licences: /opt/$NAME/_internal/resources/fonts/"
  echo "Bundled third-party Python packages keep their licence files in /opt/$NAME/_internal/*.dist-info/."
} >"$STAGE/usr/share/doc/$NAME/copyright"
# Modes dpkg expects: directories 0755, files 0644 unless already executable.
chmod -R u+rwX,go+rX,go-w "$STAGE"

installed_kib=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat >"$STAGE/DEBIAN/control" <<EOF
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: Budget performance review workbench maintainers <root@localhost>
Installed-Size: $installed_kib
Depends: $depends
Section: misc
Priority: optional
Homepage: https://localhost/$NAME
Description: 预算绩效目标审核工作台 - budget performance review workbench
 Imports departments' budget performance documents (.docx, .pdf, .xlsx) into a local
 workspace, runs the review checks, compares years and exports the review memo
 (审核意见) as PDF and DOCX. Runs offline: everything it needs is in /opt/$NAME.
 The reviewer's workspace lives in the user's data folder and is kept on update
 and removal.
EOF

mkdir -p dist
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$OUT" >/dev/null
echo "build_deb.sh: $OUT ($(du -h "$OUT" | cut -f1) package, $((installed_kib / 1024)) MiB installed)"
echo "build_deb.sh: Depends: $depends"
