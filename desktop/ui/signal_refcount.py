"""A guard against a reference-count bug in PySide6 6.12's ``SignalInstance.emit``.

On Python < 3.12 (where ``True`` is not immortal) that ``emit`` returns ``True`` without taking a
reference for it, so every ``signal.emit(...)`` made from Python takes one reference from ``True``.
After a few thousand emits (a minute of live camera) the count reaches zero and the interpreter aborts
with ``Fatal Python error: bool_dealloc``; a short run dies the same way at exit. The guard measures
the bug once at import and, only when it is present, gives the missing reference back after each emit.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance


class _Probe(QObject):
    ping = Signal()


def emit_steals_a_bool() -> bool:
    """True when ``SignalInstance.emit`` returns a bool it holds no reference to (measured)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) - before <= -8


def install() -> bool:
    """Patch ``SignalInstance.emit`` when the bug is present; returns whether it patched."""
    original = SignalInstance.emit
    if getattr(original, "_gives_bool_back", False) or not emit_steals_a_bool():
        return False
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]

    def emit(self, *args):
        result = original(self, *args)
        if result is True or result is False:
            incref(result)  # the reference emit should have given us
        return result

    emit._gives_bool_back = True
    SignalInstance.emit = emit
    return True


install()
