"""Chinese numerals, both ways: "一百零五" ↔ 105. The one place the project reads or writes them.

`parse_chinese_number` reads what documents write: item numbers ("十二、", "（一百一十）"),
counts in indicator values ("三次", "两千人"), 第X部分. It is lenient the way the
readers before it were: 两 and 〇 are digits, 十 alone is 10, a malformed run such as
"十十" still gives a number (20) rather than None, since a caller only hands it a
run of numeral characters it has already cut out. A text of decimal digits only,
ASCII or full-width ("12", "１２"), is read as that integer: numbering is written both
ways and the callers should not have to tell them apart. Digits mixed with numerals
("3百") are not a number. 负 in front makes it negative.

`to_chinese_number` writes the form official documents use: 零 for each run of
missing places (105 → 一百零五, 1010 → 一千零一十, 10010 → 一万零一十), 10–19 open with
十 and not 一十 (but 一百一十 inside a number), 万 and 亿 as large units, so any
integer is written (a department may have more than 99 projects). It is the exact
inverse: parse_chinese_number(to_chinese_number(n)) == n for every int n.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_DIGIT_VALUES = {**{ch: i for i, ch in enumerate(_DIGITS)}, "〇": 0, "两": 2}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = ((10**8, "亿"), (10**4, "万"))
_NEGATIVE = "负"

# Every character parse_chinese_number reads (负 aside), for callers that cut numeral runs out of text.
CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"


def parse_chinese_number(text: str) -> int | None:
    """"三" → 3, "十五" → 15, "一百零五" → 105, "两千三百" → 2300, "一万二千" → 12000, "１２" → 12.

    None for "" and for any text with a character that is not a numeral (see the module docstring).
    """
    if text.startswith(_NEGATIVE):
        value = parse_chinese_number(text[1:])
        return None if value is None else -value
    if text.isdecimal():
        return int(text)
    if not text or any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGIT_VALUES:
            digit = _DIGIT_VALUES[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10**4
            section, digit = 0, None
        else:  # 亿 multiplies all before it: 一万亿 = 10**12
            total = (total + section + (digit or 0)) * 10**8
            section, digit = 0, None
    return total + section + (digit or 0)


def _below_10000(n: int) -> str:
    """1 ≤ n < 10000, with 零 for each run of missing places: 105 → 一百零五, 1010 → 一千零一十."""
    out = ""
    gap = False
    for place in range(3, -1, -1):
        digit = n // 10**place % 10
        if digit == 0:
            gap = bool(out)
            continue
        if gap:
            out += "零"
            gap = False
        out += _DIGITS[digit] + ("", "十", "百", "千")[place]
    return out


def _positive(n: int) -> str:
    for size, unit in _LARGE_UNITS:
        if n >= size:
            high, low = divmod(n, size)
            rest = "" if low == 0 else ("零" if low < size // 10 else "") + _positive(low)
            return _positive(high) + unit + rest
    return _below_10000(n)


def to_chinese_number(n: int) -> str:
    """0 → 零, 10 → 十, 15 → 十五, 105 → 一百零五, 110 → 一百一十, 10010 → 一万零一十, -3 → 负三."""
    if n <= 0:
        return "零" if n == 0 else _NEGATIVE + to_chinese_number(-n)
    text = _positive(n)
    return text[1:] if text.startswith("一十") else text
