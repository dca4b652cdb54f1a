"""The converted (trainable) copy of a stock model is a cache with its own checksums: damaged, it is
converted again rather than trained from."""
import pytest

from desktop.core.models.integrity import check_manifest
from desktop.core.ocr.model_files import base_model_set
from desktop.core.training.convert import trainable_copy

pytestmark = pytest.mark.model


def test_a_damaged_trainable_cache_is_converted_again():
    cache = trainable_copy(base_model_set().det_dir)
    assert all(check.ok for check in check_manifest(cache))
    weights = cache / "inference.pdiparams"
    good = weights.read_bytes()
    weights.write_bytes(good[:1000] + bytes([good[1000] ^ 0xFF]) + good[1001:])
    assert trainable_copy(base_model_set().det_dir) == cache
    assert weights.read_bytes() == good and all(check.ok for check in check_manifest(cache))
