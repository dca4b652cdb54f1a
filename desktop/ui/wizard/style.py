"""Small look helpers of the wizard pages."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTableWidget

from desktop.core.training.presets import format_duration
from desktop.ui.theme import BANNER_STYLES


def set_banner(label: QLabel, kind: str) -> None:
    """Colour a label as the theme's banner ("bannerInfo" / "bannerError"), or plain for ""."""
    label.setStyleSheet(BANNER_STYLES[kind])


def fit_height(table: QTableWidget, max_rows: int = 12, min_rows: int | None = None) -> None:
    """A table as tall as its rows (up to ``max_rows``): no empty box under a short table. With
    ``min_rows``, it may shrink to that many rows and scroll when the window has no room for more."""
    def height_of(rows: int) -> int:
        rows = min(table.rowCount(), rows)
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        return height + (sum(table.rowHeight(r) for r in range(rows)) if rows
                         else table.verticalHeader().defaultSectionSize())

    table.setMaximumHeight(height_of(max_rows))
    table.setMinimumHeight(height_of(max_rows if min_rows is None else min_rows))


def duration(seconds: float) -> str:
    """A duration in the UI language: '12 min' / '12 分钟'."""
    units = (QCoreApplication.translate("Duration", "s"), QCoreApplication.translate("Duration", "min"),
             QCoreApplication.translate("Duration", "h"))
    return format_duration(seconds, units)
