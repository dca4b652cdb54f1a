"""Give a finetuned model back the legacy program format, for speed.

Training saves ``inference.json`` (Paddle 3). This rewrites it as the stock legacy program of the same
architecture carrying the trained weights: the same outputs (within 1e-4), and on the CPU faster,
twice over: Paddle's new executor runs DB detection about a third slower than the legacy one (146 vs
113 ms at 960x736 on 2 cores; the stock legacy program forced onto the new executor is as slow, so it
is the executor, not our export), and only legacy programs get their affine steps folded at load
(``desktop/core/models/affine_fold.py``: recognition of the samples 78 -> 61 ms).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from desktop.core.atomic_files import replace_folder
from desktop.core.models.model_files import DET_INPUT_FILE, REC_INPUT_FILE
from desktop.core.models.static_mode import static_mode

PIR_NAME_SUFFIX = "_0"  # a model trained through paddle.jit.load names the legacy parameter 'w' 'w_0'


def trained_weights(model_dir: Path) -> dict:
    """Parameter name -> array of an ``inference.json`` model (paddle in static mode)."""
    import numpy as np
    import paddle
    from paddle.pir_utils import IrGuard

    executor = paddle.static.Executor(paddle.CPUPlace())
    scope = paddle.static.Scope()
    with IrGuard(), paddle.static.scope_guard(scope):
        program, _feeds, _fetches = paddle.static.load_inference_model(str(model_dir / "inference"), executor)
        names = [op.attrs()["parameter_name"] for op in program.global_block().ops
                 if op.name() == "builtin.parameter"]
        return {name: np.array(scope.find_var(name).get_tensor()) for name in names}


def to_legacy_program(model_dir: Path, architecture: Path) -> bool:
    """Rewrite the ``inference.json`` model in ``model_dir`` as ``architecture``'s legacy
    ``inference.pdmodel`` with the trained weights. False (and the folder unchanged) when the
    weights do not fit that program one to one; on an error the folder is unchanged too."""
    import numpy as np
    import paddle
    from paddle.pir_utils import OldIrGuard

    staging = model_dir.with_name(model_dir.name + ".legacy")
    shutil.rmtree(staging, ignore_errors=True)
    executor = paddle.static.Executor(paddle.CPUPlace())
    scope = paddle.static.Scope()
    try:
        with static_mode():
            trained = trained_weights(model_dir)
            with OldIrGuard(), paddle.static.scope_guard(scope):
                program, feeds, fetches = paddle.static.load_inference_model(str(architecture / "inference"), executor)
                names = [v.name for v in program.list_vars() if v.persistable and v.name not in ("feed", "fetch")]
                weights = {name if name in names else name.removesuffix(PIR_NAME_SUFFIX): value
                           for name, value in trained.items()}
                tensors = {name: scope.find_var(name).get_tensor() for name in names}
                if set(names) != set(weights) or any(np.array(tensors[n]).shape != weights[n].shape for n in names):
                    return False
                for name, tensor in tensors.items():
                    tensor.set(weights[name], paddle.CPUPlace())
                feed_vars = [program.global_block().var(name) for name in feeds]
                paddle.static.save_inference_model(str(staging / "inference"), feed_vars, fetches, executor,
                                                   program=program)
            # The weights as saved, the program as shipped: saving prunes outputs inference does not
            # need (dropout's Mask), and training from the pruned program crashed in dropout's gradient.
            shutil.copyfile(architecture / "inference.pdmodel", staging / "inference.pdmodel")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for name in {DET_INPUT_FILE, REC_INPUT_FILE}:  # how the model is run stays beside its weights
        if (model_dir / name).is_file():
            shutil.copyfile(model_dir / name, staging / name)
    replace_folder(staging, model_dir, aside=model_dir.with_name(model_dir.name + ".json-format"))
    return True
