"""A bad file in one model version never stops the others: skipped, marked damaged, listed, deletable."""
import pytest

from desktop.cli import main
from desktop.core.models import registry
from desktop.core.models.errors import ModelError
from desktop.core.models.fallback import model_for_reading
from tests.unit.models.helpers import model_folder

BAD_DESCRIPTIONS = {
    "garbage": b"\x00\xff: [unclosed",
    "python-tag": b"name: !!python/object/apply:os.system ['echo hi']\n",
    "family-list": b"family: [pp-ocrv6]\n",
    "alias-bomb": (b"a: &a [x, x, x, x, x, x, x, x, x]\n"
                   + b"".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n".encode()
                              for p, c in zip("abcdefgh", "bcdefghi"))),
}


def registered(tmp_path, name):
    registry.add_version(name, model_folder(tmp_path / name), {"description": "a test model"})
    return registry.user_models_dir() / name


@pytest.mark.parametrize("content", BAD_DESCRIPTIONS.values(), ids=BAD_DESCRIPTIONS.keys())
def test_one_bad_description_is_listed_as_damaged_and_everything_else_works(tmp_path, capsys, content):
    registered(tmp_path, "good")
    (registered(tmp_path, "bad") / registry.METADATA).write_bytes(content)
    versions = {v.name: v for v in registry.list_versions()}
    assert versions["bad"].damaged and not versions["good"].damaged
    assert registry.resolve_model("good").name == "good"
    assert main(["models", "list"]) == 0
    assert "bad" in capsys.readouterr().out.split("damaged", 1)[0].splitlines()[-1]
    with pytest.raises(ModelError, match="damaged"):
        registry.activate("bad")
    assert main(["models", "verify"]) == 1
    assert "bad: DAMAGED" in capsys.readouterr().out
    registry.delete_version("bad")
    assert "bad" not in {v.name for v in registry.list_versions()}


def test_a_damaged_active_version_falls_back_for_default(tmp_path):
    folder = registered(tmp_path, "lab")
    registry.activate("lab")
    (folder / registry.METADATA).write_bytes(b"family: [pp-ocrv6]\n")
    choice = model_for_reading()
    assert choice.refused == "lab" and choice.model_set.name != "lab"


@pytest.mark.parametrize("marker", ["active.txt", "history.txt"])
def test_markers_that_are_not_utf8_give_a_message_not_a_traceback(tmp_path, capsys, marker):
    registered(tmp_path, "lab")
    (registry.user_models_dir() / marker).write_bytes("压力".encode("gbk") + b"\n")
    assert main(["models", "list"]) == 0
    assert main(["models", "activate", "lab"]) == 0
    assert registry.active_model_name() == "lab"
    capsys.readouterr()
    assert main(["models", "rollback"]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


def test_a_nan_mean_in_the_detector_input_is_refused(tmp_path):
    from desktop.core.models.model_files import DET_INPUT_FILE, read_det_input

    (tmp_path / DET_INPUT_FILE).write_text("mean: [.nan, 0.5, 0.5]\nstd: [0.5, 0.5, 0.5]\n", encoding="utf-8")
    with pytest.raises(ModelError, match="mean"):
        read_det_input(tmp_path)
