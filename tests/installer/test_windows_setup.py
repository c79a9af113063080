"""The Inno Setup script installs the same bundle as the Debian package, and keeps user data.

The Windows build cannot run here, so the script is read (tests/installer/inno.py)
and its [Files] section replayed over a bundle laid out as the spec lays it out on
Windows (executables from the spec run as win32, data files from the manifest, Qt
parts the spec keeps): every file of that bundle must land at the same place under
{app} that the Debian package gives it under /opt/<name>, and nothing else may.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.installer.inno import Script, install, read_script
from tests.installer.spec_run import ROOT, bm, run_spec
from tests.installer.test_bundle_spec import sample_toc

ISS = ROOT / "installer" / "windows" / "workbench.iss"
USER_DATA_CONSTANTS = ("{localappdata}", "{userappdata}", "{commonappdata}", "{userdocs}", "{%USERPROFILE")


@pytest.fixture(scope="module")
def script() -> Script:
    return read_script(ISS)


def windows_bundle(into: Path) -> set[str]:
    """A stand-in for build\\dist\\<name> as the spec would make it on Windows."""
    run = run_spec("win32", sample_toc())
    bundle = into / "build" / "dist" / run.collect["name"]
    files = {e["name"] + ".exe" for e in run.executables}
    files |= {f"{bm.CONTENTS_DIR}/{dest.replace(chr(92), '/')}" for dest, _src, _kind in run.binaries + run.datas}
    for relative in files:
        (bundle / relative).parent.mkdir(parents=True, exist_ok=True)
        (bundle / relative).write_bytes(b"")
    return files


def test_setup_installs_exactly_the_bundle(script: Script, tmp_path: Path) -> None:
    bundle_files = windows_bundle(tmp_path)
    # The script lives at installer/windows/, its BundleDir is relative to that.
    script_dir = tmp_path / "installer" / "windows"
    script_dir.mkdir(parents=True)
    installed = install(script, script_dir)
    assert set(installed) == bundle_files
    # Every data file of the manifest sits where the Linux bundle has it (under /opt/<name>).
    for inside in bm.bundle_files():
        assert f"{bm.CONTENTS_DIR}/{inside}" in installed


def test_setup_reads_the_bundle_the_build_scripts_make(script: Script) -> None:
    bundle_dir = (ISS.parent / Path(*script.defines["BundleDir"].split("\\"))).resolve()
    assert bundle_dir == ROOT / "build" / "dist" / bm.NAME
    assert script.defines["AppExe"] == bm.NAME
    bat = (ROOT / "installer" / "build_windows.bat").read_text(encoding="utf-8")
    assert "--distpath build\\dist" in bat and "installer\\workbench.spec" in bat
    assert "installer\\windows\\workbench.iss" in bat
    assert f"{bm.NAME}{bm.CLI_SUFFIX}.exe --self-test" in bat
    deb = (ROOT / "installer" / "build_deb.sh").read_text(encoding="utf-8")
    assert "--distpath build/dist" in deb and 'cp -a "$BUNDLE" "$STAGE/opt/$NAME"' in deb


def test_setup_version_and_icon(script: Script) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert script.defines["AppVersion"] == project["version"]
    setup = script.setup()
    assert (ISS.parent / Path(*setup["setupiconfile"].split("\\"))).resolve().is_file()
    assert setup["uninstalldisplayicon"] == f"{{app}}\\{bm.NAME}.exe"
    assert setup["appid"].startswith("{{")  # a fixed AppId: updates replace, not duplicate
    assert setup["defaultdirname"].startswith("{autopf}")


def test_start_menu_entries_and_uninstaller(script: Script) -> None:
    icons = script.entries("Icons")
    menu = [i for i in icons if i["name"].startswith("{group}\\")]
    assert any(i["filename"] == f"{{app}}\\{bm.NAME}.exe" for i in menu)
    assert any(i["filename"] == "{uninstallexe}" for i in menu)
    # The Start-menu entry opens the window.
    assert all(i.get("parameters") == "gui" for i in menu if i["filename"].endswith(".exe"))


def test_update_and_removal_keep_the_workspace(script: Script) -> None:
    for section in ("InstallDelete", "UninstallDelete"):
        for entry in script.entries(section):
            assert entry["name"].startswith("{app}\\"), f"[{section}] reaches outside {{app}}: {entry}"
            assert not any(c.lower() in entry["name"].lower() for c in USER_DATA_CONSTANTS)
    # An update clears the old runtime so no stale library outlives it.
    assert any(e["name"] == f"{{app}}\\{bm.CONTENTS_DIR}" for e in script.entries("InstallDelete"))
    for section in ("Files", "Icons", "Run", "Dirs"):
        for entry in script.entries(section):
            assert not any(c.lower() in str(entry).lower() for c in USER_DATA_CONSTANTS), entry


def test_the_workspace_lives_in_the_users_data_folder() -> None:
    # What the setup relies on: the program keeps its workspace outside {app}.
    from core.store.workspace import default_workspace_path

    path = default_workspace_path()
    assert "Program Files" not in str(path) and "/opt/" not in str(path)
    assert not path.is_relative_to(ROOT)


def test_the_replay_sees_what_setup_would_miss(tmp_path: Path) -> None:
    # The comparison is only meaningful if a wrong [Files] section shows up in it.
    windows_bundle(tmp_path)
    script_dir = tmp_path / "installer" / "windows"
    script_dir.mkdir(parents=True)
    broken = tmp_path / "broken.iss"
    broken.write_text(
        ISS.read_text(encoding="utf-8").replace("Flags: ignoreversion recursesubdirs createallsubdirs", "Flags: ignoreversion"),
        encoding="utf-8",
    )
    installed = install(read_script(broken), script_dir)
    assert not any(p.startswith(f"{bm.CONTENTS_DIR}/resources/") for p in installed)
