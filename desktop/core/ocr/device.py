"""Choose where inference runs: a CUDA GPU when paddle has one, else the CPU with oneDNN."""
from __future__ import annotations

import os
from dataclasses import dataclass

from desktop.core.ocr.types import OcrError

DEVICE_CHOICES = ("auto", "cpu", "gpu")


@dataclass(frozen=True)
class Device:
    kind: str  # "cpu" or "gpu"
    gpu_id: int = 0
    threads: int = 1

    @property
    def label(self) -> str:
        return f"gpu:{self.gpu_id}" if self.kind == "gpu" else "cpu"


def cpu_threads() -> int:
    """Math threads for Paddle: every core this process may use (oneDNN gains little past 8)."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # Windows and macOS
        available = os.cpu_count() or 1
    return max(1, min(available, 8))


def gpu_available() -> bool:
    import paddle

    try:
        return paddle.device.is_compiled_with_cuda() and paddle.device.cuda.device_count() > 0
    except Exception:  # noqa: BLE001  (a CUDA build on a PC without a driver raises instead of returning 0)
        return False


def choose_device(request: str = "auto") -> Device:
    if request not in DEVICE_CHOICES:
        raise OcrError(f"unknown device '{request}': choose one of {', '.join(DEVICE_CHOICES)}")
    if request == "cpu":
        return Device("cpu", threads=cpu_threads())
    if gpu_available():
        return Device("gpu", gpu_id=0, threads=cpu_threads())
    if request == "gpu":
        raise OcrError("a GPU was requested, but this paddle has no CUDA support or no GPU is visible; "
                       "use --device cpu or install paddlepaddle-gpu")
    return Device("cpu", threads=cpu_threads())
