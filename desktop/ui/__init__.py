"""The PySide6 user interface. Importing it first guards against a PySide6 signal refcount bug."""
from desktop.ui import signal_refcount  # noqa: F401  (patches SignalInstance.emit when needed)
