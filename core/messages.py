"""The one message catalogue: every sentence and label core gives a person, by key, in
Chinese and English.

Core returns typed records (a finding holds its rule, place and parameters; a change
its kind and values); the caller renders them here in its language. The window follows
its language setting, the memo is Chinese, `check --json` gives both the parameters and
the Chinese text. A template names its parameters (`{value}`); `msg()` refuses a call
whose parameters are not exactly the template's, and a test checks that both languages
use the same parameters and that every `msg("…")` in the code names a known key.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from core.message_catalogue import CATALOGUE

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
# What a parameter holds: text as written (a quoted value, an amount), or a count.
Param = str | int

__all__ = ["CATALOGUE", "LANGS", "Lang", "Msg", "Param", "fields_of", "label", "msg", "render"]


def fields_of(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True, slots=True)
class Msg:
    """A message as data: its catalogue key and typed parameters (rendered on demand)."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def render(self, lang: Lang = "zh") -> str:
        return render(self.key, self.params, lang)

    def to_dict(self) -> dict[str, object]:
        return {"key": self.key, "params": dict(self.params)}


def msg(key: str, **params: Param) -> Msg:
    """A message of the catalogue; its parameters must be exactly the template's."""
    entry = CATALOGUE.get(key)
    if entry is None:
        raise KeyError(f"no message {key!r} in the catalogue")
    wanted = fields_of(entry[0])
    if set(params) != wanted:
        raise ValueError(f"message {key!r} takes {sorted(wanted)}, given {sorted(params)}")
    return Msg(key, params)


def render(key: str, params: Mapping[str, Param], lang: Lang = "zh") -> str:
    """The text of a message in `lang`. A key unknown to this version (a workspace written
    by a newer one) shows its parameters rather than failing."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return "；".join(str(v) for v in params.values()) or key
    template = entry[0] if lang == "zh" else entry[1]
    try:
        return template.format_map(dict(params))
    except (KeyError, IndexError, ValueError):
        return entry[0].format_map({k: params.get(k, "") for k in fields_of(entry[0])})


def label(key: str, lang: Lang = "zh", default: str | None = None) -> str:
    """A label of the catalogue (a field, a column, a criterion, a change kind …)."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return default if default is not None else key.rsplit(".", 1)[-1]
    return entry[0] if lang == "zh" else entry[1]
