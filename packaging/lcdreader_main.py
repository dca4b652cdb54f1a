"""Entry point of the frozen app (PyInstaller): the same `lcdreader` command as the pip install.

No arguments starts the GUI; `lcdreader read ...`, `lcdreader train --payload job.json` and every
other sub-command work too, so the training wizard can re-run this very executable.
"""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
