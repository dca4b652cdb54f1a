"""Model registry: versions, activation, roll back, refuse-worse, export / import."""
import pytest

from desktop.core.models import registry
from desktop.core.models.errors import ModelError
from desktop.core.training.payload import parse_job
from desktop.core.training.runner import _register
from tests.unit.models.helpers import PIR_OUTLINE, reads_samples


def trained_folder(tmp_path, name="out", stage="rec"):
    folder = tmp_path / name
    (folder / stage).mkdir(parents=True)
    (folder / stage / "inference.json").write_text(PIR_OUTLINE)
    (folder / stage / "inference.pdiparams").write_bytes(b"w")
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
    imported = registry.import_version(exported, sample_problem=reads_samples)
    assert imported.name == "lab-b" and imported.metadata["note"] == "good"
    with pytest.raises(ModelError, match="not an exported model"):
        registry.import_version(tmp_path, sample_problem=reads_samples)


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


def test_whole_screens_read_better_decide_over_worse_crops_and_say_so(tmp_path):
    base = registry.resolve_model("pp-ocrv4")
    readings = {"metric": "accuracy", "before": {"accuracy": 0.64}, "after": {"accuracy": 0.88}}
    result = _register(parse_job({"name": "photos"}), base, trained_folder(tmp_path), stages(0.9, 0.8), readings,
                       {}, "cpu")
    assert result["activated"] and registry.active_model_name() == "photos" and result["dropped"] == []
    assert result["reason"] == "activated: whole photos read no worse (lower, not deciding: rec accuracy 90.0% -> 80.0%)"


def test_a_better_model_is_activated_and_always_overrides(tmp_path):
    base = registry.resolve_model("pp-ocrv4")
    result = _register(parse_job({"name": "better"}), base, trained_folder(tmp_path, "a"), stages(0.8, 0.9), None, {}, "cpu")
    assert result["activated"] and registry.active_model_name() == "better"
    forced = _register(parse_job({"name": "forced", "activate": "always"}), base, trained_folder(tmp_path, "b"),
                       stages(0.9, 0.5), None, {}, "cpu")
    assert forced["activated"] and registry.active_model_name() == "forced"


def test_a_model_that_reads_the_photos_no_better_is_not_activated(tmp_path):
    # Issue 27: a stage that cannot gain refuses rather than activates; better crops alone are no gain
    # when whole photos were read.
    base = registry.resolve_model("pp-ocrv4")
    level = {"metric": "accuracy", "before": {"accuracy": 0.8, "strict": 0.7}, "after": {"accuracy": 0.8, "strict": 0.7}}
    result = _register(parse_job({"name": "level"}), base, trained_folder(tmp_path), stages(0.8, 0.9), level, {}, "cpu")
    assert result["model"] == "level" and not result["activated"] and not result["gained"]
    assert result["dropped"] == [] and "no better" in result["reason"]
    assert registry.active_model_name() != "level"
    forced = _register(parse_job({"name": "level-forced", "activate": "always"}), base, trained_folder(tmp_path, "b"),
                       stages(0.8, 0.8), None, {}, "cpu")
    assert forced["activated"]


def test_a_model_that_reads_an_accepted_photo_otherwise_is_not_activated(tmp_path):
    base = registry.resolve_model("pp-ocrv4")
    regressions = [{"image": "/s/image3.png", "expected": "电压 5.00 V", "after": "电压 5.08 V"}]
    result = _register(parse_job({"name": "regress"}), base, trained_folder(tmp_path), stages(0.8, 0.9), None, {},
                       "cpu", regressions)
    assert not result["activated"] and "1 photo(s) you accepted as read differently" in result["reason"]
    assert registry.active_model_name() != "regress"


def fake_v6(tmp_path, monkeypatch):
    from desktop.core.models.builtin import BUILTINS, BuiltinBase
    from desktop.core.models.model_files import ModelSet

    folder = tmp_path / "v6"
    v6 = ModelSet("pp-ocrv6", det_dir=folder / "det", rec_dir=folder / "rec", keys_path=folder / "keys.txt",
                  family="pp-ocrv6")
    monkeypatch.setitem(BUILTINS, "pp-ocrv6", BuiltinBase("pp-ocrv6", "stock v6", lambda: v6, lambda: []))
    return v6


def test_a_version_takes_its_missing_parts_from_its_family(tmp_path, monkeypatch):
    v6 = fake_v6(tmp_path, monkeypatch)
    registry.add_version("lab-v6", trained_folder(tmp_path), {"base_model": "lab-x", "family": "pp-ocrv6"})
    model = registry.resolve_model("lab-v6")
    assert model.det_dir == v6.det_dir and model.keys_path == v6.keys_path and model.family == "pp-ocrv6"
    assert model.rec_dir.parent.name == "lab-v6"
    assert "pp-ocrv6" in [v.name for v in registry.list_versions()]
    with pytest.raises(ModelError, match="cannot be a model name"):
        registry.add_version("pp-ocrv6", trained_folder(tmp_path, "other"), {})


def test_a_version_of_an_unknown_family_is_refused_by_name(tmp_path, monkeypatch):
    fake_v6(tmp_path, monkeypatch)
    with pytest.raises(ModelError, match="pp-ocrv9"):
        registry.add_version("odd", trained_folder(tmp_path), {"family": "pp-ocrv9"})
    assert "odd" not in {v.name for v in registry.list_versions()}


def test_better_in_total_but_worse_on_one_instrument_is_not_activated(tmp_path):
    """The real-photo run: h-mean 0.39 -> 0.59 in total while the table instrument collapsed."""
    det = {"det": {"metric": "hmean", "best_step": 50, "steps_done": 100,
                   "before": {"hmean": 0.39, "precision": 0.3, "recall": 0.6, "hmean@table": 0.88, "hmean@led": 0.3},
                   "after": {"hmean": 0.59, "precision": 0.5, "recall": 0.7, "hmean@table": 0.07, "hmean@led": 0.8}}}
    base = registry.resolve_model("pp-ocrv4")
    result = _register(parse_job({"name": "one-worse"}), base, trained_folder(tmp_path, stage="det"), det, None, {}, "cpu")
    assert not result["activated"] and registry.active_model_name() != "one-worse"
    assert "hmean@table 88.0% -> 7.0%" in result["reason"] and "led" not in result["reason"]
    assert result["dropped"] == [{"section": "det", "score": "hmean@table", "before": 0.88, "after": 0.07}]


def test_a_drop_on_any_shown_score_is_a_drop(tmp_path):
    """Issue 19: "characters right" fell 1.1 points while exact text rose; the run called it not worse."""
    rec = {"rec": {"metric": "accuracy", "best_step": 4, "steps_done": 4,
                   "before": {"accuracy": 0.90, "norm_edit_dis": 0.970}, "after": {"accuracy": 0.91, "norm_edit_dis": 0.959}}}
    base = registry.resolve_model("pp-ocrv4")
    result = _register(parse_job({"name": "chars"}), base, trained_folder(tmp_path), rec, None, {}, "cpu")
    assert not result["activated"] and "norm_edit_dis" in result["reason"]
    same = {"rec": {**rec["rec"], "after": {"accuracy": 0.91, "norm_edit_dis": 0.9698}}}  # shown as "="
    assert _register(parse_job({"name": "same"}), base, trained_folder(tmp_path, "b"), same, None, {}, "cpu")["activated"]


def test_a_job_whose_name_another_model_has_is_refused_before_any_work(tmp_path):
    from desktop.core.training.runner import _check_name_free

    registry.add_version("taken", trained_folder(tmp_path), {"job_work_dir": str(tmp_path / "other-job")})
    with pytest.raises(ModelError, match="exists already"):
        _check_name_free(parse_job({"name": "taken", "work_dir": str(tmp_path / "new-job")}))
    _check_name_free(parse_job({"name": "taken", "work_dir": str(tmp_path / "other-job")}))  # its own resume
