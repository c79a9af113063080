"""Chinese renders with the bundled font on a machine that has no CJK font (PLATFORM.md §2).

Fontconfig reads its configuration once per process, so each case runs in a child
process with FONTCONFIG_FILE pointing at tests/ui/fonts.conf (DejaVu only).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "产出指标 数量指标 满意度≥95% ①②③ “年度” １００％ 审核发现（待处理）"

PROBE = r"""
import json, sys
from PySide6.QtGui import QTextLayout, QFontDatabase
from ui.app import make_application
bundled = sys.argv[1] == "bundled"
if bundled:
    app = make_application(["probe"])
else:
    from PySide6.QtWidgets import QApplication
    app = QApplication(["probe"])
lay = QTextLayout(sys.argv[2], app.font())
lay.beginLayout(); lay.createLine(); lay.endLayout()
runs = [{"family": r.rawFont().familyName(), "notdef": 0 in r.glyphIndexes()} for r in lay.glyphRuns()]
print(json.dumps({"app_font": app.font().family(), "runs": runs}))
"""


def _probe(mode: str, cache: Path) -> dict:
    env = dict(os.environ, FONTCONFIG_FILE=str(ROOT / "tests" / "ui" / "fonts.conf"), QT_QPA_PLATFORM="offscreen",
               XDG_CACHE_HOME=str(cache))
    done = subprocess.run([sys.executable, "-c", PROBE, mode, SAMPLE], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_chinese_renders_with_the_bundled_font_and_no_notdef_glyphs(tmp_path: Path) -> None:
    result = _probe("bundled", tmp_path)
    assert result["app_font"] == "WenQuanYi Micro Hei"
    assert result["runs"], "nothing laid out"
    for run in result["runs"]:
        assert run == {"family": "WenQuanYi Micro Hei", "notdef": False}


def test_without_the_bundled_font_the_same_text_has_no_chinese_glyphs(tmp_path: Path) -> None:
    # The control: the isolation works, so the test above is meaningful.
    result = _probe("system", tmp_path)
    assert any(run["notdef"] or run["family"] != "WenQuanYi Micro Hei" for run in result["runs"])
