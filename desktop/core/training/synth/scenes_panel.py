"""Panel-mounted instruments as phone photos show them: red-LED meters and timers (unlit segments visible,
a unit / mode legend below, a maker / model plate above) and HMI touch screens with a result table
(English column heads, a row of small values, buttons).

Each builder returns a front Panel in photo pixels for a photo of ``size`` (width, height).
"""
from __future__ import annotations

import dataclasses
import random

from desktop.core.training.synth.case_parts import case_colours, maker_and_model, new_case, print_row
from desktop.core.training.synth.looks import LOOKS, ghost_color, jitter
from desktop.core.training.synth.panel import Panel
from desktop.core.training.synth.printing import (
    HMI_BUTTONS,
    HMI_HEADS,
    HMI_SUBTITLES,
    HMI_TITLES,
    HMI_UNITS,
    MAKERS,
    random_model,
)
from desktop.core.training.synth.segments import SegmentStyle
from desktop.core.training.synth.text_sources import format_value

# Legend printed under a panel meter -> the unit a technician writes down.
LEGENDS = {"ARMS": "A", "VRMS": "V", "A": "A", "V": "V", "Hz": "Hz", "kW": "kW", "AAC": "A", "VAC": "V",
           "mA": "mA", "DC V": "V", "%": "%", "kVA": "kVA"}


def led_panel(rng: random.Random, fonts, size: tuple[int, int]) -> Panel:
    """A DIN panel meter or timer on a control panel: black bezel, red LED digits with ghost 8s."""
    width, height = size
    control, _ = case_colours(rng, light=rng.random() < 0.7)
    pw, ph = width * rng.uniform(0.8, 1.1), height * rng.uniform(0.8, 1.1)
    panel = Panel(pw, ph, control, rng, fonts)
    bw = width * rng.uniform(0.42, 0.68)
    bh = bw * rng.uniform(0.5, 0.62)
    bx, by = (pw - bw) / 2 + rng.uniform(-0.1, 0.1) * pw, (ph - bh) / 2 + rng.uniform(-0.08, 0.05) * ph
    bezel = (rng.uniform(15, 40),) * 3
    panel.box(bx, by, bx + bw, by + bh, bezel, radius=bh * 0.04, border=tuple(c * 0.5 for c in bezel))
    white = (rng.uniform(200, 240),) * 3
    plate = bh * rng.uniform(0.11, 0.16)
    timer = rng.random() < 0.35
    maker = rng.choice(MAKERS)
    if not timer:
        print_row(panel, [(maker, plate * 1.3, "bold"), random_model(rng)], bx + bw * 0.03, bx + bw * 0.97,
                  by + bh * 0.2, plate, white, "case", anchor_y=0.5)
    wx0, wy0 = bx + bw * 0.05, by + bh * (0.32 if not timer else 0.1)
    wx1, wy1 = bx + bw * 0.95, by + bh * (0.76 if not timer else 0.66)
    look = jitter(LOOKS["led_red"] if rng.random() < 0.8 else LOOKS[rng.choice(["led_green", "led_amber"])], rng)
    look = dataclasses.replace(look, ghost=rng.uniform(0.07, 0.25), glow=rng.uniform(0.3, 0.8),
                               background=tuple(min(255, c * rng.uniform(0.6, 1.4)) for c in (30, 18, 55)))
    panel.glass(wx0, wy0, wx1, wy1, look)
    dh = int(min((wy1 - wy0) * rng.uniform(0.7, 0.86), height * 0.21))
    style = SegmentStyle(kind="seven", height=dh, width=rng.uniform(0.5, 0.6), stroke=rng.uniform(0.12, 0.18),
                         gap=rng.uniform(0.01, 0.03), spacing=rng.uniform(0.14, 0.24), slant=rng.uniform(0, 8))
    if timer:
        value, unit, legend = f"{rng.randint(0, 99):02d}.{rng.randint(0, 59):02d}", "", None
        cells = 4
    else:
        legend = rng.choice(sorted(LEGENDS))
        unit = LEGENDS[legend]
        value = format_value(rng.uniform(0, 999), rng.choice([0, 0, 1, 2]))
        while len(value.replace(".", "")) > 4:
            value = value[:-1].rstrip(".")
        cells = rng.choice([3, 4])
    index = panel.reading("", value, unit)
    box = panel.digits(value, style, wx1 - (wx1 - wx0) * 0.06, (wy0 + wy1) / 2, look.ink, ghost_color(look),
                       anchor=(1.0, 0.5), cells=cells, glow=look.glow, reading=index)
    if legend is not None and box is not None:
        panel.text(legend, (box[0] + box[2]) / 2 + rng.uniform(-0.2, 0.2) * bw, wy1 + bh * 0.06,
                   bh * rng.uniform(0.12, 0.18), white, "unit", anchor=(0.5, 0.0), reading=index, variant="bold")
    if timer:
        small = dataclasses.replace(style, height=int(dh * rng.uniform(0.3, 0.45)))
        panel.digits(str(rng.randint(1, 9)), small, bx + bw * 0.12, by + bh * 0.9, look.ink, ghost_color(look),
                     anchor=(0.0, 1.0), kind="mode", glow=look.glow)
        for i, word in enumerate(rng.sample(["OUT", "RST", "START", "INH", "UP", "DOWN"], 2)):
            panel.text(word, bx + bw * (0.55 + 0.2 * i), by + bh * 0.88, plate * 0.8, white, "case",
                       anchor=(0.5, 1.0))
        label = f"{maker} {random_model(rng)}" if rng.random() < 0.7 else random_model(rng)
        panel.text(label, bx + bw / 2, by + bh + plate * 0.8, plate, tuple(255 - c for c in control) if
                   sum(control) < 300 else (30, 30, 30), "case", anchor=(0.5, 0.0))
    return panel


def hmi_table(rng: random.Random, fonts, size: tuple[int, int]) -> Panel:
    """A test set's touch screen: a title bar, a subtitle, three English column heads over a row of small
    values (about 19x8 px in a 508x381 photo), sometimes a units row, and PRINT / SAVE / ... buttons."""
    width, height = size
    case, ink = case_colours(rng)
    tw = width * rng.uniform(0.4, 0.62)
    th = tw * rng.uniform(0.6, 0.8)
    pw, ph = tw * rng.uniform(1.4, 2.2), th * rng.uniform(1.5, 2.1)
    panel = new_case(pw, ph, case, rng, fonts)
    tx, ty = (pw - tw) / 2 + rng.uniform(-0.08, 0.08) * pw, (ph - th) / 2 + rng.uniform(-0.1, 0.05) * ph
    border = th * 0.05
    panel.box(tx - border, ty - border, tx + tw + border, ty + th + border, (25, 25, 25), radius=border)
    dark = rng.random() < 0.25
    screen_bg = (rng.uniform(90, 130), rng.uniform(40, 70), rng.uniform(10, 30)) if dark else \
        (rng.uniform(215, 250), rng.uniform(215, 250), rng.uniform(210, 245))
    text_ink = (235, 235, 235) if dark else (rng.uniform(10, 60),) * 3
    panel.box(tx, ty, tx + tw, ty + th, screen_bg)
    units_row, dated = rng.random() < 0.4, rng.random() < 0.3
    # Rows in text heights: bar 2.1, subtitle 3.3, heads 1.9, values 1.6, units 1.6, date 1.4, buttons 2.6.
    lines = 12.9 + (1.6 if units_row else 0) + (1.4 if dated else 0)
    base = min(height * rng.uniform(0.024, 0.036), th / lines)     # value text size: ink ~7-11 px at 381 px
    face = rng.choice(["", "", "condensed"])                          # HMI fonts are often narrow
    spare = th - lines * base
    bar = base * 2.1
    bar_colour = (rng.uniform(120, 200), rng.uniform(60, 120), rng.uniform(10, 40))
    title_on_bar = rng.random() < 0.7
    if title_on_bar:
        panel.box(tx, ty, tx + tw, ty + bar, bar_colour)
    panel.text(rng.choice(HMI_TITLES), tx + tw / 2, ty + bar / 2, base * 1.15,
               (240, 240, 240) if title_on_bar else text_ink, "label", anchor=(0.5, 0.5), variant="bold")
    y = ty + bar + base * 0.8 + spare * rng.uniform(0.0, 0.3)
    panel.text(rng.choice(HMI_SUBTITLES), tx + tw * rng.uniform(0.3, 0.5), y, base * 1.05, text_ink, "label",
               anchor=(0.5, 0.0))
    heads = rng.choice(HMI_HEADS)
    head_y = y + base * 2.5 + spare * rng.uniform(0.0, 0.3)
    value_y = head_y + base * 1.9
    unit = rng.choice(HMI_UNITS)
    decimals = rng.choice([2, 2, 1, 3])
    values = [format_value(rng.uniform(0, 99.99 if decimals > 1 else 999.9), decimals,
                           width=2 if rng.random() < 0.6 else 0) for _ in heads]
    widest = max(panel.measure(t, base, face)[0] for t in (*heads, *values))
    span = min(tw * 0.92, max(widest * 1.3 * len(heads), tw * rng.uniform(0.4, 0.85)))
    col_x0 = tx + rng.uniform(0.04, 0.96) * (tw - span)
    step = span / len(heads)
    grid = rng.random() < 0.5
    for i, (head, value) in enumerate(zip(heads, values)):
        cx = col_x0 + (i + 0.5) * step
        index = panel.reading(head, value, unit if units_row else "")
        panel.text(head, cx, head_y, base, text_ink, "key", anchor=(0.5, 0.0), reading=index, variant=face)
        panel.text(value, cx, value_y, base, text_ink, "value", anchor=(0.5, 0.0), reading=index, variant=face)
        if units_row:
            panel.text(unit, cx, value_y + base * 1.6, base * 0.95, text_ink, "unit", anchor=(0.5, 0.0),
                       reading=index)
        if grid and i:
            x = col_x0 + i * step
            panel.box(x, head_y - base * 0.4, x + 1, value_y + base * (2.6 if units_row else 1.2), text_ink)
    buttons_top = ty + th - base * 2.6
    if dated:
        panel.text(f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2026)}",
                   tx + tw * 0.04, buttons_top - base * 0.4, base * 0.85, text_ink, "label", anchor=(0.0, 1.0))
    labels = rng.choice(HMI_BUTTONS)
    bstep = tw / len(labels)
    button_colour = (rng.uniform(150, 220),) * 3 if rng.random() < 0.6 else bar_colour
    button_ink = (20, 20, 20) if sum(button_colour) > 400 else (240, 240, 240)
    for i, label in enumerate(labels):
        x0 = tx + i * bstep + bstep * 0.1
        panel.box(x0, buttons_top, x0 + bstep * 0.8, ty + th - base * 0.3, button_colour,
                  radius=base * 0.3, border=tuple(c * 0.6 for c in button_colour))
        panel.text(label, x0 + bstep * 0.4, buttons_top + base * 1.15, base * 0.95, button_ink, "label",
                   anchor=(0.5, 0.5))
    maker, model = maker_and_model(rng)
    if rng.random() < 0.7:
        panel.text(f"{maker} {model}" if rng.random() < 0.5 else maker, tx, ty - border - base, base * 1.4, ink,
                   "case", anchor=(0.0, 1.0), variant="bold")
    return panel
