"""Render the program icon's PNG and ICO files from jixiao-workbench.svg (run once after editing it).

    .venv/bin/python resources/icons/make_icons.py

The Debian package installs the SVG and the PNGs into the hicolor theme; PyInstaller
needs the .ico for the Windows executable and the setup. Qt renders the SVG so no
extra tool is needed; Pillow (a reportlab dependency) writes the multi-size .ico.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
NAME = "jixiao-workbench"
PNG_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / f"{NAME}.svg"))
    if not renderer.isValid():
        print("invalid SVG", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        (HERE / f"{NAME}-{size}.png").write_bytes(render(renderer, size))
    largest = Image.open(io.BytesIO(render(renderer, max(ICO_SIZES))))
    largest.save(HERE / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
