"""Paddle Inference predictors: one per model, configured for the chosen device.

Predictors are not thread-safe: whoever creates one must use it from that thread only.
"""
from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from desktop.core.models.affine_fold import folded_model
from desktop.core.models.errors import ModelError
from desktop.core.models.model_files import check_program, program_and_params
from desktop.core.resources import bundle_dir

if TYPE_CHECKING:  # the engine chooses the device (core/ocr/device.py); a predictor only follows it
    from desktop.core.ocr.device import Device

log = logging.getLogger(__name__)

# A model as a function: input batch (NCHW float32) -> output array. Paddle Inference in the app,
# a dygraph layer during training: detection and recognition code does not care which.
Infer = Callable[[np.ndarray], np.ndarray]


def _prepare_paddle_environment() -> None:
    # A frozen bundle keeps libmklml_intel.so under paddle/libs; paddle looks for it via this flag.
    bundle = bundle_dir()
    if bundle:
        os.environ.setdefault("FLAGS_mklml_dir", str(bundle / "paddle" / "libs"))
    os.environ.setdefault("GLOG_minloglevel", "2")


@functools.cache
def _initialise_numpy_bridge() -> None:
    """Have Paddle's pybind11 layer set up its numpy API now, once, before any predictor exists.

    It does so lazily, on the first array it converts, releasing and re-taking the GIL inside a
    once-only init. In the app the models load in one slot call of the OCR QThread and the first
    image comes in a later one, under a new Python thread state; whenever a legacy-format program
    ran beside a Paddle 3-format one (a recogniser-only finetune with the stock detector), that init
    crashed the process (segmentation fault in pybind11's ``npy_api``) in 4 of 5 runs, and never
    once done up front. (Folding a legacy program now also reads its weights at load.)
    """
    from paddle.base import core

    core.DenseTensor().set(np.zeros(1, dtype=np.float32), core.CPUPlace())


def create_predictor(model_dir: Path, device: Device):
    _prepare_paddle_environment()
    from paddle import inference

    _initialise_numpy_bridge()

    program, params = program_and_params(model_dir)
    check_program(program)
    config = _model_config(model_dir, program, params)
    if device.kind == "gpu":
        config.enable_use_gpu(256, device.gpu_id)
    else:
        config.disable_gpu()
        config.enable_mkldnn()  # oneDNN: about 5x faster on CPU (measured in the spike)
        config.set_cpu_math_library_num_threads(device.threads)
    config.switch_ir_optim(True)
    config.disable_glog_info()
    if program.suffix == ".pdmodel":
        # Buffer reuse: without it the legacy detector kept about 1 GB more over 100 photos
        # (benchmarks/memory.py). Paddle 3-format programs are left alone: it broke some of them.
        config.enable_memory_optim()
    # Deliberately not used: enable_new_ir() for legacy programs (recognition 76 vs 73 ms on the
    # samples, within the noise).
    try:
        return inference.create_predictor(config)
    except Exception as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"model in {model_dir} cannot be loaded: {first_line[:300]}") from exc


def _model_config(model_dir: Path, program: Path, params: Path):
    """The model's config: from memory with its affine steps folded (affine_fold.py) when it is a
    legacy program that has some, else from its files."""
    from paddle import inference

    try:
        folded = folded_model(model_dir)
    except Exception as exc:  # noqa: BLE001  (damaged weights: Paddle's own loader reports them below)
        # one line: paddle's static-mode errors carry a whole traceback in their message
        log.warning("model in %s left unfolded (%s)", model_dir, type(exc).__name__)
        folded = None
    if folded is None:
        return inference.Config(str(program), str(params))
    config = inference.Config()
    config.set_model_buffer(folded[0], len(folded[0]), folded[1], len(folded[1]))
    return config


def predictor_infer(model_dir: Path, device: Device) -> Infer:
    predictor = create_predictor(model_dir, device)
    return lambda batch: run_predictor(predictor, batch)


def run_predictor(predictor, batch: np.ndarray) -> np.ndarray:
    handle = predictor.get_input_handle(predictor.get_input_names()[0])
    handle.reshape(batch.shape)
    handle.copy_from_cpu(np.ascontiguousarray(batch, dtype=np.float32))
    predictor.run()
    return predictor.get_output_handle(predictor.get_output_names()[0]).copy_to_cpu()
