"""What every worker process the program starts does first: stop when the program stops.

The document readers (core.importing.sandbox) and the check workers
(core.checks.workspace_run) are 'spawn' children. Killed or crashed, the program must not
leave them behind: a reader stuck in a hostile file would parse on, an idle check worker
would wait on its queue for ever holding the console's pipes. multiprocessing gives every
child its parent's sentinel (a pipe end on POSIX, the process handle on Windows), ready
once the parent is gone, whatever the reason.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading

EXIT_STATUS = 3  # the child's exit status when it stopped because its parent had gone


def exit_with_parent() -> None:
    """Watch the parent from a daemon thread and end this process at once when it is gone,
    even in the middle of a parse. Nothing to do in a process that is no child."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(EXIT_STATUS)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
