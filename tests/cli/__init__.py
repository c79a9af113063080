"""Tests of the command line (core/cli)."""
