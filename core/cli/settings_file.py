"""The settings files the commands read (`check --settings`, `memo --settings`): one JSON
object, read with a Chinese message that names the file when it cannot be."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.errors import UserError
from core.names import shown


def read_settings_file(path: str) -> dict[str, Any]:
    """The JSON object in `path`; UserError when it is missing, unreadable or not an object."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise UserError(f"找不到设置文件 {shown(path)}") from error
    except OSError as error:
        raise UserError(f"无法读取设置文件 {shown(path)}：{error.strerror or error}") from error
    except (UnicodeDecodeError, ValueError) as error:
        raise UserError(f"设置文件 {shown(path)} 不是有效的 JSON：{error}") from error
    if not isinstance(data, dict):
        raise UserError(f"设置文件 {shown(path)} 应是一个 JSON 对象。")
    return data
