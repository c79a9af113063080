"""Load the bundled Chinese font into Qt before any widget exists (PLATFORM.md §2).

The window must draw Chinese on a workstation with no CJK font installed, so the
application font is always the one shipped in resources/fonts (core/fonts.py says
where); a system font is only a last resort for a damaged installation.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from core.fonts import FontMissingError, cjk_font_path

log = logging.getLogger(__name__)

# Only used when the installation lacks its own font file (a broken install): the
# window then still opens, in whatever CJK face the system has.
_SYSTEM_FALLBACKS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
)

UI_POINT_SIZE = 10


def bundled_font_file() -> Path | None:
    """The font file the window uses: the bundled one, else a system CJK font, else None."""
    try:
        return cjk_font_path()
    except FontMissingError as error:  # a missing font file must not stop the window opening
        log.warning("%s", error)
    for candidate in _SYSTEM_FALLBACKS:
        if candidate.is_file():
            return candidate
    return None


def install_application_font(app: QGuiApplication) -> str | None:
    """Register the bundled font and make it the application font; return its family.

    Returns None when no font could be loaded (then Qt's default is kept).
    """
    path = bundled_font_file()
    if path is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    family = families[0]
    font = QFont(family, UI_POINT_SIZE)
    app.setFont(font)
    return family
