"""Model registry: versions, activation, roll back, refuse-worse, export / import."""
import pytest

from desktop.core.models import registry
from desktop.core.ocr.types import ModelError
from desktop.core.training.payload import parse_job
from desktop.core.training.runner import _register


def trained_folder(tmp_path, name="out"):
    folder = tmp_path / name
    (folder / "rec").mkdir(parents=True)
    (folder / "rec" / "inference.json").write_text("{}")
    (folder / "rec" / "inference.pdiparams").write_bytes(b"w")
    return folder


def test_fresh_install_uses_a_shipped_model():
    assert registry.active_model_name() in ("pp-ocrv4", "lcd-default")
    assert registry.resolve_model("pp-ocrv4").det_dir.name == "ch_PP-OCRv4_det_infer"


def test_add_activate_roll_back_delete(tmp_path):
    before = registry.active_model_name()
    registry.add_version("lab-a", trained_folder(tmp_path), {"created": "today"})
    registry.activate("lab-a")
    model = registry.resolve_model("default")
    assert model.name == "lab-a" and model.rec_dir.parent.name == "lab-a"
    assert model.det_dir == registry.resolve_model("pp-ocrv4").det_dir  # untrained part: the base
    with pytest.raises(ModelError, match="active model"):
        registry.delete_version("lab-a")
    assert registry.roll_back() == before
    registry.delete_version("lab-a")
    assert "lab-a" not in [v.name for v in registry.list_versions()]
    with pytest.raises(ModelError, match="no earlier model"):
        registry.roll_back()


def test_names_are_checked(tmp_path):
    folder = trained_folder(tmp_path)
    with pytest.raises(ModelError, match="cannot be a model name"):
        registry.add_version("../evil", folder, {})
    registry.add_version("ok", folder, {})
    with pytest.raises(ModelError, match="exists already"):
        registry.add_version("ok", trained_folder(tmp_path, "again"), {})
    with pytest.raises(ModelError, match="cannot be deleted"):
        registry.delete_version("pp-ocrv4")


def test_export_and_import(tmp_path):
    registry.add_version("lab-b", trained_folder(tmp_path), {"note": "good"})
    exported = registry.export_version("lab-b", tmp_path / "usb")
    registry.delete_version("lab-b")
    imported = registry.import_version(exported)
    assert imported.name == "lab-b" and imported.metadata["note"] == "good"
    with pytest.raises(ModelError, match="not an exported model"):
        registry.import_version(tmp_path)


def stages(before: float, after: float) -> dict:
    return {"rec": {"metric": "accuracy", "before": {"accuracy": before}, "after": {"accuracy": after},
                    "best_step": 4, "steps_done": 4}}


def test_a_worse_model_is_registered_but_not_activated(tmp_path):
    job = parse_job({"name": "worse"})
    base = registry.resolve_model("pp-ocrv4")
    result = _register(job, base, trained_folder(tmp_path), stages(0.9, 0.8), None, {}, "cpu")
    assert result["model"] == "worse" and result["activated"] is False and "lower" in result["reason"]
    assert registry.active_model_name() != "worse"


def test_better_crops_but_worse_whole_screen_readings_is_not_activated(tmp_path):
    base = registry.resolve_model("pp-ocrv4")
    readings = {"metric": "accuracy", "before": {"accuracy": 0.75}, "after": {"accuracy": 0.5}}
    result = _register(parse_job({"name": "mixed"}), base, trained_folder(tmp_path), stages(0.8, 0.9), readings,
                       {}, "cpu")
    assert result["model"] == "mixed" and not result["activated"]
    assert registry.find_version("mixed").metadata["metrics"]["readings"]["after"] == {"accuracy": 0.5}


def test_a_better_model_is_activated_and_always_overrides(tmp_path):
    base = registry.resolve_model("pp-ocrv4")
    result = _register(parse_job({"name": "better"}), base, trained_folder(tmp_path, "a"), stages(0.8, 0.9), None, {}, "cpu")
    assert result["activated"] and registry.active_model_name() == "better"
    forced = _register(parse_job({"name": "forced", "activate": "always"}), base, trained_folder(tmp_path, "b"),
                       stages(0.9, 0.5), None, {}, "cpu")
    assert forced["activated"] and registry.active_model_name() == "forced"


def test_a_job_whose_name_another_model_has_is_refused_before_any_work(tmp_path):
    from desktop.core.training.runner import _check_name_free

    registry.add_version("taken", trained_folder(tmp_path), {"job_work_dir": str(tmp_path / "other-job")})
    with pytest.raises(ModelError, match="exists already"):
        _check_name_free(parse_job({"name": "taken", "work_dir": str(tmp_path / "new-job")}))
    _check_name_free(parse_job({"name": "taken", "work_dir": str(tmp_path / "other-job")}))  # its own resume
