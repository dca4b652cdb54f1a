"""When a live frame may be read at the text lines of an earlier read: recognition only, no detection.

Detection is two thirds of a read. While the picture has not moved since the frame the lines were
found on (``change.picture_changed``), the lines are where they were, and a re-read takes a third of
the time: a new value on the instrument reaches its N agreeing reads sooner. Two rules keep a re-read
from agreeing with itself on stale lines: a re-read whose values differ from the read before gives way
to a full read, and at most ``rereads`` re-reads follow a full read (a change too small to see, a
digit added outside the old line, is then found by the next full read).
"""
from __future__ import annotations

import numpy as np

from desktop.core.live.change import picture_changed


class LineReuse:
    def __init__(self, rereads: int = 2):
        self.rereads = rereads
        self.reset()

    def reset(self) -> None:
        self._lines: tuple = ()
        self._found_on: np.ndarray | None = None
        self._left = 0

    def lines_for(self, thumb: np.ndarray) -> tuple | None:
        """The lines to read this frame at, or None for a full read."""
        if not self._lines or self._left <= 0 or self._found_on is None or picture_changed(self._found_on, thumb):
            return None
        return self._lines

    def full_read(self, thumb: np.ndarray, lines: tuple) -> None:
        """A full read of the frame ``thumb`` found these lines."""
        self._lines, self._found_on, self._left = tuple(lines), thumb, self.rereads

    def reread(self, values_changed: bool) -> None:
        """A re-read came back; ``values_changed``: some value differs from the read before."""
        self._left = 0 if values_changed else self._left - 1
