"""Folding PP-LCNetV3's affine steps: the folded stock programs give the same outputs with fewer ops."""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from paddle.base.proto import framework_pb2

import desktop.core.models.predictor as predictor
from desktop.core.models.affine_fold import folded_model
from desktop.core.models.convert import trainable_copy
from desktop.core.models.model_files import base_model_set
from desktop.core.ocr.device import choose_device

from .test_legacy_export import network_input


def op_types(program: bytes) -> list[str]:
    return [op.type for op in framework_pb2.ProgramDesc.FromString(program).blocks[0].ops]


@pytest.mark.parametrize("stage", ["det", "rec"])
def test_a_folded_stock_model_gives_the_same_output(stage, monkeypatch):
    model_dir = getattr(base_model_set(), f"{stage}_dir")
    program, _weights = folded_model(model_dir)
    stock_ops = op_types((model_dir / "inference.pdmodel").read_bytes())
    folded_ops = op_types(program)
    # det 52 and rec 56 affine steps (two ops each): 28 into the convolution before them, 10 / 12 into
    # the 1x1 convolution after them, the rest into one scale op each
    assert folded_ops.count("elementwise_mul") <= stock_ops.count("elementwise_mul") - 50
    assert len(folded_ops) <= len(stock_ops) - 85
    device = choose_device("cpu")
    batch = network_input(stage)
    folded = predictor.predictor_infer(model_dir, device)(batch)
    monkeypatch.setattr(predictor, "folded_model", lambda _folder: None)
    unfolded = predictor.predictor_infer(model_dir, device)(batch)
    assert np.abs(folded - unfolded).max() < 1e-4


def test_models_with_nothing_to_fold_load_from_their_files(tmp_path):
    assert folded_model(base_model_set().cls_dir) is None  # PP-LCNet v1: no affine steps
    json_model = tmp_path / "rec"
    shutil.copytree(trainable_copy(base_model_set().rec_dir), json_model)
    assert folded_model(json_model) is None  # Paddle 3 format: not rewritten

