"""The converted (trainable) copy of a stock model is a cache with its own checksums: damaged, it is
converted again rather than trained from."""
import pytest

from desktop.core.models.convert import trainable_copy
from desktop.core.models.integrity import check_manifest
from desktop.core.models.model_files import base_model_set

pytestmark = pytest.mark.model


def test_a_damaged_trainable_cache_is_converted_again():
    cache = trainable_copy(base_model_set().det_dir)
    assert all(check.ok for check in check_manifest(cache))
    weights = cache / "inference.pdiparams"
    good = weights.read_bytes()
    weights.write_bytes(good[:1000] + bytes([good[1000] ^ 0xFF]) + good[1001:])
    assert trainable_copy(base_model_set().det_dir) == cache
    assert weights.read_bytes() == good and all(check.ok for check in check_manifest(cache))


def test_training_loads_weights_without_unpickling_anything(tmp_path):
    """paddle.jit.load of the .json (PIR) form training uses never reads a .pdiparams.info pickle (the
    legacy loader would); planted beside the weights, it does not run."""
    import pickle
    import shutil

    import paddle

    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    folder = tmp_path / "rec"
    shutil.copytree(trainable_copy(base_model_set().rec_dir), folder)
    (folder / "inference.pdiparams.info").write_bytes(pickle.dumps(Planted()))
    paddle.jit.load(str(folder / "inference"))
    assert not marker.exists()
