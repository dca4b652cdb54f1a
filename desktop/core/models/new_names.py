"""A new model version's name: the one proposed (the date and time, made unique), and why a typed one
cannot be used."""
from __future__ import annotations

import time

from desktop.core.models.errors import ModelError
from desktop.core.models.registry import check_name, list_versions


def new_model_name() -> str:
    taken = {v.name for v in list_versions()}
    base = time.strftime("lcd-%Y%m%d-%H%M")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def name_problem(name: str) -> str | None:
    """None when ``name`` can be a new model's name, else the reason (English; the UI translates)."""
    try:
        check_name(name)
    except ModelError:
        return "invalid"
    if name in {v.name for v in list_versions()}:
        return "taken"
    return None
