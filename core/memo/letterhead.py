"""The bureau's letterhead settings for the memo as a 公文 (GB/T 9704): who sends it, its
文号, to whom, who signs it, whom to call, which local rules it cites.

Set once per bureau in the window's settings dialog, or as JSON for `memo --settings
FILE` (the file may hold them under a "memo" key beside the check settings, or alone):

    {"memo": {"issuer": "唐山市财政局", "doc_number": "唐财绩审〔{year}〕{serial}号",
              "recipient": "", "signer": "", "contact": "联系人：张三，电话：0315-2801234",
              "rules": ["《唐山市市级预算绩效目标管理办法》"]}}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from core.messages import label

# A 文号 whose serial is not yet assigned: the 文书 fills it in when the memo is sent.
UNASSIGNED_SERIAL = "　　"


@dataclass(frozen=True, slots=True)
class Letterhead:
    """What the 版头 and the 落款 of a memo say.

    Attributes:
        issuer: 发文机关 as written in the 落款 and, unless `mark` says otherwise, the
            red 发文机关标志 of the 版头. Empty: the memo has no 版头 (the reviewing
            organisation signs).
        mark: the 发文机关标志 when it differs from `issuer` (e.g. "××市财政局文件").
        doc_number: the 文号 pattern: {year} is the memo's year, {serial} its number
            (left blank for the 文书 when not given). Empty: no 文号.
        recipient: the 主送机关; empty: the reviewed department.
        signer: 签发人 (printed beside the 文号, as an up-going 公文 has it); empty: none.
        contact: the 附注 under the 成文日期, e.g. "联系人：张三，电话：0315-2801234".
        rules: the province's and city's target-setting rules cited in 审核依据, each
            as written (with its 《》 and 文号).
    """

    issuer: str = ""
    mark: str = ""
    doc_number: str = ""
    recipient: str = ""
    signer: str = ""
    contact: str = ""
    rules: tuple[str, ...] = field(default=())

    @property
    def heading_mark(self) -> str:
        return (self.mark or self.issuer).strip()

    def number_for(self, day: dt.date, serial: int | None = None) -> str:
        """The 文号 of a memo dated `day`: "" without a pattern."""
        if not self.doc_number.strip():
            return ""
        return self.doc_number.replace("{year}", str(day.year)).replace(
            "{serial}", str(serial) if serial is not None else UNASSIGNED_SERIAL)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["rules"] = list(self.rules)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Letterhead:
        """Read a dict saved by `to_dict`, or a settings file's "memo" part; unknown keys are
        ignored, a value of the wrong kind raises ValueError with the key in Chinese."""
        if not data:
            return cls()
        if isinstance(data.get("memo"), dict):
            data = data["memo"]
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data or data[f.name] is None:
                continue
            value = data[f.name]
            if f.name == "rules":
                if isinstance(value, str):
                    value = [line for line in value.splitlines() if line.strip()]
                if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                    raise ValueError(f"审核意见设置“{label('letterhead.' + f.name)}”应是文字列表")
                values[f.name] = tuple(item.strip() for item in value if item.strip())
            elif isinstance(value, str):
                values[f.name] = value.strip()
            else:
                raise ValueError(f"审核意见设置“{label('letterhead.' + f.name)}”应是文字：{value!r}")
        return cls(**values)

