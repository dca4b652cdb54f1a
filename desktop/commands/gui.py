"""`lcdreader gui`: the desktop app (the default command)."""
from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser("gui", help="start the desktop app (default)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from desktop.ui.app import run_app

    return run_app()
