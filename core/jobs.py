"""How many processes a command's `--jobs N` runs: the one rule `parse`, `import` and `check`
(and the window's checks) share.

N > 0 is taken as given; 0 (the default) or less means one per CPU core. With the number
of things to do, never more processes than that, and never fewer than one.
"""

from __future__ import annotations

import os


def job_count(jobs: int, tasks: int | None = None) -> int:
    """Processes for `--jobs jobs`: `jobs` itself, one per core for 0 or less; at most
    `tasks` when given (a process per file is enough), at least 1."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, wanted if tasks is None else min(wanted, tasks))
