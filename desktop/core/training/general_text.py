"""Printed general text (labels, units, words, numbers) for recognition "replay".

Finetuning only on seven-segment digits makes the model forget Chinese labels and units (the spike
saw 大气压 read as '.气'). Mixing these crops into every run keeps what the stock model knew; a
held-out set of them is how we check that nothing was forgotten.
"""
from __future__ import annotations

import random

import cv2
import numpy as np
import yaml

from desktop.core.resources import resource_path
from desktop.core.training.augment import photometric
from desktop.core.training.samples import RecItem
from desktop.core.training.synth.fonts import FontSet, system_fonts, text_mask
from desktop.core.training.synth.text_sources import LATIN_TITLES, TITLES

GENERAL_PREFIX = "general-"  # item names: lets validation score forgetting on these alone
STATUS_WORDS = ("测量中", "采样中", "已完成", "电池电量低", "请稍候", "保存", "设置", "校准", "菜单", "返回",
                "确认", "报警", "正常", "开始", "停止", "打印", "日期", "时间", "编号", "合格")
LATIN_WORDS = ("Pump", "Flow", "Temp", "Data", "Zero", "Span", "Menu", "Enter", "Cal", "Range",
               "Battery", "Error", "Low", "High", "Mode", "Test", "Print", "Save")


def vocabulary() -> list[str]:
    """Every key name, alias, English name and unit the reading layer knows, plus screen words."""
    keys = yaml.safe_load(resource_path("keys.yaml").read_text(encoding="utf-8"))["keys"]
    units = yaml.safe_load(resource_path("units.yaml").read_text(encoding="utf-8"))["units"]
    words = [k["key"] for k in keys] + [a for k in keys for a in k.get("aliases", [])]
    words += [k["en"] for k in keys] + list(units) + list(TITLES) + list(LATIN_TITLES)
    return sorted(set(words + list(STATUS_WORDS) + list(LATIN_WORDS)))


def random_phrase(rng: random.Random, words: list[str]) -> str:
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(words)
    if roll < 0.75:
        return rng.choice(words) + rng.choice(["", ":", "："]) + rng.choice(words)
    if roll < 0.9:  # printed numbers, dates and model codes
        return rng.choice([f"{rng.uniform(0, 999):.{rng.randint(0, 3)}f}", f"20{rng.randint(10, 30)}-"
                           f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", f"No.{rng.randint(1, 9999)}",
                           f"{rng.choice('ABCDEFGHJKLMNPRSTXYZ')}{rng.randint(10, 9999)}"])
    return rng.choice(words) + " " + f"{rng.uniform(0, 200):.{rng.randint(0, 2)}f}"


def render_phrase(text: str, rng: random.Random, fonts: FontSet) -> np.ndarray | None:
    font = fonts.path_for(text)
    if font is None:
        return None
    mask = text_mask(text, font, rng.randint(18, 44))
    ys, xs = np.nonzero(mask > 0.2)
    if len(xs) == 0:
        return None
    height = ys.max() - ys.min() + 1
    pad = max(1, int(height * rng.uniform(0.08, 0.3)))  # like a detector's loose box
    y0, y1 = max(ys.min() - pad, 0), min(ys.max() + pad + 1, mask.shape[0])
    x0, x1 = max(xs.min() - pad, 0), min(xs.max() + pad + 1, mask.shape[1])
    mask = mask[y0:y1, x0:x1, None]
    background, ink = legible_colours(rng)
    crop = background * (1 - mask) + ink * mask
    return photometric(np.clip(crop, 0, 255).astype(np.uint8), rng)


def luminance(colour: np.ndarray) -> float:
    return float(colour @ np.array([0.299, 0.587, 0.114], np.float32))


def legible_colours(rng: random.Random) -> tuple[np.ndarray, np.ndarray]:
    """Random background and ink colours far enough apart in brightness to read."""
    background = np.array([rng.randint(0, 255) for _ in range(3)], np.float32)
    for _ in range(20):
        ink = np.array([rng.randint(0, 255) for _ in range(3)], np.float32)
        if abs(luminance(ink) - luminance(background)) >= 100:
            return background, ink
    return background, np.full(3, 0.0 if luminance(background) > 127 else 255.0, np.float32)


def general_text_items(count: int, seed: int, fonts: FontSet | None = None) -> list[RecItem]:
    fonts = fonts or system_fonts()
    rng = random.Random(seed)
    words = [w for w in vocabulary() if fonts.can_draw(w)]
    items: list[RecItem] = []
    while words and len(items) < count:
        text = random_phrase(rng, words)
        crop = render_phrase(text, rng, fonts)
        if crop is not None and min(crop.shape[:2]) >= 8:
            items.append(RecItem(cv2.cvtColor(crop, cv2.COLOR_RGB2BGR), text, f"{GENERAL_PREFIX}{seed}-{len(items)}"))
    return items
