"""Paddle's static-graph mode, for a while: loading, rewriting and saving inference programs."""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def static_mode():
    """Static mode inside, the previous mode after: the training process runs dygraph between these
    calls, and the app's engine loads models from whatever mode it is in."""
    import paddle

    was_dynamic = paddle.in_dynamic_mode()
    paddle.enable_static()
    try:
        yield
    finally:
        if was_dynamic:
            paddle.disable_static()
