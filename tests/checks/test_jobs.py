"""`--jobs N` of parse, import and check, and the window's checks: one rule (core.jobs)."""

from __future__ import annotations

import os

import pytest

from core.jobs import job_count


def test_zero_or_less_is_one_per_core_and_never_more_than_the_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    assert [job_count(n) for n in (3, 1, 0, -3)] == [3, 1, 6, 6]
    assert [job_count(0, 4), job_count(8, 2), job_count(2, 5), job_count(2, 0)] == [4, 2, 2, 1]
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # unknown: one
    assert job_count(0) == 1 and job_count(0, 10) == 1
