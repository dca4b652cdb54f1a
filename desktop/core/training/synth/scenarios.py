"""Random screen specs: the variety the recogniser must see (multi-row samplers, panel meters, glued
units, two values side by side, unlit leading digits, thin or bold, upright or italic segments)."""
from __future__ import annotations

import random

from desktop.core.training.synth.looks import random_look
from desktop.core.training.synth.screen import Field, ScreenSpec
from desktop.core.training.synth.segments import SegmentStyle, can_render
from desktop.core.training.synth.text_sources import (
    LATIN_TITLES,
    TITLES,
    Quantity,
    random_quantities,
    random_unit,
    random_value,
)

LAYOUTS = ("rows", "panel", "dual", "glued")


def random_style(rng: random.Random) -> SegmentStyle:
    kind = rng.choices(["seven", "fourteen", "dots"], weights=[0.75, 0.12, 0.13])[0]
    thin = rng.random() < 0.3
    return SegmentStyle(
        kind=kind,
        width=rng.uniform(0.45, 0.65) if kind != "dots" else rng.uniform(0.5, 0.62),
        stroke=rng.uniform(0.05, 0.09) if thin else rng.uniform(0.1, 0.2),
        gap=rng.uniform(0.0, 0.035),
        spacing=rng.uniform(0.08, 0.3),
        slant=0.0 if rng.random() < 0.3 else rng.uniform(2.0, 12.0),
    )


def _field(rng: random.Random, q: Quantity, style: SegmentStyle, *, key: bool = True,
           glued: bool = False) -> Field:
    value = random_value(rng, q)
    while not can_render(value, style.kind):
        value = random_value(rng, q)
    digits = sum(c.isdigit() or c == "-" for c in value)
    cells = digits + rng.randint(1, 2) if rng.random() < 0.45 else 0
    return Field(value=value, key=q.key if key else None, unit=random_unit(rng, q), glued=glued, cells=cells)


def random_spec(rng: random.Random) -> ScreenSpec:
    """One random instrument screen."""
    style = random_style(rng)
    layout = rng.choice(LAYOUTS)
    if layout == "rows":
        qs = random_quantities(rng, rng.randint(1, 5))
        rows = tuple((_field(rng, q, style),) for q in qs)
    elif layout == "panel":
        rows = ((_field(rng, random_quantities(rng, 1)[0], style, key=rng.random() < 0.4,
                        glued=rng.random() < 0.3),),)
    elif layout == "dual":
        qs = random_quantities(rng, 2 * rng.randint(1, 2))
        rows = tuple((_field(rng, a, style, key=rng.random() < 0.6), _field(rng, b, style, key=rng.random() < 0.6))
                     for a, b in zip(qs[::2], qs[1::2]))
    else:
        qs = random_quantities(rng, rng.randint(1, 3))
        rows = tuple((_field(rng, q, style, glued=True),) for q in qs)
    title = None
    if rng.random() < 0.4:
        title = rng.choice(TITLES if rng.random() < 0.7 else LATIN_TITLES)
    width = rng.randint(480, 800)
    return ScreenSpec(
        rows=rows,
        look=random_look(rng),
        style=style,
        title=title,
        footer=rng.choice(LATIN_TITLES) if rng.random() < 0.2 else None,
        size=(width, int(width * rng.uniform(0.6, 0.85))),
        window=rng.uniform(0.75, 0.95),
        key_scale=rng.uniform(0.32, 0.6),
        unit_scale=rng.uniform(0.3, 0.55),
        unit_align=rng.choice(["bottom", "bottom", "middle", "top"]),
    )
