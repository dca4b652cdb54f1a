"""PySide6 6.12's SignalInstance.emit takes a reference from True on every call (Python 3.11): a
long live-camera session, or a short test run at exit, aborted with "Fatal Python error: bool_dealloc"."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QObject, Signal

ROOT = Path(__file__).resolve().parents[2]


class Emitter(QObject):
    value = Signal(int)


def test_emitting_does_not_take_references_from_true(qapp):
    import desktop.ui  # noqa: F401  (installs the guard)

    emitter = Emitter()
    emitter.value.connect(lambda v: None)
    before = sys.getrefcount(True)
    for number in range(5000):
        emitter.value.emit(number)
    assert sys.getrefcount(True) - before > -100


def test_many_emits_then_a_clean_exit():
    """More emits than True has references: without the guard the interpreter aborts (exit 134)."""
    code = textwrap.dedent("""
        import sys
        import desktop.ui
        from PySide6.QtCore import QCoreApplication, QObject, Signal
        class Emitter(QObject):
            ping = Signal()
        app = QCoreApplication([])
        emitter = Emitter()
        for _ in range(sys.getrefcount(True) + 1000):
            emitter.ping.emit()
        print("done")
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
