"""The `lcdreader` command line: the JSON contract, exit codes and error paths, on the real models."""
import json
import shutil

import pytest

from desktop.cli import main

from .conftest import sample

pytestmark = pytest.mark.model

CONTRACT_KEYS = ["image", "width", "height", "device", "model", "boxes", "readings", "elapsed_ms"]


def read_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_read_writes_the_json_contract(capsys):
    path = str(sample("sampler_lcd.png"))
    assert main(["read", path, "--model", "pp-ocrv4", "--device", "cpu"]) == 0
    [record] = read_lines(capsys.readouterr().out)
    assert list(record) == CONTRACT_KEYS
    assert record["image"] == path and (record["width"], record["height"]) == (640, 480)
    assert record["device"] == "cpu" and record["model"] == "pp-ocrv4"
    box = record["boxes"][0]
    assert list(box) == ["points", "text", "score"] and len(box["points"]) == 4
    pressure = next(r for r in record["readings"] if r["key"] == "大气压")
    assert (pressure["value"], pressure["number"], pressure["unit"], pressure["valid"]) == ("100.07", 100.07, "kPa", True)
    assert list(pressure)[:8] == ["key", "key_en", "value", "number", "unit", "score", "valid", "boxes"]
    assert all(record["boxes"][i]["text"] for i in pressure["boxes"])


def test_folder_with_a_bad_file_reports_it_and_reads_the_rest(tmp_path, capsys):
    folder = tmp_path / "shots 照片"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(sample("thermo_hygrometer_blue.png"), folder / "sub" / "温湿度.png")
    (folder / "broken.png").write_bytes(b"not really a png")
    out_file = tmp_path / "out.jsonl"
    assert main(["read", str(folder), "--out", str(out_file), "--model", "pp-ocrv4"]) == 1
    records = read_lines(out_file.read_text(encoding="utf-8"))
    assert [r["image"].split("/")[-1] for r in records] == ["broken.png", "温湿度.png"]
    assert records[0] == {"image": str(folder / "broken.png"), "error": records[0]["error"]}
    assert "broken.png" in records[0]["error"] and "not an image" in records[0]["error"]
    assert {"温度", "湿度"} <= {r["key"] for r in records[1]["readings"]}


def test_template_option(capsys):
    assert main(["read", str(sample("insulation_tester.png")), "--template", "insulation-tester",
                 "--model", "pp-ocrv4"]) == 0
    [record] = read_lines(capsys.readouterr().out)
    [reading] = [r for r in record["readings"] if r["unit"] == "MΩ"]
    # The stock weights misread a digit here now and then (778 / 738); the key, unit and field are the point.
    assert reading["key"] == "绝缘电阻" and reading["field"] and reading["number"] is not None


def test_unknown_template_and_missing_path(capsys):
    assert main(["read", str(sample("sampler_lcd.png")), "--template", "no-such"]) == 2
    assert "no-such" in capsys.readouterr().err
    assert main(["read", "/nonexistent/folder/x.png"]) == 1
    [record] = read_lines(capsys.readouterr().out)
    assert "not found" in record["error"]


def test_unknown_model_exits_2_with_a_message(capsys):
    assert main(["read", str(sample("sampler_lcd.png")), "--model", "nope"]) == 2
    assert "unknown model 'nope'" in capsys.readouterr().err


def test_a_model_that_loads_but_cannot_run_exits_2_before_any_image(monkeypatch, tmp_path, capsys):
    from desktop.core.ocr.engine import OcrEngine

    def broken_warm_up(self, pause=None):
        raise RuntimeError("(InvalidArgument) the input's channels do not match the filter's")

    monkeypatch.setattr(OcrEngine, "warm_up", broken_warm_up)
    out_file = tmp_path / "out.jsonl"
    assert main(["read", str(sample("sampler_lcd.png")), str(sample("insulation_tester.png")),
                 "--out", str(out_file), "--model", "pp-ocrv4"]) == 2
    assert "model pp-ocrv4 cannot run: (InvalidArgument)" in capsys.readouterr().err
    assert not out_file.exists()


@pytest.fixture
def labeled_set(tmp_path):
    from desktop.core.training.synth.dataset import generate_dataset

    generate_dataset(tmp_path / "set", 3, seed=7, strength=0.3)
    return tmp_path / "set"


def test_eval_det_last_line_is_key_values(labeled_set, capsys):
    assert main(["eval", "det", "--gt", str(labeled_set / "det_gt.txt"), "--model", "pp-ocrv4"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    values = dict(pair.split("=") for pair in last.split())
    assert list(values) == ["hmean", "precision", "recall", "images"]
    assert values["images"] == "3" and 0 < float(values["hmean"]) <= 1


def test_eval_rec_last_line_is_key_values(labeled_set, capsys):
    assert main(["eval", "rec", "--gt", str(labeled_set / "rec_gt.txt"), "--root", str(labeled_set),
                 "--model", "pp-ocrv4"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    values = dict(pair.split("=") for pair in last.split())
    assert list(values) == ["accuracy", "norm_edit_dis", "images"]
    assert int(values["images"]) > 3 and 0 < float(values["norm_edit_dis"]) <= 1


def test_eval_with_broken_label_file(tmp_path, capsys):
    labels = tmp_path / "det_gt.txt"
    labels.write_text("a.png\tnot json\n", encoding="utf-8")
    assert main(["eval", "det", "--gt", str(labels)]) == 2
    assert "det_gt.txt:1" in capsys.readouterr().err


def test_bench_reports_medians(capsys):
    assert main(["bench", str(sample("sampler_lcd.png")), "--repeat", "1", "--warmup", "0", "--no-stock",
                 "--model", "pp-ocrv4"]) == 0
    out = capsys.readouterr().out
    assert "first call" in out and "warm-up" in out and "stage det" in out and "stage rec" in out
    assert "ours, first pass (per image)" in out and "ours, warm (per image)" in out


def test_damaged_weights_are_refused_by_name_and_the_active_model_falls_back(capsys):
    """The issue's case: lcd-default copied, 10 bytes flipped in rec weights; read gave 00.07 for 100.07."""
    import random

    from desktop.core.models import registry

    registry.activate("lcd-default")
    copy = registry.add_version("copy", registry.find_version("lcd-default").folder, {})
    weights = copy.folder / "rec" / "inference.pdiparams"
    data = bytearray(weights.read_bytes())
    for offset in random.Random(10).sample(range(1000, len(data)), 10):
        data[offset] ^= 0xFF
    weights.write_bytes(bytes(data))
    path = str(sample("sampler_lcd.png"))
    assert main(["read", path, "--model", "copy", "--device", "cpu"]) == 2
    assert "rec/inference.pdiparams: damaged" in capsys.readouterr().err
    registry.activate("copy")
    assert main(["read", path, "--device", "cpu"]) == 0
    out, err = capsys.readouterr()
    assert "the active model 'copy' was not used" in err and "reading with 'lcd-default' instead" in err
    [record] = read_lines(out)
    assert record["model"] == "lcd-default"
    assert next(r for r in record["readings"] if r["key"] == "大气压")["value"] == "100.07"
