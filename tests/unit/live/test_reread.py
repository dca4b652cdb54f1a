"""Live re-reads at known text lines: only on the same picture, never more than allowed in a row."""
from __future__ import annotations

import numpy as np

from desktop.core.live.reread import LineReuse

STILL = np.full((48, 64), 120, np.uint8)
MOVED = STILL.copy()
MOVED[10:30, 10:40] = 20
LINES = (((0, 0), (10, 0), (10, 5), (0, 5)),)


def test_full_read_first_then_rereads_then_full_again():
    reuse = LineReuse(rereads=2)
    assert reuse.lines_for(STILL) is None                 # nothing found yet
    reuse.full_read(STILL, LINES)
    assert reuse.lines_for(STILL) == LINES
    reuse.reread(values_changed=False)
    assert reuse.lines_for(STILL) == LINES
    reuse.reread(values_changed=False)
    assert reuse.lines_for(STILL) is None                 # two re-reads in a row: a full read again


def test_a_moved_picture_is_read_in_full():
    reuse = LineReuse()
    reuse.full_read(STILL, LINES)
    assert reuse.lines_for(MOVED) is None


def test_a_reread_that_disagrees_gives_way_to_a_full_read():
    reuse = LineReuse(rereads=5)
    reuse.full_read(STILL, LINES)
    reuse.reread(values_changed=True)
    assert reuse.lines_for(STILL) is None


def test_nothing_found_means_full_reads():
    reuse = LineReuse()
    reuse.full_read(STILL, ())
    assert reuse.lines_for(STILL) is None
    reuse.full_read(STILL, LINES)
    reuse.reset()
    assert reuse.lines_for(STILL) is None
