"""The engine on the real PP-OCRv4 models and our sample screens."""
import numpy as np
import pytest

from desktop.core.models.errors import ModelError
from desktop.core.models.model_files import ModelSet, base_model_set
from desktop.core.ocr.images import load_image
from desktop.core.ocr.open_engine import open_engine
from desktop.core.ocr.types import OcrError

from .conftest import sample

pytestmark = pytest.mark.model

# What the stock weights read right on our sample screens (ghost segments defeat them elsewhere:
# that is what the LCD-tuned default model is for).
STOCK_READS = {
    "sampler_lcd.png": {"烟尘采样器", "100.07", "大气压", "kPa", "23.5", "干球温度", "计前压力", "30.0", "流量", "L/min"},
    "thermo_hygrometer_blue.png": {"温湿度计", "23.5", "温度", "45.2", "湿度", "%RH"},
    "pressure_gauge_white.png": {"数字压力计", "0.254", "压力", "MPa", "温度"},
}


@pytest.mark.parametrize("name", sorted(STOCK_READS))
def test_stock_model_reads_sample_screens(base_engine, name):
    result = base_engine.read(load_image(sample(name)))
    texts = {box.text for box in result.boxes}
    assert STOCK_READS[name] <= texts
    assert (result.width, result.height) == (640, 480)
    assert result.device == "cpu" and result.model == "pp-ocrv4"
    assert set(result.timings_ms) == {"det", "look", "rec"} and result.elapsed_ms > 0  # look: the second look


def test_a_reread_at_the_lines_found_reads_the_same_in_less_time(base_engine):
    """Live mode re-reads a still picture at the lines a full read found: recognition only."""
    image = load_image(sample("sampler_lcd.png"))
    full = base_engine.read(image)
    again = base_engine.read_lines(image, [box.points for box in full.boxes])
    assert [(b.text, b.points) for b in again.boxes] == [(b.text, b.points) for b in full.boxes]
    assert set(again.timings_ms) == {"rec"} and again.elapsed_ms < full.elapsed_ms
    assert base_engine.read_lines(image, []).boxes == []


def test_boxes_are_quadrilaterals_in_reading_order(base_engine):
    result = base_engine.read(load_image(sample("sampler_lcd.png")))
    for box in result.boxes:
        assert len(box.points) == 4
        xs = [p[0] for p in box.points]
        ys = [p[1] for p in box.points]
        assert 0 <= min(xs) < max(xs) <= 640 and 0 <= min(ys) < max(ys) <= 480
        assert 0.5 <= box.score <= 1.0
    tops = [b.y_min for b in result.boxes]
    assert tops[0] == min(tops)  # the title line comes first


def test_blank_tiny_and_odd_images_give_no_boxes(base_engine):
    assert base_engine.read(np.full((480, 640, 3), 200, np.uint8)).boxes == []
    assert base_engine.read(np.zeros((4, 4, 3), np.uint8)).boxes == []
    assert base_engine.read(np.zeros((30, 3000, 3), np.uint8)).boxes == []


def test_direction_classifier_turns_upside_down_text():
    engine = open_engine(model="pp-ocrv4", device="cpu", use_cls=True)
    image = load_image(sample("thermo_hygrometer_blue.png"))
    texts = {box.text for box in engine.read(image[::-1, ::-1].copy()).boxes}
    # Printed labels come back upright; seven-segment digits turned over still look like digits
    # (2 <-> 2, 5 <-> 5), which no direction classifier can tell apart.
    assert {"温湿度计", "温度", "湿度", "%RH"} <= texts


def test_missing_model_folder_is_a_clear_error(tmp_path):
    base = base_model_set()
    broken = ModelSet("broken", det_dir=tmp_path / "nowhere", rec_dir=base.rec_dir, keys_path=base.keys_path)
    with pytest.raises(ModelError, match="model folder not found: .*nowhere"):
        open_engine(model=broken, device="cpu")


def test_corrupt_model_files_are_a_clear_error(tmp_path):
    base = base_model_set()
    (tmp_path / "inference.pdmodel").write_bytes(b"this is not a paddle program")
    (tmp_path / "inference.pdiparams").write_bytes(b"\0" * 64)
    broken = ModelSet("broken", det_dir=tmp_path, rec_dir=base.rec_dir, keys_path=base.keys_path)
    with pytest.raises(ModelError, match="inference.pdmodel is damaged"):
        open_engine(model=broken, device="cpu")


def test_damaged_json_model_is_a_clear_error(tmp_path):
    base = base_model_set()
    (tmp_path / "inference.json").write_text('{"program": ', encoding="utf-8")
    (tmp_path / "inference.pdiparams").write_bytes(b"\0" * 64)
    broken = ModelSet("broken", det_dir=base.det_dir, rec_dir=tmp_path, keys_path=base.keys_path)
    with pytest.raises(ModelError, match="inference.json is damaged"):
        open_engine(model=broken, device="cpu")


def test_unknown_model_and_device():
    with pytest.raises(ModelError, match="unknown model 'nope'.*pp-ocrv4"):
        open_engine(model="nope")
    with pytest.raises(OcrError, match="unknown device"):
        open_engine(model="pp-ocrv4", device="tpu")


def test_reads_on_the_gpu_when_there_is_one():
    from desktop.core.ocr.device import gpu_available

    if not gpu_available():
        pytest.skip("no CUDA GPU on this machine (runs where paddlepaddle-gpu sees one)")
    engine = open_engine(model="default", device="auto")
    assert engine.device == "gpu:0"
    engine.warm_up()
    result = engine.read(load_image(sample("sampler_lcd.png")))
    assert result.device == "gpu:0" and any(box.text.startswith("100.07") for box in result.boxes)


def test_gpu_request_without_gpu_is_explained():
    from desktop.core.ocr.device import gpu_available

    if gpu_available():
        pytest.skip("this machine has a GPU")
    with pytest.raises(OcrError, match="GPU was requested"):
        open_engine(model="pp-ocrv4", device="gpu")


def test_truncated_weights_are_a_clear_error(tmp_path):
    import shutil

    base = base_model_set()
    shutil.copytree(base.det_dir, tmp_path / "det")
    weights = tmp_path / "det" / "inference.pdiparams"
    weights.write_bytes(weights.read_bytes()[:100_000])
    broken = ModelSet("broken", det_dir=tmp_path / "det", rec_dir=base.rec_dir, keys_path=base.keys_path)
    with pytest.raises(ModelError, match="cannot be loaded.*damaged"):
        open_engine(model=broken, device="cpu")


def test_warm_up_runs_every_input_shape_once_pausing_when_asked():
    engine = open_engine(model="default", device="cpu")
    shapes = len(engine.detector.input_shapes()) + len(engine.recognizer.input_shapes())
    asked = []
    assert engine.warm_up(pause=lambda: asked.append(1) or len(asked) > 3) is False  # ran three, then paused
    asked.clear()
    assert engine.warm_up(pause=lambda: asked.append(1) and False) is True
    assert len(asked) == shapes - 3
    asked.clear()
    assert engine.warm_up(pause=lambda: asked.append(1) and False) is True and asked == []  # once only
    texts = [box.text for box in engine.read(load_image(sample("sampler_lcd.png"))).boxes]
    assert any(text.startswith("100.07") for text in texts)  # PP-OCRv6 may box "100.07kPa" whole
