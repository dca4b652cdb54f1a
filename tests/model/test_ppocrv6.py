"""PP-OCRv6 small converted from the rapidocr wheel's ONNX files: the Paddle model gives ONNX Runtime's
outputs on every input shape the engine uses, and reads through the whole engine."""
import numpy as np
import pytest

from desktop.core.models.model_files import load_dictionary
from desktop.core.models.ppocrv6.prepare import ONNX_FILES, ppocrv6_model_set, rapidocr_models_dir
from desktop.core.models.predictor import predictor_infer
from desktop.core.ocr.detector import TextDetector
from desktop.core.ocr.device import choose_device
from desktop.core.ocr.recognizer import TextRecognizer
from tests.model.conftest import sample

pytestmark = pytest.mark.model
ort = pytest.importorskip("onnxruntime")


def onnx_session(stage: str):
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    return ort.InferenceSession(str(rapidocr_models_dir() / ONNX_FILES[stage]), options)


def assert_matches_onnx(stage: str, model_dir, shapes, atol: float):
    session, infer = onnx_session(stage), predictor_infer(model_dir, choose_device("cpu"))
    rng = np.random.default_rng(0)
    for shape in shapes:
        batch = rng.uniform(-1, 1, shape).astype(np.float32)
        expected = session.run(None, {"x": batch})[0]
        np.testing.assert_allclose(infer(batch), expected, atol=atol, err_msg=f"{stage} input {shape}")


def test_detector_matches_onnx_runtime_on_every_canvas():
    model = ppocrv6_model_set()
    shapes = TextDetector(lambda batch: batch, 960).input_shapes() + TextDetector(lambda b: b, 640).input_shapes()
    assert_matches_onnx("det", model.det_dir, sorted(set(shapes)), atol=1e-4)


def test_recogniser_matches_onnx_runtime_on_every_width_step():
    model = ppocrv6_model_set()
    recognizer = TextRecognizer(lambda batch: batch, load_dictionary(model.keys_path))
    # 1e-3 on probabilities: the widest input (2560 px) differs by up to 4e-4 (attention sums in
    # another order); every other width by under 1e-4
    assert_matches_onnx("rec", model.rec_dir, recognizer.input_shapes(), atol=1e-3)


def test_conversion_is_made_once_and_kept(monkeypatch):
    first = ppocrv6_model_set()
    stamp = (first.det_dir / "inference.pdiparams").stat().st_mtime_ns
    import desktop.core.models.ppocrv6.prepare as prepare

    monkeypatch.setattr(prepare, "convert_ppocrv6", lambda *a: pytest.fail("converted twice"))
    assert ppocrv6_model_set() == first
    assert (first.det_dir / "inference.pdiparams").stat().st_mtime_ns == stamp
    assert len(load_dictionary(first.keys_path)) == 18708  # + blank + space = the network's 18710 classes


def test_engine_reads_a_sample_screen_with_pp_ocrv6():
    import cv2

    from desktop.core.ocr.open_engine import open_engine

    engine = open_engine(model="pp-ocrv6", device="cpu")
    texts = [box.text for box in engine.read(cv2.imread(str(sample("sampler_lcd.png")))).boxes]
    assert "大气压" in texts and "kPa" in texts


def wheel_copy(tmp_path, monkeypatch):
    import shutil

    import desktop.core.models.ppocrv6.prepare as prepare

    folder = tmp_path / "rapidocr-models"
    folder.mkdir()
    for name in ONNX_FILES.values():
        shutil.copy(rapidocr_models_dir() / name, folder / name)
    monkeypatch.setattr(prepare, "rapidocr_models_dir", lambda: folder)
    monkeypatch.setenv("LCDREADER_CACHE", str(tmp_path / "cache"))
    return folder


def test_a_missing_onnx_file_is_named(tmp_path, monkeypatch):
    from desktop.core.models.errors import ModelError

    folder = wheel_copy(tmp_path, monkeypatch)
    (folder / ONNX_FILES["rec"]).unlink()
    with pytest.raises(ModelError, match="PP-OCRv6_rec_small.onnx"):
        ppocrv6_model_set()


def test_a_damaged_onnx_file_is_refused_and_nothing_half_made_is_used(tmp_path, monkeypatch):
    from desktop.core.models.errors import ModelError

    folder = wheel_copy(tmp_path, monkeypatch)
    det = folder / ONNX_FILES["det"]
    det.write_bytes(det.read_bytes()[: 1 << 20])
    with pytest.raises(ModelError, match="PP-OCRv6_det_small.onnx"):
        ppocrv6_model_set()
    assert not list((tmp_path / "cache" / "base-models").iterdir())  # no model set, nothing half made


def test_a_damaged_converted_folder_is_made_again(tmp_path, monkeypatch):
    wheel_copy(tmp_path, monkeypatch)
    first = ppocrv6_model_set()
    weights = first.rec_dir / "inference.pdiparams"
    data = bytearray(weights.read_bytes())
    data[5000:5010] = bytes(10)
    weights.write_bytes(bytes(data))
    from desktop.core.models.integrity import check_manifest

    assert not all(check.ok for check in check_manifest(first.det_dir.parent))
    assert ppocrv6_model_set() == first
    assert all(check.ok for check in check_manifest(first.det_dir.parent))
