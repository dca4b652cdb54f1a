"""Where the app keeps the user's data: sessions, finetuned models, preferences, logs.

``LCDREADER_HOME`` overrides the platform default (tests point it at a tmp folder).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("LCDREADER_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "LCDReader"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "LCDReader"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "lcdreader"
    base.mkdir(parents=True, exist_ok=True)
    return base


def cache_dir() -> Path:
    """Things the app can make again (converted base models): ``LCDREADER_CACHE``, else in the data folder."""
    override = os.environ.get("LCDREADER_CACHE")
    path = Path(override) if override else data_dir() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_models_dir() -> Path:
    path = data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path


def same_file(one: str | os.PathLike[str], other: str | os.PathLike[str]) -> bool:
    """Whether two names mean one file (also through links), so an output never overwrites an input."""
    try:
        return Path(one).resolve() == Path(other).resolve() or os.path.samefile(one, other)
    except OSError:  # one of them does not exist (yet): different files
        return False
