"""Let the C heap hand freed memory back to the system (Linux, glibc).

glibc raises its mmap and trim thresholds each time a program frees a large block, so the large
buffers Paddle allocates for every new input shape stay resident after use: `lcdreader read` grew
from 808 to 959 MB over 100 photos. A fixed trim threshold (setting it also stops the dynamic mmap
threshold) kept the same run at 635 -> 646 MB, with no measurable speed cost (benchmarks/memory.py).
"""
from __future__ import annotations

import ctypes
import sys

M_TRIM_THRESHOLD = -1  # mallopt parameter number, from glibc's malloc.h
TRIM_THRESHOLD_BYTES = 4 << 20



def release_freed_memory() -> None:
    """Call before Paddle allocates; calling again changes nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # another C library (musl): it keeps its own policy
        return
    libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)
