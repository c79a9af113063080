"""Automatic review checks (../shared/CHECKS.md) and grading."""
