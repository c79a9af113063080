"""Entry point: the command line (core/) and the window (ui/, only for `gui`).

    python main.py --help
    python main.py gui [--workspace PATH] [--demo] [--screenshot FILE [--view compare] [--size WxH]]
    python main.py parse FILE... --out DIR
    python main.py --self-test
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from core.cli import build_parser, run

    argv = list(sys.argv[1:] if argv is None else argv)
    _start_logging(argv)
    if argv[:1] == ["--self-test"]:
        from core.selftest import run_self_test

        return run_self_test()
    parser, sub = build_parser()
    gui = sub.add_parser("gui", help="打开审核工作台窗口 (open the window)")
    gui.add_argument("--workspace", metavar="PATH", help="workspace file (default: the user's data folder)")
    gui.add_argument("--demo", action="store_true", help="open the demo workspace built from the sample documents")
    gui.add_argument("--screenshot", metavar="FILE", help="render the window, save a PNG and exit")
    gui.add_argument("--view", choices=("main", "compare"), default="main",
                     help="with --screenshot: the main window, or the year comparison of a department with two years")
    gui.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    gui.add_argument("--size", metavar="WxH", default="1440x900",
                     help="with --screenshot: the window's size in pixels (e.g. 1366x768)")
    args = parser.parse_args(argv or ["gui"])
    if args.command == "gui":
        from ui.app import run_gui

        return run_gui(args)
    return run(args)


def _start_logging(argv: list[str]) -> None:
    """The log file in the user's data folder (core/logs.py), for every command; never fails."""
    import logging

    from core.logs import app_version, setup_logging

    setup_logging()
    logging.getLogger("main").info("start: %r, version %s, Python %s",
                                   argv[0][:40] if argv else "gui", app_version(), sys.version.split()[0])


if __name__ == "__main__":
    # Imports parse in a spawned child (core.importing.sandbox); a frozen build must let
    # that child run the parse instead of starting the program again. freeze_support()
    # acts only in a frozen build, so from the sources multiprocessing is not loaded here
    # (it costs `--help` about 10 ms; the commands that need it load it themselves).
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
