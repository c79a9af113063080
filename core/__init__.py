"""The workbench's core library: import, store, checks, comparison and memo, without Qt."""
