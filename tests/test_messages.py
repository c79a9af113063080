"""The message catalogue: both languages, the same parameters, and every key the code uses."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from core.message_catalogue import CATALOGUE
from core.messages import fields_of, label, msg, render

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_parameters(key: str) -> None:
    zh, en = CATALOGUE[key]
    assert zh.strip() and en.strip()
    assert fields_of(zh) == fields_of(en), key
    if key not in ("legacy", "R"):
        assert zh != en or not any("\u4e00" <= ch <= "\u9fff" for ch in zh), f"{key}: English text is Chinese"


def _msg_calls() -> list[tuple[str, str, set[str], bool]]:
    """(file:line, key, keyword names, has **kwargs) of every msg("…") call in core/ and ui/."""
    calls = []
    for folder in ("core", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg" \
                        and node.args and isinstance(node.args[0], ast.Constant):
                    names = {k.arg for k in node.keywords if k.arg is not None}
                    calls.append((f"{path.relative_to(ROOT)}:{node.lineno}", str(node.args[0].value), names,
                                  any(k.arg is None for k in node.keywords)))
    return calls


def test_every_message_the_code_sends_exists_and_gets_exactly_its_parameters() -> None:
    calls = _msg_calls()
    assert len(calls) > 40  # the checks speak through the catalogue
    for place, key, names, spread in calls:
        assert key in CATALOGUE, f"{place}: unknown message {key!r}"
        if not spread:
            assert names == fields_of(CATALOGUE[key][0]), f"{place}: {key} takes {fields_of(CATALOGUE[key][0])}"


def test_every_finding_message_is_used_by_some_check() -> None:
    used = {key for _, key, _, _ in _msg_calls()}
    rules = {k for k in CATALOGUE if k[:1] in "ABCDEFGH" and k[1:2].isdigit()}
    assert rules - used == set()


def test_msg_refuses_wrong_parameters_and_render_tolerates_unknown_keys() -> None:
    with pytest.raises(ValueError):
        msg("C1", total="1")
    with pytest.raises(KeyError):
        msg("no.such.key")
    assert render("C1", {"total": "230.00", "fiscal": "200.00", "other": "20.00", "expected": "220.00"}, "en") \
        == "The budget 230.00 is not the sum 220.00 of fiscal funds 200.00 and other funds 20.00."
    assert render("from.a.newer.build", {"a": "x"}, "en") == "x"  # a newer workspace's key: its values
    assert label("field.budget_total", "en") == "Budget" and label("field.budget_total") == "预算数"
    assert label("field.unknown", default="unknown") == "unknown"
