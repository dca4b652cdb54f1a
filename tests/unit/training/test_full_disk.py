"""A full disk while a model is converted (for training, or PP-OCRv6 at first use): a clear error, and
no half-written copy left behind to keep the disk full."""
import errno

import pytest

from desktop.core.models.errors import ModelError


def _fill_then_fail(source, target):
    target.mkdir(parents=True, exist_ok=True)
    (target / "inference.json").write_bytes(b"x" * 1000)  # part of the copy written, then no more room
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_during_the_trainable_copy_leaves_no_partial_folder(tmp_path, monkeypatch):
    from desktop.core.models import convert
    from desktop.core.paths import data_dir

    model = tmp_path / "ch_PP-OCRv4_rec_infer"
    model.mkdir()
    (model / "inference.pdmodel").write_bytes(b"program")
    (model / "inference.pdiparams").write_bytes(b"weights")
    monkeypatch.setattr(convert, "convert_legacy_model", _fill_then_fail)
    with pytest.raises(ModelError, match="the disk is full"):
        convert.trainable_copy(model)
    assert list((data_dir() / "trainable").iterdir()) == []


def test_a_full_disk_during_the_pp_ocrv6_conversion_says_so_and_leaves_nothing(tmp_path, monkeypatch):
    from desktop.core.models.ppocrv6 import prepare

    monkeypatch.setattr(prepare, "_write_model_set", lambda onnx, folder, sources: _fill_then_fail(None, folder))
    with pytest.raises(ModelError, match="the disk is full: converting PP-OCRv6 needs about 30 MB"):
        prepare.convert_ppocrv6({}, tmp_path / "ppocrv6", {})
    assert list(tmp_path.iterdir()) == []
