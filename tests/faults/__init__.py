"""Faults while the workspace is in use: kills, full disk, read-only folder, a second instance, garbage."""
