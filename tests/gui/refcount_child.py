"""Run in a subprocess by test_pyside_refcounts: a million void Qt calls and a million ``Signal(bool)``
emits, then a clean exit. Prints the change of ``None``'s and ``True``'s reference counts as JSON.

PySide6 6.12.0 took one reference from ``None`` on every call of a Qt method that returns nothing, and
one from ``True`` on every emit: after a few thousand the count reached zero and the interpreter aborted
(``Fatal Python error: none_dealloc``, exit 134), first seen in ``ImageView.set_boxes`` in live mode.
"""
from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

CALLS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


class Switch(QObject):
    toggled = Signal(bool)


def main() -> None:
    app = QApplication([])
    item, switch, received = QGraphicsRectItem(0, 0, 10, 10), Switch(), []
    switch.toggled.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(CALLS):
        item.setZValue(1.0)  # returns nothing (void in C++)
    for i in range(CALLS):
        switch.toggled.emit(True)
    drift = {"none": sys.getrefcount(None) - none_before,
             "true": sys.getrefcount(True) - true_before - len(received),  # the list holds one True per emit
             "received": len(received)}
    received.clear()
    print(json.dumps(drift), flush=True)
    del item, switch
    app.quit()


if __name__ == "__main__":
    main()
