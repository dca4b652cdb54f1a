"""The stock PaddleOCR 2.x pipeline on the same model files: the reference our engine is measured against.

paddleocr is an optional extra (``pip install .[bench]``): it drags in scikit-image, albumentations
and more, which the app itself does not need.
"""
from __future__ import annotations

import importlib.util

from desktop.core.ocr.model_files import ModelSet


def stock_available() -> bool:
    return importlib.util.find_spec("paddleocr") is not None


def stock_pipeline(model_set: ModelSet, enable_mkldnn: bool = False, det_limit_side: int = 960):
    """A callable image -> list of (points, text, score), PaddleOCR's ``ocr()`` with its defaults."""
    from paddleocr import PaddleOCR

    ocr = PaddleOCR(
        use_angle_cls=False, lang="ch", use_gpu=False, show_log=False, enable_mkldnn=enable_mkldnn,
        det_model_dir=str(model_set.det_dir), rec_model_dir=str(model_set.rec_dir),
        cls_model_dir=str(model_set.cls_dir), rec_char_dict_path=str(model_set.keys_path),
        det_limit_side_len=det_limit_side,
    )

    def run(image):
        pages = ocr.ocr(image, cls=False)
        lines = pages[0] if pages and pages[0] else []
        return [(points, text, score) for points, (text, score) in lines]

    return run
