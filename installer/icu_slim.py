"""Rebuild Qt's ICU data library with only the data a Chinese/English desktop program uses.

PySide6's Linux wheels carry libicudata.so.NN: 31 MB, the largest single file of the
bundle, holding every locale's names, currencies, units, time-zone names and
collation, and two hundred legacy code-page converters. QtCore links it (collation, converters, case mapping). This
keeps ICU's shared data (break rules and dictionaries, Unicode tables), the root,
zh* and en* locales and the Chinese converters, and writes a drop-in library with the same soname and symbol
(ICU's own data-filtering idea, done on the shipped binary so the Qt build is untouched).
A locale or converter that was left out behaves as ICU documents for missing data: the
root locale's data is used, opening the converter fails.

    python installer/icu_slim.py <libicudata.so.NN> <output folder>   # prints the new path

Needs binutils (readelf), icupkg (Debian: icu-devtools) and a C compiler (gcc). The
spec calls `slim()` on Linux; Windows Qt uses the system's ICU and needs nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

# Locales kept (ICU locale ids start with a 2–3 letter language code; "root" is the fallback).
KEEP_LOCALES = re.compile(r"^(root|zh|yue|en)(_|$)")  # zh_Hant_HK falls back on yue
LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
NOT_LOCALES = {"res_index", "pool"}  # shared tables whose names look like locale ids
KEEP_CONVERTERS = re.compile(r"^(gb18030|windows-936-2000|ibm-1386_P100-2001|ibm-5478_P100-1995|ibm-1383_P110-1999)\.cnv$")


def dropped(item: str) -> bool:
    """Whether an ICU data item (as `icupkg -l` names it) is left out."""
    name = item.rsplit("/", 1)[-1]
    if name.endswith(".cnv"):
        return not KEEP_CONVERTERS.match(name)
    if name.endswith(".res"):
        locale = name[:-4]
        if locale in NOT_LOCALES or not LOCALE_ID.match(locale):
            return False
        return not KEEP_LOCALES.match(locale)
    return False


def _run(*command: str, cwd: Path | None = None) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=cwd).stdout


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of the icudtNN_dat blob inside the library."""
    symbols = _run("readelf", "-W", "--dyn-syms", str(library))
    match = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)\s*$",
                      symbols, re.MULTILINE)
    if not match:
        raise RuntimeError(f"{library}: no icudtNN_dat symbol")
    address, size, section, name = int(match[1], 16), int(match[2], 0), int(match[3]), match[4]
    sections = _run("readelf", "-W", "-S", str(library))
    row = re.search(rf"^\s*\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections, re.MULTILINE)
    if not row:
        raise RuntimeError(f"{library}: section {section} not found")
    return name, address - int(row[1], 16) + int(row[2], 16), size


def slim(library: Path, out_dir: Path) -> Path:
    """Write the reduced library to out_dir under the same file name; return its path."""
    name, offset, size = _data_symbol(library)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / library.name
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        # icupkg takes the package name (icudtNNl) from the file name.
        package = f"{name.removesuffix('_dat')}{'l' if sys.byteorder == 'little' else 'b'}.dat"
        full = scratch / package
        (scratch / "slim").mkdir()
        slim_dat = scratch / "slim" / package
        with library.open("rb") as source:
            source.seek(offset)
            full.write_bytes(source.read(size))
        items = _run("icupkg", "-l", str(full)).split()
        (scratch / "drop.txt").write_text("\n".join(i for i in items if dropped(i)) + "\n", encoding="utf-8")
        _run("icupkg", "-r", str(scratch / "drop.txt"), str(full), str(slim_dat))
        (scratch / "data.S").write_text(
            f'.section .rodata\n.globl {name}\n.type {name}, @object\n.balign 16\n{name}:\n'
            f'.incbin "{slim_dat}"\n.size {name}, . - {name}\n'
            '.section .note.GNU-stack,"",@progbits\n',
            encoding="utf-8",
        )
        _run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(target), str(scratch / "data.S"))
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-6], file=sys.stderr)
        sys.exit(2)
    print(slim(Path(sys.argv[1]), Path(sys.argv[2])))
