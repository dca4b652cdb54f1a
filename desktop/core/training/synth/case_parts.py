"""Parts every instrument case shares: its plastic colour and printing ink, button rows with their labels,
range legends and the maker / model names."""
from __future__ import annotations

import random

from desktop.core.training.synth.panel import Panel
from desktop.core.training.synth.printing import BUTTONS, MAKERS, random_model

# (case colour, printing ink) in BGR: dark plastic with white print, yellow / light grey with black print.
CASES = (((42, 42, 44), (235, 235, 230)), ((30, 30, 30), (220, 220, 220)), ((70, 68, 64), (240, 240, 240)),
         ((20, 190, 235), (25, 25, 25)), ((175, 178, 176), (30, 30, 30)), ((215, 218, 220), (40, 40, 40)),
         ((95, 80, 60), (235, 235, 235)), ((40, 60, 150), (235, 235, 235)))


def _shift(color, rng: random.Random, amount: float) -> tuple[float, float, float]:
    return tuple(min(255.0, max(0.0, c + rng.uniform(-amount, amount))) for c in color)


def case_colours(rng: random.Random, light: bool | None = None) -> tuple[tuple, tuple]:
    """A case colour and the ink printed on it; ``light`` picks a light (True) or dark (False) case."""
    choices = [c for c in CASES if light is None or (sum(c[0]) > 300) == light]
    case, ink = rng.choice(choices)
    return _shift(case, rng, 14), _shift(ink, rng, 12)


def buttons(panel: Panel, labels: list[str], x0: float, x1: float, y: float, size: float, case, ink,
            rng: random.Random) -> None:
    """A row of buttons between x0 and x1 with their labels printed above or on them (kind 'case'); labels
    that would touch their neighbours are left out from the end."""
    labels = list(labels)
    while labels and max(panel.measure(label, size)[0] for label in labels) > 0.85 * (x1 - x0) / len(labels):
        labels.pop()
    if not labels:
        return
    step = (x1 - x0) / len(labels)
    on_button = rng.random() < 0.4
    bw, bh = step * rng.uniform(0.45, 0.75), size * rng.uniform(1.4, 2.2)
    face = _shift(tuple(c * 0.75 for c in case), rng, 10) if rng.random() < 0.6 else _shift((60, 60, 60), rng, 20)
    for i, label in enumerate(labels):
        cx = x0 + (i + 0.5) * step
        top = y + (0 if on_button else size * 1.4)
        panel.box(cx - bw / 2, top, cx + bw / 2, top + bh, face, radius=bh * 0.3,
                  border=tuple(c * 0.6 for c in face))
        if on_button:
            label_ink = (235, 235, 235) if sum(face) < 360 else (25, 25, 25)
            panel.text(label, cx, top + bh / 2, size, label_ink, "case", anchor=(0.5, 0.5))
        else:
            panel.text(label, cx, y + size * 1.1, size, ink, "case", anchor=(0.5, 1.0))


def button_labels(rng: random.Random, low: int = 2, high: int = 4) -> list[str]:
    return rng.sample(BUTTONS, rng.randint(low, high))


def maker_and_model(rng: random.Random) -> tuple[str, str]:
    return rng.choice(MAKERS), random_model(rng)


def print_row(panel: Panel, words: list, x0: float, x1: float, y: float, size: float, ink, kind: str, *,
              anchor_y: float = 0.0, variant: str = "", reading: int | None = None) -> None:
    """Words spread across [x0, x1] with equal gaps; a word is a string or (text, size, variant). Words that
    would not fit are left out from the end, so nothing printed overlaps."""
    items = [(w, size, variant) if isinstance(w, str) else w for w in words]
    while items:
        widths = [panel.measure(text, s, v)[0] for text, s, v in items]
        free = (x1 - x0) - sum(widths)
        if free >= size * 0.8 * (len(items) - 1):
            break
        items.pop()
    if not items:
        return
    gap = free / len(items)
    x = x0 + gap / 2
    for (text, s, v), w in zip(items, widths):
        panel.text(text, x, y, s, ink, kind, anchor=(0.0, anchor_y), variant=v, reading=reading)
        x += w + gap


def new_case(width: float, height: float, colour, rng: random.Random, fonts) -> Panel:
    """An instrument's case: a plastic front with rounded corners and a moulded edge."""
    panel = Panel(width, height, colour, rng, fonts)
    side = min(panel.width, panel.height)
    panel.shape_case(radius=side * rng.uniform(0.02, 0.12), bevel=side * rng.uniform(0.0, 0.03))
    return panel
