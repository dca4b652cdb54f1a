"""Where the shipped files (resources/, models/) live, in a source tree and in a PyInstaller bundle.

One helper so every module finds them the same way; a bundle unpacks them under ``sys._MEIPASS``.
"""
from __future__ import annotations

import sys
from pathlib import Path


def bundle_dir() -> Path | None:
    """The PyInstaller bundle's folder when the app runs frozen, else None: the one place that asks."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def app_root() -> Path:
    """The folder holding ``resources/`` and ``models/``: the bundle when frozen, else the repo."""
    return bundle_dir() or Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return app_root() / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file or folder inside ``resources/`` (it may not exist)."""
    return resources_dir().joinpath(*parts)
