"""Which model to read with when the active one is damaged or gone: the one active before it, and so
on back to the shipped models, said out loud (the app shows it; `lcdreader read` prints it). The engine opens on this choice in
core/ocr/open_engine.py.

Only ``default`` falls back: a model asked for by name is used as asked or refused.
"""
from __future__ import annotations

from desktop.core.models import registry
from desktop.core.models.builtin import BUILTINS
from desktop.core.models.errors import ModelError
from desktop.core.models.model_files import ModelChoice

DEFAULT_NAME = registry.DEFAULT_NAME


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
