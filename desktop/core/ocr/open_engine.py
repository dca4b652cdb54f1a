"""The OCR engine for a model name: the registry's choice (core/models/fallback.py), loaded.

Here, not in core/models, because the engine uses the models' files and the models never use the engine.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.core.models.fallback import DEFAULT_NAME, fall_back_from, model_for_reading
from desktop.core.models.model_files import ModelSet

if TYPE_CHECKING:
    from desktop.core.ocr.engine import OcrEngine


def open_engine(model: str | ModelSet = DEFAULT_NAME, **options: Any) -> OcrEngine:
    """The OCR engine for a model name (checked file by file; a damaged active model gives way to an
    earlier one, and so does one whose intact files still do not load) or for a given model set.
    ``options`` are the engine's own (device, det_limit_side, ...)."""
    from desktop.core.ocr.engine import OcrEngine  # paddle and the engine load only when one is made

    if not isinstance(model, str):
        return OcrEngine(model, **options)
    choice = model_for_reading(model)
    may_fall_back = model == DEFAULT_NAME and not choice.refused
    return OcrEngine(choice, fall_back=fall_back_from if may_fall_back else None, **options)
