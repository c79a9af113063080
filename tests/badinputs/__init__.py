"""Hostile and broken input documents: the generator and the tests that import each one."""
