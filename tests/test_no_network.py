"""The program never opens a network connection: the main flows run with sockets refused.

The guard is scoped to these tests (PostgreSQL tests elsewhere use local sockets): it
replaces socket.socket.connect/connect_ex/sendto, socket.create_connection and
socket.getaddrinfo with functions that record the attempt and raise. Child processes
(the self-test opens the window in one) get the same guard through a sitecustomize.py
put on their PYTHONPATH, which appends attempts to a log file the test reads. A test
of the guard itself makes sure a real attempt would be caught, in and out of process.
With root and `unshare`, the self-test also runs in a namespace without any network.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"

SITECUSTOMIZE = textwrap.dedent(
    '''
    """Refuse every network attempt in this process and log it (tests/test_no_network.py)."""
    import os, socket, traceback

    def _refuse(name):
        def refuse(*args, **kwargs):
            with open(os.environ["NO_NETWORK_LOG"], "a", encoding="utf-8") as log:
                log.write(f"{os.getpid()} {name}{args[1:] if name.startswith('socket.') else args}\\n")
                log.write("".join(traceback.format_stack(limit=8)) + "\\n")
            raise OSError(f"network access refused by the test guard: {name}")
        return refuse

    for _name in ("connect", "connect_ex", "sendto"):
        setattr(socket.socket, _name, _refuse("socket." + _name))
    socket.create_connection = _refuse("create_connection")
    socket.getaddrinfo = _refuse("getaddrinfo")
    '''
)


class Guard:
    """What the guard saw: attempts in this process and in child processes."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.attempts: list[str] = []

    def all_attempts(self) -> list[str]:
        children = self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []
        return self.attempts + children


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Guard]:
    guard = Guard(tmp_path / "network-attempts.log")
    site_dir = tmp_path / "guard-site"
    site_dir.mkdir()
    (site_dir / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def refused(*args: object, **kwargs: object) -> None:
            guard.attempts.append(f"{name}{args}")
            raise OSError(f"network access refused by the test guard: {name}")

        return refused

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse("socket." + name))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setenv("NO_NETWORK_LOG", str(guard.log))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(site_dir), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    yield guard


def test_the_guard_catches_attempts_here_and_in_children(no_network: Guard) -> None:
    with pytest.raises(OSError, match="refused"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(OSError, match="refused"), socket.socket() as sock:
        sock.connect(("127.0.0.1", 9))
    child = subprocess.run(
        [sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9/', timeout=1)"],
        capture_output=True, text=True, check=False,
    )
    assert child.returncode != 0 and "refused by the test guard" in child.stderr
    attempts = no_network.all_attempts()
    assert len(no_network.attempts) == 2
    assert any("create_connection" in line or "getaddrinfo" in line for line in attempts[2:])


def test_parse_import_check_and_memo_open_no_socket(no_network: Guard, tmp_path: Path) -> None:
    from core.selftest import SelfTest

    test = SelfTest(folder=tmp_path, out=io.StringIO())
    for method in ("read_samples", "import_samples", "run_checks", "write_memo"):
        getattr(test, method)()
    assert test.document_ids and (tmp_path / "selftest-memo.pdf").is_file()
    assert no_network.all_attempts() == []


def test_self_test_opens_no_socket(no_network: Guard) -> None:
    from core.selftest import run_self_test

    out = io.StringIO()
    status = run_self_test(out)
    assert no_network.all_attempts() == [], "\n".join(no_network.all_attempts())
    assert status == 0, out.getvalue()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("unshare") is None or os.geteuid() != 0, reason="needs root and unshare")
def test_self_test_passes_without_any_network(tmp_path: Path) -> None:
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("this machine does not allow network namespaces")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(["unshare", "-n", sys.executable, str(ROOT / "main.py"), "--self-test"],
                          capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
