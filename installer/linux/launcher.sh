#!/bin/sh
# /usr/bin/jixiao-workbench: starts the bundle installed under /opt (the Debian package).
# With no arguments it opens the window; `jixiao-workbench --help` lists the subcommands.
exec /opt/jixiao-workbench/jixiao-workbench "$@"
