"""A calm light theme with strong contrast for lab monitors (Fusion + a small style sheet)."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#1f5f99"
OK = QColor("#1e7b34")
WARN = QColor("#b9770e")
BAD = QColor("#c0392b")
LOW_CONFIDENCE_BG = QColor("#fff1c7")
INVALID_BG = QColor("#fbdedb")
STABLE_BG = QColor("#e3f4e6")
CORRECTED_BG = QColor("#dcebfb")  # a value the technician corrected: not what the OCR read

BANNER_STYLES = {  # messages over a panel (widgets/banner.py, the wizard's notes); "" is plain text
    "bannerError": "background: #fbdedb; color: #7b1d12; padding: 6px 10px; border-radius: 4px;",
    "bannerInfo": "background: #e6eef7; color: #16324f; padding: 6px 10px; border-radius: 4px;",
    "": "",
}

QSS = f"""
QMainWindow, QDialog {{ background: #f5f6f8; }}
QToolBar {{ background: #ffffff; border-bottom: 1px solid #d5d9de; spacing: 4px; padding: 3px; }}
QToolButton {{ padding: 4px 8px; border-radius: 4px; color: #1b1f24; }}
QToolButton:hover {{ background: #e6eef7; }}
QToolButton:checked {{ background: #d3e3f4; }}
QTableView, QListView {{ background: #ffffff; alternate-background-color: #f7f9fb;
    gridline-color: #e1e5ea; selection-background-color: #cfe2f7; selection-color: #111111;
    border: 1px solid #d5d9de; }}
QHeaderView::section {{ background: #eef1f4; padding: 4px 6px; border: none;
    border-right: 1px solid #d5d9de; border-bottom: 1px solid #d5d9de; font-weight: 600; }}
QStatusBar {{ background: #ffffff; border-top: 1px solid #d5d9de; }}
QStatusBar QLabel {{ padding: 0 8px; color: #333; }}
QGraphicsView {{ background: #2b2f33; border: 1px solid #d5d9de; }}
QTabWidget::pane {{ border: 1px solid #d5d9de; background: #ffffff; }}
QTabBar::tab {{ padding: 5px 12px; background: #eef1f4; border: 1px solid #d5d9de; border-bottom: none; }}
QTabBar::tab:selected {{ background: #ffffff; font-weight: 600; }}
QLabel#bannerError {{ {BANNER_STYLES["bannerError"]} }}
QLabel#bannerInfo {{ {BANNER_STYLES["bannerInfo"]} }}
QWidget#emptyState {{ background: #ffffff; border: 2px dashed #c5ccd4; border-radius: 8px; }}
QLabel#emptyTitle {{ font-size: 18pt; font-weight: 600; color: #16324f; }}
QLabel#emptyHint {{ color: #5b6470; padding: 0 40px; }}
QWidget#emptyState QToolButton {{ border: 1px solid #d5d9de; background: #f5f8fb; padding: 8px 12px; }}
QPushButton#linkButton {{ color: {ACCENT}; border: none; text-decoration: underline; }}
QLabel#panelTitle {{ font-weight: 600; color: #16324f; padding: 2px 0; }}
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f5f6f8"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1b1f24"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1b1f24"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1b1f24"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#cfe2f7"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffe6"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#1b1f24"))
    app.setPalette(palette)
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(QSS)


def confidence_color(score: float, low: float = 0.8) -> QColor:
    if score >= max(low, 0.9):
        return OK
    if score >= low:
        return WARN
    return BAD
