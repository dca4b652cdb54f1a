"""Display looks: LCD (reflective grey-green, backlit blue, white-on-black), e-paper, LED colours.

A look is the palette of one screen (colours are BGR) plus how it lights: the contrast of unlit
"ghost" segments, the glow of LEDs and the unevenness of the background.
"""
from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

import cv2
import numpy as np

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Look:
    name: str
    background: Color      # screen glass
    ink: Color             # lit segments
    print_ink: Color       # printed labels and units on the glass
    body: Color            # instrument casing around the screen
    ghost: float           # unlit segment strength, fraction of the way from background to ink
    glow: float = 0.0      # LED bloom strength
    shading: float = 0.08  # background unevenness (gradient / backlight falloff)


LOOKS: dict[str, Look] = {
    "lcd_green": Look("lcd_green", (150, 178, 160), (38, 44, 36), (45, 52, 42), (70, 70, 68), 0.10),
    "lcd_grey": Look("lcd_grey", (178, 186, 182), (30, 32, 30), (40, 40, 40), (190, 192, 190), 0.08),
    "lcd_blue": Look("lcd_blue", (190, 90, 20), (255, 245, 230), (255, 235, 210), (50, 48, 46), 0.12,
                     glow=0.15, shading=0.15),
    "lcd_amber": Look("lcd_amber", (40, 170, 230), (20, 25, 20), (25, 30, 25), (40, 40, 40), 0.10),
    "white_on_black": Look("white_on_black", (22, 20, 18), (240, 240, 235), (220, 220, 215), (60, 60, 60),
                           0.07, glow=0.1),
    "vfd_cyan": Look("vfd_cyan", (25, 22, 18), (225, 240, 120), (210, 225, 110), (40, 40, 40), 0.10,
                     glow=0.35),
    "epaper": Look("epaper", (215, 220, 222), (25, 25, 25), (30, 30, 30), (225, 225, 225), 0.0, shading=0.05),
    "led_red": Look("led_red", (18, 12, 20), (40, 40, 255), (200, 200, 200), (35, 35, 35), 0.14, glow=0.6),
    "led_green": Look("led_green", (12, 18, 10), (80, 255, 60), (200, 200, 200), (35, 35, 35), 0.12, glow=0.5),
    "led_amber": Look("led_amber", (10, 15, 22), (20, 170, 255), (200, 200, 200), (35, 35, 35), 0.12, glow=0.5),
}


def _shift(color: Color, rng: random.Random, amount: int) -> Color:
    return tuple(int(np.clip(c + rng.randint(-amount, amount), 0, 255)) for c in color)


def jitter(look: Look, rng: random.Random) -> Look:
    """A random variant of ``look``: colours shifted, ghost and glow strength varied, sometimes no ghosts."""
    return dataclasses.replace(
        look,
        background=_shift(look.background, rng, 22),
        ink=_shift(look.ink, rng, 18),
        print_ink=_shift(look.print_ink, rng, 18),
        body=_shift(look.body, rng, 30),
        ghost=0.0 if rng.random() < 0.2 else look.ghost * rng.uniform(0.4, 2.2),
        glow=look.glow * rng.uniform(0.5, 1.5),
        shading=look.shading * rng.uniform(0.3, 1.8),
    )


def random_look(rng: random.Random) -> Look:
    return jitter(LOOKS[rng.choice(sorted(LOOKS))], rng)


def ghost_color(look: Look) -> np.ndarray:
    bg, ink = np.array(look.background, np.float32), np.array(look.ink, np.float32)
    return bg + (ink - bg) * look.ghost


def background(look: Look, height: int, width: int, rng: random.Random) -> np.ndarray:
    """Float32 BGR screen background with a soft gradient / backlight falloff."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height
    r = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(height, width)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = ((xx * np.cos(angle) + yy * np.sin(angle)) / max(height, width)) - 0.5
    gain = 1.0 - look.shading * (r + 0.5 * ramp)
    return np.array(look.background, np.float32)[None, None, :] * gain[..., None]


def paint(canvas: np.ndarray, mask: np.ndarray, color) -> None:
    """Alpha-blend a solid colour into a float canvas through a [0, 1] mask (in place)."""
    m = mask[..., None]
    canvas *= 1.0 - m
    canvas += m * np.asarray(color, np.float32)


def add_glow(canvas: np.ndarray, lit: np.ndarray, look: Look, radius: float) -> None:
    """LED / backlight bloom: a blurred copy of the lit ink added on top (in place)."""
    if look.glow <= 0 or radius < 0.5:
        return
    halo = cv2.GaussianBlur(lit, (0, 0), radius)
    canvas += (halo * look.glow)[..., None] * np.asarray(look.ink, np.float32) * 0.8
