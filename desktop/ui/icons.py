"""The app's SVG icons (resources/icons), cached."""
from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from desktop.core.resources import resource_path


@cache
def icon(name: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
