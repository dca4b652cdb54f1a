"""Turn a shipped inference model into one that paddle can train.

The legacy ``inference.pdmodel`` loads through ``paddle.jit.load`` but gives no gradients in Paddle 3.
Translated to PIR, with feeds turned into data ops, gradients re-enabled on float values and
``nearest_interp`` rebuilt (its translated scale attribute is rejected by oneDNN), it saves as an
``inference.json`` that ``paddle.jit.load`` can train and Paddle Inference can still run.
A model that is already in the PIR format is used as it is.
"""
from __future__ import annotations

import errno
import hashlib
import shutil
from pathlib import Path

from desktop.core.atomic_files import replace_folder
from desktop.core.models.errors import ModelError
from desktop.core.models.integrity import check_manifest, write_manifest
from desktop.core.models.model_files import program_and_params
from desktop.core.models.static_mode import static_mode
from desktop.core.paths import data_dir

NO_GRAD_OPS = {"pd_op.data", "pd_op.shape", "pd_op.shape64", "pd_op.full", "pd_op.full_int_array"}


def trainable_copy(model_dir: Path) -> Path:
    """A folder with a trainable ``inference.json`` for this model, converted once and cached.

    The cache carries its own checksums (sha256.txt), written before it is renamed into place: a cache
    damaged since is converted again, never trained from."""
    program, params = program_and_params(model_dir)
    if program.suffix == ".json":
        return Path(model_dir)
    digest = hashlib.sha1(params.read_bytes()[:1 << 20] + str(params.stat().st_size).encode()).hexdigest()[:12]
    target = data_dir() / "trainable" / f"{Path(model_dir).name}-{digest}"
    if not (target / "inference.json").is_file() or not all(check.ok for check in check_manifest(target)):
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        try:
            convert_legacy_model(Path(model_dir), partial)
            write_manifest(partial)
        except BaseException as exc:
            shutil.rmtree(partial, ignore_errors=True)  # a half copy left on a full disk would keep it full
            if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
                raise ModelError(f"the disk is full: {target.parent} needs room for a trainable copy of "
                                 f"{Path(model_dir).name}; free some space and start again") from exc
            raise
        replace_folder(partial, target)
    return target


def convert_legacy_model(source: Path, target: Path) -> None:
    import paddle
    from paddle.pir_utils import IrGuard, OldIrGuard

    target.mkdir(parents=True, exist_ok=True)
    with static_mode():
        with OldIrGuard():
            executor = paddle.static.Executor(paddle.CPUPlace())
            legacy, _feeds, _fetches = paddle.static.load_inference_model(str(source / "inference"), executor)
            program = paddle.pir.translate_to_pir(legacy.desc)
        with IrGuard():
            block = program.global_block()
            feeds = _replace_feeds_with_data(block)
            _rebuild_nearest_interp(block)
            _enable_gradients(block)
            fetches = [op.operand_source(0) for op in block.ops if op.name() == "pd_op.fetch"]
            for op in [op for op in block.ops if op.name() == "pd_op.fetch"]:
                block.remove_op(op)
            paddle.static.save_inference_model(str(target / "inference"), feeds, fetches, executor,
                                               program=program)


def _replace_feeds_with_data(block) -> list:
    import paddle

    for op in list(block.ops):
        if op.name() == "pd_op.feed":
            original = op.result(0)
            with block:
                data = paddle._pir_ops.data(op.attrs()["name"], original.shape, original.dtype,
                                            paddle.base.core.Place())
                original.replace_all_uses_with(data)
                data.get_defining_op().move_before(op)
            block.remove_op(op)
    return [op.result(0) for op in block.ops if op.name() == "pd_op.data"]


def _rebuild_nearest_interp(block) -> None:
    import paddle

    for op in list(block.ops):
        if op.name() != "pd_op.nearest_interp":
            continue
        attrs = op.attrs()
        optional = [op.operand_source(i) if op.operand_source(i).initialized() else None for i in range(1, 4)]
        paddle.pir.set_insertion_point(op)
        rebuilt = paddle._pir_ops.nearest_interp(
            op.operand_source(0), *optional, attrs["data_format"], attrs["out_d"], attrs["out_h"],
            attrs["out_w"], [float(v) for v in attrs["scale"]], attrs["interp_method"],
            attrs["align_corners"], attrs["align_mode"])
        rebuilt.stop_gradient = False
        op.result(0).replace_all_uses_with(rebuilt)
        block.remove_op(op)
    paddle.pir.reset_insertion_point_to_end()


def _enable_gradients(block) -> None:
    """Legacy var descs mark many activations stop_gradient, which would cut backpropagation."""
    import paddle

    float_types = (paddle.float32, paddle.float16, paddle.bfloat16)
    for op in block.ops:
        if op.name() in NO_GRAD_OPS:
            continue
        for i in range(op.num_results()):
            value = op.result(i)
            if not value.stop_gradient:
                continue
            if op.name() == "builtin.combine":
                if any(not op.operand_source(k).stop_gradient for k in range(op.num_operands())):
                    value.stop_gradient = False
            elif value.is_dense_tensor_type() and value.dtype in float_types:
                value.stop_gradient = False
