"""`models import` checks everything before it copies anything; registering never deletes before checking;
a crash leaves nothing a later start cannot clean up."""
import os
import pickle
import subprocess
import sys

import pytest
import yaml

from desktop.cli import main
from desktop.core.models import folder_swap, registry
from desktop.core.models.errors import ModelError
from tests.unit.models.helpers import flip_bytes, model_folder, reads_samples


def exported(tmp_path, name="lab-x", **metadata):
    registry.add_version(name, model_folder(tmp_path / "out"), metadata)
    folder = registry.export_version(name, tmp_path / "usb")
    registry.delete_version(name)
    return folder


def user_folders():
    return sorted(p.name for p in registry.user_models_dir().iterdir() if p.name != ".lock")


def assert_refused(folder, message):
    before = user_folders()
    with pytest.raises(ModelError, match=message):
        registry.import_version(folder, sample_problem=reads_samples)
    assert user_folders() == before  # nothing copied, no half-made folder


def test_a_symlink_to_files_outside_is_refused(tmp_path):
    folder = exported(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    os.symlink(outside, folder / "rec" / "more")
    assert_refused(folder, "a link")


def test_a_symlinked_weight_file_is_refused(tmp_path):
    folder = exported(tmp_path)
    real = tmp_path / "real.pdiparams"
    (folder / "rec" / "inference.pdiparams").rename(real)
    os.symlink(real, folder / "rec" / "inference.pdiparams")
    assert_refused(folder, "a link")


@pytest.mark.parametrize("text, message", [
    ("- a\n- b\n", "not a list"),
    ("metrics:\n  rec:\n    metric: accuracy\n", "needs a number for 'before' accuracy"),
    ("metrics: [1, 2]\n", "'metrics' must be 'field: value' lines"),
    ("family: [pp-ocrv6]\n", "'family' must be text"),
    ("family: pp-ocrv9\n", "'pp-ocrv9' is not one of"),
    ("metrics:\n  rec:\n    metric: accuracy\n    before: {accuracy: .nan}\n    after: {accuracy: 1}\n",
     "needs a number"),
    ("name: [unclosed\n", "unreadable"),
])
def test_a_malformed_description_is_refused_clearly(tmp_path, text, message):
    folder = exported(tmp_path)
    (folder / "model.yaml").write_text(text)
    assert_refused(folder, message)


def test_a_pickle_beside_the_weights_is_refused(tmp_path):
    folder = exported(tmp_path)
    (folder / "rec" / "inference.pdiparams.info").write_bytes(pickle.dumps({"x": 1}))
    assert_refused(folder, "not a model file")


def test_weights_damaged_on_the_way_are_refused(tmp_path):
    folder = exported(tmp_path)
    flip_bytes(folder / "rec" / "inference.pdiparams")
    assert_refused(folder, r"rec/inference\.pdiparams: damaged")


def test_a_damaged_checksum_list_is_refused_and_a_note_beside_the_model_is_not(tmp_path):
    folder = exported(tmp_path)
    (folder / "README.txt").write_text("from the lab upstairs")
    (folder / "sha256.txt").write_text((folder / "sha256.txt").read_text() + "xyz\n")
    assert_refused(folder, "line 3 is damaged")
    (folder / "sha256.txt").write_text("\n".join((folder / "sha256.txt").read_text().splitlines()[:2]) + "\n")
    assert registry.import_version(folder, sample_problem=reads_samples).name == "lab-x"


def test_a_folder_name_that_cannot_be_a_model_name_is_refused(tmp_path):
    folder = exported(tmp_path)
    assert_refused(folder.rename(folder.with_name("calib job #1")), "cannot be a model name")


def test_import_of_a_good_export_works_and_lists(tmp_path, capsys):
    folder = exported(tmp_path, metrics={"rec": {"metric": "accuracy", "before": {"accuracy": 0.5},
                                                  "after": {"accuracy": 0.75}}})
    assert registry.import_version(folder, sample_problem=reads_samples).name == "lab-x"
    assert main(["models", "list"]) == 0
    assert "rec accuracy 0.500 -> 0.750" in capsys.readouterr().out


def test_models_list_survives_a_description_without_scores(tmp_path, capsys):
    version = registry.add_version("old", model_folder(tmp_path / "out"), {})
    (version.folder / "model.yaml").write_text(yaml.safe_dump({"metrics": {"rec": {"metric": "accuracy"}}}))
    assert main(["models", "list"]) == 0
    assert "old" in capsys.readouterr().out


def test_the_command_reports_a_list_description_in_one_line(tmp_path, capsys):
    folder = exported(tmp_path)
    (folder / "model.yaml").write_text("- a\n")
    assert main(["models", "import", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a list" in err


def test_replacing_checks_the_new_source_before_touching_the_old_version(tmp_path):
    registry.add_version("keep", model_folder(tmp_path / "out"), {})
    with pytest.raises(ModelError, match="is not a folder"):
        registry.add_version("keep", tmp_path / "not-there", {}, replace=True)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="no det/ or rec/"):
        registry.add_version("keep", tmp_path / "empty", {}, replace=True)
    assert all(check.ok for check in registry.verify_version(registry.find_version("keep")))


def test_models_verify_reports_every_file(tmp_path, capsys):
    registry.add_version("lab-v", model_folder(tmp_path / "out"), {})
    assert main(["models", "verify"]) == 0
    out = capsys.readouterr().out
    assert "ok   rec/inference.pdiparams" in out and "ppocr_keys_v1.txt" in out and "all models intact" in out
    flip_bytes(registry.find_version("lab-v").folder / "rec" / "inference.pdiparams")
    assert main(["models", "verify"]) == 1
    out = capsys.readouterr().out
    assert "lab-v: DAMAGED" in out and "BAD  rec/inference.pdiparams: damaged" in out


def test_recovery_leaves_a_registration_in_progress_alone(tmp_path):
    root = registry.user_models_dir()
    staging = folder_swap.staging_folder(root, "busy")
    staging.mkdir()
    with folder_swap.folder_lock(root):  # another process registering (flock: per open file, so this counts)
        assert folder_swap.recover(root) == []
        assert staging.is_dir()
    assert folder_swap.recover(root) == ["removed an interrupted change to 'busy'"] and not staging.exists()


def test_an_interrupted_swap_brings_the_old_version_back(tmp_path):
    registry.add_version("swapped", model_folder(tmp_path / "out"), {})
    root = registry.user_models_dir()
    os.rename(root / "swapped", root / ".replaced-swapped.1234abcd")  # killed between the two renames
    folder_swap.staging_folder(root, "swapped").mkdir()
    assert "swapped" in [v.name for v in registry.list_versions()]
    assert user_folders() == ["swapped"]


@pytest.mark.parametrize("size", ["0", "-5", "abc"])
def test_read_refuses_a_detection_size_it_cannot_use(size, tmp_path):
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "read", "--det-size", size, str(tmp_path)],
                            capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert result.returncode == 2 and "--det-size" in result.stderr


def test_waiting_for_the_models_lock_gives_up_after_its_timeout(tmp_path):
    root = registry.user_models_dir()
    with folder_swap.folder_lock(root):  # a process that hangs holding it
        with pytest.raises(TimeoutError, match="stayed locked by another process"):
            with folder_swap.folder_lock(root, timeout=0.3):
                pass
    with folder_swap.folder_lock(root, timeout=0.3) as locked:  # free again: taken at once
        assert locked


@pytest.mark.parametrize("name, content, message", [
    ("input.yaml", "min_width: 99999\n", "min_width must be a whole number of pixels"),
    ("input.yaml", "min_width: !!python/object/apply:os.system [echo]\n", "input.yaml: unreadable"),
    ("inference.json", "{}", "damaged or not a Paddle model"),
    ("inference.json", "garbage", "damaged or not a Paddle model"),
])
def test_settings_that_would_stop_every_read_are_refused_at_import(tmp_path, name, content, message):
    folder = exported(tmp_path)
    (folder / "rec" / name).write_text(content, encoding="utf-8")
    (folder / "sha256.txt").unlink()  # the checksums would be made to match by whoever sent it
    assert_refused(folder, message)
