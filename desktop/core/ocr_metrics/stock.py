"""The stock PaddleOCR 2.x pipeline on the stock PP-OCRv4 files: the reference our engine is measured against.

paddleocr is an optional extra (``pip install .[bench]``): it drags in scikit-image, albumentations
and more, which the app itself does not need. Its wrapper only loads legacy ``inference.pdmodel``
folders and DOWNLOADS a model when a folder lacks one, so it is only ever given the shipped base files.
"""
from __future__ import annotations

import importlib.util

from desktop.core.models.builtin import STOCK
from desktop.core.models.integrity import require_intact
from desktop.core.models.model_files import ModelSet


def stock_available() -> bool:
    return importlib.util.find_spec("paddleocr") is not None


def stock_model_set() -> ModelSet:
    require_intact(STOCK.verify(), f"'{STOCK.name}'")  # checked against the wheel's RECORD, as the engine does
    model = STOCK.model_set()
    for folder in (model.det_dir, model.rec_dir, model.cls_dir):
        if not (folder / "inference.pdmodel").is_file():  # never let the wrapper go looking online
            raise FileNotFoundError(f"stock model file missing: {folder / 'inference.pdmodel'}")
    return model


def stock_ocr(enable_mkldnn: bool = False, det_limit_side: int = 960):
    """PaddleOCR's own wrapper object, with its defaults, on the shipped files."""
    from paddleocr import PaddleOCR

    model = stock_model_set()
    return PaddleOCR(
        use_angle_cls=False, lang="ch", use_gpu=False, show_log=False, enable_mkldnn=enable_mkldnn,
        det_model_dir=str(model.det_dir), rec_model_dir=str(model.rec_dir),
        cls_model_dir=str(model.cls_dir), rec_char_dict_path=str(model.keys_path),
        det_limit_side_len=det_limit_side,
    )


def stock_pipeline(enable_mkldnn: bool = False, det_limit_side: int = 960):
    """A callable image -> list of (points, text, score), PaddleOCR's ``ocr()`` with its defaults."""
    ocr = stock_ocr(enable_mkldnn, det_limit_side)

    def run(image):
        pages = ocr.ocr(image, cls=False)
        lines = pages[0] if pages and pages[0] else []
        return [(points, text, score) for points, (text, score) in lines]

    return run
