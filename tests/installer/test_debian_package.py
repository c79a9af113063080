"""The Debian package: its desktop entry and launcher, and (opt-in) a real build, install and self-test.

The static checks run always. The build takes minutes and most of a CPU, so
`test_built_package_installs_and_passes_its_self_test` runs only with
WORKBENCH_BUILD_TESTS=1 (README "Install"): it runs installer/build_deb.sh, unpacks
the .deb into an empty root with dpkg -x, compares the tree with the manifest and
with what the Windows setup would install from the same bundle, and runs the
installed program's --self-test (inside `unshare -n`, no network, when root).
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.installer.inno import install, read_script
from tests.installer.spec_run import ROOT, bm

LINUX = ROOT / "installer" / "linux"


def test_desktop_entry_opens_the_window_from_the_menu() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{bm.NAME}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split() == [bm.NAME, "gui"]
    assert desktop["Icon"] == bm.NAME
    assert desktop["Name[zh_CN]"] == bm.TITLE
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";") and "Office" in desktop["Categories"].split(";")
    assert (ROOT / "resources" / "icons" / f"{bm.NAME}.svg").is_file()
    assert sorted(p.name for p in (ROOT / "resources" / "icons").glob(f"{bm.NAME}-*.png"))


def test_launcher_starts_the_bundle_under_opt() -> None:
    lines = (LINUX / "launcher.sh").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#!/bin/sh"
    assert lines[-1] == f'exec /opt/{bm.NAME}/{bm.NAME} "$@"'


def test_build_script_is_valid_bash() -> None:
    subprocess.run(["bash", "-n", str(ROOT / "installer" / "build_deb.sh")], check=True)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("WORKBENCH_BUILD_TESTS") != "1", reason="set WORKBENCH_BUILD_TESTS=1 to build")
def test_built_package_installs_and_passes_its_self_test(tmp_path: Path) -> None:
    build = subprocess.run(["bash", str(ROOT / "installer" / "build_deb.sh")], cwd=ROOT,
                           capture_output=True, text=True, timeout=1800, check=False)
    assert build.returncode == 0, build.stdout + build.stderr
    deb = sorted((ROOT / "dist").glob(f"{bm.NAME}_*.deb"), key=lambda p: p.stat().st_mtime)[-1]
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    control = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends", "Installed-Size"],
                             capture_output=True, text=True, check=True).stdout
    for package in ("libgl1", "libegl1", "libxcb1", "libfontconfig1"):
        assert package in control
    opt = root / "opt" / bm.NAME
    installed = {p.relative_to(opt).as_posix() for p in opt.rglob("*") if p.is_file()}
    for inside in bm.bundle_files():
        assert f"{bm.CONTENTS_DIR}/{inside}" in installed
    # Issue 9's target, in decimal MB; benchmarks/installer_figures.py prints the figure.
    size = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink())
    assert size < 150_000_000, f"installed {size:,} bytes"
    cmaps = {p.name for p in (opt / bm.CONTENTS_DIR / "pdfminer" / "cmap").iterdir()}
    assert "UniGB-UCS2-H.json.gz" in cmaps and not any(name.startswith(("UniJIS", "UniKS")) for name in cmaps)
    for path in (f"usr/bin/{bm.NAME}", f"usr/share/applications/{bm.NAME}.desktop",
                 f"usr/share/icons/hicolor/scalable/apps/{bm.NAME}.svg"):
        assert (root / path).is_file()
    # The Windows setup replayed over this very bundle installs the same tree (bar the .exe names).
    script = read_script(ROOT / "installer" / "windows" / "workbench.iss")
    windows_like = tmp_path / "build" / "dist" / bm.NAME
    shutil.copytree(opt, windows_like, symlinks=True)
    (windows_like / bm.NAME).rename(windows_like / f"{bm.NAME}.exe")
    (windows_like / f"{bm.NAME}{bm.CLI_SUFFIX}.exe").write_bytes(b"")
    script_dir = tmp_path / "installer" / "windows"
    script_dir.mkdir(parents=True)
    from_setup = set(install(script, script_dir))
    assert from_setup - {f"{bm.NAME}.exe", f"{bm.NAME}{bm.CLI_SUFFIX}.exe"} == installed - {bm.NAME}

    command = [str(opt / bm.NAME), "--self-test"]
    if os.geteuid() == 0 and shutil.which("unshare"):
        command = ["unshare", "-n", *command]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "自检通过" in done.stdout
