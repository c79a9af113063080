#!/usr/bin/env bash
# Build the offline Debian package: the PyInstaller bundle under /opt/jixiao-workbench,
# a /usr/bin launcher, a desktop entry (the menu item) and the icon.
#
#   bash installer/build_deb.sh                 # bundle + package -> dist/jixiao-workbench_<version>_<arch>.deb
#   bash installer/build_deb.sh --reuse-bundle  # package the bundle already in build/dist (after a first run)
#
# Needs: .venv with requirements.lock (bash installer/dev.sh), pyinstaller, binutils
# (objdump, strip), dpkg-deb. The package's Depends are computed from the bundle: every
# shared library its ELF files need that the bundle does not carry, mapped to the Debian
# package that provides it on this build machine (libGL, libEGL, libxcb: PyInstaller never
# bundles those), plus libfontconfig1 for the fontconfig configuration, plus libc6 at the
# newest GLIBC symbol version the bundle uses. Build on the oldest Debian-based system you
# deploy to (the bundle carries this machine's libstdc++).
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

for tool in dpkg-deb objdump strip ldconfig file; do
  command -v "$tool" >/dev/null || { echo "build_deb.sh: $tool is missing (apt-get install binutils dpkg)" >&2; exit 1; }
done

if [ "$reuse" -eq 0 ] || [ ! -x "$BUNDLE/$NAME" ]; then
  echo "build_deb.sh: building the bundle (PyInstaller)" >&2
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath build/dist --workpath build/pyinstaller installer/workbench.spec
fi
[ -x "$BUNDLE/$NAME" ] || { echo "build_deb.sh: no executable at $BUNDLE/$NAME" >&2; exit 1; }

# --- Depends, from the bundle's ELF files ------------------------------------------------
elves=$(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 \
  | xargs -0 file -N --mime-type | awk -F': ' '$2 ~ /x-(sharedlib|executable|pie-executable)/ {print $1}')
carried=$(find "$BUNDLE" \( -type f -o -type l \) -printf '%f\n' | sort -u)
needed=$(for f in $elves; do objdump -p "$f" 2>/dev/null | awk '$1 == "NEEDED" {print $2}'; done | sort -u)
glibc=$(for f in $elves; do objdump -T "$f" 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*'; done \
  | sed 's/GLIBC_//' | sort -Vu | tail -1)

declare -A packages=()
unresolved=()
for lib in $needed; do
  grep -qxF "$lib" <<<"$carried" && continue
  # this architecture's copy first (ldconfig marks it x86-64, AArch64, …), else any
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64|AArch64|64bit/ {print $NF; exit}')
  [ -n "$path" ] || path=$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')
  pkg=""
  if [ -n "$path" ]; then
    real=$(readlink -f "$path")
    # merged /usr: dpkg may know the file under /usr/lib or /lib
    for candidate in "$path" "$real" "/usr$path" "/usr$real" "${path#/usr}" "${real#/usr}"; do
      pkg=$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1) && [ -n "$pkg" ] && break
    done
  fi
  if [ -z "$pkg" ]; then unresolved+=("$lib"); else packages[$pkg]=1; fi
done
if [ ${#unresolved[@]} -gt 0 ]; then
  echo "build_deb.sh: the bundle needs libraries that neither it nor any Debian package here provides: ${unresolved[*]}" >&2
  exit 1
fi
packages[libfontconfig1]=1  # the library is bundled, its configuration (/etc/fonts) is not
unset 'packages[libc6]'
depends="libc6 (>= ${glibc:-2.36})"
for pkg in $(printf '%s\n' "${!packages[@]}" | sort); do depends+=", $pkg"; done

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
 Imports departments' budget performance documents (.docx, .pdf) into a local
 workspace, runs the review checks, compares years and exports the review memo
 (审核意见) as PDF and DOCX. Runs offline: everything it needs is in /opt/$NAME.
 The reviewer's workspace lives in the user's data folder and is kept on update
 and removal.
EOF

mkdir -p dist
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$OUT" >/dev/null
echo "build_deb.sh: $OUT ($(du -h "$OUT" | cut -f1) package, $((installed_kib / 1024)) MiB installed)"
echo "build_deb.sh: Depends: $depends"
