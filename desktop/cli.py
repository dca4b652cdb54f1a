"""The `lcdreader` command: the GUI by default, sub-commands for batch work.

Each sub-command lives in ``desktop/commands/<name>.py`` with ``register(subparsers)``;
heavy imports (paddle, Qt) happen inside the command, so ``--help`` stays instant.
"""
from __future__ import annotations

import argparse
import importlib
import multiprocessing
import sys

from desktop import __version__

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a command whose reader went away
COMMANDS = ("gui", "read", "eval", "bench", "train", "finetune", "models", "export", "records")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lcdreader", description="Read instrument screens with PP-OCR.")
    parser.add_argument("--version", action="version", version=f"lcdreader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"desktop.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen build re-runs itself for training
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *(argv if argv is not None else sys.argv[1:])])
    try:
        return int(args.run(args) or 0)
    except BrokenPipeError:  # `lcdreader read ... | head`: the reader has all it wanted
        _quiet_stdout()
        return EXIT_BROKEN_PIPE


def _quiet_stdout() -> None:
    """Point stdout at the null device, so flushing it at exit raises nothing more."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
