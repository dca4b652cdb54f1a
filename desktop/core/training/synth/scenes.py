"""Named scenes (looks): what kind of instrument a synthetic photo shows. Pick them by name to build a
validation set from looks the training never saw: ``make_screen(seed, looks=["hmi_table"])``.

``classic`` is the original generator (a display filling most of the frame, scenarios.random_spec);
the others are whole phone photos (compose.compose_photo) of a front panel (scenes_lcd, scenes_panel).
"""
from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.core.training.synth.compose import compose_photo, photo_size
from desktop.core.training.synth.fonts import FontSet
from desktop.core.training.synth.panel import Panel
from desktop.core.training.synth.scenes_lcd import backlit_lcd, clock_lcd, thin_lcd
from desktop.core.training.synth.scenes_panel import hmi_table, led_panel


@dataclass(frozen=True)
class Scene:
    name: str
    weight: float                 # share of a default mix
    build: Callable[[random.Random, FontSet, tuple[int, int]], Panel] | None   # None: the classic generator
    paper: float = 0.2            # chance of a printed test sheet beside the instrument


SCENES: dict[str, Scene] = {s.name: s for s in (
    Scene("classic", 0.45, None),
    Scene("thin_lcd", 0.12, thin_lcd),
    Scene("backlit_lcd", 0.11, backlit_lcd),
    Scene("led_panel", 0.11, led_panel),
    Scene("hmi_table", 0.10, hmi_table),
    Scene("clock_lcd", 0.11, clock_lcd, paper=0.5),
)}
SCENE_NAMES = tuple(SCENES)


def check_looks(looks: Sequence[str] | None) -> tuple[str, ...]:
    """The scene names to draw from (all when None); ValueError naming the unknown ones."""
    if looks is None:
        return SCENE_NAMES
    names = tuple(looks)
    unknown = [n for n in names if n not in SCENES]
    if unknown or not names:
        raise ValueError(f"unknown scene(s) {unknown or names!r}; known: {', '.join(SCENE_NAMES)}")
    return names


def choose_scene(seed: int | str, looks: Sequence[str] | None = None) -> Scene:
    """The scene of image ``seed``: drawn from its own stream, so the classic screens keep their bytes."""
    names = check_looks(looks)
    rng = random.Random(f"{seed}/scene")
    return SCENES[rng.choices(names, weights=[SCENES[n].weight for n in names])[0]]


def stamp_chance(date_stamp: float) -> float:
    """Camera stamps on whole photos: real phone photos nearly always carry one (0.15 -> 0.6, 0.25+ -> 1)."""
    return min(1.0, 4.0 * date_stamp)
