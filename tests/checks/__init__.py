"""Tests of the review checks (core/checks)."""
