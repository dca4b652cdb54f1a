"""An imported model must prove that it reads (the sample screens), checksums or not: damaged weights
whose checksum list was made after the damage, or that came with none, are refused."""
import shutil

import pytest

from desktop.cli import main
from desktop.core.models import registry
from desktop.core.models.builtin import STOCK
from desktop.core.models.errors import ModelError
from desktop.core.ocr_metrics.run_check import sample_problem

pytestmark = pytest.mark.slow  # loads Paddle and reads two sample screens per import


def exported_stock_rec(tmp_path, name="lab-rec"):
    """The stock PP-OCRv4 recogniser as another PC would export it, without a checksum list."""
    folder = tmp_path / name
    shutil.copytree(STOCK.model_set().rec_dir, folder / "rec", ignore=shutil.ignore_patterns("*.info"))
    (folder / "model.yaml").write_text("description: stock recogniser\n", encoding="utf-8")
    return folder


def test_a_sound_model_without_checksums_is_imported(tmp_path):
    assert registry.import_version(exported_stock_rec(tmp_path), sample_problem=sample_problem).name == "lab-rec"


def test_damaged_weights_without_checksums_are_refused_and_nothing_registered(tmp_path):
    folder = exported_stock_rec(tmp_path)
    params = folder / "rec" / "inference.pdiparams"
    data = bytearray(params.read_bytes())
    for offset in range(4096, len(data), 97):  # damage spread over every weight tensor, sizes intact
        data[offset] ^= 0x5A
    params.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="is not imported: it (misreads the sample screens|does not load)"):
        registry.import_version(folder, sample_problem=sample_problem)
    assert "lab-rec" not in {v.name for v in registry.list_versions()}
    assert main(["models", "verify"]) == 0  # nothing half-registered for verify to trip on


def test_verify_run_reads_the_samples_with_each_model(tmp_path, capsys, monkeypatch):
    registry.import_version(exported_stock_rec(tmp_path), sample_problem=sample_problem)
    every = registry.list_versions
    monkeypatch.setattr(registry, "list_versions",  # PP-OCRv6 (and what is trained from it) converts at first use
                        lambda: [v for v in every() if v.name in (STOCK.name, "lab-rec")])
    assert main(["models", "verify", "--run"]) == 0
    assert capsys.readouterr().out.count("ok   reads the sample screens") >= 2


def test_an_active_model_that_does_not_load_gives_way_to_the_one_before(tmp_path):
    from desktop.core.ocr.open_engine import open_engine
    from tests.unit.models.helpers import model_folder

    registry.add_version("lab", model_folder(tmp_path / "lab"), {})  # intact files, an empty program
    registry.activate("lab")
    engine = open_engine("default", device="cpu")
    assert engine.choice.refused == "lab" and engine.model_name != "lab"
    assert "it does not load" in engine.choice.notice
    with pytest.raises(ModelError, match="cannot be loaded|damaged"):  # asked for by name: used as asked or refused, never swapped
        open_engine("lab", device="cpu")
