"""Reading an Inno Setup script and replaying its [Files] section over a folder.

Enough of Inno Setup's syntax for installer/windows/workbench.iss: sections,
`Key: value; Key: "value"` entries, ISPP `#define` constants (`{#Name}`), and
`#if/#ifndef … #endif` blocks, whose bodies are kept (both branches of a language
check are harmless to read). `install()` does what Setup does with the Source /
DestDir / Flags / Excludes of each [Files] entry, on a real directory tree, so a
test can compare what the Windows setup would install with the Linux bundle.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

_DEFINE = re.compile(r'^#define\s+(\w+)\s+"([^"]*)"\s*$')


@dataclass
class Script:
    defines: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)

    def setup(self) -> dict[str, str]:
        """The [Setup] directives, constants expanded."""
        values = {}
        for line in self.sections.get("setup", []):
            key, _, value = line.partition("=")
            values[key.strip().lower()] = self.expand(value.strip())
        return values

    def entries(self, section: str) -> list[dict[str, str]]:
        return [parse_entry(self.expand(line)) for line in self.sections.get(section.lower(), [])]

    def expand(self, text: str) -> str:
        return re.sub(r"\{#(\w+)\}", lambda m: self.defines[m.group(1)], text)


def read_script(path: Path) -> Script:
    script = Script()
    section: str | None = None
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            match = _DEFINE.match(line)
            # The first definition wins, as with `#ifndef X #define X` and ISCC /DX=…
            if match and match.group(1) not in script.defines:
                script.defines[match.group(1)] = match.group(2)
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].lower()
            script.sections.setdefault(section, [])
            continue
        if section is not None:
            script.sections[section].append(line)
    return script


def parse_entry(line: str) -> dict[str, str]:
    """`Source: "a;b"; DestDir: "{app}"; Flags: x y` -> {"source": "a;b", ...} (keys lower-case)."""
    entry: dict[str, str] = {}
    for part in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        key, value = part
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1].replace('""', '"')
        entry[key.lower()] = value
    return entry


def install(script: Script, script_dir: Path, app_dir: str = "{app}") -> dict[str, Path]:
    """Replay [Files]: installed path (relative to {app}, posix) -> source file."""
    installed: dict[str, Path] = {}
    for entry in script.entries("Files"):
        flags = entry.get("flags", "").split()
        source = PureWindowsPath(entry["source"])
        dest = entry["destdir"]
        assert dest == app_dir or dest.startswith(app_dir + "\\"), f"installs outside {app_dir}: {entry}"
        dest_rel = PureWindowsPath(dest[len(app_dir) :].lstrip("\\")).as_posix()
        dest_rel = "" if dest_rel == "." else dest_rel
        folder = (script_dir / Path(*source.parent.parts)).resolve()
        pattern = source.name
        excludes = [e.strip() for e in entry.get("excludes", "").split(",") if e.strip()]
        if "*" in pattern or "?" in pattern:
            walk = folder.rglob(pattern) if "recursesubdirs" in flags else folder.glob(pattern)
            files = [f for f in walk if f.is_file()]
        else:
            files = [folder / pattern]
            if not files[0].is_file():
                raise FileNotFoundError(f"[Files] source missing: {files[0]}")
        for file in files:
            relative = file.relative_to(folder).as_posix()
            if any(fnmatch.fnmatch(relative, e) or fnmatch.fnmatch(file.name, e) for e in excludes):
                continue
            target = f"{dest_rel}/{relative}" if dest_rel else relative
            installed[target] = file
    return installed
