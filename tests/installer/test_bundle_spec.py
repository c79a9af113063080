"""The PyInstaller spec and the manifest: what the bundle carries and what it leaves out.

Checked without building (that takes minutes; see test_debian_package.py for the
real build): the spec is executed with recording stand-ins for PyInstaller's
classes (spec_run.py) and its choices compared with installer/manifest.txt and the
source tree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.installer.spec_run import ROOT, bm, run_spec

# What PyInstaller's analysis collects from PySide6 and the host, by file name
# (Linux wheel layout, then Windows wheel layout), and whether the bundle keeps it.
QT_TOC = {
    "PySide6/Qt/plugins/platforms/libqxcb.so": True,
    "PySide6/Qt/plugins/platforms/libqoffscreen.so": True,
    "PySide6/Qt/plugins/platforms/libqminimal.so": True,
    "PySide6/Qt/plugins/platforms/libqwayland-egl.so": False,
    "PySide6/Qt/plugins/platforms/libqvnc.so": False,
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so": True,
    "PySide6/Qt/plugins/imageformats/libqsvg.so": True,
    "PySide6/Qt/plugins/imageformats/libqpdf.so": False,
    "PySide6/Qt/plugins/imageformats/libqwebp.so": False,
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so": True,
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so": True,
    "PySide6/Qt/plugins/tls/libqopensslbackend.so": False,
    "PySide6/Qt/plugins/networkinformation/libqglib.so": False,
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so": False,
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so": False,
    "PySide6/Qt/lib/libQt6Widgets.so.6": True,
    "PySide6/Qt/lib/libQt6Svg.so.6": True,
    "PySide6/Qt/lib/libQt6XcbQpa.so.6": True,
    "PySide6/Qt/lib/libQt6Network.so.6": False,
    "PySide6/Qt/lib/libQt6Qml.so.6": False,
    "PySide6/Qt/lib/libQt6Quick.so.6": False,
    "PySide6/Qt/lib/libQt6Pdf.so.6": False,
    "PySide6/Qt/lib/libQt6WaylandClient.so.6": False,
    "PySide6/QtNetwork.abi3.so": False,
    "PySide6/QtWidgets.abi3.so": True,
    "libgtk-3.so.0": False,
    "libharfbuzz.so.0": False,
    "libssl.so.3": True,
    "PySide6/plugins/platforms/qwindows.dll": True,
    "PySide6/plugins/platforms/qdirect2d.dll": False,
    "PySide6/plugins/styles/qmodernwindowsstyle.dll": True,
    "PySide6/plugins/tls/qschannelbackend.dll": False,
    "PySide6/Qt6Widgets.dll": True,
    "PySide6/Qt6Network.dll": False,
    "PySide6/Qt6Qml.dll": False,
    "PySide6/QtNetwork.pyd": False,
    "PySide6/QtGui.pyd": True,
}
QT_TRANSLATIONS = {
    "PySide6/Qt/translations/qtbase_zh_CN.qm": True,
    "PySide6/Qt/translations/qt_zh_CN.qm": True,
    "PySide6/Qt/translations/qtbase_en.qm": True,
    "PySide6/Qt/translations/qtbase_de.qm": False,
    "PySide6/Qt/translations/qtdeclarative_zh_CN.qm": False,
    "PySide6/Qt/translations/assistant_zh_CN.qm": False,
    "PySide6\\translations\\qtbase_zh_CN.qm": True,
    "PySide6\\translations\\qtbase_fr.qm": False,
}


def sample_toc() -> list[tuple[str, str, str]]:
    return [(dest, "/src/" + dest, "BINARY") for dest in QT_TOC] + [
        (dest, "/src/" + dest, "DATA") for dest in QT_TRANSLATIONS
    ]


@pytest.fixture(scope="module")
def linux() -> object:
    return run_spec("linux", sample_toc())


@pytest.fixture(scope="module")
def windows() -> object:
    return run_spec("win32", sample_toc())


def test_manifest_lists_every_resource_file() -> None:
    # A new font, sample or migration that is neither shipped nor left out on purpose
    # would be missing from the installed program without anyone noticing.
    assert bm.unlisted_files() == []


def test_every_manifest_line_has_files() -> None:
    assert [(e.line, e.pattern) for e in bm.empty_entries()] == []


def test_manifest_rejects_malformed_lines(tmp_path: Path) -> None:
    bad = tmp_path / "manifest.txt"
    bad.write_text("resources/fonts/*\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"manifest\.txt:1"):
        bm.read_manifest(bad)
    bad.write_text("../secrets/* resources\n", encoding="utf-8")
    with pytest.raises(ValueError):
        bm.read_manifest(bad)


def test_manifest_keeps_subfolders_and_skips_bytecode(tmp_path: Path) -> None:
    (tmp_path / "m" / "versions" / "__pycache__").mkdir(parents=True)
    (tmp_path / "m" / "env.py").write_text("x = 1\n")
    (tmp_path / "m" / "versions" / "0001.py").write_text("x = 1\n")
    (tmp_path / "m" / "versions" / "__pycache__" / "0001.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("a")
    (tmp_path / "docs" / "b.ts").write_text("b")
    manifest_file = tmp_path / "manifest.txt"
    manifest_file.write_text("m/**  pkg/m\ndocs/*.txt  data\n!docs/*.ts\n", encoding="utf-8")
    manifest = bm.read_manifest(manifest_file)
    assert sorted(bm.bundle_files(tmp_path, manifest)) == ["data/a.txt", "pkg/m/env.py", "pkg/m/versions/0001.py"]
    assert bm.pyinstaller_datas(tmp_path, manifest)[1] == (str(tmp_path / "m" / "env.py"), "pkg/m")


def test_spec_bundles_exactly_the_manifest(linux: object) -> None:
    assert sorted(linux.analysis["datas"]) == sorted(bm.pyinstaller_datas())
    shipped = {f"{dest}/{Path(src).name}" for src, dest in linux.analysis["datas"]}
    # What the program looks for at run time under sys._MEIPASS.
    assert "core/store/migrations/env.py" in shipped
    assert any(p.startswith("core/store/migrations/versions/") for p in shipped)
    assert "resources/fonts/wqy-microhei.ttf" in shipped
    assert any(p.startswith("resources/samples/") and p.endswith(".docx") for p in shipped)
    assert any(p.startswith("resources/samples/") and p.endswith(".pdf") for p in shipped)
    assert any(p.startswith("resources/i18n/") and p.endswith(".qm") for p in shipped)


def test_spec_names_every_lazily_imported_module(linux: object) -> None:
    from core.cli import COMMAND_MODULES

    hidden = set(linux.analysis["hiddenimports"])
    present = [m for m in COMMAND_MODULES if (ROOT / (m.replace(".", "/") + ".py")).is_file()]
    assert set(present) <= hidden
    for expected in ("core.selftest", "core.store.migrate", "alembic.ddl.sqlite", "alembic.runtime.migration"):
        assert expected in hidden
    if (ROOT / "ui" / "app.py").is_file():
        assert "ui.app" in hidden
    # Migration scripts run from files (Alembic), so their own imports must be named.
    assert set(bm.migration_imports()) <= hidden
    assert not any(m.startswith(("core.store.migrations", "alembic.testing")) for m in hidden)


def test_spec_leaves_out_heavy_qt_and_dev_tools(linux: object) -> None:
    excludes = set(linux.analysis["excludes"])
    for module in ("PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "tkinter", "pytest"):
        assert module in excludes


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_spec_filters_qt_plugins_libraries_and_translations(platform: str) -> None:
    run = run_spec(platform, sample_toc())
    kept = {t[0] for t in run.binaries} | {t[0] for t in run.datas}
    expected = {dest for dest, keep in {**QT_TOC, **QT_TRANSLATIONS}.items() if keep}
    dropped = {dest for dest, keep in {**QT_TOC, **QT_TRANSLATIONS}.items() if not keep}
    assert expected <= kept
    assert not (dropped & kept)
    # The manifest's own files are never filtered away.
    assert {dest for _src, dest in bm.pyinstaller_datas()} <= {t[0].rsplit("/", 1)[0] for t in run.datas}


def test_linux_bundle_is_one_stripped_executable(linux: object) -> None:
    assert [e["name"] for e in linux.executables] == [bm.NAME]
    assert linux.collect["name"] == bm.NAME
    assert linux.collect["strip"] is True and all(e["strip"] for e in linux.executables)
    assert all(e["contents_directory"] == bm.CONTENTS_DIR for e in linux.executables)
    assert not any(e["upx"] for e in linux.executables)


def test_windows_bundle_has_a_window_and_a_console_executable(windows: object) -> None:
    by_name = {e["name"]: e for e in windows.executables}
    assert set(by_name) == {bm.NAME, bm.NAME + bm.CLI_SUFFIX}
    assert by_name[bm.NAME]["console"] is False
    assert by_name[bm.NAME + bm.CLI_SUFFIX]["console"] is True
    assert windows.collect["strip"] is False
    assert all(Path(e["icon"]).is_file() for e in windows.executables)
