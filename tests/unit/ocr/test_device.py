"""Device choice: auto takes a visible CUDA GPU, else the CPU; cpu and gpu force it."""
import pytest

from desktop.core.ocr import device
from desktop.core.ocr.device import Device, choose_device
from desktop.core.ocr.types import OcrError


@pytest.fixture
def gpu_present(monkeypatch):
    monkeypatch.setattr(device, "gpu_available", lambda: True)


@pytest.fixture
def gpu_absent(monkeypatch):
    monkeypatch.setattr(device, "gpu_available", lambda: False)


def test_auto_takes_the_gpu_when_one_is_visible(gpu_present):
    chosen = choose_device("auto")
    assert chosen.kind == "gpu" and chosen.label == "gpu:0"
    assert choose_device("gpu") == chosen


def test_cpu_is_kept_when_asked_for_even_with_a_gpu(gpu_present):
    assert choose_device("cpu").label == "cpu"


def test_auto_falls_back_to_the_cpu_with_a_thread_per_core(gpu_absent):
    chosen = choose_device("auto")
    assert chosen == Device("cpu", threads=device.cpu_threads())
    assert 1 <= chosen.threads <= 8


def test_a_gpu_request_without_one_says_what_to_do(gpu_absent):
    with pytest.raises(OcrError, match="--device cpu or install paddlepaddle-gpu"):
        choose_device("gpu")


def test_a_cuda_build_without_a_driver_counts_as_no_gpu(monkeypatch):
    import paddle

    def no_driver():
        raise RuntimeError("CUDA driver version is insufficient")

    monkeypatch.setattr(paddle.device, "is_compiled_with_cuda", lambda: True)
    monkeypatch.setattr(paddle.device.cuda, "device_count", no_driver)
    assert device.gpu_available() is False
