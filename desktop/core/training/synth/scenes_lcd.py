"""LCD instruments as phone photos show them: insulation testers (thin-segment reflective LCD, or a backlit
blue-white LCD in a plastic case with range legends, maker, model and buttons) and clock / temperature LCDs.

Each builder returns a front Panel in photo pixels for a photo of ``size`` (width, height).
"""
from __future__ import annotations

import dataclasses
import random

from desktop.core.training.synth.case_parts import (
    button_labels,
    buttons,
    case_colours,
    maker_and_model,
    new_case,
    print_row,
)
from desktop.core.training.synth.looks import LOOKS, Look, ghost_color, jitter
from desktop.core.training.synth.panel import Panel, fit_digits
from desktop.core.training.synth.printing import CASE_WORDS, LCD_SMALL, RANGE_VOLTS
from desktop.core.training.synth.segments import SegmentStyle, render_text

INSULATION_UNITS = ("MΩ", "MΩ", "MΩ", "MΩ", "GΩ", "kΩ", "V", "Ω")
# Backlit testers: a glowing blue-white glass with dark digits, or the negative (white on blue).
BACKLIT_POSITIVE = Look("backlit_positive", (245, 228, 196), (75, 45, 25), (90, 55, 30), (40, 40, 40), 0.05,
                        glow=0.0, shading=0.22)


def insulation_value(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return str(rng.randint(0, 4000))
    if roll < 0.75:
        return f"{rng.uniform(0, 99.99):.2f}"
    if roll < 0.9:
        return f"{rng.uniform(100, 999.9):.1f}"
    return f"{rng.uniform(0, 9.999):.3f}"


def _segment_size(text: str, style: SegmentStyle, cells: int = 0) -> tuple[int, int]:
    r = render_text(text, style, cells)
    x0, y0, x1, y1 = r.bbox
    return x1 - x0, y1 - y0


def tester(rng: random.Random, fonts, size: tuple[int, int], *, backlit: bool) -> Panel:
    """An insulation tester: thin widely spaced digits at 10-20 % of the photo height, the unit small at the
    lower right, annunciators on the glass, range legends, maker, model and buttons on the case."""
    width, height = size
    dh = int(height * rng.uniform(0.10, 0.20) if not backlit else height * rng.uniform(0.09, 0.16))
    style = SegmentStyle(kind="seven", height=dh, width=rng.uniform(0.45, 0.6),
                         stroke=rng.uniform(0.045, 0.08) if not backlit else rng.uniform(0.08, 0.14),
                         gap=rng.uniform(0.01, 0.03),
                         spacing=rng.uniform(0.22, 0.45) if not backlit else rng.uniform(0.12, 0.3),
                         slant=rng.uniform(0, 7))
    value, unit = insulation_value(rng), rng.choice(INSULATION_UNITS)
    cells = 4 if rng.random() < 0.5 and len(value.replace(".", "")) < 4 else 0
    dw, _ = _segment_size(value, style, cells)
    unit_size = dh * rng.uniform(0.22, 0.38)
    if backlit:
        look = jitter(BACKLIT_POSITIVE if rng.random() < 0.6 else LOOKS["lcd_blue"], rng)
    else:
        look = jitter(LOOKS[rng.choice(["lcd_green", "lcd_grey"])], rng)
        look = dataclasses.replace(look, ghost=min(look.ghost, 0.06), glow=0.0)
    case, ink = case_colours(rng)
    gw = max((dw + unit_size * 2.2) * rng.uniform(1.15, 1.6), width * rng.uniform(0.28, 0.4))
    gh = dh * rng.uniform(2.0, 2.8)
    pw = max(gw * rng.uniform(1.3, 1.9), width * rng.uniform(0.55, 0.85))
    ph = max(gh * rng.uniform(2.2, 3.2), height * rng.uniform(0.6, 0.95))
    panel = new_case(pw, ph, case, rng, fonts)
    gx, gy = (pw - gw) / 2 + rng.uniform(-0.05, 0.05) * pw, ph * rng.uniform(0.12, 0.3)
    bezel = dh * rng.uniform(0.15, 0.4)
    panel.box(gx - bezel, gy - bezel, gx + gw + bezel, gy + gh + bezel, tuple(c * 0.55 for c in case),
              radius=bezel)
    panel.glass(gx, gy, gx + gw, gy + gh, look)

    small = max(height * 0.018, dh * rng.uniform(0.16, 0.24))
    if rng.random() < 0.8:
        # Small words on the glass (LOCK, EARTH, LIVE...): mode words a technician would box.
        print_row(panel, rng.sample(LCD_SMALL, rng.randint(1, 4)), gx + gw * 0.03, gx + gw * 0.97, gy + gh * 0.06,
                  small, look.print_ink, "mode")
    index = panel.reading("", value, unit)
    right = gx + gw - unit_size * 1.6 - gw * rng.uniform(0.03, 0.12)
    bottom = gy + gh * rng.uniform(0.72, 0.86)
    box = panel.digits(value, style, right, bottom, look.ink, ghost_color(look), anchor=(1.0, 1.0), cells=cells,
                       glow=look.glow, reading=index)
    if box is not None:
        panel.text(unit, box[2] + dh * rng.uniform(0.02, 0.1), box[3] - dh * rng.uniform(0.0, 0.12), unit_size,
                   look.print_ink, "unit", anchor=(0.0, 1.0), reading=index)
    _bar_graph(panel, gx + gw * 0.06, gx + gw * 0.94, gy + gh * 0.92, max(2.0, dh * 0.06), look, rng)

    print_size = height * rng.uniform(0.022, 0.032)
    maker, model = maker_and_model(rng)
    top_words = [(maker, print_size * 1.7, "bold"), model] if backlit else [rng.choice([model, *CASE_WORDS])]
    print_row(panel, top_words, gx - bezel, gx + gw + bezel, gy - bezel - print_size * 0.6, print_size, ink, "case",
              anchor_y=1.0)
    below = gy + gh + bezel + print_size * 0.8
    legends = sorted(rng.sample(RANGE_VOLTS, rng.randint(1, 4)), key=lambda v: int(v[:-1]))
    print_row(panel, legends, gx - bezel, gx + gw + bezel, below, print_size, ink, "case")
    below += print_size * 2.2
    if not backlit:
        panel.text(maker, pw / 2, below, print_size * rng.uniform(1.4, 2.0), ink, "case", anchor=(0.5, 0.0),
                   variant="bold")
        below += print_size * 2.6
    buttons(panel, button_labels(rng), gx, gx + gw, below, print_size * rng.uniform(0.75, 1.0), case, ink, rng)
    return panel


def _bar_graph(panel: Panel, x0: float, x1: float, y: float, h: float, look: Look, rng: random.Random) -> None:
    """The analogue bar of many testers: thin ticks, the first ones lit (no text, no region)."""
    if rng.random() < 0.4:
        return
    n = rng.randint(15, 40)
    lit = rng.randint(0, n)
    step = (x1 - x0) / n
    ghost = ghost_color(look)
    for i in range(n):
        colour = look.ink if i < lit else ghost
        panel.box(x0 + i * step, y - h, x0 + i * step + step * 0.55, y, colour)


def thin_lcd(rng: random.Random, fonts, size: tuple[int, int]) -> Panel:
    return tester(rng, fonts, size, backlit=False)


def backlit_lcd(rng: random.Random, fonts, size: tuple[int, int]) -> Panel:
    return tester(rng, fonts, size, backlit=True)


def clock_lcd(rng: random.Random, fonts, size: tuple[int, int]) -> Panel:
    """A clock / thermo-hygrometer: one value's digits fill half the glass (the time or the temperature),
    the others small below; PM / ALarm on the glass, TEMPERATURE / CLOCK/HUMIDITY / model on the case."""
    width, height = size
    case, ink = case_colours(rng, light=rng.random() < 0.6)
    look = jitter(LOOKS[rng.choice(["lcd_grey", "lcd_green", "lcd_grey"])], rng)
    look = dataclasses.replace(look, ghost=min(look.ghost, 0.07), glow=0.0)
    gw = width * rng.uniform(0.32, 0.55)
    gh = gw * rng.uniform(0.55, 0.8)
    pw, ph = gw * rng.uniform(1.25, 1.6), gh * rng.uniform(1.7, 2.3)
    panel = new_case(pw, ph, case, rng, fonts)
    gx, gy = (pw - gw) / 2, ph * rng.uniform(0.18, 0.3)
    panel.glass(gx, gy, gx + gw, gy + gh, look)
    style = SegmentStyle(kind="seven", height=int(gh * rng.uniform(0.4, 0.52)), width=rng.uniform(0.5, 0.62),
                         stroke=rng.uniform(0.09, 0.15), gap=rng.uniform(0.01, 0.03), spacing=rng.uniform(0.1, 0.2),
                         slant=rng.uniform(0, 8))
    small_style = dataclasses.replace(style, height=int(style.height * rng.uniform(0.4, 0.55)))
    label = gh * rng.uniform(0.07, 0.1)
    hh, mm = rng.randint(1, 12), rng.randint(0, 59)
    clock = f"{hh}:{mm:02d}"
    temperature = f"{rng.uniform(-5, 40):.1f}"
    humidity = str(rng.randint(15, 95))
    time_big = rng.random() < 0.6
    big_text, small_text = (clock, temperature) if time_big else (temperature, clock)
    left = gx + gw * rng.uniform(0.2, 0.3)
    style = fit_digits(big_text, style, gw * 0.66)
    small_style = fit_digits(small_text, small_style, gw * 0.33)
    temp_index = panel.reading("", temperature, "℃")
    words = rng.sample(["PM", "AM", "ALarm", "AL", "ALARM", "SNZ"], rng.randint(1, 2))
    words_above = rng.random() < 0.4   # 'PM  ALarm' in a row over the digits, else stacked left of them
    top = gy + gh * 0.08
    if words_above:
        print_row(panel, words, gx + gw * 0.04, gx + gw * 0.6, gy + gh * 0.04, label, look.print_ink, "mode")
        top = gy + gh * 0.04 + label * 1.6
        style = dataclasses.replace(style, height=min(style.height, int(gh * 0.42)))
    box = panel.digits(big_text, style, gx + gw * 0.88, top, look.ink, ghost_color(look),
                       anchor=(1.0, 0.0), reading=None if time_big else temp_index)
    room = (box[0] if box is not None else gx + gw) - gx - gw * 0.05 - label * 0.5   # left of the big digits
    for i, word in enumerate([] if words_above else words):
        if panel.measure(word, label)[0] <= room:
            panel.text(word, gx + gw * 0.05, gy + gh * 0.1 + i * label * 1.6, label, look.print_ink, "mode")
    if not time_big and box is not None:
        panel.text("℃", box[2] + 2, box[1], label * 1.8, look.print_ink, "unit", reading=temp_index)
    row_y = gy + gh * 0.92
    if time_big:
        sb = panel.digits(small_text, small_style, left + gw * 0.15, row_y, look.ink, ghost_color(look),
                          anchor=(1.0, 1.0), reading=temp_index)
        if sb is not None:
            panel.text("℃", sb[2] + 2, sb[1], label * 1.3, look.print_ink, "unit", reading=temp_index)
    else:
        panel.digits(small_text, small_style, left + gw * 0.15, row_y, look.ink, ghost_color(look), anchor=(1.0, 1.0))
    unit = rng.choice(["%", "%RH"])
    index = panel.reading("", humidity, unit)
    hb = panel.digits(humidity, small_style, gx + gw * 0.8, row_y, look.ink, ghost_color(look), anchor=(1.0, 1.0),
                      reading=index)
    if hb is not None:
        panel.text(unit, hb[2] + 2, hb[3], label * 1.2, look.print_ink, "unit", anchor=(0.0, 1.0), reading=index)
    print_size = height * rng.uniform(0.028, 0.04)
    heading = rng.choice(["TEMPERATURE", "THERMO-HYGROMETER", "DIGITAL CLOCK", "TEMPERATURE & HUMIDITY"])
    panel.text(heading, pw / 2, gy - print_size * 0.6, print_size * rng.uniform(1.0, 1.4), ink, "case",
               anchor=(0.5, 1.0))
    panel.text(rng.choice(["CLOCK/HUMIDITY", "HUMIDITY", "HYGROMETER"]), pw / 2, gy + gh + print_size * 0.8,
               print_size, ink, "case", anchor=(0.5, 0.0))
    panel.text(rng.choice(["HTC-1", "HTC-2", "TH-05", "DC-103"]), gx, gy + gh + print_size * 2.6,
               print_size * 1.1, ink, "case", variant="bold")
    return panel

