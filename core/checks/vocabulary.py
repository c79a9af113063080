"""The standard indicator framework and the text helpers the checks share.

The 一级/二级 names of the city template (../shared/GLOSSARY.md), the national
template's variants, and normalisation so that "社会效益" and "社会效益指标 " are
the same level while "社会效应指标" is not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.model import STANDARD_LEVELS as MODEL_LEVELS
from core.model import Project

_NATIONAL_VARIANTS: dict[str, tuple[str, ...]] = {
    "满意度指标": ("社会公众满意度指标", "社会公众或服务对象满意度指标"),
}

# 二级指标 allowed under each 一级指标: the model's standard names plus the satisfaction
# variants of the national template (社会公众满意度, 社会公众或服务对象满意度).
STANDARD_LEVELS: dict[str, tuple[str, ...]] = {
    parent: children + tuple(extra for extra in _NATIONAL_VARIANTS.get(parent, ()) if extra not in children)
    for parent, children in MODEL_LEVELS.items()
}
LEVEL2_PARENT: dict[str, str] = {child: parent for parent, children in STANDARD_LEVELS.items()
                                 for child in children}
OUTPUT, BENEFIT, SATISFACTION, COST = "产出指标", "效益指标", "满意度指标", "成本指标"
QUANTITY, QUALITY, TIMELINESS, COST2 = "数量指标", "质量指标", "时效指标", "成本指标"

# The text helpers below are pure functions of short cell texts that every rule calls again
# on the same rows (level_name alone ~7,000 times per document): they are memoised, bounded
# so a city's run keeps flat memory; the results are strings, shared safely.
_MEMO = 1 << 16

_PUNCT_RE = re.compile(r"[\s\u3000,，.。;；:：、!！?？'\"“”‘’()（）\[\]【】%％]+")


@lru_cache(maxsize=_MEMO)
def compact(text: str) -> str:
    """Text without whitespace and punctuation, for comparing what rows say."""
    return _PUNCT_RE.sub("", text)


# Numbering that opens an item or a clause: "1、", "2.", "（一）", "(1)", "一、", "一是", "第一，"
# (not the "1." of "1.5").
_NUMBERING_RE = re.compile(
    r"(?:^|(?<=[\s。；;，,：:]))(?:第?[一二三四五六七八九十]+(?:是|、|，|,)|\d+\s*[.、．](?!\d)"
    r"|[（(][一二三四五六七八九十\d]+[）)])")


@lru_cache(maxsize=_MEMO)
def strip_numbering(text: str) -> str:
    """Item and clause numbering replaced by a space."""
    return _NUMBERING_RE.sub(" ", text)


def project_name(project: Project) -> str:
    """The 项目名称, else the table title without "绩效目标表"."""
    return re.sub(r"(?:项目)?绩效目标表$", "", project.display_name.strip()).strip()


@lru_cache(maxsize=_MEMO)
def level_name(text: str) -> str:
    """A 一级/二级 name as the standard spells it: "社会效益" → "社会效益指标"; unknown names unchanged
    (apart from whitespace and trailing punctuation)."""
    name = re.sub(r"\s+", "", text).rstrip("。.:：")
    if name in LEVEL2_PARENT or name in STANDARD_LEVELS:
        return name
    if name + "指标" in LEVEL2_PARENT or name + "指标" in STANDARD_LEVELS:
        return name + "指标"
    return name


@lru_cache(maxsize=_MEMO)
def level1_of(level1: str, level2: str) -> str:
    """The row's 一级 name, inferred from its 二级 when the 一级 cell is blank."""
    name = level_name(level1)
    if not name:
        return LEVEL2_PARENT.get(level_name(level2), "")
    return name


def contains_any(text: str, words: tuple[str, ...] | list[str]) -> str | None:
    """The first of `words` found in `text`, else None."""
    for word in words:
        if word and word in text:
            return word
    return None


@lru_cache(maxsize=_MEMO)
def is_rate_name(level3: str) -> bool:
    """A 三级 name that measures a rate: …率, …率（%）, …满意度, …占比."""
    name = re.sub(r"[（(][^）)]*[）)]$", "", compact_keep_parens(level3))
    return bool(re.search(r"(率|比率|比例|占比|满意度|百分比)$", name))


@lru_cache(maxsize=_MEMO)
def compact_keep_parens(text: str) -> str:
    return re.sub(r"[\s\u3000。.;；:：]+$", "", re.sub(r"\s+", "", text))


@lru_cache(maxsize=_MEMO)
def unit_in_name(level3: str) -> str | None:
    """The unit a 三级 name states: "设备使用率(%)" → "%", "办结案件（天）" → "天", "保障人次" → "人次"."""
    name = compact_keep_parens(level3)
    m = re.search(r"[（(]([^）)]{1,12})[）)]$", name)
    if m:
        return m.group(1).replace("％", "%")
    for suffix, unit in (("人次", "人次"), ("人数", "人"), ("次数", "次"), ("天数", "天"), ("户数", "户"),
                         ("件数", "件"), ("个数", "个")):
        if name.endswith(suffix):
            return unit
    return None
