"""The user's preferences and the window's state, stored with QSettings.

Each preference is declared once (key, type, default, label) in `PREFERENCES`;
the settings dialog renders itself from that list. Check thresholds are stored
under "checks/<name>" and handed to core.checks as plain values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from core.checks.settings import CheckSettings

if TYPE_CHECKING:
    from core.memo.letterhead import Letterhead

ORGANISATION = "jixiao"
APPLICATION = "workbench"
MAX_RECENT = 8
MAX_DISMISS_REASONS = 12
ZOOM_MIN, ZOOM_MAX = 50, 300  # the zoom kept in percent; anything else reads as 100
# The reasons offered when dismissing findings, until the reviewer's own are kept.
DEFAULT_DISMISS_REASONS: tuple[str, ...] = (
    "部门已作说明，予以认可",
    "属模板格式要求，不作修改",
    "与实际情况相符",
    "指标设置符合项目实际，予以保留",
    "已在其他指标中体现",
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a class-level string for lupdate; it is translated where it is shown."""
    return text


@dataclass(frozen=True, slots=True)
class Preference:
    """One user preference: QSettings key, Python type, default and its label (msgid)."""

    key: str
    kind: type
    default: Any
    label: str


PREFERENCES: tuple[Preference, ...] = (
    Preference("reviewer/name", str, "", QT_TRANSLATE_NOOP("Preferences", "审核人姓名")),
    Preference("reviewer/organisation", str, "", QT_TRANSLATE_NOOP("Preferences", "审核单位")),
    Preference("ui/language", str, "zh_CN", QT_TRANSLATE_NOOP("Preferences", "界面语言")),
)
_BY_KEY = {p.key: p for p in PREFERENCES}

LANGUAGES: tuple[tuple[str, str], ...] = (
    ("zh_CN", QT_TRANSLATE_NOOP("Preferences", "中文")),
    ("en", QT_TRANSLATE_NOOP("Preferences", "English")),
)


@dataclass(frozen=True, slots=True)
class LastPlace:
    """Where the reviewer left off, kept on closing and restored on the next start."""

    workspace: str  # the workspace file, resolved
    project_id: int
    finding_id: int | None = None

    def is_in(self, path: str | Path | None) -> bool:
        return path is not None and Path(path).resolve() == Path(self.workspace)


def open_settings() -> QSettings:
    """The application's settings store (an INI file in the user's config folder).

    Tests redirect it with QSettings.setPath(IniFormat, UserScope, tmp_path).
    """
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


class AppSettings:
    """Typed access to the preferences, recent workspaces, thresholds and window state."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else open_settings()

    @property
    def store(self) -> QSettings:
        return self._store

    def get(self, key: str) -> Any:
        pref = _BY_KEY[key]
        value = self._store.value(key, pref.default)
        if value is None:
            return pref.default
        return pref.kind(value)

    def set(self, key: str, value: Any) -> None:
        pref = _BY_KEY[key]
        self._store.setValue(key, pref.kind(value))

    @property
    def reviewer_name(self) -> str:
        return str(self.get("reviewer/name"))

    @property
    def organisation(self) -> str:
        return str(self.get("reviewer/organisation"))

    @property
    def language(self) -> str:
        return str(self.get("ui/language"))

    # Check thresholds: stored as core's own dict form; missing keys take core's defaults.
    def _json_object(self, key: str) -> dict[str, Any] | None:
        """A setting kept as a JSON object (core's own dict form); None when unset or unreadable."""
        text = self._store.value(key, "")
        try:
            data = json.loads(str(text)) if text else None
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def check_settings(self) -> CheckSettings:
        try:
            return CheckSettings.from_dict(self._json_object("checks/settings"))
        except ValueError:
            # A hand-edited or older settings file must not stop the window: fall back to defaults.
            return CheckSettings()

    def set_check_settings(self, settings: CheckSettings) -> None:
        self._store.setValue("checks/settings", json.dumps(settings.to_dict(), ensure_ascii=False))

    # The bureau's letterhead for the memo (core.memo.letterhead).
    def letterhead(self) -> Letterhead:
        from core.memo.letterhead import Letterhead

        try:
            return Letterhead.from_dict(self._json_object("memo/letterhead"))
        except ValueError:
            return Letterhead()

    def set_letterhead(self, letterhead: Letterhead) -> None:
        self._store.setValue("memo/letterhead", json.dumps(letterhead.to_dict(), ensure_ascii=False))

    def recent_workspaces(self) -> list[str]:
        value = self._store.value("recent/workspaces", [])
        if isinstance(value, str):  # QSettings gives a bare string for a one-item list
            value = [value]
        if not isinstance(value, list | tuple):  # None, or something a hand-edited file holds
            return []
        return [str(v) for v in value]

    def add_recent_workspace(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        items = [p for p in self.recent_workspaces() if p != text]
        self._store.setValue("recent/workspaces", [text, *items][:MAX_RECENT])

    def dismiss_reasons(self) -> list[str]:
        """The preset reasons for dismissing findings, the last used first."""
        value = self._store.value("findings/dismissReasons")
        if isinstance(value, str):  # QSettings gives a bare string for a one-item list
            value = [value]
        if not isinstance(value, list | tuple):  # never set, or something a hand-edited file holds
            return list(DEFAULT_DISMISS_REASONS)
        reasons = [str(v).strip() for v in value if str(v).strip()]
        return reasons or list(DEFAULT_DISMISS_REASONS)

    def set_dismiss_reasons(self, reasons: list[str]) -> None:
        unique = list(dict.fromkeys(r.strip() for r in reasons if r.strip()))
        self._store.setValue("findings/dismissReasons", unique[:MAX_DISMISS_REASONS])

    def remember_dismiss_reason(self, reason: str) -> None:
        """Keep a reason just used at the top of the presets."""
        self.set_dismiss_reasons([reason, *self.dismiss_reasons()])

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._store.value("window/geometry")
        state = self._store.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)

    def last_place(self) -> LastPlace | None:
        """Where the reviewer left off: the workspace file, the project open in it and the
        finding selected (None when nothing was kept, or a hand-edited file holds nonsense)."""
        workspace = self._store.value("session/workspace")
        if not workspace:
            return None
        try:
            project = int(str(self._store.value("session/project", "")))
        except ValueError:
            return None
        finding_text = str(self._store.value("session/finding", "") or "")
        finding = int(finding_text) if finding_text.isdigit() else None
        return LastPlace(str(workspace), project, finding)

    def set_last_place(self, place: LastPlace | None) -> None:
        if place is None:
            for key in ("session/workspace", "session/project", "session/finding"):
                self._store.remove(key)
            return
        self._store.setValue("session/workspace", str(Path(place.workspace).resolve()))
        self._store.setValue("session/project", int(place.project_id))
        self._store.setValue("session/finding", "" if place.finding_id is None else int(place.finding_id))

    def zoom(self) -> int:
        """The tables' and the form's zoom in percent (ui/zoom.py), 100 unless set."""
        try:
            value = int(str(self._store.value("view/zoom", 100)))
        except ValueError:  # a hand-edited settings file
            return 100
        return value if ZOOM_MIN <= value <= ZOOM_MAX else 100

    def set_zoom(self, percent: int) -> None:
        self._store.setValue("view/zoom", int(percent))

    def sync(self) -> None:
        self._store.sync()


def translated_label(pref: Preference) -> str:
    return QCoreApplication.translate("Preferences", pref.label)
