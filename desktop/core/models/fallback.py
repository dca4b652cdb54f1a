"""Which model to read with when the active one is damaged or gone: the one active before it, and so
on back to the shipped models, said out loud (the app shows it; `lcdreader read` prints it).

Only ``default`` falls back: a model asked for by name is used as asked or refused.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.core.models import registry
from desktop.core.models.builtin import BUILTINS
from desktop.core.ocr.model_files import ModelChoice, ModelSet
from desktop.core.ocr.types import ModelError

if TYPE_CHECKING:
    from desktop.core.ocr.engine import OcrEngine

DEFAULT_NAME = registry.DEFAULT_NAME


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


def model_for_reading(name: str = DEFAULT_NAME) -> ModelChoice:
    if name != DEFAULT_NAME:
        return ModelChoice(registry.resolve_model(name))
    active = registry.active_model_name()
    try:
        return ModelChoice(registry.resolve_model(active))
    except ModelError as exc:
        return fall_back_from(active, str(exc))


def fall_back_from(active: str, reason: str) -> ModelChoice:
    """The first intact model among those active before ``active``, then the shipped ones."""
    candidates = registry.earlier_models() + [registry.BUNDLED_DEFAULT, *BUILTINS]
    for candidate in dict.fromkeys(c for c in candidates if c != active):
        try:
            return ModelChoice(registry.resolve_model(candidate), refused=active, reason=reason)
        except ModelError:
            continue
    raise ModelError(f"no usable model: {reason}")
